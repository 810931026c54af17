/**
 * The HTML reader (issue 4, items 1, 2 and 7): golden fixtures written in the
 * archives' markup, one folder per case (`input.htm`, `expected.body.xml`,
 * `expected.meta.json`; `UPDATE=1` rewrites the expected files for review),
 * and direct tests of each convention: footnotes placed at their reference,
 * quotations, nested lists, pages without author, windows-1252 bytes with and
 * without a declaration, tag soup, and scripts and event handlers that must
 * never reach any output.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { toXml } from 'xast-util-to-xml';
import { MessageLog } from '../../pipeline/messages.js';
import { decodeInput } from '../../pipeline/readers/decode.js';
import { detectFormat } from '../../pipeline/readers/index.js';
import { readHtml } from '../../pipeline/readers/html/index.js';
import type { ReadResult } from '../../pipeline/model.js';
import { el, findAll, textOf, type Element } from '../../pipeline/tei/tree.js';
import { teiStages, type Edition } from '../../pipeline/stages.js';
import { resolveSettings } from '../../pipeline/settings.js';
import { writeFormats } from '../../pipeline/writers/index.js';

const FIXTURES = 'tests/fixtures/html';
/** Cases compared whole with their plain-text form in html-same-as-text.test.ts. */
const COMPARED_WITH_TEXT = new Set(['seed-etol', 'connolly-mia']);

function read(file: string): { result: ReadResult; log: MessageLog } {
  const log = new MessageLog(file);
  const { text } = decodeInput(readFileSync(file), log);
  return { result: readHtml(text, log), log };
}

function readString(html: string): { result: ReadResult; log: MessageLog } {
  const log = new MessageLog('inline.htm');
  return { result: readHtml(html, log), log };
}

/** The header facts worth pinning, without line bookkeeping. */
function metaOf(result: ReadResult): unknown {
  const { meta } = result;
  const texts = (lines: { text: string }[] | undefined) => (lines ?? []).map((line) => line.text);
  return {
    breadcrumbs: texts(meta.breadcrumbs),
    authors: texts(meta.authors),
    title: texts(meta.title),
    subtitle: texts(meta.subtitle),
    dateLine: meta.dateLine && { text: meta.dateLine.text, iso: meta.dateLine.date?.iso },
    source: meta.source && { journal: meta.source.journal, volume: meta.source.volume, issue: meta.source.issue, pages: meta.source.pages, date: meta.source.date?.iso },
    transcription: meta.transcription && { names: meta.transcription.names, archive: meta.transcription.archive },
    info: meta.info.map((field) => ({ label: field.label, value: field.value })),
    otherFrontLines: texts(meta.otherFrontLines),
    backLines: texts(meta.backLines),
    lastUpdated: meta.lastUpdated && { text: meta.lastUpdated.text, iso: meta.lastUpdated.date?.iso },
    language: meta.language,
  };
}

function bodyXml(result: ReadResult): string {
  return toXml(el('body', {}, ...result.body), { closeEmptyElements: true }).replace(/(<\/(?:div|p|head|list|item|quote)>)/g, '$1\n') + '\n';
}

describe('HTML golden fixtures', () => {
  const cases = readdirSync(FIXTURES).filter((name) => !COMPARED_WITH_TEXT.has(name)).sort();
  for (const name of cases) {
    it(`reads ${name} as expected`, () => {
      const folder = path.join(FIXTURES, name);
      const { result } = read(path.join(folder, 'input.htm'));
      const body = bodyXml(result);
      const meta = JSON.stringify(metaOf(result), null, 2) + '\n';
      if (process.env.UPDATE === '1' || !existsSync(path.join(folder, 'expected.body.xml'))) {
        writeFileSync(path.join(folder, 'expected.body.xml'), body);
        writeFileSync(path.join(folder, 'expected.meta.json'), meta);
      }
      expect(body).toBe(readFileSync(path.join(folder, 'expected.body.xml'), 'utf8'));
      expect(meta).toBe(readFileSync(path.join(folder, 'expected.meta.json'), 'utf8'));
    });
  }
});

describe('input detection', () => {
  it('knows HTML by its content, whatever the name', () => {
    expect(detectFormat('page.txt', '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">\n<html>')).toBe('html');
    expect(detectFormat('page', '  <!-- saved --> <html><body><p>x</p></body></html>')).toBe('html');
    expect(detectFormat('page.txt', 'Title\n\n<p>one</p>\n<p>two</p>\n<p>three</p>')).toBe('html');
  });
  it('takes .htm/.html with markup as HTML and anything else as text', () => {
    expect(detectFormat('a.htm', 'Some words <em>here</em>')).toBe('html');
    expect(detectFormat('a.HTML', 'Some words <b>here</b>')).toBe('html');
    expect(detectFormat('a.txt', 'John G. Wright\n\nThe Soviet Union at War\n\n(August 1941)')).toBe('text');
    expect(detectFormat('a.txt', 'Prices rose by 5 < 10 per cent and fell again.')).toBe('text');
  });
  it('reads an .html file without markup as text, so that its paragraphs stay apart', () => {
    expect(detectFormat('a.html', 'Title\n\nFirst paragraph.\n\nSecond paragraph.')).toBe('text');
  });
});

describe('charsets', () => {
  it('honours a declared windows-1252/ISO-8859-1 charset without a warning', () => {
    const log = new MessageLog('x.htm');
    const bytes = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>workers'), Buffer.from([0x92]), Buffer.from(' caf'), Buffer.from([0xe9]), Buffer.from('</p>')]);
    const decoded = decodeInput(bytes, log);
    expect(decoded.text).toContain('workers’ café');
    expect(decoded.charset).toBe('iso-8859-1');
    expect(log.messages).toEqual([]);
  });
  it('reads undeclared windows-1252 bytes and warns', () => {
    const { result, log } = read(path.join(FIXTURES, 'unsigned-windows-1252', 'input.htm'));
    expect(log.messages.map((message) => message.ruleId)).toContain('read:encoding');
    expect(textOf(el('body', {}, ...result.body))).toContain('employers’ federation');
    expect(textOf(el('body', {}, ...result.body))).toContain('Café owners');
    expect(result.meta.transcription?.names).toEqual(['José Müller']);
  });
  it('prefers UTF-8 when a page declares a legacy charset but its bytes are UTF-8, and says so', () => {
    const log = new MessageLog('x.htm');
    const decoded = decodeInput(Buffer.from('<meta charset="windows-1252"><p>Müller’s</p>', 'utf8'), log);
    expect(decoded.text).toContain('Müller’s');
    expect(log.messages.map((message) => message.ruleId)).toEqual(['read:charset']);
  });
  it('reads numeric character references in the windows-1252 range as browsers do', () => {
    const { result } = read(path.join(FIXTURES, 'tag-soup', 'input.htm'));
    expect(textOf(el('body', {}, ...result.body))).toContain('“in cp1252 numbers”');
  });
});

describe('ETOL/MIA conventions', () => {
  it('places each footnote at its reference and leaves the notes section out of the body', () => {
    const { result, log } = read(path.join(FIXTURES, 'footnotes-etol', 'input.htm'));
    const body = el('body', {}, ...result.body);
    const notes = findAll(body, 'note');
    expect(notes.map((note) => note.attributes['n'])).toEqual(['1', '2']);
    expect(textOf(notes[0]!)).toBe('The Twelfth National Convention, held in New York in November 1946.');
    // A note of two paragraphs keeps both.
    expect(findAll(notes[1]!, 'p').map(textOf)).toEqual(['See the discussion bulletins of that year.', 'They filled three volumes.']);
    // Each note stands inside the paragraph that refers to it, where the marker was.
    const first = findAll(body, 'p').find((p) => textOf(p).startsWith('The resolution'))!;
    expect(first.children[0]).toEqual({ type: 'text', value: 'The resolution of the congress' });
    expect((first.children[1] as Element).name).toBe('note');
    expect(textOf(body)).not.toMatch(/\[1\]|\[2\]|^Notes$/m);
    expect(findAll(body, 'head').map(textOf)).toEqual(['The Answer']);
    expect(log.messages.filter((message) => message.severity !== 'info')).toEqual([]);
  });

  it('keeps a note that nothing refers to where it stands, and a repeated reference as its marker', () => {
    const { result, log } = readString(
      '<h1>T</h1><p>Text<sup><a href="#n1" name="r1">1</a></sup> and again<sup><a href="#n1">1</a></sup>.</p><h4>Notes</h4><p><a name="n1">1.</a> The note.</p><p><a name="n9">9.</a> An orphan note.</p>',
    );
    const body = el('body', {}, ...result.body);
    expect(findAll(body, 'note').map(textOf)).toEqual(['The note.']);
    expect(textOf(body)).toContain('and again[1].');
    expect(textOf(body)).toContain('9. An orphan note.');
    expect(log.messages.map((message) => message.ruleId)).toContain('html:note-repeated');
  });

  it('turns blockquotes into quotations and emphasis into hi, cite into title', () => {
    const { result } = read(path.join(FIXTURES, 'footnotes-etol', 'input.htm'));
    const body = el('body', {}, ...result.body);
    const quote = findAll(body, 'quote')[0]!;
    expect(findAll(quote, 'p').map(textOf)).toEqual([
      'We cannot accept a policy which has never been tested in the class struggle.',
      'Nor can we accept its premises.',
    ]);
    expect(findAll(body, 'hi').map((hi) => `${hi.attributes['rend']}:${textOf(hi)}`)).toEqual(
      expect.arrayContaining(['italic:The Militant', 'bold:premises']),
    );
    expect(findAll(body, 'title').map(textOf)).toEqual(['The New International']);
  });

  it('reads nested lists with their numbers', () => {
    const { result } = read(path.join(FIXTURES, 'unsigned-windows-1252', 'input.htm'));
    const body = el('body', {}, ...result.body);
    const [outer, inner] = findAll(body, 'list');
    expect(outer!.attributes['type']).toBe('ordered');
    expect(outer!.children.filter((child) => child.type === 'element').map((item) => (item as Element).attributes['n'])).toEqual(['1', '2', '3']);
    expect(inner!.attributes['type']).toBe('bulleted');
    expect(findAll(inner!, 'item').map(textOf)).toEqual(['the right to speak for every docker;', 'the right to meet on the quays;']);
  });

  it('reads a page without author, with labelled information lines', () => {
    const { result } = read(path.join(FIXTURES, 'unsigned-windows-1252', 'input.htm'));
    expect(result.meta.authors).toEqual([]);
    expect(result.meta.title.map((line) => line.text)).toEqual(['The Strike at the Docks']);
    expect(result.meta.info.map((field) => field.label)).toEqual(['Written', 'Source', 'Transcription/Markup', 'Copyleft']);
    expect(result.meta.source?.journal).toBe('The Irish Worker');
    expect(result.meta.lastUpdated?.date?.iso).toBe('2004-09-27');
  });

  it('tolerates tag soup: unclosed and misnested tags, stray end tags, entities without semicolons', () => {
    const { result } = read(path.join(FIXTURES, 'tag-soup', 'input.htm'));
    const text = textOf(el('body', {}, ...result.body));
    for (const words of ['The first paragraph is never closed', 'bold and bold italic italic text & an entity', 'a dash — like this', 'Text loose in the body after a stray end tag.', 'one', 'two', 'Last line', 'after a break']) {
      expect(text).toContain(words);
    }
    expect(result.meta.authors.map((line) => line.text)).toEqual(['John Smith']);
    expect(result.meta.dateLine?.date?.iso).toBe('1937-05-01');
  });

  it('reads list items outside any list each as a block of its own, not glued into one paragraph', () => {
    const { result } = readString('<html lang="en"><head><title>T</title></head><body><h1>Stray Items</h1><p>Before the items, a sentence.</p><li>First stray item</li>\n<li>Second stray item</li><p>After.</p></body></html>');
    const paragraphs = findAll(el('body', {}, ...result.body), 'p').map((p) => textOf(p).trim());
    expect(paragraphs).toContain('First stray item');
    expect(paragraphs).toContain('Second stray item');
  });

  it('takes the title from <title> when the page has no h1, and says so', () => {
    const { result, log } = readString('<html><head><title>Only a Title</title></head><body><p>Some text of the page that is long enough.</p></body></html>');
    expect(result.meta.title.map((line) => line.text)).toEqual(['Only a Title']);
    expect(log.messages.map((message) => message.ruleId)).toContain('read:title-fallback');
  });
});

describe('scripts, styles and event handlers', () => {
  /** What the fixture's scripts, styles, handlers and embedded objects hold; none of it may appear. */
  const MARKER = /[A-Z0-9-]+-MARKER|\bon(?:click|load|error|mouseover)\s*=|javascript:/;

  /** Every file the writers make for the fixture, as text (the EPUB unzipped). */
  async function allOutputs(): Promise<Map<string, string>> {
    const settings = resolveSettings({ formats: ['tei', 'html', 'epub', 'archive'], buildDate: '2026-01-01' });
    const input = path.join(FIXTURES, 'script-and-handlers', 'input.htm');
    const edition: Edition = { path: input, bytes: readFileSync(input), log: new MessageLog(input) };
    for (const stage of teiStages) await stage(edition, settings);
    // Writers are called directly, so that the check does not depend on the validation of other stages' markup.
    const { files } = await writeFormats(edition, settings.formats, { slug: 'x', settings });
    const texts = new Map<string, string>();
    for (const file of files) {
      if (file.name.endsWith('.epub')) {
        const zip = await JSZip.loadAsync(file.data);
        for (const name of Object.keys(zip.files)) texts.set(`${file.name}/${name}`, await zip.file(name)?.async('string') ?? '');
      } else texts.set(file.name, typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('utf8'));
    }
    return texts;
  }

  it('leaves them out of the TEI, the print HTML, the EPUB and the archival TEI', async () => {
    const outputs = await allOutputs();
    expect([...outputs.keys()]).toEqual(expect.arrayContaining(['x.tei.xml', 'x.html', 'x.archive.tei.xml']));
    expect([...outputs.keys()].some((name) => name.startsWith('x.epub/'))).toBe(true);
    for (const [name, text] of outputs) {
      const found = MARKER.exec(text);
      expect(found?.[0], `${name} holds ${found?.[0]}`).toBeUndefined();
    }
    // The text itself is all there.
    const tei = outputs.get('x.tei.xml')!;
    for (const words of ['The text of the article, with a link in it.', 'a picture of the strike', 'The last paragraph ends here.']) expect(tei).toContain(words);
  });

  it('never copies an HTML attribute into the TEI', () => {
    const { result } = read(path.join(FIXTURES, 'script-and-handlers', 'input.htm'));
    const allowed = new Set(['xml:id', 'type', 'n', 'rend', 'place']);
    const attributes = new Set<string>();
    for (const name of ['div', 'p', 'head', 'list', 'item', 'hi', 'note', 'quote', 'title']) {
      for (const element of findAll(el('body', {}, ...result.body), name)) for (const key of Object.keys(element.attributes)) attributes.add(key);
    }
    expect([...attributes].filter((key) => !allowed.has(key))).toEqual([]);
  });
});

describe('notes referred to from the header', () => {
  it('keeps them in a notes section at the back, never drops them', () => {
    const { result, log } = readString(
      '<h2>A. Writer</h2><h1>A Title<sup><a href="#n1">1</a></sup></h1><hr><p>Body text of the page, long enough to be text.</p><h4>Notes</h4><p><a name="n1">1.</a> Written in prison.</p>',
    );
    expect(result.back?.map((div) => textOf(div))).toEqual(['Written in prison.']);
    expect(textOf(el('body', {}, ...result.body))).not.toContain('Written in prison');
    expect(log.messages.map((message) => message.ruleId)).toContain('html:note-unplaced');
  });
});
