/** The plain-text reader, stage by stage, on the seed and on small inline texts. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InputError, MessageLog } from '../../pipeline/messages.js';
import { findFooter, findHeaderEnd, headCandidate, looksLikeName, readText, splitLines } from '../../pipeline/readers/text.js';
import { slugOf } from '../../pipeline/slug.js';
import { findAll, textOf, type Element } from '../../pipeline/tei/tree.js';
import { teiOfText } from './tei-of-text.js';
import { clean } from '../../pipeline/readers/text/lines.js';

const SEED = readFileSync('seeds/wright-1941-soviet-union-at-war.txt', 'utf8');
const read = (text: string) => readText(text, new MessageLog('test.txt'));
const texts = (lines: { text: string }[]) => lines.map((line) => line.text.trim());
const LONG = 'This paragraph is long enough to be read as running text, because it goes on and on about the matter at hand with many words and a full stop at the end.';

function bodyBlocks(body: Element[]): Element[] {
  const root = { type: 'root' as const, children: body };
  return ['p', 'head', 'item'].flatMap((name) => findAll(root as never, name));
}

describe('the seed', () => {
  const result = read(SEED);
  const { meta } = result;

  it('reads the header facts the issue names', () => {
    expect(texts(meta.title)).toEqual(['The Soviet Union at War']);
    expect(texts(meta.authors)).toEqual(['John G. Wright']);
    expect(meta.source).toMatchObject({ journal: 'Fourth International', volume: '2', issue: '7', pages: { from: '217', to: '221' }, date: { iso: '1941-08' } });
    expect(meta.dateLine?.date?.iso).toBe('1941-08');
    expect(meta.transcription?.names).toEqual(['Einde O’Callaghan']);
    expect(meta.lastUpdated?.date?.iso).toBe('2016-05-28');
    expect(meta.breadcrumbs).toHaveLength(1);
    expect(meta.otherFrontLines).toEqual([]);
  });

  it('writes those facts into the teiHeader', () => {
    const { xml } = teiOfText(SEED);
    const header = xml.slice(xml.indexOf('<teiHeader>'), xml.indexOf('</teiHeader>'));
    expect(header).toContain('<title type="main">The Soviet Union at War</title>');
    expect(header).toContain('<author>John G. Wright</author>');
    expect(header).toContain('<title level="j">Fourth International</title>');
    expect(header).toContain('<date when="1941-08">August 1941</date>');
    expect(header).toContain('<biblScope unit="volume" from="2" to="2">2</biblScope>');
    expect(header).toContain('<biblScope unit="issue" from="7" to="7">7</biblScope>');
    expect(header).toMatch(/<biblScope unit="page" from="217" to="221">pp.\u00A0?\s?217–221<\/biblScope>/);
    expect(header).toMatch(/<respStmt>\s*<resp>Transcription and markup for the online archive<\/resp>\s*<name>Einde O’Callaghan<\/name>/);
    expect(header).toContain('<date type="lastUpdated" when="2016-05-28">Last updated: 28 May 2016</date>');
    expect(header).toContain('<change when="2016-05-28">');
    expect(header).toContain('<quotation marks="all">');
    expect(header).toContain('<availability status="unknown">');
  });

  it('keeps the slug', () => {
    expect(slugOf(meta, 'wright-1941-soviet-union-at-war.txt')).toBe('wright-1941-soviet-union-at-war');
  });

  it('has 81 paragraphs, headings and list items in the body (the issue’s acceptance number)', () => {
    const blocks = bodyBlocks(result.body);
    expect(blocks).toHaveLength(81);
    expect(blocks.filter((block) => block.name === 'head').map((head) => textOf(head))).toEqual([
      'What Stalin Destroyed',
      'The Morale of the Rank-and-File',
      'What the Nazis Failed to Understand',
      'Why A Political Revolution Is Necessary',
    ]);
    expect(blocks.filter((block) => block.name === 'item')).toHaveLength(4);
  });

  it('gives every block a position and a unique id', () => {
    const blocks = bodyBlocks(result.body);
    expect(blocks.every((block) => block.position?.start.line)).toBe(true);
    const ids = blocks.map((block) => block.attributes['xml:id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('d1-p1');
  });

  it('opens a subsection at a separator before a paragraph', () => {
    const subsections = findAll({ type: 'root', children: result.body } as never, 'div').filter((div) => div.attributes.type === 'subsection');
    expect(subsections.map((div) => textOf(div).slice(0, 12))).toEqual(['THE BOLSHEVI', 'THE YOUTH. T', 'THE SOVIETS.', 'THE TRADE UN']);
  });
});

describe('stages', () => {
  it('finds footers: last-updated lines and index links, not a last paragraph', () => {
    const lines = splitLines(['Title', '', LONG, '', 'Collected Works Volume 31', 'Lenin Works Archive', '', 'Last updated on 11.8.2003'].join('\n'));
    expect(findFooter(lines)).toBe(2);
    expect(findFooter(splitLines(['Title', '', LONG, '', 'October 1973'].join('\n')))).toBe(3);
  });

  it('ends the header after the last header anchor, even before a short first line', () => {
    const lines = splitLines(['Jane Doe', '', 'A Title', '', '(1959)', '', 'From X, Vol. 1 No. 2, May 1959, p. 3.', '', 'Comrades!', '', LONG].join('\n'));
    expect(findHeaderEnd(lines, lines.length)).toBe(4);
  });

  it('tells names from titles', () => {
    expect(looksLikeName('John G. Wright')).toBe(true);
    expect(looksLikeName('V. I. Lenin')).toBe(true);
    expect(looksLikeName('The Soviet Union at War')).toBe(false);
    expect(looksLikeName('Draft Theses on')).toBe(false);
  });

  it('tells headings from short paragraphs', () => {
    expect(headCandidate('What the Nazis Failed to Understand', true)).toBe(true);
    expect(headCandidate('6\\. What Then?', true)).toBe(true);
    expect(headCandidate('If the road of the sect is a blind alley, what then?', true)).toBe(false);
    expect(headCandidate('June 5, 1920', true)).toBe(false);
    expect(headCandidate('With comradely greetings.', true)).toBe(false);
    expect(headCandidate('a ravaged and backward country', false)).toBe(false);
  });
});

describe('variants', () => {
  it('reads an unsigned text (no author, no breadcrumb)', () => {
    const { meta } = read(['The Lessons of the Strike', '', '(1959)', '', LONG].join('\n'));
    expect(meta.authors).toEqual([]);
    expect(texts(meta.title)).toEqual(['The Lessons of the Strike']);
  });

  it('reads an organisation as author and slugs it by its first words', () => {
    const { meta } = read(['Executive Committee of the Communist International', '', 'To the Workers of All Countries', '', '(1920)', '', LONG].join('\n'));
    expect(texts(meta.authors)).toEqual(['Executive Committee of the Communist International']);
    expect(texts(meta.title)).toEqual(['To the Workers of All Countries']);
    expect(slugOf(meta, 'x.txt')).toBe('executive-committee-1920-to-the-workers-of-all-countries');
  });

  it('joins a two-line title and keeps a subtitle apart', () => {
    const { meta } = read(['V. I. Lenin', '', 'Draft Theses on', '', 'National and Colonial Questions', '', 'For the Second Congress', '', 'Written: 5 June, 1920', '', LONG].join('\n'));
    expect(texts(meta.title)).toEqual(['Draft Theses on', 'National and Colonial Questions']);
    expect(texts(meta.subtitle)).toEqual(['For the Second Congress']);
    expect(slugOf(meta, 'x.txt')).toBe('lenin-1920-draft-theses-on-national-and-colonial-questions');
  });

  it('reads a newspaper index header', () => {
    const { meta } = read(
      ['Main FI Index | Main Newspaper Index', '', 'Fourth International, March 1945', '', 'Paul Lanning', '', 'The Crisis', '', '(March 1945)', '', LONG].join('\n'),
    );
    expect(meta.breadcrumbs).toHaveLength(1);
    expect(meta.issueLine?.text).toBe('Fourth International, March 1945');
    expect(texts(meta.authors)).toEqual(['Paul Lanning']);
    expect(texts(meta.title)).toEqual(['The Crisis']);
  });

  it('keeps header lines it cannot classify in otherFrontLines, and the TEI writes them into front', () => {
    const text = ['A Title', '', '(1959)', '', 'Transcribed by Jo Bloggs.', 'Proofread by Anna Berg (May 2005).', '', LONG].join('\n');
    expect(texts(read(text).meta.otherFrontLines)).toEqual(['Proofread by Anna Berg (May 2005).']);
    const { xml } = teiOfText(text);
    const front = xml.slice(xml.indexOf('<front>'), xml.indexOf('</front>'));
    expect(front).toContain('<note type="sourceNote">Proofread by Anna Berg (May 2005).</note>');
  });

  it('finds headings without separators and keeps short lines as paragraphs', () => {
    const { body } = read(['A Title', '', '(1959)', '', LONG, '', 'The Second Part', '', LONG, '', 'With comradely greetings.', '', 'October 1973'].join('\n'));
    expect(body).toHaveLength(2);
    expect(textOf(body[1]!.children[0] as Element)).toBe('The Second Part');
    expect(bodyBlocks(body).filter((block) => block.name === 'head')).toHaveLength(1);
  });

  it('reads numbered theses with their continuation paragraphs, ending the list after the last number', () => {
    const { body } = read(['A Title', '', '(1959)', '', LONG, '', `1) ${LONG}`, '', LONG, '', `2) ${LONG}`, '', 'With comradely greetings.'].join('\n'));
    const list = findAll(body[0]!, 'list')[0]!;
    const items = findAll(list, 'item');
    expect(items.map((item) => findAll(item, 'p').length)).toEqual([2, 1]);
    expect(textOf(findAll(items[0]!, 'label')[0]!)).toBe('1)');
    expect(textOf(body[0]!.children[body[0]!.children.length - 1] as Element)).toBe('With comradely greetings.');
  });

  it('reads a block of short lines ending in ";" after a line ending in ":" as a list', () => {
    const { body } = read(['A Title', '', '(1959)', '', `${LONG} on the following points:`, 'Austrian experience;', 'Ireland;', 'China-Korea-Japan.'].join('\n'));
    const items = findAll(body[0]!, 'item');
    expect(items.map((item) => textOf(item))).toEqual(['Austrian experience;', 'Ireland;', 'China-Korea-Japan.']);
  });

  it('links note references to the notes section and keeps their characters', () => {
    const { xml } = teiOfText(['A Title', '', '(1959)', '', `${LONG} [1]`, '', 'Notes', '', '1. The note.'].join('\n'));
    expect(xml).toContain('<ref xml:id="ref1" type="noteRef" n="1" target="#notes1-n1">[1]</ref>');
    expect(xml).toContain('<note xml:id="notes1-n1" n="1" type="endnote"><p><label>1.</label> The note.</p></note>');
  });

  it('leaves bracketed numbers alone when there is no note to point at', () => {
    const { xml } = teiOfText(['A Title', '', '(1959)', '', `${LONG} [1]`].join('\n'));
    expect(xml).not.toContain('<ref');
  });

  it('warns when there is no title and refuses an empty file', () => {
    const log = new MessageLog('x.txt');
    readText(LONG, log);
    expect(log.messages.map((message) => message.ruleId)).toContain('read:no-title');
    expect(() => readText(' \n\n', new MessageLog('x.txt'))).toThrow(InputError);
  });
});

describe('the corpus', () => {
  const corpus = (name: string) => read(readFileSync(`../shared/corpus/${name}`, 'utf8'));
  const haveCorpus = (() => {
    try {
      readFileSync('../shared/corpus/README.md');
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!haveCorpus)('reads Lenin’s information block, book source and theses', () => {
    const { meta, body, back } = corpus('lenin-1920-national-colonial-theses.txt');
    expect(texts(meta.title)).toEqual(['Draft Theses on', 'National and Colonial Questions']);
    expect(meta.info.map((field) => field.label)).toEqual(['Written', 'First Published', 'Source', 'Translated', 'Transcription\\\\HTML Markup', 'Copyleft']);
    expect(meta.source).toMatchObject({ kind: 'book', volume: '31', pages: { from: '144', to: '151' } });
    expect(meta.transcription?.names).toEqual(['David Walters', 'R. Cymbala']);
    expect(findAll({ type: 'root', children: body } as never, 'list').map((list) => findAll(list, 'item').length)).toEqual([14, 12]);
    expect(back?.length).toBe(1);
    expect(meta.backLines).toHaveLength(3);
  });

  it.skipIf(!haveCorpus)('reads Draper’s numbered headings and his two notes sections', () => {
    const { meta, body, back } = corpus('draper-1973-micro-sect.txt');
    expect(texts(meta.authors)).toEqual(['Hal Draper']);
    expect(meta.title).toEqual([]);
    expect(body.map((div) => (div.children[0] as Element).name === 'head' ? textOf(div.children[0] as Element) : '-')).toEqual([
      // The Markdown escapes of the conversion (`1\\. The Road Forward`) are not printed.
      '-', 'Introduction', 'About the Road to an American Socialist Movement', '1. The Road Forward', '2. Fragmentation', '3. The Classic Sect',
      '4. Sects and Trade Unions', '5. The Rut We Are In', '6. What Then?', '7. The Political Center',
    ]);
    expect(back?.length).toBe(2);
  });

  it.skipIf(!haveCorpus)('reads Trotsky’s collection above the title and his letter’s theses', () => {
    const { meta, body } = corpus('trotsky-1921-on-humanite.txt');
    expect(texts(meta.collection ?? [])).toEqual(['The First Five Years of the Communist International', 'Volume 1']);
    expect(texts(meta.title)).toEqual(['On l\'Humanité, the Central Organ of the French Party']);
    expect(findAll(body[0]!, 'item')).toHaveLength(10);
    expect(meta.backLines).toHaveLength(3);
    expect(meta.lastUpdated?.date?.iso).toBe('2007-01-19');
  });

  it.skipIf(!haveCorpus)('reads Connolly’s source line without "From"', () => {
    const { meta } = corpus('connolly-1899-south-african-war.txt');
    expect(meta.source).toMatchObject({ journal: "Workers' Republic", date: { iso: '1899-08-19' } });
    expect(meta.transcription?.names).toEqual(["Einde O'Callaghan"]);
    expect(meta.lastUpdated?.date?.iso).toBe('2003-08-11');
  });
});

describe('clean text of a line', () => {
  it('is computed once per line and follows a change of the line’s text', () => {
    const line = { text: '  Two\u00A0 spaces\u2003and\ta tab  ', line: 1 };
    expect(clean(line)).toBe('Two spaces and a tab');
    expect(clean(line)).toBe('Two spaces and a tab');
    line.text = 'Changed\u00A0text ';
    expect(clean(line)).toBe('Changed text');
  });
});
