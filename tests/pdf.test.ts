/**
 * The PDF writer (issue 5, item 1) with the real Chromium and Paged.js, read
 * back with poppler's pdftotext as a person would read the pages.
 *
 * Two documents: a small print HTML written here, which pins down what the
 * renderer itself must do (running heads from `string-set`, page numbers,
 * `target-counter` in a contents list and an index, notes at the foot of the
 * page, embedded fonts, reproducible bytes); and the seed built end to end
 * with the project's own print stylesheet (xslt/html.xsl), whose table of
 * contents must give the pages where its sections really start.
 *
 * Chromium tests are skipped, with the reason, only where Chromium is missing.
 * They live in this file alone so that they never share a worker with a JVM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { closePrintBrowser, renderPdf, writePdf } from '../pipeline/writers/pdf.js';
import { buildEditions } from '../pipeline/build.js';
import { verifyBag } from '../pipeline/bag/verify.js';
import { MessageLog } from '../pipeline/messages.js';
import { DEFAULT_CHROMIUM } from '../pipeline/settings.js';
import { fontsOf, numberAfter, numbersAfter, pageCount, pageWhereHeadingStands, readPdfPages, squeeze, type PdfPage } from './pdf-text.js';

const CHROMIUM = process.env.TEI_PRESS_CHROMIUM ?? DEFAULT_CHROMIUM;
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const withChromium = HAVE_CHROMIUM ? describe : describe.skip;
if (!HAVE_CHROMIUM) console.warn(`pdf tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; CI installs it)`);

const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';
const SLUG = 'wright-1941-soviet-union-at-war';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'tei-press-pdf-'));
});
afterAll(async () => {
  await closePrintBrowser();
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// A print HTML written for the test: four parts, a contents list, an index, a note.

const PARTS = ['Amber Harvest', 'Basalt Ridge', 'Cobalt River', 'Dune Crossing', 'Ember Lines'];
/** The last part has many short paragraphs, so that pages break between paragraphs, not inside them. */
const SHORT_PART = 4;
const WORDS = 'the of workers state army plan war economy front party masses revolution industry peasants supply defence'.split(' ');
/** Deterministic filler text: word i of paragraph p of part s. */
function paragraph(part: number, index: number, length = 90): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(part * 7 + index * 3 + i * 5) % WORDS.length]!);
  return words.join(' ');
}
/** Where each place is named: [part, paragraph], in document order; Zagreb twice in one paragraph. */
const PLACES: Record<string, [part: number, paragraph: number][]> = {
  Zagreb: [[1, 3], [1, 3], [1, 8]],
  Yerevan: [[2, 6]],
  Xanthi: [[0, 1], [3, 9]],
  // Every twelfth of the last part's short paragraphs: named on consecutive pages, printed as a range.
  Vilnius: [[4, 1], [4, 13], [4, 25], [4, 37]],
};

function fixtureHtml(): string {
  const body = PARTS.map((title, part) => {
    const short = part === SHORT_PART;
    const paragraphs = Array.from({ length: short ? 40 : 11 }, (_, index) => {
      let text = paragraph(part, index, short ? 16 + (index % 5) : 90);
      for (const [place, mentions] of Object.entries(PLACES)) {
        mentions.forEach(([p, i], n) => {
          if (p === part && i === index) text += ` near <span id="ix-${place}-${n}">${place}</span>`;
        });
      }
      if (part === 2 && index === 2) text += ' ANCHORWORD<span class="note">A note at the foot of the page about KILOWORD.</span> and more';
      return `<p>${text}.</p>`;
    }).join('\n');
    return `<section id="part-${part}"><h2>${title}</h2>\n${paragraphs}</section>`;
  }).join('\n');
  const contents = PARTS.map((title, part) => `<li><a href="#part-${part}">${title}</a></li>`).join('');
  const index = Object.keys(PLACES)
    .sort()
    .map((place) => `<li>${place}: <span class="index-mentions">${PLACES[place]!.map((_, n) => `<a class="pageref" href="#ix-${place}-${n}"></a>`).join(', ')}</span></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Renderer fixture</title>
<style>
@page { size: A5; margin: 20mm 16mm;
  @top-center { content: string(part); font-style: italic; }
  @bottom-center { content: counter(page); } }
@page :first { @top-center { content: none; } }
body { font-family: "DejaVu Serif", serif; font-size: 10pt; line-height: 1.4; text-align: justify; }
h1 { font-size: 14pt; }
h2 { string-set: part content(text); break-after: avoid; }
/* The break goes on the element the contents link to: with it on the h2 inside, Paged.js leaves the
   section's start (and so the target-counter) on a blank page before the heading. */
section { break-before: page; }
nav a::after { content: "   " target-counter(attr(href), page); }
a { color: black; text-decoration: none; }
.index { break-before: page; }
.index a.pageref::after { content: target-counter(attr(href), page); }
.note { float: footnote; font-size: 8pt; }
</style></head>
<body>
<nav><h1>Contents</h1><ol>${contents}</ol></nav>
${body}
<section class="index"><h1>Index of places</h1><ul>${index}</ul></section>
</body></html>`;
}

withChromium('the renderer (Paged.js in Chromium) on a small print document', () => {
  let pdfFile: string;
  let pages: PdfPage[];
  let bytes: Uint8Array;

  beforeAll(async () => {
    const log = new MessageLog('fixture.html');
    bytes = await renderPdf([{ name: 'fixture.html', data: fixtureHtml() }], 'fixture.html', { chromium: CHROMIUM, date: '1941-08-01', log });
    expect(log.messages).toEqual([]);
    pdfFile = path.join(work, 'fixture.pdf');
    writeFileSync(pdfFile, bytes);
    // KEEP_PDF=/tmp/x.pdf keeps the fixture's PDF to look at (pdftoppm -png -r 50 /tmp/x.pdf /tmp/p).
    if (process.env.KEEP_PDF) writeFileSync(process.env.KEEP_PDF, bytes);
    pages = readPdfPages(pdfFile);
  });

  it('numbers the pages', () => {
    // Contents, five parts of three to five A5 pages each, the index.
    expect(pageCount(pdfFile)).toBeGreaterThanOrEqual(8);
    expect(pageCount(pdfFile)).toBeLessThanOrEqual(30);
    for (const page of pages) expect(page.folio, `page ${page.index}`).toBe(page.index);
  });

  it('gives each page the running head of the part in force (string-set)', () => {
    const starts = PARTS.map((title) => pageWhereHeadingStands(pages, title, 2)!.index);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const page of pages.slice(1)) {
      if (page.index >= starts[0]!) {
        const part = starts.filter((start) => start <= page.index).length - 1;
        expect(page.head, `running head of page ${page.index}`).toBe(PARTS[part]);
      }
    }
  });

  it('gives in the contents the page where each part really starts (target-counter)', () => {
    for (const title of PARTS) {
      const listed = numberAfter(pages.slice(0, 1), title);
      expect(listed, `contents entry for ${title}`).toBeDefined();
      const start = pageWhereHeadingStands(pages, title, 2)!;
      expect(listed, title).toBe(start.folio);
    }
  });

  it('gives in the index each page on which a place is named, once', () => {
    const indexPage = pages.find((page) => page.lines.includes('Index of places'))!;
    for (const place of Object.keys(PLACES)) {
      const named = pages.filter((page) => page !== indexPage && page.lines.join(' ').includes(`near ${place}`)).map((page) => page.folio);
      expect(named.length, place).toBeGreaterThan(0);
      expect(numbersAfter([indexPage], place), place).toEqual(named);
    }
    // Two mentions of Zagreb in one paragraph: the page is listed once, without a stray comma.
    expect(PLACES.Zagreb!.length).toBeGreaterThan(numbersAfter([indexPage], 'Zagreb')!.length);
    expect(indexPage.lines.join(' ')).not.toMatch(/,\s*,|,\s*$/);
  });

  it('joins consecutive pages in the index into a range ("7–9")', () => {
    const indexPage = pages.find((page) => page.lines.includes('Index of places'))!;
    const named = [...new Set(pages.filter((page) => page !== indexPage && page.lines.join(' ').includes('near Vilnius')).map((page) => page.folio!))];
    // The fixture names Vilnius on three or more pages in a row; the line gives the first and the last.
    expect(named.length, `Vilnius on pages ${named.join(', ')}`).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < named.length; i++) expect(named[i]! - named[i - 1]!).toBe(1);
    const line = indexPage.lines.find((candidate) => candidate.startsWith('Vilnius'))!;
    expect(line.replace(/\s+/g, ' ')).toBe(`Vilnius: ${named[0]}\u2013${named[named.length - 1]}`);
  });

  it('sets the note at the foot of the page that calls it', () => {
    const page = pages.find((candidate) => candidate.lines.some((line) => line.includes('ANCHORWORD')))!;
    const call = page.lines.findIndex((line) => line.includes('ANCHORWORD'));
    const note = page.lines.findIndex((line) => line.includes('KILOWORD'));
    expect(note, 'note on the page of its call').toBeGreaterThan(call);
    // The note is the last thing in the text area: nothing of the running text is below it.
    expect(note).toBe(page.lines.length - 1);
  });

  it('does not stretch the last line of a paragraph (justified text split across pages)', () => {
    let lastLines = 0;
    for (const page of pages) {
      page.lines.forEach((line, i) => {
        if (!/[a-z]\.$/.test(line) || line.split(' ').length < 3) return;
        lastLines++;
        // A space in 10 pt DejaVu Serif is about 3 pt; a stretched line has gaps of 8 pt and more.
        expect(page.widestGaps[i], `page ${page.index}: "${line}"`).toBeLessThan(6);
      });
    }
    expect(lastLines).toBeGreaterThan(10);
  });

  it('sends the contents to the page of a heading pushed over a page break, not to the empty start of its section', async () => {
    // 158 mm of filler leaves room for the 5 mm heading but not for two lines of its paragraph, so
    // break-after: avoid carries the heading over, leaving an empty start of its section behind.
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pushed heading</title><style>
@page { size: A5; margin: 20mm 15mm; @bottom-center { content: counter(page); } }
body { margin: 0; font: 10pt/5mm "DejaVu Serif", serif; }
h2 { margin: 0; font-size: 10pt; line-height: 5mm; break-after: avoid; }
p { margin: 0; orphans: 2; widows: 2; }
nav { break-after: page; }
nav a::after { content: " " target-counter(attr(href), page); }
</style></head><body>
<nav><ol><li><a href="#first">First Heading</a></li><li><a href="#second">Second Heading</a></li></ol></nav>
<section id="first"><h2>First Heading</h2><div style="height: 153mm"></div></section>
<section id="second"><h2>Second Heading</h2><p>${paragraph(0, 0, 60)}</p></section>
</body></html>`;
    const file = path.join(work, 'pushed.pdf');
    writeFileSync(file, await renderPdf([{ name: 'p.html', data: html }], 'p.html', { chromium: CHROMIUM, date: '2000-01-01', log: new MessageLog('p.html') }));
    const pushed = readPdfPages(file);
    const start = pageWhereHeadingStands(pushed, 'Second Heading', 2)!;
    expect(start.index, 'the heading was pushed to page 3').toBe(3);
    expect(numberAfter(pushed.slice(0, 1), 'Second Heading')).toBe(start.folio);
    expect(numberAfter(pushed.slice(0, 1), 'First Heading')).toBe(2);
  });

  it('embeds every font', () => {
    const fonts = fontsOf(pdfFile);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.embedded, font.name).toBe(true);
  });

  it('dates the PDF from the build, not the clock, and gives the same bytes twice', async () => {
    const info = execFileSync('pdfinfo', ['-isodates', pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/CreationDate:\s+1941-08-01T00:00:00/);
    expect(info).toMatch(/ModDate:\s+1941-08-01T00:00:00/);
    const again = await renderPdf([{ name: 'fixture.html', data: fixtureHtml() }], 'fixture.html', { chromium: CHROMIUM, date: '1941-08-01', log: new MessageLog('x') });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// The seed, built end to end with the project's print stylesheet.

/** Section headings of the seed's TEI body, in order. */
function bodyHeadings(teiXml: string): string[] {
  const body = /<body>([\s\S]*)<\/body>/.exec(teiXml)![1]!;
  return [...body.matchAll(/<head(?:\s[^>]*)?>([\s\S]*?)<\/head>/g)].map((match) => squeeze(match[1]!.replace(/<[^>]+>/g, '')));
}

withChromium('the seed as PDF', () => {
  let folder: string;
  let pdfFile: string;
  let pages: PdfPage[];
  let headings: string[];

  beforeAll(async () => {
    const batch = await buildEditions([SEED], { outDir: path.join(work, 'seed'), formats: ['tei', 'pdf', 'bag'] });
    const edition = batch.editions[0]!;
    // Other stages may warn about the text itself; the PDF and the bag must not complain.
    expect(edition.messages.filter((message) => message.severity === 'error' || /^(pdf|bag):/.test(message.ruleId))).toEqual([]);
    expect(edition.status).toBe('built');
    folder = path.join(work, 'seed', SLUG);
    pdfFile = path.join(folder, `${SLUG}.pdf`);
    pages = readPdfPages(pdfFile);
    headings = bodyHeadings(readFileSync(path.join(folder, `${SLUG}.tei.xml`), 'utf8'));
  });

  it('has a plausible number of numbered pages', () => {
    // About 35 KB of text: some 8 to 40 pages, whatever the page size.
    const count = pageCount(pdfFile);
    expect(count).toBeGreaterThanOrEqual(6);
    expect(count).toBeLessThanOrEqual(40);
    const numbered = pages.filter((page) => page.folio !== undefined);
    expect(numbered.length).toBeGreaterThanOrEqual(count - 2);
    // Folios increase by one from page to page.
    for (let i = 1; i < numbered.length; i++) expect(numbered[i]!.folio! - numbered[i - 1]!.folio!).toBe(numbered[i]!.index - numbered[i - 1]!.index);
  });

  it('keeps every word of the text (nothing lost in pagination)', () => {
    const source = readFileSync(SEED, 'utf8');
    // Line-end hyphens (the text's own, or added by hyphens: auto) join the halves of a word: compare without them.
    const unhyphenate = (text: string): string => text.replace(/[-\u00AD]\s*/g, '');
    const text = unhyphenate(squeeze(pages.map((page) => page.lines.join(' ')).join(' ')));
    // The last word of each body paragraph of the source is in the PDF.
    const paragraphs = source.split(/\n\s*\n/).map(squeeze).filter((p) => p.split(' ').length > 25);
    expect(paragraphs.length).toBeGreaterThan(40);
    for (const paragraph of paragraphs) {
      const tail = unhyphenate(paragraph.split(' ').slice(-4).join(' '));
      expect(text.includes(tail), tail).toBe(true);
    }
  });

  it('has section headings to check', () => {
    expect(headings.length).toBeGreaterThanOrEqual(4);
  });

  /** The seed's back matter: the index and the colophon (which ends with the web page's footer); each starts a page. */
  const BACK_PARTS = ['Index', 'About this edition'];
  /** Where each back-matter part starts (after the last section of the text). */
  const backStarts = (): number[] => {
    const lastSection = pageWhereHeadingStands(pages, headings[headings.length - 1]!, 2)!.index;
    return BACK_PARTS.map((part) => pageWhereHeadingStands(pages, part, lastSection)?.index ?? Number.NaN);
  };

  it('prints each section title as the running head of its pages', () => {
    const starts = headings.map((heading) => pageWhereHeadingStands(pages, heading, 2)?.index);
    expect(starts.every((start) => start !== undefined), `every heading found: ${starts.join(', ')}`).toBe(true);
    const backStart = backStarts()[0]!;
    for (const page of pages) {
      if (page.index < starts[0]! || page.index >= backStart) continue;
      const current = starts.filter((start) => start! <= page.index).length - 1;
      // On the page where a section starts, the head may name it or the section it follows.
      const allowed = [headings[current]!, starts[current] === page.index && current > 0 ? headings[current - 1]! : headings[current]!];
      expect(allowed.some((title) => page.head.includes(title)), `page ${page.index} head "${page.head}"`).toBe(true);
    }
  });

  it('heads the back matter with its own part, each part starting a page, to the last page', () => {
    const starts = backStarts();
    expect(starts.every((start) => Number.isInteger(start)), `back matter found on pages ${starts.join(', ')}`).toBe(true);
    expect(starts, 'the parts in order').toEqual([...starts].sort((a, b) => a - b));
    const lastSection = headings[headings.length - 1]!;
    for (const page of pages.filter((candidate) => candidate.index >= starts[0]!)) {
      const part = BACK_PARTS[starts.filter((start) => start <= page.index).length - 1]!;
      // Each part begins on a new page, so the head is that part's from its first page on, never the last section's.
      expect(page.head, `page ${page.index}`).toContain(part);
      expect(page.head, `page ${page.index}`).not.toContain(lastSection);
      expect(BACK_PARTS.filter((other) => other !== part && page.head.includes(other)), `page ${page.index} head "${page.head}"`).toEqual([]);
    }
    expect(pages[pages.length - 1]!.head).toContain('About this edition');
  });

  it('gives in the table of contents the pages where the sections really start', () => {
    const contents = pages.filter((page) => headings.some((heading) => numberAfter([page], heading) !== undefined));
    expect(contents.length, 'a page with a table of contents').toBeGreaterThan(0);
    for (const heading of headings) {
      const listed = numberAfter(contents, heading);
      expect(listed, `contents entry for "${heading}"`).toBeDefined();
      const start = pageWhereHeadingStands(pages, heading, contents[contents.length - 1]!.index + 1);
      expect(start, `"${heading}" in the text`).toBeDefined();
      expect(listed, `"${heading}" starts on page ${start!.index} (folio ${start!.folio})`).toBe(start!.folio);
    }
  });

  it('gives in the index, once each and in order, pages that really name each entry', () => {
    const html = readFileSync(path.join(folder, `${SLUG}.html`), 'utf8');
    const unhyphenate = (text: string): string => text.replace(/[-\u00AD]\s*/g, '');
    const textOfId = (id: string): string | undefined => {
      const match = new RegExp(`<([a-z]+)[^>]*\\bid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
      return match ? squeeze(match[2]!.replace(/<[^>]+>/g, '')) : undefined;
    };
    // Entries with pages (a cross-reference, "Kiev, see Kyiv", has none).
    const entries = [...html.matchAll(/<li[^>]*class="[^"]*index-entry(?! index-see)[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].map((match) => ({
      name: squeeze(/class="index-name">([^<]*)</.exec(match[1]!)?.[1] ?? ''),
      forms: [...match[1]!.matchAll(/href="#([^"]+)"/g)].map((ref) => textOfId(ref[1]!)).filter((form): form is string => Boolean(form)),
    })).filter((entry) => entry.name && entry.forms.length);
    expect(entries.length, 'index entries in the print HTML').toBeGreaterThan(10);
    const indexStart = pages.findIndex((page) => page.lines.some((line) => line === 'Index'));
    const indexText = squeeze(pages.slice(indexStart > 0 ? indexStart : 0).map((page) => page.lines.join(' ')).join(' '));
    let checked = 0;
    // Entries come in the same order as in the HTML; a name may also occur inside an earlier entry ("the first Moscow trial").
    let cursor = 0;
    for (const entry of entries) {
      // The entry's own line: its name followed by its dates, gloss or pages, not the name inside a gloss ("Soviet Russia from 1918").
      let at = indexText.indexOf(entry.name, cursor);
      while (at >= 0 && !/^\s*[:;(]/.test(indexText.slice(at + entry.name.length))) at = indexText.indexOf(entry.name, at + 1);
      expect(at, `index entry ${entry.name}`).toBeGreaterThanOrEqual(0);
      cursor = at + entry.name.length;
      // A range ("7–9") stands for every page in it: only consecutive pages that each name the entry are joined.
      const listed = /:\s*(\d+(?:\s*[,\u2013]\s*\d+)*)/.exec(indexText.slice(at))![1]!.split(',').flatMap((part) => {
        const [from, to = from] = part.split('\u2013').map((n) => Number(n.trim()));
        return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
      });
      expect(listed, entry.name).toEqual([...new Set(listed)].sort((x, y) => x - y));
      for (const folio of listed) {
        const page = pages.find((candidate) => candidate.folio === folio && candidate.index < indexStart + 1)!;
        const text = unhyphenate(page.lines.join(' '));
        expect(entry.forms.some((form) => text.includes(unhyphenate(form))), `page ${folio} names ${entry.name} (${entry.forms[0]})`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('embeds every font', () => {
    for (const font of fontsOf(pdfFile)) expect(font.embedded, font.name).toBe(true);
  });

  it('goes into the deposit bag, which verifies', async () => {
    const bag = path.join(folder, `${SLUG}-bag`);
    expect(readFileSync(path.join(bag, 'data', `${SLUG}.pdf`)).equals(readFileSync(pdfFile))).toBe(true);
    expect(readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toMatch(/print HTML and PDF\.\n/);
    const result = await verifyBag(bag);
    expect(result.messages).toEqual([]);
    // Source, TEI, archival TEI, EPUB, print HTML, PDF.
    expect(result.payloadFiles).toBe(6);
  });

  it('is byte-identical when built again', async () => {
    const again = await buildEditions([SEED], { outDir: path.join(work, 'seed-again'), formats: ['pdf'] });
    expect(again.editions[0]!.status).toBe('built');
    expect(readFileSync(path.join(work, 'seed-again', SLUG, `${SLUG}.pdf`)).equals(readFileSync(pdfFile))).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Without Chromium: a clear message, and everything else still built.

describe('without Chromium', () => {
  it('warns pdf:no-chromium and returns no PDF', async () => {
    const log = new MessageLog('x.txt');
    const files = await writePdf([{ name: 'x.html', data: '<p>x</p>' }], 'x', { chromium: path.join(os.tmpdir(), 'no-such-chromium'), date: '2000-01-01', log });
    expect(files).toEqual([]);
    expect(log.messages.map((message) => [message.severity, message.ruleId])).toEqual([['warning', 'pdf:no-chromium']]);
    expect(log.messages[0]!.reason).toContain('was not found');
  });

  it('still builds the other formats and a bag without the PDF', async () => {
    const batch = await buildEditions([SEED], { outDir: path.join(work, 'no-chromium'), formats: ['tei', 'pdf', 'bag'], chromium: '/nonexistent/chromium' });
    const edition = batch.editions[0]!;
    expect(edition.status).toBe('built');
    expect(edition.messages.map((message) => message.ruleId)).toContain('pdf:no-chromium');
    const names = edition.outputs.map((file) => path.relative(path.join(work, 'no-chromium', SLUG), file));
    expect(names).toContain(`${SLUG}.epub`);
    expect(names).not.toContain(`${SLUG}.pdf`);
    expect((await verifyBag(path.join(work, 'no-chromium', SLUG, `${SLUG}-bag`))).valid).toBe(true);
  });
});
