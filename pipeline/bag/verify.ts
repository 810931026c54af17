/**
 * Verifies a BagIt bag (RFC 8493) on disk: that it is complete (every file
 * the manifests list is there, and every payload file is listed) and valid
 * (every checksum matches, Payload-Oxum agrees). It reports every problem it
 * finds, not only the first, each as a message with a rule id:
 *
 * - `bag:not-a-bag` the folder is missing or not a folder
 * - `bag:declaration` bagit.txt is missing or malformed
 * - `bag:no-payload` the data/ folder is missing
 * - `bag:no-manifest` no manifest-<algorithm>.txt
 * - `bag:unsupported-algorithm` a manifest whose algorithm we cannot compute
 * - `bag:manifest-syntax` a manifest line that is not `checksum path`, or a path listed twice
 * - `bag:unsafe-path` a listed path outside the bag (or, in a payload manifest, outside data/)
 * - `bag:missing-file` a listed file that is not there
 * - `bag:altered` a file whose checksum differs from the manifest's
 * - `bag:extra-file` a payload file that a payload manifest does not list
 * - `bag:unlisted-tag-file` (warning) a tag file no tag manifest lists; RFC 8493 allows it
 * - `bag:info-syntax` a bag-info.txt line that is not `Label: value`
 * - `bag:payload-oxum` Payload-Oxum does not match the payload's size and file count
 * - `bag:fetch` (warning) fetch.txt is present; remote files are not fetched
 * - `bag:symlink` a symbolic link in the bag: it is reported and never followed,
 *   since it could point out of the bag (a bag is plain files, RFC 8493 §2)
 */
import { createReadStream } from 'node:fs';
import { lstat, readFile, readdir, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Message, Place, RuleId, Severity } from '../messages.js';
import { PAYLOAD_DIR, VERIFIABLE_ALGORITHMS, parseBagInfo, parseManifest, payloadOxum, type ManifestEntry } from './format.js';

/** The outcome of verifying one bag. */
export interface BagVerification {
  /** True when no message is an error. */
  valid: boolean;
  messages: Message[];
  /** Number of payload files found under data/. */
  payloadFiles: number;
}

/**
 * Relative paths (forward slashes) of every file under `folder`, sorted.
 * Symbolic links are not followed: their paths go to `links`.
 */
async function listFiles(folder: string, links: string[], prefix = ''): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) links.push(relative);
    else if (entry.isDirectory()) found.push(...(await listFiles(path.join(folder, entry.name), links, relative)));
    else found.push(relative);
  }
  return found.sort();
}

/** The first part of `relative` (inside `bagDir`) that is a symbolic link, if any. */
async function symlinkOn(bagDir: string, relative: string): Promise<string | undefined> {
  const segments = relative.split('/');
  for (let i = 1; i <= segments.length; i++) {
    const part = segments.slice(0, i).join('/');
    const info = await lstat(path.join(bagDir, part)).catch(() => undefined);
    if (!info) return undefined;
    if (info.isSymbolicLink()) return part;
  }
  return undefined;
}

async function digestOf(file: string, algorithm: string): Promise<string> {
  const hash = createHash(VERIFIABLE_ALGORITHMS[algorithm]!);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isFile(), () => false);
}

/** True when a manifest path stays inside the bag: relative, no `..` segment, no empty segment. */
function isSafePath(relative: string): boolean {
  if (relative.startsWith('/') || /^[A-Za-z]:/.test(relative) || relative.includes('\\')) return false;
  return relative.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Verifies the bag in `bagDir`. Never throws for a bad bag: every problem is a message. */
export async function verifyBag(bagDir: string): Promise<BagVerification> {
  const messages: Message[] = [];
  const report = (severity: Severity, ruleId: RuleId, file: string, reason: string, place?: Place): void => {
    messages.push({ file, place, severity, reason, ruleId });
  };
  const at = (relative: string): string => path.join(bagDir, relative);
  const done = (payloadFiles: number): BagVerification => ({ valid: !messages.some((m) => m.severity === 'error'), messages, payloadFiles });

  if (!(await stat(bagDir).then((info) => info.isDirectory(), () => false))) {
    report('error', 'bag:not-a-bag', bagDir, 'no such folder; give the path of a bag (the folder holding bagit.txt)');
    return done(0);
  }

  // bagit.txt: exactly the two declaration lines.
  /** A tag file's text; a symbolic link is reported and not read. */
  const readTagFile = async (name: string): Promise<string | undefined> => {
    if (await lstat(at(name)).then((info) => info.isSymbolicLink(), () => false)) {
      report('error', 'bag:symlink', at(name), `${name} is a symbolic link; it is not followed (it could point out of the bag)`);
      return undefined;
    }
    return readFile(at(name), 'utf8').catch(() => undefined);
  };
  const declaration = await readTagFile('bagit.txt');
  if (declaration === undefined) {
    report('error', 'bag:declaration', at('bagit.txt'), 'bagit.txt is missing; every bag starts with it (BagIt-Version and Tag-File-Character-Encoding)');
  } else {
    const lines = declaration.split(/\r\n|\n|\r/).filter((line) => line !== '');
    if (!/^BagIt-Version: \d+\.\d+$/.test(lines[0] ?? '')) {
      report('error', 'bag:declaration', at('bagit.txt'), `the first line must be "BagIt-Version: M.N", found "${lines[0] ?? ''}"`, { line: 1 });
    }
    if (!/^Tag-File-Character-Encoding: \S+$/.test(lines[1] ?? '')) {
      report('error', 'bag:declaration', at('bagit.txt'), `the second line must be "Tag-File-Character-Encoding: ENCODING", found "${lines[1] ?? ''}"`, { line: 2 });
    }
    if (lines.length > 2) report('error', 'bag:declaration', at('bagit.txt'), `bagit.txt must hold two lines, found ${lines.length}`, { line: 3 });
  }

  const payloadLink = await lstat(at(PAYLOAD_DIR)).then((info) => info.isSymbolicLink(), () => false);
  if (payloadLink) report('error', 'bag:symlink', at(PAYLOAD_DIR), 'data/ is a symbolic link; it is not followed (it could point out of the bag). Put the payload itself in the bag');
  const hasPayloadDir = !payloadLink && (await stat(at(PAYLOAD_DIR)).then((info) => info.isDirectory(), () => false));
  if (!hasPayloadDir) report('error', 'bag:no-payload', at(PAYLOAD_DIR), 'the payload folder data/ is missing');
  const links: string[] = [];
  const payload = hasPayloadDir ? (await listFiles(at(PAYLOAD_DIR), links)).map((name) => `${PAYLOAD_DIR}/${name}`) : [];
  const linkedPayload = new Set(links.map((name) => `${PAYLOAD_DIR}/${name}`));
  for (const link of linkedPayload) {
    report('error', 'bag:symlink', at(link), `${link} is a symbolic link; a bag holds plain files, and a link is not followed (it could point out of the bag). Put the file itself in the bag`);
  }
  const topLevel = (await readdir(bagDir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();

  const payloadManifests = topLevel.filter((name) => /^manifest-[A-Za-z0-9]+\.txt$/.test(name));
  const tagManifests = topLevel.filter((name) => /^tagmanifest-[A-Za-z0-9]+\.txt$/.test(name));
  if (payloadManifests.length === 0) report('error', 'bag:no-manifest', at('manifest-sha256.txt'), 'the bag has no payload manifest (manifest-<algorithm>.txt)');

  /** Checks one manifest's entries against the files; returns the paths it lists. */
  const checkManifest = async (manifestName: string, kind: 'payload' | 'tag'): Promise<Set<string>> => {
    const listed = new Set<string>();
    const algorithm = /^(?:tag)?manifest-([A-Za-z0-9]+)\.txt$/.exec(manifestName)![1]!.toLowerCase();
    const manifestFile = at(manifestName);
    if (!VERIFIABLE_ALGORITHMS[algorithm]) {
      report('error', 'bag:unsupported-algorithm', manifestFile, `cannot check ${algorithm} checksums; this verifier knows ${Object.keys(VERIFIABLE_ALGORITHMS).join(', ')}`);
      return listed;
    }
    const { entries, malformed } = parseManifest(await readFile(manifestFile, 'utf8'));
    for (const bad of malformed) report('error', 'bag:manifest-syntax', manifestFile, `expected "checksum path", found "${bad.text}"`, { line: bad.line });
    const valid: ManifestEntry[] = [];
    for (const entry of entries) {
      const outsidePayload = kind === 'payload' && !entry.path.startsWith(`${PAYLOAD_DIR}/`);
      if (!isSafePath(entry.path) || outsidePayload) {
        report('error', 'bag:unsafe-path', manifestFile, `${entry.path} is not a path ${kind === 'payload' ? 'under data/' : 'inside the bag'}`, { line: entry.line });
      } else if (listed.has(entry.path)) {
        report('error', 'bag:manifest-syntax', manifestFile, `${entry.path} is listed twice`, { line: entry.line });
      } else if (kind === 'tag' && /^tagmanifest-/.test(entry.path)) {
        report('error', 'bag:manifest-syntax', manifestFile, `a tag manifest cannot list a tag manifest (${entry.path})`, { line: entry.line });
      } else {
        listed.add(entry.path);
        valid.push(entry);
      }
    }
    for (const entry of valid) {
      const file = at(entry.path);
      const link = await symlinkOn(bagDir, entry.path);
      if (link) {
        // Reported once for a payload file found by the listing; a tag file or a linked folder is reported here.
        if (!linkedPayload.has(link)) {
          report('error', 'bag:symlink', manifestFile, `${entry.path} goes through the symbolic link ${link}, which is not followed (it could point out of the bag)`, { line: entry.line });
          linkedPayload.add(link);
        }
        continue;
      }
      if (!(await isFile(file))) {
        report('error', 'bag:missing-file', manifestFile, `${entry.path} is listed but missing from the bag`, { line: entry.line });
        continue;
      }
      const found = await digestOf(file, algorithm);
      if (found !== entry.digest) {
        report('error', 'bag:altered', manifestFile, `${entry.path} is altered: ${algorithm} expected ${entry.digest}, found ${found}`, { line: entry.line });
      }
    }
    return listed;
  };

  for (const manifestName of payloadManifests) {
    const listed = await checkManifest(manifestName, 'payload');
    for (const file of payload) {
      if (!listed.has(file)) report('error', 'bag:extra-file', at(file), `${file} is in the payload but not listed in ${manifestName}`);
    }
  }
  const tagListed = new Set<string>();
  for (const manifestName of tagManifests) for (const name of await checkManifest(manifestName, 'tag')) tagListed.add(name);
  if (tagManifests.length) {
    for (const name of topLevel) {
      if (!tagListed.has(name) && !/^tagmanifest-/.test(name)) {
        report('warning', 'bag:unlisted-tag-file', at(name), `${name} is not listed in ${tagManifests.join(', ')}; its contents are not protected by a checksum`);
      }
    }
  }

  // bag-info.txt: optional, but when present every line must parse and Payload-Oxum must agree.
  const infoText = await readTagFile('bag-info.txt');
  if (infoText !== undefined) {
    const { fields, malformed } = parseBagInfo(infoText);
    for (const bad of malformed) report('error', 'bag:info-syntax', at('bag-info.txt'), `expected "Label: value", found "${bad.text}"`, { line: bad.line });
    const oxum = fields.find((field) => field.label === 'Payload-Oxum');
    if (oxum) {
      const sizes = await Promise.all(payload.map((file) => stat(at(file)).then((info) => info.size)));
      const actual = payloadOxum(sizes);
      if (oxum.value.trim() !== actual) {
        report('error', 'bag:payload-oxum', at('bag-info.txt'), `Payload-Oxum says ${oxum.value.trim()} (bytes.files), the payload has ${actual}`, { line: oxum.line });
      }
    }
  }
  if (topLevel.includes('fetch.txt')) {
    report('warning', 'bag:fetch', at('fetch.txt'), 'fetch.txt lists files to download; this verifier does not fetch them, so they count as missing until they are in data/');
  }
  return done(payload.length);
}
