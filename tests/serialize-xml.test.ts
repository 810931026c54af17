/**
 * The TEI is written without xast-util-to-xml's per-string escaping (issue
 * 15), to the same bytes: `xmlOf` against `toXml(…, { closeEmptyElements,
 * tightClose })` on the TEI of the seed and both corpora and on a tree of
 * every character that needs escaping, wherever it may stand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toXml } from 'xast-util-to-xml';
import { layoutTei, writeLayout, xmlOf } from '../pipeline/tei/serialize.js';
import { teiStages, type Edition } from '../pipeline/stages.js';
import { MessageLog } from '../pipeline/messages.js';
import { resolveSettings, DEFAULT_FORMATS } from '../pipeline/settings.js';
import type { Root } from '../pipeline/tei/tree.js';

const byToXml = (nodes: Root['children']): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${nodes.map((node) => toXml(node, { closeEmptyElements: true, tightClose: true })).join('\n')}\n`;

/** The laid-out TEI of an input, after every stage before `serialize`. */
async function layoutOf(file: string): Promise<Root['children']> {
  const settings = resolveSettings({ formats: DEFAULT_FORMATS });
  const edition: Edition = { path: file, bytes: new Uint8Array(readFileSync(file)), log: new MessageLog(path.basename(file)) };
  for (const stage of teiStages.filter((stage) => stage.name !== 'serialize')) await stage(edition, settings);
  return layoutTei(edition.tei!);
}

const SHARED = path.resolve('../shared');
const sharedMissing = existsSync(SHARED) ? undefined : `${SHARED} is absent (it is not part of the repository)`;

describe('the TEI is written as xast-util-to-xml writes it', () => {
  it('escapes what needs escaping in text, attribute values and names, and drops forbidden controls', () => {
    const nasty = 'a & b < c > d " e \' f \t g \n h \r i \u0000\u0001\u0008\u000B\u000C\u001F j = / 𝔄 \uD800 &amp; ]]>';
    const tree: Root['children'] = [
      { type: 'instruction', name: 'xml-model', value: 'href="x"' },
      { type: 'comment', value: ' a comment ' },
      {
        type: 'element',
        name: 'TEI',
        attributes: { xmlns: 'http://www.tei-c.org/ns/1.0', a: nasty, 'xml:id': 'x', empty: '', gone: undefined as unknown as string, none: null as unknown as string },
        children: [
          { type: 'text', value: nasty },
          { type: 'element', name: 'p', attributes: {}, children: [] },
          { type: 'element', name: 'p', attributes: { n: '1' }, children: [{ type: 'text', value: '' }] },
          { type: 'element', name: `we<ird"na me`, attributes: { [`k&ey='\t`]: 'v' }, children: [{ type: 'text', value: 'plain' }] },
          { type: 'cdata', value: 'x < y' },
          { type: 'element', name: 'q', attributes: {}, children: [{ type: 'text', value: '“plain” text' }, { type: 'element', name: 'lb', attributes: {}, children: [] }] },
        ],
      },
    ];
    expect(writeLayout(tree)).toBe(byToXml(tree));
    expect(xmlOf(tree[2]!)).toContain('&#x26;');
  });

  it('on the seed', async () => {
    const layout = await layoutOf(path.resolve('seeds/wright-1941-soviet-union-at-war.txt'));
    const xml = writeLayout(layout);
    expect(xml.length).toBeGreaterThan(50_000);
    expect(xml).toBe(byToXml(layout));
  }, 120_000);

  it.skipIf(sharedMissing)(`on every input of ../shared/corpus and corpus-html${sharedMissing ? ` (skipped: ${sharedMissing})` : ''}`, async () => {
    const files = ['corpus', 'corpus-html'].flatMap((folder) =>
      readdirSync(path.join(SHARED, folder)).filter((name) => /\.(txt|html?)$/i.test(name)).map((name) => path.join(SHARED, folder, name)),
    );
    expect(files.length).toBeGreaterThanOrEqual(76);
    for (const file of files) {
      const layout = await layoutOf(file);
      expect(writeLayout(layout), file).toBe(byToXml(layout));
    }
  }, 300_000);
});
