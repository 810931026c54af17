/**
 * The print-ready HTML (issue 2 item 4): one self-contained document with CSS
 * paged media, a title page, contents with page numbers by target-counter,
 * the index and colophon, and links that all resolve. Chromium's own print
 * (no Paged.js) is checked for what it honours: page size, folios and the
 * running title. Paged.js rendering is tested in pdf.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildEditions } from '../pipeline/build.js';
import { strings } from './xslt/helpers.js';

const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';
const SLUG = 'wright-1941-soviet-union-at-war';
const CHROMIUM = process.env.TEI_PRESS_CHROMIUM ?? '/usr/bin/chromium';
const havePrintTools = existsSync(CHROMIUM) && spawnSync('pdftotext', ['-v']).status === 0;

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-html-'));
let html = '';
let tei = '';
let htmlFile = '';

beforeAll(async () => {
  const batch = await buildEditions([SEED], { outDir: work, formats: ['tei', 'html'], force: true });
  expect(batch.editions[0]!.status).toBe('built');
  htmlFile = path.join(work, SLUG, `${SLUG}.html`);
  html = readFileSync(htmlFile, 'utf8');
  tei = readFileSync(path.join(work, SLUG, `${SLUG}.tei.xml`), 'utf8');
}, 120_000);

describe('the print HTML of the seed', () => {
  it('is one HTML5 document that references no other file', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<html[^>]* lang="en"/);
    expect(html).not.toMatch(/<link\b|<script\b|<img\b|\bsrc=|@import/i);
    // The only url()s are the bundled face's, inlined as data: URLs (issue 12).
    expect(html.match(/url\((?!data:font\/woff2;base64,)[^)]{0,40}/gi) ?? []).toEqual([]);
    expect(html.match(/url\(data:font\/woff2;base64,/g)?.length).toBe(12);
    // Every link inside the document leads to an id it holds.
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const targets = [...html.matchAll(/\shref="#([^"]+)"/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(50);
    expect(targets.filter((target) => !ids.has(target))).toEqual([]);
  });

  it('carries CSS paged media: page size and margins, folios and running heads in margin boxes', () => {
    expect(html).toMatch(/@page \{\s*size: A5;\s*margin: [^;]+;/);
    expect(html).toMatch(/@bottom-center \{ content: counter\(page\)/);
    // A running title Chromium's own print shows, and the section title Paged.js sets from the headings.
    expect(html).toMatch(/@top-left \{ content: "The Soviet Union at War";/);
    expect(html).toMatch(/@top-right \{ content: string\(section-title\)/);
    expect(html).toMatch(/string-set: section-title content\(text\)/);
    expect(html).toMatch(/h1, h2, h3, h4, h5, h6 \{[^}]*break-after: avoid/);
    expect(html).toMatch(/orphans: 3; widows: 3;/);
  });

  it('opens with a title page and a table of contents whose page numbers come from target-counter', () => {
    expect(html).toMatch(/<section id="titlepage" class="titlepage">\s*<h1 class="tei-docTitle doc-title">/);
    expect(html).toMatch(/nav\.toc a::after \{ content: target-counter\(attr\(href\), page\)/);
    const divs = Number(strings(tei, 'count(//tei:body/tei:div)')[0]);
    const contents = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    const links = [...contents.matchAll(/<li><a href="#([^"]+)"/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThanOrEqual(divs);
    for (const id of strings(tei, '//tei:body/tei:div/@xml:id')) expect(links).toContain(id);
    for (const head of strings(tei, '//tei:body/tei:div/tei:head ! normalize-space(.)')) expect(contents).toContain(head);
  });

  it('is set as a book: centred title, running heads for the back matter, colophon fields kept with their values, no entity underlines', () => {
    const print = html.slice(html.indexOf('@media print'));
    expect(print).toMatch(/\.titlepage h1 \{ text-align: center;/);
    // One string-set rule (Paged.js keeps one selector per string) names the text's sections and the book's parts.
    // Read in the document's own style sheet, not the inlined face: a brace-free run of base64 as long as a font
    // made this pattern backtrack for minutes on a loaded machine.
    const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!).join('\n');
    const stringSets = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{ string-set: section-title content\(text\); \}/g)];
    expect(stringSets).toHaveLength(1);
    expect(stringSets[0]![1]!.split(',').map((selector) => selector.trim())).toEqual(
      expect.arrayContaining(['h1.doc-title', 'nav.toc h2', '#text h2', '.tei-back h2', '.index h2', '.colophon h2']));
    // The web page's furniture (breadcrumbs, transcription line, "Last updated") is not on the title page nor a
    // page of its own: it ends the colophon, under "From the source page".
    const titlepage = html.slice(html.indexOf('<section id="titlepage"'), html.indexOf('</section>', html.indexOf('<section id="titlepage"')));
    expect(titlepage).not.toMatch(/Wright Archive|Transcribed|Last updated/);
    expect(html).not.toContain('class="tei-back"');
    const sourcePage = html.slice(html.indexOf('<section id="source-page"'));
    expect(html.indexOf('<section id="source-page"')).toBeGreaterThan(html.indexOf('<section id="colophon"'));
    expect(sourcePage).toMatch(/^<section id="source-page" class="source-page" aria-labelledby="source-page-head"><h3 id="source-page-head">From the source page<\/h3>/);
    for (const line of ['Wright Archive | Trotskyist Writers Index | ETOL Main Page', 'Transcribed &amp; marked up by Einde O’Callaghan', 'Last updated: <time class="tei-date" data-when="2016-05-28" datetime="2016-05-28">28 May 2016</time>']) expect(sourcePage).toContain(line);
    // Every colophon field stands in a div with exactly its value.
    const colophon = html.slice(html.indexOf('<section id="colophon"'));
    const groups = [...colophon.matchAll(/<div class="colophon-entry( long)?">(<dt>[\s\S]*?<\/dd>)<\/div>/g)];
    expect(groups.length).toBeGreaterThan(8);
    expect(groups.length).toBe([...colophon.matchAll(/<dt>/g)].length);
    for (const group of groups) expect([...group[2]!.matchAll(/<dt>/g)].length * 10 + [...group[2]!.matchAll(/<dd>/g)].length, group[2]).toBe(11);
    expect(print).toMatch(/\.colophon dt \{ break-after: avoid;/);
    expect(print).toMatch(/\.colophon-entry \{ break-inside: avoid;/);
    expect(print).toMatch(/a, a\.tei-persName, a\.tei-placeName, a\.tei-orgName, a\.tei-rs, a\.tei-name \{ color: inherit; text-decoration: none; \}/);
    expect(print).toMatch(/\.index, \.colophon, nav\.toc \{ text-align: left;/);
  });

  it('ends with the index (page references by target-counter) and the colophon', () => {
    expect(html).toMatch(/<section id="index" class="index" role="doc-index"><h2>Index<\/h2>/);
    expect(html).toMatch(/<a class="index-mention pageref" href="#tp-persName-\d+" aria-label="[^"]+, mention \d+">/);
    expect(html).toMatch(/<section id="colophon" class="colophon" role="doc-colophon">/);
    expect(html.indexOf('id="index"')).toBeLessThan(html.indexOf('id="colophon"'));
  });

  it('is pleasant on a screen: a measured column, footnotes hidden for the endnotes', () => {
    expect(html).toMatch(/body \{ max-width: 36em;/);
    expect(html).toMatch(/@media screen \{ \.footnote \{ display: none; \} \}/);
  });
});

describe("Chromium's own print", () => {
  it.skipIf(!havePrintTools)(`gives A5 pages with folios and the running title${havePrintTools ? '' : ` — skipped: ${CHROMIUM} or pdftotext is missing`}`, () => {
    const pdf = path.join(work, 'native.pdf');
    const run = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(htmlFile).href], { encoding: 'utf8', timeout: 120_000 });
    expect(existsSync(pdf), run.stderr).toBe(true);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    // A5 is 420 × 595 points.
    expect(info).toMatch(/Page size:\s+4(19|20)(\.\d+)? x 59[45](\.\d+)? pts/);
    const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f').filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(10);
    // From the second page on: the running title at the top, the folio at the foot.
    for (const [index, page] of pages.entries()) {
      if (index === 0) continue;
      const lines = page.split('\n').map((line) => line.trim()).filter(Boolean);
      expect(lines[0], `page ${index + 1}`).toContain('The Soviet Union at War');
      expect(lines[lines.length - 1], `page ${index + 1}`).toBe(String(index + 1));
    }
  }, 180_000);
});
