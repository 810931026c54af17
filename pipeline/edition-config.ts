/**
 * The edition settings of a press or archive: who publishes, where, in which
 * series, who edited, under which licence, at which address, in which
 * language and face. They come from a project file, `tei-press.json` beside
 * the inputs or the file `--config` names, read and checked here once (the
 * changesets shape: config is parsed, checked and resolved at the boundary).
 *
 * Without a file nothing is claimed: no publisher, no editor, no licence of
 * the edition's own; the tool is named only as the TEI's encoder.
 *
 * ```json
 * {
 *   "publisher": "Holloway Labour Archive",
 *   "place": "London",
 *   "series": { "title": "Pamphlets of the Left", "number": "4" },
 *   "editors": [{ "name": "Ann Reader", "role": "edt" }, { "name": "Sam Proof", "role": "pfr" }],
 *   "licence": { "text": "Creative Commons Attribution-ShareAlike 4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/" },
 *   "baseUrl": "https://editions.example.org/",
 *   "identifier": "url",
 *   "language": "en",
 *   "fonts": { "body": "Charis SIL" }
 * }
 * ```
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';

/** The name of the project file looked for beside the inputs. */
export const CONFIG_FILE_NAME = 'tei-press.json';

/**
 * The MARC relator codes an editor may have (https://id.loc.gov/vocabulary/relators),
 * with the words the colophon prints for them.
 */
export const EDITOR_ROLES: Readonly<Record<string, string>> = {
  edt: 'Editor',
  trl: 'Translator',
  trc: 'Transcriber',
  ann: 'Annotator',
  aui: 'Author of introduction',
  cwt: 'Commentator',
  com: 'Compiler',
  pfr: 'Proofreader',
  mrk: 'Markup editor',
  ctb: 'Contributor',
};

/** One person (or body) responsible for the edition, with a MARC relator code. */
export interface EditionEditor {
  name: string;
  /** A key of {@link EDITOR_ROLES}. */
  role: string;
}

/** The resolved edition settings; every field but `editors` is absent when the file does not give it. */
export interface EditionConfig {
  /** The project file read (absolute), absent for the defaults. */
  file?: string;
  /** The publisher of the edition (TEI publicationStmt/publisher, OPF dc:publisher, bag Source-Organization). */
  publisher?: string;
  /** The place of publication (TEI pubPlace). */
  place?: string;
  /** The series the edition belongs to (TEI seriesStmt, OPF belongs-to-collection). */
  series?: { title: string; number?: string };
  /** Editors and other contributors to the edition, in the order given (TEI editionStmt/editor). */
  editors: EditionEditor[];
  /** The licence of the edition's own work (markup, apparatus), beside what the source states for the text. */
  licence?: { text: string; url?: string };
  /** Where the editions are published: an edition's address is `baseUrl` + its slug + `/`. */
  baseUrl?: string;
  /** The EPUB identifier: `uuid` (default, from the TEI's content) or `url` (the edition's address; needs `baseUrl`). */
  identifier: 'uuid' | 'url';
  /** The language of texts whose page states none and whose language cannot be detected (BCP 47). */
  language?: string;
  /** CSS font-family names put before the bundled face in print and EPUB. */
  fonts?: { body?: string };
}

/** The settings when no project file is given: nothing is claimed. */
export const DEFAULT_EDITION_CONFIG: EditionConfig = { editors: [], identifier: 'uuid' };

/** A project file that cannot be used; its message starts with `file:line:col:` and ends with the rule id. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    readonly ruleId: string,
  ) {
    super(`${file}:${line}:${column}: error: ${reason} [${ruleId}]`);
  }
}

/** 1-based line and column of an offset in a text. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const KNOWN_KEYS = ['publisher', 'place', 'series', 'editors', 'licence', 'baseUrl', 'identifier', 'language', 'fonts'] as const;

/**
 * Reads and checks a project file. Every problem names the file, line and
 * column of the value, what was expected and what was found.
 * @throws ConfigError for a file that cannot be read, is not JSON, or holds a value that cannot be used.
 */
export function loadEditionConfig(file: string): EditionConfig {
  const absolute = path.resolve(file);
  let text: string;
  try {
    if (statSync(absolute).size > 1024 * 1024) throw new ConfigError(file, 1, 1, 'the edition settings file is over 1 MiB; it should hold a few lines of JSON', 'config:too-large');
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(file, 1, 1, `the edition settings file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path`, 'config:unreadable');
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const fail = (node: { offset: number } | undefined, reason: string, ruleId = 'config:bad-value'): never => {
    const { line, column } = placeOf(text, node?.offset ?? 0);
    throw new ConfigError(file, line, column, reason, ruleId);
  };
  if (errors.length) fail(errors[0], `not valid JSON (${printParseErrorCode(errors[0]!.error)}); the edition settings are one JSON object`, 'config:not-json');
  if (!root || root.type !== 'object') fail(root, `the edition settings must be one JSON object ({ "publisher": … }), found ${root?.type ?? 'nothing'}`, 'config:not-object');

  const members = new Map<string, JsonNode>();
  for (const property of root!.children ?? []) {
    const [key, value] = property.children!;
    const name = key!.value as string;
    if (!(KNOWN_KEYS as readonly string[]).includes(name)) fail(key, `unknown setting "${name}"; the settings are ${KNOWN_KEYS.join(', ')}`, 'config:unknown-key');
    if (members.has(name)) fail(key, `the setting "${name}" is given twice`, 'config:duplicate-key');
    members.set(name, value!);
  }

  /** A one-line text of at most `max` characters, with no control characters. */
  const text1 = (node: JsonNode, what: string, max = 300): string => {
    if (node.type !== 'string') fail(node, `${what} must be a string, found ${node.type}`);
    const value = (node.value as string).trim();
    if (value === '') fail(node, `${what} is empty; leave the setting out instead`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) fail(node, `${what} holds a control character (a line break or tab); write it on one line`);
    if (value.length > max) fail(node, `${what} is ${value.length} characters long; at most ${max} are allowed`);
    return value;
  };
  const url = (node: JsonNode, what: string): string => {
    const value = text1(node, what, 2000);
    let parsed: URL | undefined;
    try {
      parsed = new URL(value);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) fail(node, `${what} must be an http:// or https:// address, found "${value}"`);
    return value;
  };
  const fieldsOf = (node: JsonNode, what: string, allowed: readonly string[]): Map<string, JsonNode> => {
    if (node.type !== 'object') fail(node, `${what} must be an object, found ${node.type}`);
    const fields = new Map<string, JsonNode>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children!;
      const name = key!.value as string;
      if (!allowed.includes(name)) fail(key, `unknown field "${name}" in ${what}; its fields are ${allowed.join(', ')}`, 'config:unknown-key');
      fields.set(name, value!);
    }
    return fields;
  };

  const config: EditionConfig = { file: absolute, editors: [], identifier: 'uuid' };
  const get = (name: string) => members.get(name);
  if (get('publisher')) config.publisher = text1(get('publisher')!, '"publisher"');
  if (get('place')) config.place = text1(get('place')!, '"place"');
  const series = get('series');
  if (series) {
    if (series.type === 'string') config.series = { title: text1(series, '"series"') };
    else {
      const fields = fieldsOf(series, '"series"', ['title', 'number']);
      if (!fields.has('title')) fail(series, '"series" needs a "title"');
      const number = fields.get('number');
      config.series = { title: text1(fields.get('title')!, '"series.title"') };
      if (number) config.series.number = number.type === 'number' ? String(number.value) : text1(number, '"series.number"', 40);
    }
  }
  const editors = get('editors');
  if (editors) {
    if (editors.type !== 'array') fail(editors, `"editors" must be a list ([{ "name": …, "role": "edt" }]), found ${editors.type}`);
    for (const [i, entry] of (editors.children ?? []).entries()) {
      const fields = fieldsOf(entry, `"editors[${i}]"`, ['name', 'role']);
      if (!fields.has('name')) fail(entry, `"editors[${i}]" needs a "name"`);
      const name = text1(fields.get('name')!, `"editors[${i}].name"`);
      const roleNode = fields.get('role');
      const role = roleNode ? text1(roleNode, `"editors[${i}].role"`, 10) : 'edt';
      if (!(role in EDITOR_ROLES)) {
        fail(roleNode, `"editors[${i}].role" is "${role}", not a MARC relator code this tool knows; use one of ${Object.entries(EDITOR_ROLES).map(([code, label]) => `${code} (${label})`).join(', ')}`);
      }
      config.editors.push({ name, role });
    }
  }
  const licence = get('licence');
  if (licence) {
    if (licence.type === 'string') config.licence = { text: text1(licence, '"licence"', 1000) };
    else {
      const fields = fieldsOf(licence, '"licence"', ['text', 'url']);
      if (!fields.has('text')) fail(licence, '"licence" needs a "text" (its name, e.g. "Creative Commons Attribution 4.0")');
      config.licence = { text: text1(fields.get('text')!, '"licence.text"', 1000) };
      if (fields.get('url')) config.licence.url = url(fields.get('url')!, '"licence.url"');
    }
  }
  if (get('baseUrl')) {
    const base = url(get('baseUrl')!, '"baseUrl"');
    config.baseUrl = base.endsWith('/') ? base : `${base}/`;
  }
  const identifier = get('identifier');
  if (identifier) {
    const value = text1(identifier, '"identifier"', 10);
    if (value !== 'uuid' && value !== 'url') fail(identifier, `"identifier" is "uuid" (from the TEI's content) or "url" (the edition's address under "baseUrl"), found "${value}"`);
    if (value === 'url' && !config.baseUrl) fail(identifier, '"identifier": "url" needs a "baseUrl" to make the address from');
    config.identifier = value as 'uuid' | 'url';
  }
  const language = get('language');
  if (language) {
    const value = text1(language, '"language"', 35);
    if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) fail(language, `"language" must be a BCP 47 language tag such as "en", "de" or "pt-BR", found "${value}"`);
    config.language = value;
  }
  const fonts = get('fonts');
  if (fonts) {
    const fields = fieldsOf(fonts, '"fonts"', ['body']);
    const body = fields.get('body');
    if (body) {
      const value = text1(body, '"fonts.body"', 200);
      // Family names only: no url(), no semicolons or braces that would end the CSS declaration.
      if (!/^[\p{L}\p{N} ,'"-]+$/u.test(value)) fail(body, `"fonts.body" must be CSS font-family names separated by commas (letters, digits, spaces, quotes, hyphens), found "${value}"`);
      config.fonts = { body: value };
    }
  }
  return config;
}

/**
 * The project file for a build: `explicit` when given (it must exist), else
 * the one `tei-press.json` found in the folders of the inputs (a folder input
 * itself, else the file's or glob's folder). Inputs in folders with different
 * project files are refused: which one applies would be a guess.
 * @throws ConfigError when the files found disagree, or the file cannot be used.
 */
export function findEditionConfig(inputs: readonly string[], explicit?: string): EditionConfig {
  if (explicit !== undefined) return loadEditionConfig(explicit);
  const found = new Set<string>();
  for (const input of inputs) {
    let folder = input.replace(/[*?[].*$/s, '');
    try {
      if (!statSync(folder).isDirectory()) folder = path.dirname(folder);
    } catch {
      folder = path.dirname(folder || '.');
    }
    const candidate = path.resolve(folder || '.', CONFIG_FILE_NAME);
    if (existsSync(candidate)) found.add(candidate);
  }
  if (found.size > 1) {
    const [first, second] = [...found];
    throw new ConfigError(second!, 1, 1, `the inputs lie in folders with different edition settings (${first} and ${second}); build them apart, or name one file with --config`, 'config:ambiguous');
  }
  return found.size === 1 ? loadEditionConfig([...found][0]!) : DEFAULT_EDITION_CONFIG;
}
