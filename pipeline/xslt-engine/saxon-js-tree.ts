/**
 * SaxonJS, loaded as CommonJS: it is a 2.4 MB file, and importing it from an
 * ES module makes Node scan the whole file for named exports first, which
 * costs a few hundred milliseconds at every start. It is loaded from V8's code
 * cache when `npm run build` made one (see saxon-js-load.ts).
 */
import type SaxonJSModule from 'saxon-js';
import { loadSaxonJS } from './saxon-js-load.js';

export const SaxonJS = loadSaxonJS() as typeof SaxonJSModule;

/** A document parsed by SaxonJS's own parser, ready to be a transform's `sourceNode`. */
export type SaxonDocument = { readonly nodeType: number } & object;

interface Platform {
  parseXmlFromString(text: string): SaxonDocument;
}

/**
 * Parses XML once into the tree SaxonJS transforms, so that several
 * stylesheets (the writers, the Schematron rules) can share one parse: for a
 * 35 KB article's TEI the parse costs about as much as a small transform.
 * Throws, like a transform given the text, when the XML is not well-formed.
 */
export function parseXml(text: string): SaxonDocument {
  return (SaxonJS as unknown as { getPlatform(): Platform }).getPlatform().parseXmlFromString(text);
}

/** The node kinds of the tree a TEI document is written from (xast). */
export type XastNode =
  | { type: 'element'; name: string; attributes: Record<string, string | null | undefined>; children: XastNode[] }
  | { type: 'text'; value: string }
  | { type: 'instruction'; name: string; value: string }
  | { type: 'comment'; value: string }
  | { type: 'cdata'; value: string }
  | { type: 'doctype' };

interface DomNode {
  appendChild(node: DomNode): unknown;
}
interface DomDocument extends DomNode {
  createElementNS(namespace: string | null, name: string): DomNode & { setAttributeNode(attribute: DomNode): unknown };
  createAttributeNS(namespace: string | null, name: string): DomNode & { value: string; nodeValue: string };
  createTextNode(text: string): DomNode;
  createProcessingInstruction(target: string, data: string): DomNode;
  createComment(text: string): DomNode;
}

/** True when no element or attribute in the tree has a prefix other than xml: or xmlns:. */
function plainNames(node: XastNode): boolean {
  if (node.type !== 'element') return true;
  if (node.name.includes(':')) return false;
  for (const name of Object.keys(node.attributes)) if (name.includes(':') && !name.startsWith('xml:') && !name.startsWith('xmlns:')) return false;
  return node.children.every(plainNames);
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

let implementation: { createDocument(namespace: null, name: null, doctype: null): DomDocument } | undefined;

/**
 * Builds the tree `parseXml` would give for the XML these nodes serialise to
 * (top-level nodes of a document, as `layoutTei` lays them out), straight from
 * the nodes: about five times faster than SaxonJS's parser, which reads the
 * text a character at a time. It does what that parser does to what it reads:
 * line ends become LF, tabs and line ends in attribute values spaces, xml:id
 * values are whitespace-normalised, adjacent text
 * is one node, the XML declaration and a DOCTYPE leave no node.
 */
export function saxonDocumentOf(nodes: readonly XastNode[]): SaxonDocument | undefined {
  // Prefixed names would need their prefixes resolved: such trees (never the TEI we write) are parsed instead.
  if (!nodes.every(plainNames)) return undefined;
  implementation ??= (parseXml('<x/>') as unknown as { implementation: NonNullable<typeof implementation> }).implementation;
  const document = implementation.createDocument(null, null, null);
  const lines = (text: string) => (text.includes('\r') ? text.replace(/\r\n|\r(?!\n)/g, '\n') : text);
  const append = (children: readonly XastNode[], parent: DomNode, namespace: string | null, inElement: boolean): void => {
    let text = '';
    const flush = () => {
      if (text !== '' && inElement) parent.appendChild(document.createTextNode(text));
      text = '';
    };
    for (const child of children) {
      if (child.type === 'text' || child.type === 'cdata') {
        text += lines(child.value);
        continue;
      }
      flush();
      if (child.type === 'element') {
        const declared = child.attributes.xmlns;
        const uri = declared === undefined || declared === null ? namespace : declared === '' ? null : declared;
        const element = document.createElementNS(uri, child.name);
        for (const [name, raw] of Object.entries(child.attributes)) {
          if (raw === undefined || raw === null) continue;
          // The parser gives unprefixed attributes the namespace '' (not null).
          const space = name === 'xmlns' || name.startsWith('xmlns:') ? XMLNS_NAMESPACE : name.startsWith('xml:') ? XML_NAMESPACE : '';
          const attribute = document.createAttributeNS(space, name);
          // Attribute-value normalisation (XML 1.0 §3.3.3): a literal tab or line end is a space.
          let value = lines(String(raw)).replace(/[\t\n]/g, ' ');
          if (name === 'xml:id' || name === 'id') value = value.replace(/\s+/g, ' ').trim();
          attribute.value = attribute.nodeValue = value;
          element.setAttributeNode(attribute);
        }
        parent.appendChild(element);
        append(child.children, element, uri, true);
      } else if (child.type === 'instruction') {
        if (child.name !== 'xml') parent.appendChild(document.createProcessingInstruction(child.name, lines(child.value)));
      } else if (child.type === 'comment') {
        parent.appendChild(document.createComment(lines(child.value)));
      }
    }
    flush();
  };
  append(nodes, document, null, false);
  return document as unknown as SaxonDocument;
}
