/**
 * The registers of persons, places and organisations: TEI files whose
 * `person`, `place` and `org` entries the entity stage links mentions to and
 * copies into each edition's `standOff`. Ours live in `tei/registers/`; users
 * add their own folders (`--registers DIR`), read after ours, so that a user
 * entry with the same `xml:id` replaces ours.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { XMLParser } from 'fast-xml-parser';
import { InputError } from '../messages.js';
import { findExternalReferences } from '../validate/external.js';
import { PROJECT_ROOT } from '../settings.js';
import type { Element, ElementContent } from '../tei/tree.js';

/** The kinds of register entry, by their TEI element. */
export type EntityKind = 'person' | 'place' | 'org';

/** The TEI name element of each kind (`persName`, `placeName`, `orgName`). */
export const NAME_ELEMENT: Readonly<Record<EntityKind, string>> = { person: 'persName', place: 'placeName', org: 'orgName' };

/** The TEI list element of each kind. */
export const LIST_ELEMENT: Readonly<Record<EntityKind, string>> = { person: 'listPerson', place: 'listPlace', org: 'listOrg' };

/**
 * One name of an entry. `preferred` and `variant` names are matched wherever
 * they occur; a `short` name (a bare surname shared by several people,
 * "General Staff", "YCL") only in a document that also names the entry by a
 * preferred or variant name.
 */
export interface RegisterName {
  text: string;
  kind: 'preferred' | 'variant' | 'short';
}

/** An authority identifier of an entry (`idno`). */
export interface AuthorityId {
  type: string;
  value: string;
}

export interface RegisterEntry {
  id: string;
  kind: EntityKind;
  /** `@type` of place and org, `@role` of person. */
  type?: string;
  preferred: string;
  names: RegisterName[];
  /** Life dates as given in `birth/@when`, `death/@when` (ISO, possibly year only). */
  birth?: string;
  death?: string;
  ids: AuthorityId[];
  /** The entry as TEI, copied into the edition's `standOff`. */
  element: Element;
  /** The register file it came from. */
  source: string;
}

/** The merged registers. */
export interface Register {
  entries: Map<string, RegisterEntry>;
  /** The files read, in order. */
  files: string[];
}

/** Our registers, always read first. */
export const BUILT_IN_REGISTERS = path.join(PROJECT_ROOT, 'tei', 'registers');

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

let parser: XMLParser | undefined;

/** The XML parser, loaded on first use: a build that finds our registers in the build's cache parses none. */
function registerParser(): XMLParser {
  if (!parser) {
    const fxp = createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser');
    parser = new fxp.XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      commentPropName: '#comment',
    });
  }
  return parser;
}

function nodeName(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== ':@')!;
}

/** Converts fast-xml-parser's ordered output into xast, dropping whitespace-only text and comments. */
function toXast(node: OrderedNode): ElementContent | null {
  const name = nodeName(node);
  if (name === '#text') {
    const value = String(node['#text']);
    return value.trim() === '' ? null : { type: 'text', value };
  }
  if (name === '#comment') return null;
  const localName = name.includes(':') && !name.startsWith('xml:') ? name.split(':').pop()! : name;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[':@'] ?? {})) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    attributes[key] = String(value);
  }
  const children = ((node[name] as OrderedNode[]) ?? []).map(toXast).filter((child): child is ElementContent => child !== null);
  return { type: 'element', name: localName, attributes, children };
}

function childElements(element: Element): Element[] {
  return element.children.filter((child): child is Element => child.type === 'element');
}

function textContent(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textContent).join('');
  return '';
}

const NAME_KIND = { persName: 'person', placeName: 'place', orgName: 'org' } as const;

function entryOf(element: Element, kind: EntityKind, source: string): RegisterEntry {
  const id = element.attributes['xml:id'];
  if (!id) throw new InputError('registers:no-id', `${source}: a <${element.name}> has no xml:id; give every register entry one (e.g. xml:id="pers-smith")`);
  if (!/^[\p{L}_][\p{L}\p{N}._-]*$/u.test(id)) throw new InputError('registers:bad-id', `${source}: xml:id "${id}" is not a valid NCName; start it with a letter (e.g. "pers-${id}")`);
  const names: RegisterName[] = [];
  const ids: AuthorityId[] = [];
  let birth: string | undefined;
  let death: string | undefined;
  for (const child of childElements(element)) {
    if (child.name in NAME_KIND && NAME_KIND[child.name as keyof typeof NAME_KIND] === kind) {
      const type = child.attributes.type;
      const text = textContent(child).replace(/\s+/g, ' ').trim();
      if (text) names.push({ text, kind: type === 'short' ? 'short' : type === 'preferred' ? 'preferred' : 'variant' });
    } else if (child.name === 'idno' && child.attributes.type) {
      ids.push({ type: child.attributes.type, value: textContent(child).trim() });
    } else if (child.name === 'birth') {
      birth = child.attributes.when ?? undefined;
    } else if (child.name === 'death') {
      death = child.attributes.when ?? undefined;
    }
  }
  if (names.length === 0) throw new InputError('registers:no-name', `${source}: entry "${id}" has no <${NAME_ELEMENT[kind]}>; give it at least one name`);
  const preferred = names.find((name) => name.kind === 'preferred')?.text ?? names[0]!.text;
  const type = kind === 'person' ? element.attributes.role : element.attributes.type;
  return { id, kind, type: type ?? undefined, preferred, names, birth, death, ids, element, source };
}

/** Reads the entries of one register file (any TEI document holding `person`, `place` or `org` elements). */
export function parseRegister(xml: string, source: string): RegisterEntry[] {
  // Nothing in a register may make the parser read a file or URL, or expand without bound.
  const [external] = findExternalReferences(xml);
  if (external) throw new InputError(external.ruleId, `${source}:${external.place.line}:${external.place.column}: ${external.message}`);
  // fast-xml-parser's parse() takes much that is not XML (an unclosed element, a stray end tag): check first.
  const fxp = createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser');
  const wellFormed = fxp.XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { line, col, msg } = wellFormed.err;
    throw new InputError('registers:parse', `${source}:${line}:${col}: the register is not well-formed XML: ${msg}; fix the file`);
  }
  let parsed: OrderedNode[];
  try {
    parsed = registerParser().parse(xml) as OrderedNode[];
  } catch (error) {
    throw new InputError('registers:parse', `${source}: the register is not well-formed XML (${(error as Error).message}); fix the file`);
  }
  const entries: RegisterEntry[] = [];
  const visit = (node: ElementContent): void => {
    if (node.type !== 'element') return;
    if (node.name === 'person' || node.name === 'place' || node.name === 'org') {
      entries.push(entryOf(node, node.name, source));
      return;
    }
    node.children.forEach(visit);
  };
  for (const node of parsed) {
    const converted = toXast(node);
    if (converted) visit(converted);
  }
  return entries;
}

function registerFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir);
  } catch {
    throw new InputError('registers:missing', `${dir}: no such register folder; --registers wants a folder of TEI register files (*.xml)`);
  }
  return names.filter((name) => name.endsWith('.xml')).sort().map((name) => path.join(dir, name));
}

const cache = new Map<string, Register>();

/**
 * Our registers as parsed by `npm run build` (tools/start-up-caches.ts), so
 * that a cold start does not parse 100 KB of XML (≈ 0.1–0.2 s with a parser
 * not yet optimised). An entry is used only for a file with the same bytes,
 * read by the same code (a hash of this module's own file, so TypeScript run
 * by the tests never takes what the compiled code wrote); any other file is parsed.
 */
export const REGISTER_CACHE = path.join(PROJECT_ROOT, 'build', 'registers.cache.json');

interface RegisterCache {
  /** SHA-256 of the module that parsed the files. */
  code: string;
  /** By SHA-256 of a register file's bytes: its entries (their `source` is set when read). */
  files: Record<string, Omit<RegisterEntry, 'source'>[]>;
}

let parsedRegisters: RegisterCache | undefined;

function sha256(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}

function codeDigest(): string {
  return sha256(readFileSync(fileURLToPath(import.meta.url), 'utf8'));
}

/** The entries the build parsed from a file with exactly these bytes, if any. */
function cachedEntries(xml: string, source: string): RegisterEntry[] | undefined {
  if (!parsedRegisters) {
    parsedRegisters = { code: '', files: {} };
    try {
      const data = JSON.parse(readFileSync(REGISTER_CACHE, 'utf8')) as RegisterCache;
      if (data.code === codeDigest()) parsedRegisters = data;
    } catch {
      /* no cache: parse */
    }
  }
  return parsedRegisters.files[sha256(xml)]?.map((entry) => ({ ...entry, source }));
}

/**
 * Parses our registers (`tei/registers/`) and writes them to {@link REGISTER_CACHE}.
 * @returns the number of entries written.
 */
export function writeRegisterCache(): number {
  const data: RegisterCache = { code: codeDigest(), files: {} };
  let count = 0;
  for (const file of registerFiles(BUILT_IN_REGISTERS)) {
    const xml = readFileSync(file, 'utf8');
    data.files[sha256(xml)] = parseRegister(xml, file).map(({ source: _source, ...entry }) => entry);
    count += data.files[sha256(xml)]!.length;
  }
  writeFileSync(REGISTER_CACHE, JSON.stringify(data));
  return count;
}

/**
 * Loads our registers and then each folder of `userDirs` (every `*.xml` in
 * it, in name order), merged by `xml:id`: a later entry replaces an earlier
 * one. Loaded once per process for each list of folders.
 */
export function loadRegisters(userDirs: readonly string[] = []): Register {
  const key = userDirs.join('\0');
  const cached = cache.get(key);
  if (cached) return cached;
  const entries = new Map<string, RegisterEntry>();
  const files: string[] = [];
  // A user entry may replace one of ours (that is how a user corrects us), but two user entries with one id are a mistake.
  const userIds = new Map<string, string>();
  for (const dir of [BUILT_IN_REGISTERS, ...userDirs.map((dir) => path.resolve(dir))]) {
    const builtIn = dir === BUILT_IN_REGISTERS;
    for (const file of registerFiles(dir)) {
      files.push(file);
      const xml = readFileSync(file, 'utf8');
      for (const entry of cachedEntries(xml, file) ?? parseRegister(xml, file)) {
        if (!builtIn) {
          const first = userIds.get(entry.id);
          if (first) throw new InputError('registers:duplicate-id', `${file}: xml:id "${entry.id}" is already given to an entry in ${first}; each entry of your registers needs its own id`);
          userIds.set(entry.id, file);
        }
        entries.set(entry.id, entry);
      }
    }
  }
  const register = { entries, files };
  cache.set(key, register);
  return register;
}
