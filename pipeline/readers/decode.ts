/**
 * Turns the bytes of an input file into text, or refuses them with a message
 * that says why and where. Archive pages come as UTF-8, windows-1252 or
 * ISO-8859-1; text that no XML document can hold is refused, never dropped.
 */
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import { MessageLog } from '../messages.js';

/** iconv-lite, loaded only for a file that is not UTF-8 (most are), which saves its load on every start. */
let iconvModule: typeof Iconv | undefined;
function iconv(): typeof Iconv {
  iconvModule ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  return iconvModule;
}

/** Inputs larger than this are refused: no article is that long, and a runaway file should not stall a batch. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** The encodings {@link decodeInput} may report; `declared` names another charset an HTML `meta` declared (in {@link Decoded.charset}). */
export type InputEncoding = 'utf-8' | 'windows-1252' | 'declared';

export interface Decoded {
  text: string;
  encoding: InputEncoding;
  /** The charset label an HTML `meta` declared, if any (lower case). */
  charset?: string;
}

/** Labels that WHATWG Encoding maps to windows-1252, as browsers read them. */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819', 'ibm819']);

/**
 * The charset an HTML page declares in its first 1024 bytes
 * (`<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`),
 * as the HTML standard's prescan looks for it; undefined when none is declared.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const match = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(meta);
    if (match) return match[1]!.toLowerCase();
  }
  return undefined;
}

/** Line and column (1-based) of a character offset. */
export function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Decodes input bytes. UTF-8 (with or without BOM) is taken as is; bytes that
 * are not UTF-8 are read as windows-1252 (a superset of ISO-8859-1's printable
 * range) when an HTML `meta` declares it, or when the text has no sign of being
 * binary, with a warning. Empty, binary and oversized files are refused.
 */
export function decodeInput(bytes: Uint8Array, log: MessageLog): Decoded {
  if (bytes.length === 0) log.fail('read:empty', 'the file is empty; expected the text of an article');
  if (bytes.length > MAX_INPUT_BYTES) {
    log.fail(
      'read:too-large',
      `the file has ${bytes.length} bytes, more than the ${MAX_INPUT_BYTES} an article may have; split it or check that it is the right file`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    log.fail('read:binary', 'the file holds NUL bytes, so it is binary (or UTF-16), not a text or HTML page; convert it to UTF-8 text', placeOfByte(bytes, nul));
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  let text: string | undefined;
  let encoding: InputEncoding = 'utf-8';
  const charset = declaredCharset(body);
  // A page that declares a legacy charset is read in it, as a browser would;
  // but bytes that are valid UTF-8 with non-ASCII letters were re-saved as
  // UTF-8 after the declaration was written, so UTF-8 wins with a warning.
  // A UTF-16 declaration in a file without NUL bytes cannot be true (the HTML standard reads it as UTF-8).
  if (charset && !/^(utf-?8|utf-?16(le|be)?)$/.test(charset)) {
    const legacy = WINDOWS_1252_LABELS.has(charset) ? 'windows-1252' : charset;
    if (!iconv().encodingExists(legacy)) {
      log.warn('read:charset', `the page declares the charset "${charset}", which is not known; it is read as UTF-8 if it can be, else as windows-1252`);
    } else if (isUtf8(body) && body.some((byte) => byte >= 0x80)) {
      log.warn('read:charset', `the page declares the charset "${charset}" but its bytes are UTF-8; it was read as UTF-8. Correct the meta declaration`);
    } else {
      text = iconv().decode(Buffer.from(body), legacy);
      encoding = legacy === 'windows-1252' ? 'windows-1252' : 'declared';
    }
  }
  if (text === undefined) {
    const scan = scanUtf8(body);
    if (scan.invalid.length === 0) text = new TextDecoder('utf-8').decode(body);
    else if (scan.multibyte > scan.invalid.length) {
      // More valid multi-byte letters than broken sequences: a UTF-8 file with a few damaged bytes.
      // Read as UTF-8 with U+FFFD for each broken sequence, each one reported where it is.
      text = new TextDecoder('utf-8').decode(body);
      reportInvalidUtf8(body, scan.invalid, log);
    } else {
      // Node's TextDecoder reads 'windows-1252' as ISO-8859-1 (0x92 stays U+0092), so use iconv-lite.
      text = iconv().decode(Buffer.from(body), 'windows-1252');
      encoding = 'windows-1252';
      log.warn(
        'read:encoding',
        `the file is not UTF-8 (${scan.invalid.length} byte sequence${scan.invalid.length === 1 ? '' : 's'} that UTF-8 cannot hold, ${scan.multibyte} that it can); it was read as windows-1252 (ISO-8859-1 is a subset of it). Check the accented letters, or save the file as UTF-8`,
        placeOfByte(body, scan.invalid[0]!.start),
      );
    }
  }
  text = text.replace(/\r\n?/g, '\n');
  const illegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (illegal) {
    const code = illegal[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    log.fail(
      'read:control-character',
      `the file holds the control character U+${code}, which XML cannot hold; remove it or replace it with the character that was meant`,
      placeOf(text, illegal.index),
    );
  }
  if (!/\S/.test(text)) log.fail('read:empty', 'the file holds only white space; expected the text of an article');
  return { text, encoding, charset };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A run of bytes that are not UTF-8. */
interface InvalidRun {
  start: number;
  length: number;
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), or 0. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const [need, low, high] = b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b === 0xe0 ? [2, 0xa0, 0xbf] : b === 0xed ? [2, 0x80, 0x9f]
    : b >= 0xe1 && b <= 0xef ? [2, 0x80, 0xbf] : b === 0xf0 ? [3, 0x90, 0xbf] : b === 0xf4 ? [3, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] : [0, 0, 0];
  if (need === 0) return 0;
  const second = bytes[i + 1];
  if (second === undefined || second < low || second > high) return 0;
  for (let k = 2; k <= need; k++) {
    const next = bytes[i + k];
    if (next === undefined || (next & 0xc0) !== 0x80) return 0;
  }
  return need + 1;
}

/** The runs of bytes that are not UTF-8, and how many well-formed multi-byte sequences there are. */
function scanUtf8(bytes: Uint8Array): { invalid: InvalidRun[]; multibyte: number } {
  const invalid: InvalidRun[] = [];
  let multibyte = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceAt(bytes, i);
    if (length > 0) {
      if (length > 1) multibyte++;
      i += length;
      continue;
    }
    const last = invalid.at(-1);
    if (last && last.start + last.length === i) last.length++;
    else invalid.push({ start: i, length: 1 });
    i++;
  }
  return { invalid, multibyte };
}

/** Most broken UTF-8 sequences reported one by one; the rest are counted in one more message. */
const MAX_INVALID_REPORTED = 20;

/** Warns of each run of bytes that are not UTF-8, at its line and column (in characters, as the text reads). */
function reportInvalidUtf8(bytes: Uint8Array, runs: readonly InvalidRun[], log: MessageLog): void {
  const decoder = new TextDecoder('utf-8');
  for (const run of runs.slice(0, MAX_INVALID_REPORTED)) {
    const { line, column } = placeOfByte(bytes, run.start);
    const lineStart = run.start - (column - 1);
    const charColumn = decoder.decode(bytes.subarray(lineStart, run.start)).length + 1;
    const hex = Array.from(bytes.subarray(run.start, Math.min(run.start + run.length, run.start + 8)), (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    log.warn(
      'read:invalid-utf8',
      `the byte${run.length === 1 ? '' : 's'} ${hex}${run.length > 8 ? ' …' : ''} ${run.length === 1 ? 'is' : 'are'} not UTF-8 (the rest of the file is); read as U+FFFD (�). Check the source for the character that was meant`,
      { line, column: charColumn },
    );
  }
  if (runs.length > MAX_INVALID_REPORTED) {
    log.warn('read:invalid-utf8', `${runs.length - MAX_INVALID_REPORTED} more places hold bytes that are not UTF-8, also read as U+FFFD`, placeOfByte(bytes, runs[MAX_INVALID_REPORTED]!.start));
  }
}
