/**
 * The gate every XML document passes before any parser or validator sees it
 * (libxml2, SaxonJS, Jing, fast-xml-parser): nothing in a document may make a
 * tool open a file or a network connection, or expand without bound.
 *
 * Refused, each with its place and rule id:
 * - `security:external-dtd` a DOCTYPE with an external subset (`SYSTEM`/`PUBLIC`):
 *   Jing (Xerces) fetches it, and with parameter entities it can send a local
 *   file's contents to a server;
 * - `security:external-entity` an entity declared `SYSTEM`/`PUBLIC` (a file or a URL);
 * - `security:parameter-entity` a parameter entity (`<!ENTITY % …>`, `%name;`),
 *   the means of the out-of-band exfiltration above;
 * - `security:entity-expansion` internal entities that expand beyond
 *   {@link MAX_ENTITY_EXPANSION} characters, or refer to themselves
 *   ("billion laughs");
 * - `security:xinclude` an `xi:include` element: Debian's Jing runs Xerces with
 *   XInclude on, which would read the file or URL it names;
 * - `security:doctype` a DOCTYPE that is not in the prolog, where a tool that
 *   recovers from errors might still read it;
 * - `security:too-deep` elements nested more than {@link MAX_XML_DEPTH} deep:
 *   libxml2 stops there, and SaxonJS's parser overflows its stack further on
 *   (10,000 levels were reported as "not well-formed").
 *
 * Internal general entities of bounded size are allowed (they are plain XML),
 * and `xml-model` processing instructions are left alone: no tool we run
 * follows them (the fault tests prove it).
 */
import type { Place, RuleId } from '../messages.js';

/** One refused construct. */
export interface ExternalReference {
  ruleId: RuleId;
  message: string;
  place: Place;
}

/** Most characters all internal entities of a document may expand to (the input limit, 16 MiB). */
export const MAX_ENTITY_EXPANSION = 16 * 1024 * 1024;

/** How deep elements may nest: libxml2's own limit without XML_PARSE_HUGE. */
export const MAX_XML_DEPTH = 256;

const NAME = /[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][\w.\-:\u00B7\u00C0-\uFFFD]*/y;
const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';

/** Line and column (1-based) of an offset. */
function placeAt(text: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function readName(text: string, i: number): string | undefined {
  NAME.lastIndex = i;
  return NAME.exec(text)?.[0];
}

/** The end (exclusive) of a quoted literal starting at `i`, or -1. */
function literalEnd(text: string, i: number): number {
  const quote = text[i];
  if (quote !== '"' && quote !== "'") return -1;
  const close = text.indexOf(quote, i + 1);
  return close === -1 ? -1 : close + 1;
}

/** Where the prolog's DOCTYPE starts, and where the scan stopped (the root element, or something a prolog cannot hold). */
function scanProlog(xml: string): { doctype?: number; stop: number } {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    i = skipSpace(xml, i);
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) return { stop: i };
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) return { stop: i };
      i = end + 3;
    } else if (xml.startsWith('<!DOCTYPE', i)) {
      return { doctype: i, stop: i };
    } else return { stop: i };
  }
}

interface Declared {
  value: string;
  offset: number;
}

/**
 * Reads the DOCTYPE at `start`: reports an external subset, external and
 * parameter entities; collects internal general entities into `entities`.
 * @returns the offset after the DOCTYPE's closing `>`.
 */
function scanDoctype(xml: string, start: number, entities: Map<string, Declared>, found: ExternalReference[]): number {
  const refuse = (ruleId: RuleId, message: string, offset: number) => found.push({ ruleId, message, place: placeAt(xml, offset) });
  let i = skipSpace(xml, start + '<!DOCTYPE'.length);
  i += readName(xml, i)?.length ?? 0;
  i = skipSpace(xml, i);
  const keyword = /^(SYSTEM|PUBLIC)\b/.exec(xml.slice(i, i + 7))?.[1];
  if (keyword) {
    refuse('security:external-dtd', `the DOCTYPE names an external DTD (${keyword}); TEI Press reads no file or URL a document names, so remove the DOCTYPE (TEI is validated by its schema, not a DTD)`, start);
    i = skipSpace(xml, i + keyword.length);
    for (let literal = 0; literal < (keyword === 'PUBLIC' ? 2 : 1); literal++) {
      const end = literalEnd(xml, i);
      if (end === -1) break;
      i = skipSpace(xml, end);
    }
  }
  if (xml[i] !== '[') return xml.indexOf('>', i) + 1 || xml.length;
  // The internal subset: declarations, comments, processing instructions and parameter-entity references.
  i++;
  while (i < xml.length) {
    i = skipSpace(xml, i);
    if (xml[i] === ']') return xml.indexOf('>', i) + 1 || xml.length;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      i = end === -1 ? xml.length : end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      i = end === -1 ? xml.length : end + 2;
    } else if (xml[i] === '%') {
      refuse('security:parameter-entity', `a parameter-entity reference (${xml.slice(i, xml.indexOf(';', i) + 1 || i + 20)}) in the DOCTYPE; parameter entities are not accepted, remove the DOCTYPE`, i);
      i++;
    } else if (xml.startsWith('<!', i)) {
      i = scanDeclaration(xml, i, entities, refuse);
    } else i++;
  }
  return i;
}

/** Reads one markup declaration at `start`; returns the offset after it. */
function scanDeclaration(xml: string, start: number, entities: Map<string, Declared>, refuse: (ruleId: RuleId, message: string, offset: number) => void): number {
  // The declaration ends at the first '>' outside quoted literals.
  let end = start + 2;
  while (end < xml.length && xml[end] !== '>') end = xml[end] === '"' || xml[end] === "'" ? literalEnd(xml, end) : end + 1;
  if (end === -1 || end >= xml.length) end = xml.length - 1;
  const declaration = xml.slice(start, end + 1);
  if (!declaration.startsWith('<!ENTITY')) return end + 1;
  let i = skipSpace(declaration, '<!ENTITY'.length);
  if (declaration[i] === '%') {
    refuse('security:parameter-entity', `a parameter entity is declared (${declaration.slice(0, 60)}); parameter entities are not accepted, remove the declaration`, start);
    return end + 1;
  }
  const name = readName(declaration, i) ?? '';
  i = skipSpace(declaration, i + name.length);
  if (/^(SYSTEM|PUBLIC)\b/.test(declaration.slice(i, i + 7))) {
    refuse('security:external-entity', `the entity "${name}" is external (it names a file or URL); TEI Press reads no file or URL a document names, so write its text in the document`, start);
    return end + 1;
  }
  const close = literalEnd(declaration, i);
  if (close !== -1 && name && !entities.has(name)) entities.set(name, { value: declaration.slice(i + 1, close - 1), offset: start });
  return end + 1;
}

/** The expanded length of each internal entity (Infinity past the limit or for a loop). */
function expansions(entities: Map<string, Declared>): Map<string, number> {
  const sizes = new Map<string, number>();
  const visiting = new Set<string>();
  const sizeOf = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return Infinity;
    visiting.add(name);
    const value = entities.get(name)!.value;
    // Each reference counts as what it expands to; a character reference or an undeclared name as one character.
    let size = value.length;
    for (const match of value.matchAll(/&([^\s&;#]+);/g)) {
      size += (entities.has(match[1]!) ? sizeOf(match[1]!) : 1) - match[0].length;
      if (size > MAX_ENTITY_EXPANSION) break;
    }
    visiting.delete(name);
    sizes.set(name, size > MAX_ENTITY_EXPANSION ? Infinity : size);
    return sizes.get(name)!;
  };
  for (const name of entities.keys()) sizeOf(name);
  return sizes;
}

/**
 * Finds what in `xml` could make a tool read a file or URL, or expand without
 * bound; an empty list means the document may be given to any of our tools.
 * Linear in the document's length.
 */
export function findExternalReferences(xml: string): ExternalReference[] {
  const found: ExternalReference[] = [];
  const { doctype, stop } = scanProlog(xml);
  const entities = new Map<string, Declared>();
  const bodyStart = doctype === undefined ? stop : scanDoctype(xml, doctype, entities, found);
  const stray = xml.indexOf('<!DOCTYPE', bodyStart);
  if (stray !== -1) {
    found.push({ ruleId: 'security:doctype', message: 'a DOCTYPE outside the prolog; a document has at most one, before its root element', place: placeAt(xml, stray) });
  }
  if (entities.size > 0) {
    const sizes = expansions(entities);
    const before = found.length;
    for (const [name, size] of sizes) {
      if (size === Infinity) {
        found.push({
          ruleId: 'security:entity-expansion',
          message: `the entity "${name}" expands to more than ${MAX_ENTITY_EXPANSION} characters or refers to itself (an entity bomb); write its text in the document`,
          place: placeAt(xml, entities.get(name)!.offset),
        });
      }
    }
    let total = 0;
    if (found.length === before) for (const match of xml.slice(bodyStart).matchAll(/&([^\s&;#]+);/g)) {
      total += sizes.get(match[1]!) ?? 0;
      if (total > MAX_ENTITY_EXPANSION) {
        found.push({ ruleId: 'security:entity-expansion', message: `the document's entity references expand to more than ${MAX_ENTITY_EXPANSION} characters; write the text in the document`, place: placeAt(xml, bodyStart + match.index) });
        break;
      }
    }
  }
  const deep = tooDeep(xml, bodyStart);
  if (deep !== undefined) {
    found.push({ ruleId: 'security:too-deep', message: `elements are nested more than ${MAX_XML_DEPTH} deep here; the XML tools stop at ${MAX_XML_DEPTH} levels. Flatten the structure`, place: placeAt(xml, deep) });
  }
  // XInclude: an element in its namespace, under any prefix.
  for (const match of xml.slice(bodyStart).matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(["'])http:\/\/www\.w3\.org\/2001\/XInclude\2/g)) {
    const prefix = match[1];
    const include = new RegExp(`<${prefix ? `${prefix.replace(/[.]/g, '\\.')}:` : ''}(include|fallback)[\\s/>]`, 'g');
    const element = include.exec(xml.slice(bodyStart));
    if (element) {
      found.push({ ruleId: 'security:xinclude', message: `an XInclude element (${XINCLUDE_NS}); TEI Press reads no file or URL a document names, so put the included text in the document`, place: placeAt(xml, bodyStart + element.index) });
      break;
    }
  }
  return found;
}

/** The offset of the first element start past {@link MAX_XML_DEPTH} levels, if any. */
function tooDeep(xml: string, from: number): number | undefined {
  const markup = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)[^\s/>!?](?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  markup.lastIndex = from;
  let depth = 0;
  for (let match = markup.exec(xml); match; match = markup.exec(xml)) {
    if (match[1] === undefined) continue; // comment, CDATA, processing instruction
    if (match[1] === '/') depth--;
    else if (match[2] !== '/' && ++depth > MAX_XML_DEPTH) return match.index;
  }
  return undefined;
}
