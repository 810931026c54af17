/**
 * Nothing is lost between the source text and the serialised TEI (issue 2, item 8).
 *
 * For the seed, every golden fixture and every file of the shared corpus:
 * every non-blank source line, whitespace-normalised, is found in the text of
 * the TEI `text` element, in source order (header lines in `front`, body lines
 * in `body`, notes and footers in `back`), and every body block is in `body`.
 * The text is taken from the serialised XML, so the serializer is checked too.
 * The seed's body must hold exactly the 81 paragraphs, headings and list items
 * the issue counts. The corpus TEI is also validated against tei_all with Jing.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { teiOfText } from './readers/tei-of-text.js';
import { normalise, stripMarkup } from './xslt/helpers.js';

const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';
const CORPUS = path.resolve('../shared/corpus');
const FIXTURES = 'tests/fixtures/text';
const TEI_ALL = path.resolve('../shared/schemas/tei_all.rng');

/** The character data of one element of serialised XML: tags removed, references decoded, white space normalised. */
function textOfElement(xml: string, name: string): string {
  const start = xml.indexOf(`<${name}>`) >= 0 ? xml.indexOf(`<${name}>`) : xml.indexOf(`<${name} `);
  const end = xml.indexOf(`</${name}>`, start);
  if (start < 0 || end < 0) return '';
  // Every element is kept: a TEI `title` holds text of the article.
  return stripMarkup(xml.slice(start, end));
}

/** Each non-blank line of the source, whitespace-normalised, with its line number. */
function sourceLines(text: string): { value: string; line: number }[] {
  return text
    .split('\n')
    .map((raw, index) => ({ value: normalise(raw), line: index + 1 }))
    .filter((entry) => entry.value !== '');
}

/** Syntax only a Markdown conversion leaves: `](#fw01){#bk01}`, `]{.note}`, `1\\. Heading`. */
const MARKDOWN_TRACE = /\]\(#[^)\s]*\)\{#|\]\{\.[\w-]+|^\s*\d+\\\.\s/m;

/**
 * The letters and digits of text converted from Markdown, without link
 * targets and attribute blocks (`(#fw01)`, `{#bk01}`, `{.note}`): the reader
 * prints a conversion's visible text, not its syntax, so such inputs are
 * compared by their words (every letter and digit still has to be there, in order).
 */
function wordsOfMarkdown(text: string): string {
  return text.replace(/\]\([^)\s]*\)|\{[#.][^}]*\}/g, ']').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Lines not found, in order, in `haystack`. */
function missingInOrder(lines: { value: string; line: number }[], haystack: string): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const { value, line } of lines) {
    const at = haystack.indexOf(value, from);
    if (at < 0) missing.push(`${line}: ${value.slice(0, 80)}`);
    else from = at + value.length;
  }
  return missing;
}

const inputs: string[] = [
  SEED,
  ...readdirSync(FIXTURES)
    .filter((name) => existsSync(path.join(FIXTURES, name, 'input.txt')))
    .sort()
    .map((name) => path.join(FIXTURES, name, 'input.txt')),
  ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(CORPUS, name)) : []),
];

describe('nothing is lost from source to TEI', () => {
  for (const input of inputs) {
    it(path.relative(process.cwd(), input), () => {
      const source = readFileSync(input, 'utf8');
      const { xml, read } = teiOfText(source, path.basename(input));
      const markdown = MARKDOWN_TRACE.test(source);
      const compared = (text: string) => (markdown ? wordsOfMarkdown(text) : text);
      const lines = sourceLines(source).map((entry) => ({ ...entry, value: compared(entry.value) })).filter((entry) => entry.value !== '');
      expect(missingInOrder(lines, compared(textOfElement(xml, 'text')))).toEqual([]);

      // Body lines are those the reader gave to body blocks: each must be in the serialised body, in order.
      const bodyLineNumbers = new Set<number>();
      const collect = (nodes: typeof read.body) => {
        for (const node of nodes) {
          if (node.type !== 'element') continue;
          if (node.position && ['p', 'head', 'item'].includes(node.name)) bodyLineNumbers.add(node.position.start.line);
          collect(node.children as typeof read.body);
        }
      };
      collect(read.body);
      const bodyLines = lines.filter((entry) => bodyLineNumbers.has(entry.line));
      expect(missingInOrder(bodyLines, compared(textOfElement(xml, 'body')))).toEqual([]);
      // Every line is accounted for: in body, or among the header and back lines of the result.
      const meta = read.meta;
      const elsewhere = new Set(
        [
          ...meta.breadcrumbs, ...meta.authors, ...meta.title, ...meta.subtitle, ...(meta.collection ?? []), ...meta.otherFrontLines, ...meta.backLines,
          meta.dateLine, meta.source?.line, meta.transcription?.line, meta.issueLine, meta.lastUpdated, ...meta.info.map((field) => field.line),
        ]
          .filter((line) => line !== undefined)
          .map((line) => line!.line),
      );
      const backText = compared(textOfElement(xml, 'back'));
      const unplaced = lines.filter((entry) => !bodyLineNumbers.has(entry.line) && !elsewhere.has(entry.line) && !backText.includes(entry.value));
      expect(unplaced.map((entry) => `${entry.line}: ${entry.value.slice(0, 60)}`)).toEqual([]);
    });
  }

  it('the seed: every line from the first paragraph to the footer is in the body, and the body has 81 blocks', () => {
    const source = readFileSync(SEED, 'utf8');
    const { xml } = teiOfText(source);
    const lines = sourceLines(source);
    const first = lines.findIndex((entry) => entry.value.startsWith('As these lines are being written'));
    const footer = lines.findIndex((entry) => entry.value.startsWith('Last updated'));
    const bodyLines = lines.slice(first, footer);
    expect(bodyLines).toHaveLength(81);
    expect(missingInOrder(bodyLines, textOfElement(xml, 'body'))).toEqual([]);
    const body = xml.slice(xml.indexOf('<body>'), xml.indexOf('</body>'));
    const blocks = body.match(/<(?:p|head|item)[\s>]/g) ?? [];
    expect(blocks).toHaveLength(81);
  });

  const haveJing = !spawnSync('jing', [], { encoding: 'utf8' }).error && existsSync(TEI_ALL) && existsSync(CORPUS);
  it.skipIf(!haveJing)('the corpus TEI is valid against tei_all (Jing)' + (haveJing ? '' : ' — skipped: jing, tei_all.rng or the corpus missing'), () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tei-press-corpus-'));
    const files = readdirSync(CORPUS)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => {
        const file = path.join(dir, name.replace(/\.txt$/, '.tei.xml'));
        writeFileSync(file, teiOfText(readFileSync(path.join(CORPUS, name), 'utf8'), name).xml);
        return file;
      });
    const result = spawnSync('jing', [TEI_ALL, ...files], { encoding: 'utf8' });
    const errors = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() && !/^\[warning\]/.test(line));
    expect(errors).toEqual([]);
    expect(result.status).toBe(0);
  }, 60_000);
});
