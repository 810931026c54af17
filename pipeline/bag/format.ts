/**
 * The BagIt format (RFC 8493) as both the bag writer and the verifier read and
 * write it: tag-file names, manifest lines, the Payload-Oxum, checksums.
 */
import { createHash } from 'node:crypto';

/** The one declaration every bag starts with (RFC 8493 §2.1.1). We write version 1.0, UTF-8. */
export const BAGIT_DECLARATION = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** The payload folder. */
export const PAYLOAD_DIR = 'data';

/** The checksum algorithm our bags use (RFC 8493 §2.4 recommends SHA-256 or SHA-512). */
export const BAG_ALGORITHM = 'sha256';

/** Algorithms the verifier accepts, by the name used in `manifest-<name>.txt`, mapped to Node's hash names. */
export const VERIFIABLE_ALGORITHMS: Readonly<Record<string, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha512: 'sha512' };

/** The hex digest of some bytes. */
export function checksum(data: string | Uint8Array, algorithm = BAG_ALGORITHM): string {
  return createHash(VERIFIABLE_ALGORITHMS[algorithm] ?? algorithm).update(data).digest('hex');
}

/**
 * Encodes a path for a manifest line: RFC 8493 §2.1.3 asks for CR, LF and `%`
 * to be percent-encoded (and nothing else); separators are always `/`.
 */
export function encodeManifestPath(filePath: string): string {
  return filePath.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Reverses {@link encodeManifestPath} (case-insensitive hex, as the RFC allows). */
export function decodeManifestPath(encoded: string): string {
  return encoded.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** One manifest line: `checksum  path`, sorted by path by the caller. */
export function manifestLine(digest: string, filePath: string): string {
  return `${digest}  ${encodeManifestPath(filePath)}\n`;
}

/** A parsed manifest entry with its 1-based line number. */
export interface ManifestEntry {
  digest: string;
  path: string;
  line: number;
}

/**
 * Parses a manifest's text into entries; lines that are not `checksum path`
 * come back in `malformed`. Blank lines are ignored.
 */
export function parseManifest(text: string): { entries: ManifestEntry[]; malformed: { line: number; text: string }[] } {
  const entries: ManifestEntry[] = [];
  const malformed: { line: number; text: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const match = /^([0-9A-Fa-f]+)[ \t]+(.+)$/.exec(raw);
    if (!match) malformed.push({ line: index + 1, text: raw });
    else entries.push({ digest: match[1]!.toLowerCase(), path: decodeManifestPath(match[2]!), line: index + 1 });
  });
  return { entries, malformed };
}

/** `octetcount.streamcount` of the payload (RFC 8493 §2.2.2). */
export function payloadOxum(sizes: readonly number[]): string {
  return `${sizes.reduce((sum, size) => sum + size, 0)}.${sizes.length}`;
}

/** One `Label: value` line of bag-info.txt, with the value on one line. */
export function infoLine(label: string, value: string): string {
  return `${label}: ${value.replace(/\s+/g, ' ').trim()}\n`;
}

/** A parsed bag-info.txt field with its 1-based line number. */
export interface InfoField {
  label: string;
  value: string;
  line: number;
}

/**
 * Parses bag-info.txt: `Label: value` lines, where a line starting with
 * white space continues the previous value (RFC 8493 §2.2.2).
 */
export function parseBagInfo(text: string): { fields: InfoField[]; malformed: { line: number; text: string }[] } {
  const fields: InfoField[] = [];
  const malformed: { line: number; text: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    if (raw === '') return;
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(raw) && last) {
      last.value += ' ' + raw.trim();
      return;
    }
    const match = /^([^:\s][^:]*?)\s*:\s*(.*)$/.exec(raw);
    if (!match) malformed.push({ line: index + 1, text: raw });
    else fields.push({ label: match[1]!, value: match[2]!, line: index + 1 });
  });
  return { fields, malformed };
}
