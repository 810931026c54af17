/**
 * Nothing is lost between the TEI and its renderings (issue 2, item 8): for
 * the seed and every shared corpus article, the text of every paragraph,
 * heading and list item of the TEI body, whitespace-normalised, is found in
 * the EPUB's content documents and in the print HTML.
 *
 * Notes move: in the EPUB a note's text goes to an aside after its paragraph
 * (so the paragraph is compared without its notes, and each note on its own);
 * in the print HTML it stays at its place as a footnote. Note reference
 * numbers, which the renderings add, are removed before comparing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEditions } from '../pipeline/build.js';
import { epubEntries, strings, textOf } from './xslt/helpers.js';

const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';
const CORPUS = path.resolve('../shared/corpus');
const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(CORPUS, name)) : [];
const inputs = [SEED, ...corpus];

/** Removes the note reference links the renderings add (their numbers are not in the TEI text). */
const withoutNoteRefs = (markup: string) => markup.replace(/<a class="tei-note-ref noteref"[^>]*>[\s\S]*?<\/a>/g, '');

interface Rendered {
  tei: string;
  epubText: string;
  htmlText: string;
}

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-lost-'));
const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  const batch = await buildEditions(inputs, { outDir: work, formats: ['tei', 'epub', 'html'], force: true });
  for (const edition of batch.editions) {
    expect(edition.status, edition.input).toBe('built');
    const file = (ending: string) => edition.outputs.find((output) => output.endsWith(ending))!;
    const entries = await epubEntries(readFileSync(file('.epub')));
    const xhtml = [...entries].filter(([name]) => name.endsWith('.xhtml')).map(([, text]) => withoutNoteRefs(text));
    rendered.set(path.resolve(edition.input), {
      tei: readFileSync(file('.tei.xml'), 'utf8'),
      epubText: xhtml.map(textOf).join(' \n '),
      // The print HTML's soft hyphens (U+00AD, hyphenation of the rendering) are not text: the TEI has none.
      htmlText: textOf(withoutNoteRefs(readFileSync(file('.html'), 'utf8'))).replaceAll('\u00AD', ''),
    });
  }
}, 300_000);

describe.each(inputs.map((input) => [path.basename(input), input]))('%s', (_name, input) => {
  const blocks = () => {
    const { tei } = rendered.get(path.resolve(input))!;
    return {
      withNotes: strings(tei, '//tei:body//(tei:p | tei:head | tei:item) ! normalize-space(.)'),
      withoutNotes: strings(tei, "//tei:body//(tei:p | tei:head | tei:item) ! normalize-space(string-join(.//text()[not(ancestor::tei:note)], ''))"),
      notes: strings(tei, '//tei:text//tei:note ! normalize-space(.)'),
    };
  };

  it('has its body blocks in the EPUB', () => {
    const { epubText } = rendered.get(path.resolve(input))!;
    const { withoutNotes, notes } = blocks();
    expect(withoutNotes.length).toBeGreaterThan(0);
    if (input === SEED) expect(withoutNotes.length).toBeGreaterThanOrEqual(81);
    const missing = [...withoutNotes, ...notes].filter((text) => text !== '' && !epubText.includes(text));
    expect(missing).toEqual([]);
  });

  it('has its body blocks in the print HTML', () => {
    const { htmlText } = rendered.get(path.resolve(input))!;
    const { withNotes, notes } = blocks();
    const missing = [...withNotes, ...notes].filter((text) => text !== '' && !htmlText.includes(text));
    expect(missing).toEqual([]);
  });
});
