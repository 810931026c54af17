/**
 * Plain-text inputs with Markdown traces (issue 9 item 7): the syntax of a
 * Pandoc conversion becomes note references, notes and plain text, and
 * nothing of it is printed in the TEI text, the EPUB or the PDF; texts that
 * are not conversions keep their backslashes and asterisks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasMarkdownTraces, parseInline, visibleText } from '../../pipeline/readers/markdown.js';
import { el, type ElementContent } from '../../pipeline/tei/tree.js';
import { serializeTei } from '../../pipeline/tei/serialize.js';
import { buildEditions } from '../../pipeline/build.js';
import { closePrintBrowser } from '../../pipeline/writers/pdf.js';
import { DEFAULT_CHROMIUM } from '../../pipeline/settings.js';
import { teiOfText } from './tei-of-text.js';
import { epubEntries, strings, textOf } from '../xslt/helpers.js';
import { readPdfPages } from '../pdf-text.js';

/** Inline content as XML, for readable expectations. */
function xml(nodes: ElementContent[]): string {
  const doc = serializeTei({ type: 'root', children: [el('p', {}, ...nodes)] });
  return doc.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<p[^>]*>|<\/p>\s*$/g, '');
}

const noRefs = () => undefined;

/** Syntax a reader must never see: anchors, attribute blocks, link targets, escapes, emphasis marks. */
const SYNTAX = /\]\(|\{[#.][\w-]|\[\^|\^\]|\\[.*\\[\]]|\*\*|(?<![\s\d])\*(?!\s)/;

describe('Markdown traces: detection', () => {
  it('knows a conversion by syntax prose does not hold', () => {
    expect(hasMarkdownTraces('a note[^[1]^](#fw01){#bk01} here')).toBe(true);
    expect(hasMarkdownTraces('DEAR COMRADE [[[1]](#n1){#f1}]{.note}, in')).toBe(true);
    expect(hasMarkdownTraces('Title\n\n3\\. The Classic Sect\n')).toBe(true);
    expect(hasMarkdownTraces('a [word]{.underline} here')).toBe(true);
  });

  it('does not take ordinary text for a conversion', () => {
    expect(hasMarkdownTraces('Transcription\\HTML Markup: A. B.\n\n5 * 3 = 15, see note [1].')).toBe(false);
    expect(hasMarkdownTraces('1. The Road Forward')).toBe(false);
  });
});

describe('Markdown traces: inline content', () => {
  it('reads note anchors as refs holding their visible number', () => {
    const made: string[] = [];
    const refs = (anchor: { number: string; link?: string; anchor?: string; text: string }) => {
      made.push(`${anchor.number} ${anchor.link} ${anchor.anchor}`);
      return el('ref', { type: 'noteRef', n: anchor.number }, anchor.text);
    };
    expect(xml(parseInline('War[^[1]^](#fw01){#bk01} and [[[2]](#n2){#f2}]{.note}.', true, refs))).toBe(
      'War<ref type="noteRef" n="1">[1]</ref> and <ref type="noteRef" n="2">[2]</ref>.',
    );
    expect(made).toEqual(['1 #fw01 bk01', '2 #n2 f2']);
  });

  it('keeps the visible number of an anchor that points at no note, and nothing of its syntax', () => {
    expect(xml(parseInline('War[^[7]^](#fw07){#bk07}.', true, noRefs))).toBe('War[7].');
    expect(xml(parseInline('War [7].', true, noRefs))).toBe('War [7].');
  });

  it('reads spans, links, emphasis, superscripts and escapes for their text', () => {
    expect(xml(parseInline('[Converted]{.underline} and [SMALL]{.smallcaps} and [plain]{.foo #x}', true, noRefs))).toBe(
      '<hi rend="underline">Converted</hi> and <hi rend="smallcaps">SMALL</hi> and plain',
    );
    expect(xml(parseInline('*a* **b** _c_ the 1^st^ [site](https://example.org/) [here](#n1)', true, noRefs))).toBe(
      '<hi rend="italic">a</hi> <hi rend="bold">b</hi> <hi rend="italic">c</hi> the 1<hi rend="sup">st</hi> <ref target="https://example.org/">site</ref> here',
    );
    expect(visibleText('3\\. The \\*Classic\\* Sect \\\\ and \\[sic\\]', true)).toBe('3. The *Classic* Sect \\ and [sic]');
    expect(visibleText('[[In the proofs.---Editor.]]{.inote}', true)).toBe('[In the proofs.---Editor.]');
  });

  it('leaves what is not Markdown syntax as it is', () => {
    expect(visibleText('5 * 3 * 2, snake_case_name, 2^ 10, a [bracket] and x_1', true)).toBe('5 * 3 * 2, snake_case_name, 2^ 10, a [bracket] and x_1');
    expect(visibleText('Transcription\\HTML *Markup*', false)).toBe('Transcription\\HTML *Markup*');
  });
});

describe('Markdown traces: the reader', () => {
  it('prints no syntax in the TEI text of a conversion, and says what was normalised', () => {
    const source = readFileSync('tests/fixtures/text/markdown-traces/input.txt', 'utf8');
    const { xml: tei } = teiOfText(source);
    const text = strings(tei, "string-join(//tei:text//text(), ' ')")[0]!;
    expect(text).not.toMatch(SYNTAX);
    expect(strings(tei, '//tei:titleStmt/tei:title')).toEqual(['Notes on a Converted Page']);
    expect(strings(tei, '//tei:body//tei:head')).toEqual(['2. A Numbered Heading']);
    expect(strings(tei, "//tei:body//tei:ref[@type = 'noteRef']/@target")).toEqual(['#notes1-n2']);
    expect(strings(tei, '//tei:normalization')[0]).toMatch(/converted from Markdown, and its syntax is not kept/);
  });

  it('keeps a plain text as transcribed, and says nothing of Markdown', () => {
    const { xml: tei } = teiOfText('Jane Writer\n\nA Title\n\nA paragraph with a backslash \\ and 5 * 3 * 2 and *stars*, long enough to be read as the text of the article.\n');
    expect(strings(tei, '//tei:body//tei:p')).toEqual(['A paragraph with a backslash \\ and 5 * 3 * 2 and *stars*, long enough to be read as the text of the article.']);
    expect(strings(tei, '//tei:normalization')[0]).not.toMatch(/Markdown/);
  });
});

const CORPUS = path.resolve('../shared/corpus');
const CHROMIUM = process.env.TEI_PRESS_CHROMIUM ?? DEFAULT_CHROMIUM;
const converted = [
  'tests/fixtures/text/markdown-traces/input.txt',
  'tests/fixtures/text/markdown-notes/input.txt',
  ...['draper-1973-micro-sect.txt', 'lenin-1920-national-colonial-theses.txt', 'trotsky-1921-on-humanite.txt'].map((name) => path.join(CORPUS, name)).filter(existsSync),
];

describe.skipIf(!existsSync(CHROMIUM))(`Markdown traces: renderings${existsSync(CHROMIUM) ? '' : ` — skipped: no Chromium at ${CHROMIUM}`}`, () => {
  afterAll(() => closePrintBrowser());

  it('prints no syntax in the EPUB or the PDF of the conversions', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'tei-press-markdown-'));
    const batch = await buildEditions(converted, { outDir: work, formats: ['tei', 'epub', 'pdf'], force: true, buildDate: '2000-01-01', chromium: CHROMIUM });
    expect(batch.editions).toHaveLength(converted.length);
    for (const edition of batch.editions) {
      expect(edition.status, edition.input).toBe('built');
      const file = (ending: string) => edition.outputs.find((output) => output.endsWith(ending))!;
      const entries = await epubEntries(readFileSync(file('.epub')));
      const epubText = [...entries].filter(([name]) => name.endsWith('.xhtml')).map(([, text]) => textOf(text)).join('\n');
      expect(epubText, edition.input).not.toMatch(SYNTAX);
      const pdfText = readPdfPages(file('.pdf')).map((page) => [page.head, ...page.lines].join('\n')).join('\n');
      expect(pdfText.length, edition.input).toBeGreaterThan(100);
      expect(pdfText, edition.input).not.toMatch(SYNTAX);
    }
  }, 600_000);
});
