/**
 * Serialises the TEI tree to XML text. Whitespace is added only inside
 * element-only content (between divs, header sections, list items) so that the
 * text of mixed content such as `p` or `head` is never altered.
 */
import { toXml } from 'xast-util-to-xml';
import type { Element, ElementContent, Root } from './tree.js';

/** Elements whose content is text: never indented inside. */
const MIXED = new Set([
  'p', 'head', 'item', 'label', 'title', 'author', 'persName', 'placeName', 'orgName', 'name', 'date',
  'q', 'quote', 'soCalled', 'hi', 'emph', 'note', 'resp', 'publisher', 'biblScope', 'idno', 'language',
  'change', 'titlePart', 'docAuthor', 'docDate', 'bibl', 'pubPlace', 'distributor', 'licence', 'ref',
  'orgName', 'surname', 'forename', 'addName', 'roleName', 'geogName', 'country', 'settlement', 'region',
  'desc', 'term', 'edition', 'byline', 'dateline', 'salute', 'signed', 'closer', 'opener', 'trailer',
  'geo', 'birth', 'death', 'floruit', 'occupation', 'sic', 'corr', 'orig', 'reg', 'foreign', 'mentioned',
  'gloss', 'l', 'cell', 'gap', 'supplied', 'unclear', 'address', 'addrLine', 'email', 'ptr', 'num', 'measure', 'time', 'seg', 'w',
  // Readings hold text or blocks exactly as the witness has them: white space there is the witness's own.
  'app', 'lem', 'rdg',
]);

/**
 * The document as it is written: its top-level nodes (no text between them),
 * with whitespace indenting element-only content. {@link serializeTei} writes
 * exactly this tree, and `saxonDocumentOf` (pipeline/saxon.ts) builds the same
 * tree for SaxonJS without parsing the text again.
 */
export function layoutTei(root: Root): Root['children'] {
  return root.children.filter((child) => child.type !== 'text').map((child) => indentNode(child, 0));
}

/** Returns the document as an XML string with an XML declaration and a final newline. */
export function serializeTei(root: Root): string {
  return writeLayout(layoutTei(root));
}

/** Writes nodes laid out by {@link layoutTei} as an XML document. */
export function writeLayout(nodes: Root['children']): string {
  const parts = nodes.map(xmlOf);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${parts.join('\n')}\n`;
}

/** xast-util-to-xml's options for the TEI: `<empty/>`. */
const TO_XML_OPTIONS = { closeEmptyElements: true, tightClose: true } as const;

/** What xast-util-to-xml (4.0.0) drops from names, values and text: C0 controls that XML 1.0 forbids. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
/** What it writes as a character reference (`&#x26;`), in text, in attribute values and in names. */
const TEXT_SPECIAL = /[&<]/g;
const VALUE_SPECIAL = /[<&"]/g;
const NAME_SPECIAL = /[\t\n "&'/<=>]/g;
const TEXT_CLEAN = /^[^&<\u0000-\u0008\u000B\u000C\u000E-\u001F]*$/;
const VALUE_CLEAN = /^[^<&"\u0000-\u0008\u000B\u000C\u000E-\u001F]*$/;
const NAME_CLEAN = /^[^\t\n "&'/<=>\u0000-\u0008\u000B\u000C\u000E-\u001F]*$/;

function escaped(value: string, clean: RegExp, special: RegExp): string {
  if (clean.test(value)) return value;
  return value.replace(FORBIDDEN, '').replace(special, (char) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`);
}

/**
 * A node as xast-util-to-xml writes it with {@link TO_XML_OPTIONS}, the same
 * bytes (tests/serialize-xml.test.ts), without its per-string escaping
 * machinery for the text and attributes that need none: most of them.
 */
export function xmlOf(node: Root['children'][number]): string {
  if (node.type === 'text') return escaped(node.value || '', TEXT_CLEAN, TEXT_SPECIAL);
  if (node.type !== 'element') return toXml(node, TO_XML_OPTIONS);
  const name = escaped(node.name || '', NAME_CLEAN, NAME_SPECIAL);
  let out = `<${name}`;
  const attributes = node.attributes ?? {};
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    if (value !== null && value !== undefined) out += ` ${escaped(key, NAME_CLEAN, NAME_SPECIAL)}="${escaped(String(value), VALUE_CLEAN, VALUE_SPECIAL)}"`;
  }
  let content = '';
  for (const child of node.children ?? []) content += xmlOf(child);
  return content ? `${out}>${content}</${name}>` : `${out}/>`;
}

function indentNode<T extends Root['children'][number]>(node: T, depth: number): T {
  if (node.type !== 'element') return node;
  const element = node as unknown as Element;
  const hasText = element.children.some((child) => child.type === 'text' && child.value.trim() !== '');
  if (MIXED.has(element.name) || hasText || element.children.length === 0) return node;
  const pad = '\n' + '  '.repeat(depth + 1);
  const children: ElementContent[] = [];
  for (const child of element.children) {
    if (child.type === 'text') continue; // whitespace-only text in element-only content
    children.push({ type: 'text', value: pad }, indentNode(child, depth + 1));
  }
  children.push({ type: 'text', value: '\n' + '  '.repeat(depth) });
  return { ...element, children } as unknown as T;
}

/**
 * The source place of every element of laid-out nodes, in document order:
 * its own `position`, else its nearest ancestor's (a `date` the tool marked
 * inside a paragraph comes from the paragraph's line); undefined for what the
 * tool made outside any source block (most of the header).
 */
export function sourcePlaces(nodes: Root['children']): ({ line: number; column: number } | undefined)[] {
  const places: ({ line: number; column: number } | undefined)[] = [];
  const visit = (node: Root['children'][number], inherited: { line: number; column: number } | undefined) => {
    if (node.type !== 'element') return;
    const start = node.position?.start;
    const own = start ? { line: start.line, column: start.column } : inherited;
    places.push(own);
    for (const child of node.children) visit(child, own);
  };
  for (const node of nodes) visit(node, undefined);
  return places;
}
