/** Reads written XML back into xast (the tree the pipeline works on), keeping every character of text. */
import { XMLParser } from 'fast-xml-parser';
import type { Element, ElementContent, Root } from '../../pipeline/tei/tree.js';

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
});

function convert(nodes: Ordered[]): ElementContent[] {
  return nodes.map((node) => {
    if ('#text' in node) return { type: 'text', value: String(node['#text']) };
    const name = Object.keys(node).find((key) => key !== ':@')!;
    const element: Element = { type: 'element', name, attributes: { ...(node[':@'] ?? {}) }, children: convert(node[name] as Ordered[]) };
    return element;
  });
}

export function xmlToXast(xml: string): Root {
  return { type: 'root', children: convert(parser.parse(xml) as Ordered[]) };
}
