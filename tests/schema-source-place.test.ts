/**
 * A TEI the schema refuses is reported at the place in the TEI and at the
 * line of the input page it came from (issue 9: every such message pointed at
 * 1:1 of the page). The stages run on a real page; one element the schema does
 * not allow is then put into one paragraph, as a reader's mistake would, and
 * the edition's own validation must name that paragraph's source line.
 */
import { describe, expect, it } from 'vitest';
import { MessageLog, InputError } from '../pipeline/messages.js';
import { teiStages, type Edition } from '../pipeline/stages.js';
import { validateEditionTei } from '../pipeline/build.js';
import { resolveSettings } from '../pipeline/settings.js';
import { sourcePlaceMapper } from '../pipeline/validate/places.js';
import type { Element, Root } from '../pipeline/tei/tree.js';

const PAGE = `<html lang="en"><head><title>A Page</title></head>
<body>
<h1>A Page With Three Paragraphs</h1>
<h2>Jane Doe</h2>
<p>The first paragraph of the page, long enough to be a paragraph of English prose.</p>
<p>The second paragraph, which a reader's mistake will spoil for this test.</p>
<p>The third paragraph closes the page.</p>
</body></html>
`;

function paragraphs(root: Root | Element, found: Element[] = []): Element[] {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (child.name === 'p' && child.position) found.push(child);
    paragraphs(child, found);
  }
  return found;
}

describe('schema problems at their source line', () => {
  it('names the line of the page the refused element came from', async () => {
    const log = new MessageLog('page.html');
    const edition: Edition = { path: 'page.html', bytes: new TextEncoder().encode(PAGE), log };
    const settings = resolveSettings({});
    const stages = teiStages.slice(0, -1);
    for (const stage of stages) await stage(edition, settings);
    const second = paragraphs(edition.tei!).find((p) => p.position!.start.line === 6);
    expect(second, 'the second paragraph, from line 6 of the page').toBeDefined();
    second!.children.push({ type: 'element', name: 'row', attributes: {}, children: [{ type: 'text', value: 'spoilt' }] });
    await teiStages.at(-1)!(edition, settings);

    let failed: InputError | undefined;
    try {
      await validateEditionTei(edition, settings);
    } catch (error) {
      failed = error as InputError;
    }
    expect(failed).toBeInstanceOf(InputError);
    const errors = log.messages.filter((message) => message.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const teiLine = edition.teiXml!.split('\n').findIndex((line) => line.includes('<row>')) + 1;
    for (const error of errors) {
      expect(error.place?.line, error.reason).toBe(6);
      expect(error.reason).toMatch(new RegExp(`^TEI:${teiLine}:\\d+: `));
    }
  }, 120_000);

  it('gives no source place for what the tool made itself', () => {
    const xml = '<TEI>\n<teiHeader>\n<p>x</p>\n</teiHeader>\n</TEI>\n';
    const mapper = sourcePlaceMapper(xml, [undefined, undefined, { line: 9, column: 1 }]);
    expect(mapper({ line: 2 })).toBeUndefined();
    expect(mapper({ line: 3 })).toEqual({ line: 9, column: 1 });
    expect(mapper({ line: 4 })).toEqual({ line: 9, column: 1 });
  });
});
