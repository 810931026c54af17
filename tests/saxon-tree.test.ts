/**
 * The tree the writers and validation hand to SaxonJS is built from the TEI's
 * nodes (saxonDocumentOf), not parsed from the written XML: it must be the
 * very tree SaxonJS's parser makes of that XML, node for node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MessageLog } from '../pipeline/messages.js';
import { resolveSettings } from '../pipeline/settings.js';
import { parseXml, saxonDocumentOf, type SaxonDocument, type XastNode } from '../pipeline/xslt-engine/saxon-js-tree.js';
import { teiStages, type Edition } from '../pipeline/stages.js';
import { layoutTei, writeLayout } from '../pipeline/tei/serialize.js';
import type { Root } from '../pipeline/tei/tree.js';

interface Dom {
  nodeType: number;
  namespaceURI?: string | null;
  localName?: string;
  nodeName?: string;
  nodeValue?: string | null;
  attributes?: ArrayLike<Dom>;
  childNodes?: ArrayLike<Dom>;
}

/** A node as plain data, for a deep comparison: kind, namespace, name, value, attributes (sorted), children. */
function shape(node: Dom): unknown {
  const attributes = node.attributes
    ? Array.from(node.attributes)
        .map((a) => [a.namespaceURI ?? null, a.nodeName, a.nodeValue])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1])))
    : [];
  return {
    type: node.nodeType,
    namespace: node.nodeType === 1 ? (node.namespaceURI ?? null) : undefined,
    name: node.nodeType === 1 || node.nodeType === 7 ? node.nodeName : undefined,
    value: node.nodeType === 3 || node.nodeType === 7 || node.nodeType === 8 ? node.nodeValue : undefined,
    attributes,
    children: Array.from(node.childNodes ?? []).map(shape),
  };
}

const dom = (document: SaxonDocument) => document as unknown as Dom;

function expectSameTree(nodes: Root['children']) {
  const built = saxonDocumentOf(nodes as XastNode[]);
  expect(built, 'the builder refused the tree').toBeDefined();
  expect(shape(dom(built!))).toEqual(shape(dom(parseXml(writeLayout(nodes)))));
}

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const inputs = [
  ...readdirSync(path.join(FIXTURES, 'text')).map((name) => path.join(FIXTURES, 'text', name, 'input.txt')),
  ...readdirSync(path.join(FIXTURES, 'html')).map((name) => {
    const folder = path.join(FIXTURES, 'html', name);
    return path.join(folder, readdirSync(folder).find((file) => file.startsWith('input.'))!);
  }),
];

describe('saxonDocumentOf', () => {
  it.each(inputs.map((file) => [path.relative(FIXTURES, file), file]))('gives the parsed tree of the TEI of %s', async (_name, file) => {
    const edition: Edition = { path: file, bytes: readFileSync(file), log: new MessageLog(file) };
    const settings = resolveSettings({ outDir: '/nonexistent', buildDate: '2000-01-01' });
    for (const stage of teiStages) await stage(edition, settings);
    expect(edition.teiLayout).toBeDefined();
    expectSameTree(edition.teiLayout!);
  });

  it('does what the parser does to line ends, xml:id, adjacent text, markup characters, instructions and comments', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'instruction', name: 'xml-model', value: 'href="x.rng" type="application/xml"' },
        {
          type: 'element',
          name: 'TEI',
          attributes: { xmlns: 'http://www.tei-c.org/ns/1.0', 'xmlns:ex': 'urn:example' },
          children: [
            { type: 'comment', value: ' a comment\r\nover lines ' },
            {
              type: 'element',
              name: 'p',
              attributes: { 'xml:id': '  p1 ', 'xml:lang': 'en', rend: 'a & b < "c" \'d\'', n: 'tab\there' },
              children: [
                { type: 'text', value: 'one\r\ntwo\rthree ' },
                { type: 'text', value: '' },
                { type: 'text', value: '& <b> ]]> 𝔄 ' },
                { type: 'element', name: 'hi', attributes: {}, children: [] },
                { type: 'text', value: 'end' },
              ],
            },
            { type: 'element', name: 'egXML', attributes: { xmlns: 'http://www.tei-c.org/ns/Examples' }, children: [{ type: 'text', value: 'x' }] },
          ],
        },
      ],
    };
    expectSameTree(tree.children);
  });

  it('refuses prefixed names, which it does not resolve (those trees are parsed)', () => {
    expect(saxonDocumentOf([{ type: 'element', name: 'tei:TEI', attributes: { 'xmlns:tei': 'urn:x' }, children: [] }])).toBeUndefined();
  });
});

describe('layoutTei', () => {
  it('is what serializeTei writes', async () => {
    const { serializeTei } = await import('../pipeline/tei/serialize.js');
    const tree: Root = { type: 'root', children: [{ type: 'element', name: 'TEI', attributes: {}, children: [{ type: 'element', name: 'text', attributes: {}, children: [{ type: 'element', name: 'p', attributes: {}, children: [{ type: 'text', value: 'x' }] }] }] }] };
    expect(writeLayout(layoutTei(tree))).toBe(serializeTei(tree));
  });
});
