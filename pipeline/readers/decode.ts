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

/**
 * How deep an HTML page may nest elements. libxml2, which validates the TEI,
 * refuses documents nested more than 256 deep, and the readers and
 * stylesheets recurse once per level: a page nested deeper cannot make an
 * edition, and is refused with this limit named instead of failing inside a tool.
 */
export const MAX_HTML_DEPTH = 200;

/** Elements that never hold others, or whose end the parser implies (they do not add a level that lasts). */
const FLAT_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rb', 'rt', 'rp',
]);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes']);

/**
 * Refuses an HTML page that nests elements deeper than {@link MAX_HTML_DEPTH}
 * (`read:too-deep`, at the tag that goes past it). The depth is counted from
 * the tags as written: an end tag closes back to its open element, a stray
 * one is ignored, and elements whose end is implied do not count.
 */
export function checkHtmlNesting(text: string, log: MessageLog): void {
  const open: string[] = [];
  const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(\/?)>/g;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    const [, closing, rawName, selfClosing] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const end = text.toLowerCase().indexOf(`</${name}`, tag.lastIndex);
      tag.lastIndex = end === -1 ? text.length : end;
      continue;
    }
    if (selfClosing || FLAT_ELEMENTS.has(name)) continue;
    open.push(name);
    if (open.length > MAX_HTML_DEPTH) {
      log.fail('read:too-deep', `the page nests elements more than ${MAX_HTML_DEPTH} deep (here a <${name}> inside ${MAX_HTML_DEPTH} open elements); TEI Press reads at most ${MAX_HTML_DEPTH} levels. Check the page for tags that are opened and never closed`, placeOf(text, match.index));
    }
  }
}

/**
 * What is wrong with a numeric character reference to `code`, if anything:
 * `replaced` when the HTML parser reads it as U+FFFD, `kept` when it keeps a
 * code point that is no text character, `refused` when it keeps one that XML
 * cannot hold (so no TEI could carry it: refused, as the raw character is).
 */
function badReference(code: number): { why: string; outcome: 'replaced' | 'kept' | 'refused' } | undefined {
  if (code === 0) return { why: 'U+0000 (NUL), which no text can hold', outcome: 'replaced' };
  if (code > 0x10ffff) return { why: 'a number past U+10FFFF, the last code point', outcome: 'replaced' };
  if (code >= 0xd800 && code <= 0xdfff) return { why: 'a UTF-16 surrogate, which is half of a character', outcome: 'replaced' };
  if (code === 0xfffe || code === 0xffff || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) {
    return { why: `U+${code.toString(16).toUpperCase().padStart(4, '0')}, a control character or noncharacter that XML cannot hold`, outcome: 'refused' };
  }
  if ((code & 0xfffe) === 0xfffe || (code >= 0xfdd0 && code <= 0xfdef)) return { why: 'a noncharacter', outcome: 'kept' };
  if (code === 0x7f) return { why: 'the control character DEL', outcome: 'kept' };
  return undefined;
}

/**
 * Reports each numeric character reference in an HTML page that names no
 * usable character (`read:character-reference`, at its line and column):
 * `&#0;`, `&#xD800;`, `&#x110000;` are read as U+FFFD by the HTML parser, and
 * a warning says where; `&#7;` or `&#xFFFF;` would put a character XML cannot
 * hold into the TEI, so the input is refused, as it is for the raw character.
 * References to 0x80–0x9F are windows-1252 letters, as browsers read them.
 */
export function reportBadCharacterReferences(text: string, log: MessageLog): void {
  const reference = /<!--[\s\S]*?(?:-->|$)|&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));?/g;
  let reported = 0;
  for (let match = reference.exec(text); match; match = reference.exec(text)) {
    if (match[1] === undefined && match[2] === undefined) continue;
    const digits = match[1] ?? match[2]!;
    const code = digits.replace(/^0+/, '').length > 8 ? Infinity : parseInt(digits, match[1] !== undefined ? 16 : 10);
    const bad = badReference(code);
    if (!bad) continue;
    if (bad.outcome === 'refused') {
      log.fail('read:control-character', `the character reference ${match[0]} names ${bad.why}; remove it or write the character that was meant`, placeOf(text, match.index));
    }
    if (++reported > MAX_INVALID_REPORTED) continue;
    const outcome = bad.outcome === 'replaced' ? 'it is read as U+FFFD (�)' : 'it is kept as it is';
    log.warn('read:character-reference', `the character reference ${match[0]} names ${bad.why}; ${outcome}. Write the character that was meant`, placeOf(text, match.index));
  }
  if (reported > MAX_INVALID_REPORTED) log.warn('read:character-reference', `${reported - MAX_INVALID_REPORTED} more character references name no usable character`);
}
