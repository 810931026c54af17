import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { documentDateOf, findDates, markDatesIn, type DocumentDate } from '../../pipeline/enrich/dates.js';
import { MessageLog } from '../../pipeline/messages.js';
import { decode, read, assemble, type Edition } from '../../pipeline/stages.js';
import { markQuotations } from '../../pipeline/enrich/quotes.js';
import { markDates } from '../../pipeline/enrich/dates.js';
import { resolveSettings } from '../../pipeline/settings.js';
import { el, findAll, textOf, type Element, type Root } from '../../pipeline/tei/tree.js';

const AUGUST_1941: DocumentDate = { year: 1941, month: 8 };

/** `text → value` for every date found: `when`, or `from/to`. */
function found(text: string, date: DocumentDate | undefined = AUGUST_1941): Record<string, string> {
  const out: Record<string, string> = {};
  for (const hit of findDates(text, date).dates) out[hit.text] = hit.attrs.when ?? `${hit.attrs.from}/${hit.attrs.to}`;
  return out;
}

describe('findDates: explicit dates', () => {
  it('reads years, ranges with either dash, and parenthesised ranges', () => {
    expect(found('leading the masses in 1917 to power; the bloc (1925–1929); the Frameups (1935-1938); 1918–1921.')).toEqual({
      '1917': '1917',
      '1925–1929': '1925/1929',
      '1935-1938': '1935/1938',
      '1918–1921': '1918/1921',
    });
  });

  it('reads month and year, day month year, month day year, and a two-digit range end', () => {
    expect(found('in March 1922 and May 1940; on 19 August, 1899; dated June 12, 1920; the April 17 (1921) issue; in 1914-19 and 1920-23')).toEqual({
      'March 1922': '1922-03',
      'May 1940': '1940-05',
      '19 August, 1899': '1899-08-19',
      'June 12, 1920': '1920-06-12',
      'April 17 (1921)': '1921-04-17',
      '1914-19': '1914/1919',
      '1920-23': '1920/1923',
    });
  });

  it('reads the three revolutions of one parenthesis as three dates', () => {
    expect(found('three revolutions (1905, February 1917, October 1917)')).toEqual({
      '1905': '1905',
      'February 1917': '1917-02',
      'October 1917': '1917-10',
    });
  });

  it('reads decades as ranges', () => {
    expect(found('the esoteric sects of the 1930s and the 1970s')).toEqual({ '1930s': '1930/1939', '1970s': '1970/1979' });
  });
});

describe('findDates: what is not a date', () => {
  it('leaves durations alone', () => {
    expect(found('Seven weeks of Blitzkrieg; a civil war of three years’ duration; in the past fifteen years; for 13 years after; for the past year; in the last year of the war')).toEqual({});
  });

  it('leaves the October revolution and a bare month alone', () => {
    expect(found('the October revolution is demonstrating; the conquests of October; the role of the youth in October')).toEqual({});
  });

  it('leaves counts, percentages, page and issue numbers alone', () => {
    expect(found('not less than 30,000 officers; 1500 workers struck; 1917 delegates; pp. 1917–1920; page 1936; No. 1940; 90 per cent')).toEqual({});
  });

  it('does not take "May" the verb or "march" the noun for months', () => {
    // The bare year stays a year; the lower-case word is not read as its month.
    expect(found('they may 1940 times over; the march 1922 of the column')).toEqual({ '1922': '1922' });
  });

  it('rejects impossible days and backward ranges', () => {
    expect(found('on 31 February 1917 and in 1938–1935')).toEqual({});
  });
});

describe('findDates: relative expressions', () => {
  it('resolves against the document date with medium certainty', () => {
    const hits = findDates('the murder of Leon Trotsky last August. Since February of this year; only a year ago; removal last year; Last year; two years ago; next March', AUGUST_1941).dates;
    expect(hits.map((hit) => [hit.text, hit.attrs.when, hit.attrs.cert])).toEqual([
      ['last August', '1940-08', 'medium'],
      ['February of this year', '1941-02', 'medium'],
      ['a year ago', '1940', 'medium'],
      ['last year', '1940', 'medium'],
      ['Last year', '1940', 'medium'],
      ['two years ago', '1939', 'medium'],
      ['next March', '1942-03', 'medium'],
    ]);
    expect(hits.every((hit) => hit.relativeTo === '1941-08')).toBe(true);
  });

  it('reads "last March", written in August, as March of the same year', () => {
    expect(found('last March', AUGUST_1941)).toEqual({ 'last March': '1941-03' });
  });

  it('leaves a relative date unmarked, and says why, when the document has no date', () => {
    const scan = findDates('he died last August', undefined);
    expect(scan.dates).toEqual([]);
    expect(scan.unresolved.map((item) => item.text)).toEqual(['last August']);
    const yearOnly = findDates('he died last August', { year: 1899 });
    expect(yearOnly.dates).toEqual([]);
    expect(yearOnly.unresolved[0]!.reason).toMatch(/no month/);
  });
});

describe('markDatesIn', () => {
  function tei(docDate: string | undefined, ...paragraphs: Array<string | Element>): Root {
    const ps = paragraphs.map((p, index) => {
      const element = typeof p === 'string' ? el('p', {}, p) : p;
      element.position = { start: { line: 10 + index, column: 1 }, end: { line: 10 + index, column: 80 } };
      return element;
    });
    return {
      type: 'root',
      children: [
        el('TEI', {}, el('teiHeader', {}, el('fileDesc', {}, el('sourceDesc', {}, el('bibl', {}, 'in 1950')))),
          el('text', {}, el('front', {}, docDate ? el('docDate', { when: docDate }, docDate) : null), el('body', {}, el('div', {}, ps)))),
      ],
    };
  }

  it('wraps dates without changing a character, skips titles and the header, and logs resolved relative dates with their line', () => {
    const root = tei('1941-08', 'Stalin climaxed these crimes by the murder of Leon Trotsky last August.', el('p', {}, 'See ', el('title', {}, 'Russia in 1917'), ' (1935–1938).'));
    const before = textOf(root);
    const log = new MessageLog('x.txt');
    const result = markDatesIn(root, log);
    expect(textOf(root)).toBe(before);
    const dates = findAll(root, 'date');
    expect(dates.map((date) => [textOf(date), date.attributes.when ?? `${date.attributes.from}/${date.attributes.to}`, date.attributes.cert])).toEqual([
      ['last August', '1940-08', 'medium'],
      ['1935–1938', '1935/1938', undefined],
    ]);
    expect(result.resolved).toEqual([
      { text: 'last August', value: '1940-08', documentDate: '1941-08', line: 10, context: '…these crimes by the murder of Leon Trotsky last August.' },
    ]);
    expect(log.messages.map((message) => [message.ruleId, message.place?.line])).toEqual([['dates:relative', 10]]);
  });

  it('takes the document date from front/docDate, else from the imprint date', () => {
    const withDateline = tei('1899-08-19');
    expect(documentDateOf(withDateline)).toEqual({ year: 1899, month: 8, day: 19 });
    const imprintOnly: Root = {
      type: 'root',
      children: [el('TEI', {}, el('teiHeader', {}, el('fileDesc', {}, el('sourceDesc', {}, el('biblStruct', {}, el('monogr', {}, el('imprint', {}, el('date', { when: '1914-03' }, 'March 1914'))))))))],
    };
    expect(documentDateOf(imprintOnly)).toEqual({ year: 1914, month: 3, day: undefined });
  });
});

interface GoldDate {
  line: number;
  text: string;
  when?: string;
  from?: string;
  to?: string;
}

/** The seed run through the real stages up to the dates. */
async function enrichedSeed(): Promise<Root> {
  const file = 'seeds/wright-1941-soviet-union-at-war.txt';
  const edition: Edition = { path: file, bytes: readFileSync(file), log: new MessageLog(file) };
  const settings = resolveSettings({ buildDate: '2024-01-01' });
  for (const stage of [decode, read, assemble, markQuotations, markDates]) await stage(edition, settings);
  return edition.tei!;
}

/** Every `date` of the body with the source line of its block. */
function datesWithLines(root: Root): Array<{ line?: number; text: string; value: string }> {
  const out: Array<{ line?: number; text: string; value: string }> = [];
  const visit = (node: Element, line: number | undefined): void => {
    const here = node.position?.start.line ?? line;
    if (node.name === 'date') {
      const value = node.attributes.when ?? `${node.attributes.from}/${node.attributes.to}`;
      out.push({ line: here, text: textOf(node), value });
      return;
    }
    for (const child of node.children) if (child.type === 'element') visit(child, here);
  };
  for (const body of findAll(root, 'body')) visit(body, undefined);
  return out;
}

describe('the seed against its gold dates', () => {
  it('finds the dates of the gold annotation with the right ISO values', async () => {
    const gold = JSON.parse(readFileSync('tests/gold/wright-1941-dates.json', 'utf8')) as { dates: GoldDate[] };
    const hits = datesWithLines(await enrichedSeed());
    const unused = [...hits];
    let right = 0;
    let wrongValue = 0;
    const missed: string[] = [];
    for (const date of gold.dates) {
      const expected = date.when ?? `${date.from}/${date.to}`;
      const index = unused.findIndex((hit) => hit.line === date.line && hit.text === date.text);
      if (index < 0) {
        missed.push(`${date.line}: ${date.text}`);
        continue;
      }
      const [hit] = unused.splice(index, 1);
      if (hit!.value === expected) right++;
      else wrongValue++;
    }
    const spurious = unused.map((hit) => `${hit.line}: ${hit.text}`);
    const precision = right / hits.length;
    const recall = right / gold.dates.length;
    console.log(
      `dates (seed): ${right} of ${gold.dates.length} gold dates with the right ISO value; ${wrongValue} wrong value, ` +
        `${missed.length} missed [${missed.join('; ')}], ${spurious.length} spurious [${spurious.join('; ')}]; ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    // Issue 3's target: at least 25 of the 27 dates it counts (the reading in the gold finds 28).
    expect(right).toBeGreaterThanOrEqual(25);
    expect(right).toBeGreaterThanOrEqual(gold.dates.length - 2);
    expect(spurious.length).toBeLessThanOrEqual(2);
  });
});
