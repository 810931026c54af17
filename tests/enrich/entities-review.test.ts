/**
 * The review report: header problems first, then uncertain names one row per
 * name (count and first places linked into the print HTML), register entries
 * without ids in one line, then the other items.
 */
import { describe, expect, it } from 'vitest';
import { recognizeEntities } from '../../pipeline/enrich/entities.js';
import { loadRegisters } from '../../pipeline/enrich/registers.js';
import { reviewItemsOf, reviewJson, reviewSections, type ReviewItem } from '../../pipeline/enrich/review.js';
import { reviewHtml } from '../../pipeline/writers/review.js';
import type { Message } from '../../pipeline/messages.js';
import { el, type Root } from '../../pipeline/tei/tree.js';

/** A TEI body whose paragraphs carry xml:ids, as the readers write them. */
function teiWithIds(paragraphs: string[]): Root {
  const body = el('body', {}, paragraphs.map((text, index) => {
    const p = el('p', { 'xml:id': `d1-p${index + 1}` }, text);
    p.position = { start: { line: 10 + index, column: 1 }, end: { line: 10 + index, column: 1 } };
    return p;
  }));
  return { type: 'root', children: [el('TEI', {}, el('teiHeader', {}), el('text', {}, body))] };
}

const messages: Message[] = [
  { file: 'page.htm', severity: 'info', ruleId: 'entities:unknown', reason: 'person “Jagello” is in no register', place: { line: 12 } },
  { file: 'page.htm', severity: 'warning', ruleId: 'read:no-title', reason: 'the title was taken from its <title> element', place: { line: 8 } },
  { file: 'page.htm', severity: 'warning', ruleId: 'header:no-author', reason: 'no author line', place: { line: 9 } },
];

describe('the review report', () => {
  const tei = teiWithIds([
    'The admission of Jagello was refused.',
    'Later Jagello spoke, and Jagello voted; Lenin wrote and Stalin replied.',
    'Jagello again, and once more Jagello.',
  ]);
  const { review } = recognizeEntities(tei, loadRegisters([]));
  const quote: ReviewItem = { category: 'quotes:unbalanced', text: '“', detail: 'an opening quotation mark is never closed', line: 11, anchor: 'd1-p2' };
  const noIds: ReviewItem[] = ['Trade Union Congress|org-tuc', 'Pavia|place-pavia'].map((pair) => {
    const [text, id] = pair.split('|') as [string, string];
    return { category: 'registers:no-id' as const, text, detail: 'the register entry has no authority id', target: id };
  });
  const items = [...review, quote, ...noIds];
  const sections = reviewSections(items, { slug: 'page', messages });

  it('lists the reader’s and the header’s messages first, and only those', () => {
    expect(sections.header.map((problem) => problem.rule)).toEqual(['read:no-title', 'header:no-author']);
  });

  it('gives one row per uncertain name, with its count and its first places linked into the print HTML', () => {
    const jagello = sections.names.filter((row) => row.text === 'Jagello');
    expect(jagello).toHaveLength(1);
    expect(jagello[0]!.count).toBe(5);
    expect(jagello[0]!.kind).toBe('person');
    expect(jagello[0]!.places).toEqual([
      { line: 10, href: 'page.html#d1-p1' },
      { line: 11, href: 'page.html#d1-p2' },
      { line: 12, href: 'page.html#d1-p3' },
    ]);
  });

  it('folds the register entries without ids into one line, and keeps the other items with their links', () => {
    const html = reviewHtml('A page', 'page.htm', items, { slug: 'page', messages });
    const order = ['Header problems', 'Uncertain names', 'Other items'].map((heading) => html.indexOf(`<h2>${heading}`));
    expect(order.every((at, index) => at >= 0 && (index === 0 || at > order[index - 1]!))).toBe(true);
    expect(html).toContain('<a href="page.html#d1-p1">line 10</a>');
    expect(sections.other).toEqual([{ ...quote, href: 'page.html#d1-p2' }]);
    expect(sections.withoutIds.map((entry) => entry.id)).toEqual(expect.arrayContaining(['org-tuc', 'place-pavia']));
    const lines = html.split('\n').filter((text) => text.includes('no Wikidata, VIAF or GeoNames id'));
    expect(lines).toHaveLength(1);
    for (const entry of sections.withoutIds) expect(lines[0]).toContain(entry.id);
    expect(html).not.toContain('<td>registers:no-id</td>');
  });

  it('names each item by the rule id of the message for the same event', async () => {
    const { MessageLog } = await import('../../pipeline/messages.js');
    const { markEntities } = await import('../../pipeline/enrich/entities.js');
    const { resolveSettings } = await import('../../pipeline/settings.js');
    const edition = { path: 'page.htm', bytes: new Uint8Array(), log: new MessageLog('page.htm'), tei: teiWithIds(['Later Jagello spoke, and Jagello voted.']) };
    await markEntities(edition, resolveSettings({}));
    const itemRules = new Set(reviewItemsOf(edition).map((item) => item.category));
    const messageRules = new Set(edition.log.messages.map((message) => message.ruleId));
    expect([...itemRules]).toContain('entities:unknown');
    for (const rule of itemRules) if (rule !== 'registers:no-id') expect(messageRules, rule).toContain(rule);
  });

  it('writes the same sections as JSON, deterministically', () => {
    const json = JSON.parse(reviewJson('A page', 'page.htm', items, { slug: 'page', messages })) as { header: unknown[]; names: Array<{ text: string; count: number }>; other: unknown[] };
    expect(json.header).toHaveLength(2);
    expect(json.names.find((row) => row.text === 'Jagello')?.count).toBe(5);
    expect(reviewJson('A page', 'page.htm', [...items].reverse(), { slug: 'page', messages })).toBe(reviewJson('A page', 'page.htm', items, { slug: 'page', messages }));
  });
});
