import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toXml } from 'xast-util-to-xml';
import {
  classifyQuotations,
  markQuotations,
  markQuotationsIn,
  pairQuoteMarks,
  personLookupFrom,
  type PersonLookup,
  type QuotationKind,
} from '../../pipeline/enrich/quotes.js';
import { markDates, markDatesIn } from '../../pipeline/enrich/dates.js';
import { loadRegisters } from '../../pipeline/enrich/registers.js';
import { MessageLog } from '../../pipeline/messages.js';
import { decode, read, assemble, teiStages, type Edition } from '../../pipeline/stages.js';
import { resolveSettings } from '../../pipeline/settings.js';
import { el, findAll, textOf, type Element, type Root } from '../../pipeline/tei/tree.js';

const persons: PersonLookup = personLookupFrom(loadRegisters().entries.values());

/** Kinds of the quotations of one line of text, as `kind: text`. */
function kinds(text: string, lookup?: PersonLookup): string[] {
  const { pairs } = pairQuoteMarks(text);
  return classifyQuotations(text, pairs, lookup).map((quotation) => `${quotation.kind}: ${text.slice(quotation.start, quotation.end)}`);
}

/** A TEI document whose body holds the given paragraphs, each with the source line given. */
function teiOf(paragraphs: Array<{ line: number; content: Element | string }>, docDate?: string): Root {
  const ps = paragraphs.map(({ line, content }) => {
    const p = typeof content === 'string' ? el('p', {}, content) : content;
    p.position = { start: { line, column: 1 }, end: { line, column: 1 + textOf(p).length } };
    return p;
  });
  return {
    type: 'root',
    children: [el('TEI', {}, el('teiHeader', {}), el('text', {}, el('front', {}, docDate ? el('docDate', { when: docDate }, docDate) : null), el('body', {}, el('div', {}, ps))))],
  };
}

describe('pairQuoteMarks', () => {
  it('does not take apostrophes for quotation marks', () => {
    const text = 'the young workers’ state, Lenin’s death, Trotsky’s program, don\'t, the workers\' parties, O\'Callaghan';
    expect(pairQuoteMarks(text)).toEqual({ pairs: [], stray: [] });
  });

  it('pairs straight and single marks, and reads nesting', () => {
    const text = 'he said: ". . . it is "inevitable". That is wrong" and the \'advanced\' circles';
    const { pairs, stray } = pairQuoteMarks(text);
    expect(stray).toEqual([]);
    expect(pairs.map((pair) => [text.slice(pair.open, pair.close + 1), pair.depth])).toEqual([
      ['". . . it is "inevitable". That is wrong"', 0],
      ['"inevitable"', 1],
      ["'advanced'", 0],
    ]);
  });

  it('reports a closing mark with no opening one, and an opening mark never closed', () => {
    const text = 'the slogan Workers of the World Unite” for the slogan; then “an unclosed one';
    const { pairs, stray } = pairQuoteMarks(text);
    expect(pairs).toEqual([]);
    expect(stray.map((mark) => [mark.mark, mark.problem, mark.offset])).toEqual([
      ['”', 'unopened', text.indexOf('”')],
      ['“', 'unclosed', text.indexOf('“')],
    ]);
  });
});

describe('classifyQuotations', () => {
  it('tells scare quotes from quotations', () => {
    expect(kinds('The “time-table” of the German High Command; once hailed as “best in the world,” was thus far; Stalin’s “constitution,” which')).toEqual([
      'soCalled: “time-table”',
      'q: “best in the world,”',
      'soCalled: “constitution,”',
    ]);
  });

  it('links a quotation split around a clause of saying, and resolves the speaker', () => {
    const text = '“War,” said Clausewitz, “is the continuation of politics by other means.” This maxim applies.';
    const { pairs } = pairQuoteMarks(text);
    const quotations = classifyQuotations(text, pairs, persons);
    expect(quotations.map((quotation) => [quotation.kind, quotation.who, quotation.next, quotation.prev])).toEqual([
      ['q', ['pers-clausewitz'], 1, undefined],
      ['q', ['pers-clausewitz'], undefined, 0],
    ]);
  });

  it('reads "he" as the nearest person named before, skipping objects of prepositions', () => {
    const text = 'A grave error was made by Stalin, who did not agree. In a letter to Lenin, dated June 12, 1920, he declared that in reality "there is no difference between these two types of federal relations".';
    const { pairs } = pairQuoteMarks(text);
    expect(classifyQuotations(text, pairs, persons)[0]).toMatchObject({ kind: 'q', who: ['pers-stalin'] });
  });

  it('gives no @who for a speaker the register does not know', () => {
    const text = 'Smithers wrote: “the workers will not stand for it any longer, whatever the cost.”';
    const { pairs } = pairQuoteMarks(text);
    const [quotation] = classifyQuotations(text, pairs, persons);
    expect(quotation).toMatchObject({ kind: 'q', speaker: 'Smithers' });
    expect(quotation!.who).toBeUndefined();
  });

  it('reads a quotation followed by its source as cit, and a named work as title', () => {
    expect(kinds('Stalin removed “political power from the Komsomols.” (The Soviet Power, page 305) Then')).toEqual([
      'cit: “political power from the Komsomols.”',
    ]);
    expect(kinds('in his article “The Question of Nationalities” and his pamphlet “What Is To Be Done?”')).toEqual([
      'title: “The Question of Nationalities”',
      'title: “What Is To Be Done?”',
    ]);
  });
});

describe('markQuotationsIn', () => {
  it('wraps cit with quote and bibl (title, biblScope) and keeps the marks in the text', () => {
    const text = 'Even the Dean admits it: Stalin removed “political power from the Komsomols, i.e. from the League.” (The Soviet Power, page 305)';
    const root = teiOf([{ line: 65, content: text }]);
    markQuotationsIn(root);
    expect(textOf(root)).toBe(text);
    const [cit] = findAll(root, 'cit');
    expect(toXml(cit!)).toBe(
      '<cit><quote>“political power from the Komsomols, i.e. from the League.”</quote> <bibl>(<title>The Soviet Power</title>, <biblScope unit="page" from="305" to="305">page 305</biblScope>)</bibl></cit>',
    );
  });

  it('links the parts of a split quotation with xml:id, @next and @prev', () => {
    const root = teiOf([{ line: 155, content: '“War,” said Clausewitz, “is the continuation of politics by other means.” This maxim applies.' }]);
    markQuotationsIn(root, undefined, { persons });
    expect(findAll(root, 'q').map((q) => q.attributes)).toEqual([
      { 'xml:id': 'q-1', who: '#pers-clausewitz', next: '#q-2' },
      { 'xml:id': 'q-2', who: '#pers-clausewitz', prev: '#q-1' },
    ]);
  });

  it('wraps a quotation over hi and note children, and reads the note on its own', () => {
    const p = el('p', {}, 'Lenin wrote: “the ', el('hi', { rend: 'italic' }, 'whole'), ' point', el('note', {}, 'See the “original” text.'), ' is this.” Then.');
    const root = teiOf([{ line: 3, content: p }]);
    const before = textOf(root);
    markQuotationsIn(root, undefined, { persons });
    expect(textOf(root)).toBe(before);
    expect(toXml(p)).toBe(
      '<p>Lenin wrote: <q who="#pers-lenin">“the <hi rend="italic">whole</hi> point<note>See the <soCalled>“original”</soCalled> text.</note> is this.”</q> Then.</p>',
    );
  });

  it('reports, and leaves alone, a quotation that would cut an element in two', () => {
    const p = el('p', {}, 'A “quote that ', el('hi', {}, 'ends” inside'), ' an element.');
    const root = teiOf([{ line: 7, content: p }]);
    const log = new MessageLog('x.txt');
    const result = markQuotationsIn(root, log);
    expect(result.unwrapped).toHaveLength(1);
    expect(log.messages.map((message) => [message.ruleId, message.place?.line])).toEqual([['quotes:crossing', 7]]);
    expect(findAll(root, 'q')).toEqual([]);
  });

  it('reports an unbalanced mark with its line and column as a warning, and changes no character', () => {
    const text = 'the Moscow radio has dropped the slogan Workers of the World Unite” for the slogan of Democracy against Fascism.';
    const root = teiOf([{ line: 122, content: text }]);
    const log = new MessageLog('seed.txt');
    markQuotationsIn(root, log);
    expect(textOf(root)).toBe(text);
    expect(log.messages).toHaveLength(1);
    expect(log.messages[0]).toMatchObject({ ruleId: 'quotes:unbalanced', severity: 'warning', place: { line: 122, column: text.indexOf('”') + 1 } });
  });
});

interface ExpectedQuotation {
  line: number;
  text: string;
  kind: QuotationKind;
  who?: string[];
}
interface ExpectedCase {
  documentDate?: string;
  quotations: ExpectedQuotation[];
  unbalanced: Array<{ line: number; mark: string }>;
  dates?: Array<{ line: number; text: string; when?: string; from?: string; to?: string }>;
}

/** The quoted spans of a TEI body as `{line, text, kind, who}` (a `cit` counts once, by its `quote`). */
function quotationsOf(root: Root): ExpectedQuotation[] {
  const out: ExpectedQuotation[] = [];
  const visit = (node: Element, line: number | undefined): void => {
    const here = node.position?.start.line ?? line;
    if (node.name === 'cit') {
      const quote = node.children.find((child): child is Element => child.type === 'element' && child.name === 'quote');
      out.push({ line: here!, text: quote ? textOf(quote) : textOf(node), kind: 'cit' });
      // Quotations nested inside the cited words count on their own.
      for (const child of quote?.children ?? []) if (child.type === 'element') visit(child, here);
      return;
    }
    if (['q', 'quote', 'soCalled', 'title'].includes(node.name)) {
      const who = node.attributes.who?.split(/\s+/).map((ref) => ref.replace(/^#/, ''));
      out.push({ line: here!, text: textOf(node), kind: node.name as QuotationKind, ...(who ? { who } : {}) });
    }
    for (const child of node.children) if (child.type === 'element') visit(child, here);
  };
  for (const body of findAll(root, 'body')) visit(body, undefined);
  return out;
}

/** Matches found spans to expected ones by line and text; counts the right kinds. */
function score(expected: ExpectedQuotation[], found: ExpectedQuotation[]) {
  const unused = [...found];
  const wrongKind: string[] = [];
  const wrongWho: string[] = [];
  const missed: string[] = [];
  let right = 0;
  for (const item of expected) {
    const index = unused.findIndex((hit) => hit.line === item.line && hit.text === item.text);
    if (index < 0) {
      missed.push(`${item.line}: ${item.text.slice(0, 40)}`);
      continue;
    }
    const [hit] = unused.splice(index, 1);
    if (hit!.kind === item.kind) right++;
    else wrongKind.push(`${item.line}: ${item.text.slice(0, 40)} (${hit!.kind}, expected ${item.kind})`);
    if (item.who && JSON.stringify(hit!.who) !== JSON.stringify(item.who)) wrongWho.push(`${item.line}: ${item.text.slice(0, 30)} (who ${hit!.who ?? 'none'})`);
  }
  return { right, wrongKind, wrongWho, missed, spurious: unused.map((hit) => `${hit.line}: ${hit.text.slice(0, 40)}`) };
}

const FIXTURES = 'tests/fixtures/quotes';

describe('fixtures from other texts (not the seed)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const dir = path.join(FIXTURES, name);
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as ExpectedCase;
      const paragraphs = readFileSync(path.join(dir, 'input.txt'), 'utf8')
        .split('\n')
        .map((text, index) => ({ line: index + 1, content: text }))
        .filter((paragraph) => paragraph.content.trim() !== '');
      const root = teiOf(paragraphs, expected.documentDate);
      const before = textOf(root);
      const log = new MessageLog(name);
      const result = markQuotationsIn(root, log, { persons });
      markDatesIn(root, log);
      expect(textOf(root)).toBe(before);

      const outcome = score(expected.quotations, quotationsOf(root));
      console.log(`quotations (${name}): ${outcome.right} of ${expected.quotations.length} classified right`, outcome.wrongKind, outcome.wrongWho, outcome.missed, outcome.spurious);
      expect(outcome).toMatchObject({ wrongKind: [], wrongWho: [], missed: [], spurious: [] });
      expect(result.unbalanced.map((item) => ({ line: item.place?.line, mark: item.mark }))).toEqual(expected.unbalanced);

      if (expected.dates) {
        const dates = findAll(root, 'date').map((date) => ({
          text: textOf(date),
          value: date.attributes.when ?? `${date.attributes.from}/${date.attributes.to}`,
        }));
        expect(dates).toEqual(expected.dates.map((date) => ({ text: date.text, value: date.when ?? `${date.from}/${date.to}` })));
      }
    });
  }
});

/** The seed through the real stages, quotations first. */
async function enrich(stages = [decode, read, assemble, markQuotations, markDates]): Promise<Edition> {
  const file = 'seeds/wright-1941-soviet-union-at-war.txt';
  const edition: Edition = { path: file, bytes: readFileSync(file), log: new MessageLog(file) };
  const settings = resolveSettings({ buildDate: '2024-01-01' });
  for (const stage of stages) await stage(edition, settings);
  return edition;
}

describe('the seed against its gold quotations', () => {
  it('classifies the quoted spans of the gold annotation', async () => {
    const gold = JSON.parse(readFileSync('tests/gold/wright-1941-quotes.json', 'utf8')) as { quotations: ExpectedQuotation[]; unbalanced: Array<{ line: number; mark: string }> };
    const edition = await enrich();
    const found = quotationsOf(edition.tei!);
    const outcome = score(gold.quotations, found);
    const attributed = gold.quotations.filter((item) => item.who).length;
    console.log(
      `quotations (seed): ${outcome.right} of ${gold.quotations.length} quoted spans classified right; ` +
        `wrong kind [${outcome.wrongKind.join('; ')}], missed [${outcome.missed.join('; ')}], spurious [${outcome.spurious.join('; ')}]; ` +
        `@who right for ${attributed - outcome.wrongWho.length} of ${attributed} attributed quotations`,
    );
    // Issue 3's target is 25 of the 27 spans it counts; the reading in the gold finds 31, so allow the same two misses.
    expect(outcome.right).toBeGreaterThanOrEqual(25);
    expect(outcome.right).toBeGreaterThanOrEqual(gold.quotations.length - 2);
    expect(outcome.spurious.length).toBeLessThanOrEqual(2);

    const unbalanced = edition.log.messages.filter((message) => message.ruleId === 'quotes:unbalanced');
    expect(unbalanced.map((message) => message.place?.line)).toEqual(gold.unbalanced.map((item) => item.line));
  });

  it('keeps the seed valid: every @who, @next and @prev of the full TEI stages resolves to an xml:id in the document', async () => {
    const edition = await enrich(teiStages.filter((stage) => stage.name !== 'serialize'));
    const ids = new Set<string>();
    const pointers: string[] = [];
    const visit = (node: Element): void => {
      if (node.attributes['xml:id']) ids.add(node.attributes['xml:id']);
      for (const attribute of ['who', 'next', 'prev'] as const) {
        for (const ref of node.attributes[attribute]?.split(/\s+/) ?? []) pointers.push(ref);
      }
      for (const child of node.children) if (child.type === 'element') visit(child);
    };
    for (const child of edition.tei!.children) if (child.type === 'element') visit(child);
    expect(pointers.length).toBeGreaterThan(0);
    expect(pointers.filter((ref) => !ids.has(ref.replace(/^#/, '')))).toEqual([]);
  });
});
