/**
 * The accessible EPUB (issue 5 item 2). Two kinds of check:
 *
 * 1. Ace by DAISY (`@daisy/ace-cli`, a dev dependency) run on the seed, on a corpus
 *    article with endnotes and on the rich test article, in the system Chromium:
 *    no serious or critical violation, and the schema.org metadata Ace looks for is
 *    present. Ace is also run on a copy of the seed spoiled on purpose (an image with
 *    no text alternative, an empty link), to prove that the run really checks.
 *    Skipped, with the reason, only where Chromium or the ace-cli binary is missing.
 * 2. The rules themselves, without a browser: metadata consistent with what the book
 *    contains, lang and xml:lang on every content document, epub:type with the
 *    matching DPUB-ARIA role, headings in order across the book, and a page list
 *    exactly when the TEI records page breaks of the print source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { buildEditions } from '../pipeline/build.js';
import { contentUuid, packageEpub } from '../pipeline/writers/epub.js';
import { runStylesheet } from '../pipeline/writers/xslt.js';
import { epubEntries, render, strings, teiDoc } from './xslt/helpers.js';

const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';
/** A corpus article whose source has a notes section in the back (endnotes). */
const WITH_ENDNOTES = path.resolve('../shared/corpus/draper-1973-micro-sect.txt');
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
const ACE = path.resolve('node_modules/.bin/ace-cli');
const EPUBCHECK = '/usr/share/java/epubcheck.jar';

const aceMissing = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing (apt-get install chromium)`
  : !existsSync(ACE) ? `${ACE} is missing (npm ci installs the dev dependency @daisy/ace-cli)` : '';
const haveEpubcheck = spawnSync('java', ['-version']).status === 0 && existsSync(EPUBCHECK);

/** The books built for these checks (the endnotes article only where the shared corpus is present). */
const BOOK_NAMES = ['wright-1941-soviet-union-at-war', ...(existsSync(WITH_ENDNOTES) ? ['draper-1973-micro-sect'] : []), 'rich'];

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-a11y-'));
/** EPUB files to check, by a short name. */
const books = new Map<string, string>();

beforeAll(async () => {
  const inputs = [SEED, ...(existsSync(WITH_ENDNOTES) ? [WITH_ENDNOTES] : [])];
  const batch = await buildEditions(inputs, { outDir: path.join(work, 'out'), formats: ['epub'], buildDate: '2016-05-28', force: true });
  for (const edition of batch.editions) {
    expect(edition.status, `${edition.input}: ${edition.messages.map((m) => m.reason).join('; ')}`).toBe('built');
    books.set(path.basename(edition.input, '.txt'), edition.outputs.find((file) => file.endsWith('.epub'))!);
  }
  const rich = readFileSync('tests/xslt/rich.tei.xml', 'utf8');
  const richFile = path.join(work, 'rich.epub');
  writeFileSync(richFile, await packageEpub(runStylesheet('epub', rich, { uuid: contentUuid(rich) })));
  books.set('rich', richFile);
}, 300_000);

// ---------------------------------------------------------------------------------------------
// 1. Ace by DAISY

interface AceAssertion { 'earl:test': { 'dct:title': string; 'earl:impact': string }; 'earl:result': { 'earl:outcome': string } }
interface AceReport {
  'earl:result': { 'earl:outcome': string };
  'a11y-metadata': { missing: string[]; empty: string[]; present: string[] };
  assertions: { 'earl:testSubject': { url: string }; assertions?: AceAssertion[] }[];
}

/** Runs Ace on one EPUB in the system Chromium and returns its JSON report. */
function ace(epub: string): AceReport {
  const outdir = path.join(work, `ace-${path.basename(epub, '.epub')}`);
  const run = spawnSync(ACE, ['--silent', '--force', '--outdir', outdir, epub], {
    encoding: 'utf8',
    env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM, PUPPETEER_SKIP_DOWNLOAD: '1' },
    timeout: 280_000,
  });
  const report = path.join(outdir, 'report.json');
  if (!existsSync(report)) throw new Error(`Ace wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(readFileSync(report, 'utf8')) as AceReport;
}

/** Every violation Ace found, as "document: rule (impact)". */
function violations(report: AceReport, impacts: string[]): string[] {
  return report.assertions.flatMap((subject) => (subject.assertions ?? [])
    .filter((a) => a['earl:result']['earl:outcome'] === 'fail' && impacts.includes(a['earl:test']['earl:impact']))
    .map((a) => `${subject['earl:testSubject'].url}: ${a['earl:test']['dct:title']} (${a['earl:test']['earl:impact']})`));
}

const SCHEMA_PROPERTIES = ['schema:accessMode', 'schema:accessModeSufficient', 'schema:accessibilityFeature', 'schema:accessibilityHazard', 'schema:accessibilitySummary'];

describe(`Ace by DAISY${aceMissing ? ` — skipped: ${aceMissing}` : ''}`, () => {
  for (const name of BOOK_NAMES) {
    it.skipIf(Boolean(aceMissing))(`finds no serious or critical violation in ${name}, and the accessibility metadata it asks for`, () => {
      const report = ace(books.get(name)!);
      expect(violations(report, ['serious', 'critical'])).toEqual([]);
      expect(report['a11y-metadata'].present).toEqual(expect.arrayContaining(SCHEMA_PROPERTIES));
      expect(report['a11y-metadata'].empty).toEqual([]);
    }, 300_000);
  }

  it.skipIf(Boolean(aceMissing))('reports a spoiled copy of the seed (image without alt, empty link) as critical and serious', async () => {
    const zip = await JSZip.loadAsync(readFileSync(books.get('wright-1941-soviet-union-at-war')!));
    const name = 'OEBPS/text-01.xhtml';
    const text = await zip.file(name)!.async('string');
    const spoiled = text.replace('<p class="tei-p" id="d1-p1">', '<p class="tei-p" id="d1-p1"><img src="style.css"/><a href="#d1"></a>');
    expect(spoiled).not.toBe(text);
    zip.file(name, spoiled);
    const file = path.join(work, 'spoiled.epub');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const found = violations(ace(file), ['serious', 'critical']);
    expect(found).toEqual(expect.arrayContaining(['text-01.xhtml: image-alt (critical)', 'text-01.xhtml: link-name (serious)']));
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------
// 2. The rules, checked directly

/** The EPUB's entries, its package document and its content documents in spine order. */
async function open(file: string | Uint8Array) {
  const entries = await epubEntries(typeof file === 'string' ? readFileSync(file) : file);
  const opf = entries.get('OEBPS/content.opf')!;
  const spine = strings(opf, '//opf:itemref/@idref ! (let $id := . return //opf:item[@id = $id]/@href)').map((href) => `OEBPS/${href}`);
  return { entries, opf, spine, docs: spine.map((name) => [name, entries.get(name)!] as const) };
}

/** epub:type values and the DPUB-ARIA role each must come with; types with no role are absent
 *  (titlepage, frontmatter, bodymatter, backmatter, landmarks; endnote, whose role is deprecated). */
const ROLE_OF_TYPE: Record<string, string> = {
  toc: 'doc-toc', index: 'doc-index', colophon: 'doc-colophon', footnote: 'doc-footnote', endnotes: 'doc-endnotes',
  noteref: 'doc-noteref', pagebreak: 'doc-pagebreak', 'page-list': 'doc-pagelist',
};

for (const name of BOOK_NAMES) {
  describe(`accessibility rules: ${name}`, () => {
    let book: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      book = await open(books.get(name)!);
    });

    it('states textual and visual access, textual sufficient: its one image is the cover, whose words are its alternative', () => {
      expect(strings(book.opf, '//opf:meta[@property="schema:accessMode"]')).toEqual(['textual', 'visual']);
      expect(strings(book.opf, '//opf:meta[@property="schema:accessModeSufficient"]')).toEqual(['textual']);
      expect(strings(book.opf, '//opf:item/@media-type').filter((type) => !/^(application\/xhtml\+xml|text\/css|font\/woff2|text\/plain)$/.test(type))).toEqual(['image/svg+xml']);
      for (const [doc, xhtml] of book.docs) {
        const images = doc.endsWith('cover.xhtml') ? ['1'] : ['0'];
        expect(strings(xhtml, 'count(//(h:img | h:svg | h:audio | h:video | h:picture | h:object | h:canvas | h:iframe))'), doc).toEqual(images);
      }
      expect(strings(book.entries.get('OEBPS/cover.xhtml')!, '//h:img/@alt')[0]).toMatch(/^Cover: /);
    });

    it('declares the features the book has: the cover’s alternative text, toc, reading order, structure, an index only with an index document, no page navigation without page breaks', () => {
      const hasIndex = book.entries.has('OEBPS/index.xhtml');
      expect(strings(book.opf, '//opf:meta[@property="schema:accessibilityFeature"]'))
        .toEqual(['alternativeText', 'tableOfContents', 'readingOrder', 'structuralNavigation', ...(hasIndex ? ['index'] : [])]);
      expect(strings(book.opf, '//opf:meta[@property="schema:accessibilityHazard"]')).toEqual(['none']);
      expect(book.opf).not.toContain('dcterms:conformsTo');
      const summary = strings(book.opf, '//opf:meta[@property="schema:accessibilitySummary"]')[0]!;
      expect(summary).toMatch(/no page list/);
      expect(summary).toMatch(/no conformance is claimed/);
      expect(summary.includes('an index of the persons')).toBe(hasIndex);
      const hasFootnotes = book.docs.some(([, xhtml]) => strings(xhtml, '//h:aside[@epub:type = "footnote"]').length > 0);
      expect(summary.includes('notes linked to and from their references')).toBe(hasFootnotes);
      const hasEndnotes = book.docs.some(([, xhtml]) => strings(xhtml, '//*[@epub:type = "endnote"]').length > 0);
      expect(summary.includes('the notes of the source at the back')).toBe(hasEndnotes);
    });

    it('gives every content document lang and xml:lang, the language of the book', () => {
      const language = strings(book.opf, '//dc:language')[0];
      expect(language).toMatch(/^[a-z]{2,3}(-|$)/);
      for (const [doc, xhtml] of [...book.docs, ['OEBPS/nav.xhtml', book.entries.get('OEBPS/nav.xhtml')!] as const]) {
        expect(strings(xhtml, '/h:html/(@lang, @xml:lang)'), doc).toEqual([language, language]);
      }
    });

    it('pairs every epub:type that has a DPUB-ARIA role with that role', () => {
      const unpaired: string[] = [];
      for (const [doc, xhtml] of book.docs) {
        for (const pair of strings(xhtml, '//*[@epub:type][not(ancestor::h:nav[@epub:type = "landmarks"])] ! (@epub:type || "|" || @role)')) {
          const [type, role] = pair.split('|') as [string, string];
          const expected = ROLE_OF_TYPE[type];
          if (expected !== undefined && role !== expected) unpaired.push(`${doc}: epub:type="${type}" role="${role}"`);
        }
      }
      expect(unpaired).toEqual([]);
    });

    it('marks the cover, the title page, the contents, the landmarks, the index and the colophon', () => {
      const doc = (file: string) => book.entries.get(`OEBPS/${file}`)!;
      expect(strings(doc('titlepage.xhtml'), '//h:section[@epub:type = "titlepage"]/h:h1/normalize-space()')).toHaveLength(1);
      expect(strings(doc('nav.xhtml'), '//h:nav[@epub:type = "toc"][@role = "doc-toc"]/@aria-labelledby')).toEqual(['toc-head']);
      const landmarks = strings(doc('nav.xhtml'), '//h:nav[@epub:type = "landmarks"]//h:a/@epub:type');
      expect(landmarks).toEqual(['cover', 'titlepage', 'toc', 'bodymatter', ...(book.entries.has('OEBPS/index.xhtml') ? ['index'] : []), 'colophon']);
      if (book.entries.has('OEBPS/index.xhtml')) expect(strings(doc('index.xhtml'), '//h:section[@epub:type = "index"]/@role')).toEqual(['doc-index']);
      expect(strings(doc('colophon.xhtml'), '//h:section[@epub:type = "colophon"]/@role')).toEqual(['doc-colophon']);
    });

    it('keeps heading levels in order across the book: one h1 (the title), then no level skipped', () => {
      const levels = book.docs.flatMap(([doc, xhtml]) =>
        strings(xhtml, '//(h:h1 | h:h2 | h:h3 | h:h4 | h:h5 | h:h6)[not(ancestor::*[@hidden])] ! local-name()').map((h) => ({ doc, level: Number(h.slice(1)) })));
      expect(levels[0]).toEqual({ doc: 'OEBPS/titlepage.xhtml', level: 1 });
      expect(levels.filter((h) => h.level === 1)).toHaveLength(1);
      const skips = levels.slice(1).filter((h, i) => h.level > levels[i]!.level + 1).map((h) => `${h.doc}: h${h.level}`);
      expect(skips).toEqual([]);
    });

    it('has no page list, since the transcription records no page breaks', () => {
      expect(book.entries.get('OEBPS/nav.xhtml')).not.toContain('page-list');
      expect(book.docs.some(([, xhtml]) => xhtml.includes('doc-pagebreak'))).toBe(false);
    });
  });
}

describe('accessibility rules: notes of the rich test article', () => {
  it('links footnotes both ways with noteref, footnote and backlink roles', async () => {
    const book = await open(books.get('rich')!);
    const text = book.entries.get('OEBPS/text-01.xhtml')!;
    const ref = strings(text, '//h:a[@role = "doc-noteref"] ! (@epub:type, @href)');
    expect(ref[0]).toBe('noteref');
    const noteId = ref[1]!.split('#')[1]!;
    expect(strings(text, `//h:aside[@id = "${noteId}"] ! (@epub:type, @role)`)).toEqual(['footnote', 'doc-footnote']);
    expect(strings(text, `//h:aside[@id = "${noteId}"]//h:a[@role = "doc-backlink"]/@href`)).toEqual([`text-01.xhtml#ref-${noteId}`]);
  });
  it.skipIf(!BOOK_NAMES.includes('draper-1973-micro-sect'))(`gives the source's notes section in the back as endnotes${existsSync(WITH_ENDNOTES) ? '' : ` — skipped: ${WITH_ENDNOTES} is missing`}`, async () => {
    const back = (await open(books.get('draper-1973-micro-sect')!)).entries.get('OEBPS/back.xhtml')!;
    expect(strings(back, '//h:section[@epub:type = "endnotes"] ! (@role, count(.//*[@epub:type = "endnote"]) gt 0)')).toEqual(['doc-endnotes', 'true', 'doc-endnotes', 'true']);
  });
});

describe('a page list where the TEI records page breaks of the print source', () => {
  const tei = teiDoc({ body: '<div><head>One</head><pb n="217"/><p>First page.</p><p>Turns <pb n="218"/>over.</p></div><div><head>Two</head><pb n="219"/><p>Third.</p></div>' });
  const output = render('epub', tei, { uuid: contentUuid(tei) });
  const nav = output.documents.get('OEBPS/nav.xhtml')!;
  const opf = output.documents.get('OEBPS/content.opf')!;

  it('marks each break as a named doc-pagebreak and lists them all in a page-list nav', () => {
    expect(strings(nav, '//h:nav[@epub:type = "page-list"][@role = "doc-pagelist"]//h:a ! (string(.) || " " || substring-before(@href, "#"))'))
      .toEqual(['217 text-01.xhtml', '218 text-01.xhtml', '219 text-02.xhtml']);
    for (const href of strings(nav, '//h:nav[@epub:type = "page-list"]//h:a/@href')) {
      const [file, id] = href.split('#') as [string, string];
      expect(strings(output.documents.get(`OEBPS/${file}`)!, `//h:span[@id = "${id}"] ! (@epub:type, @role, @aria-label)`), href).toHaveLength(3);
    }
    expect(strings(output.documents.get('OEBPS/text-01.xhtml')!, '//h:span[@role = "doc-pagebreak"] ! (@epub:type || " " || @aria-label)')).toEqual(['pagebreak 217', 'pagebreak 218']);
  });
  it('declares page navigation and says so in the summary', () => {
    expect(strings(opf, '//opf:meta[@property="schema:accessibilityFeature"]')).toEqual(['alternativeText', 'tableOfContents', 'readingOrder', 'structuralNavigation', 'pageBreakMarkers', 'pageNavigation']);
    expect(strings(opf, '//opf:meta[@property="schema:accessibilitySummary"]')[0]).toMatch(/page breaks of the print source \(From Test Journal, 1941-08\.\) are marked in the text and listed in a page list/);
    // dc:source is the citation made from the header's record of the printed source.
    expect(strings(opf, '//dc:source')).toEqual(['“A Test”, Test Journal, 1941-08.']);
  });
  it.skipIf(!haveEpubcheck)(`passes epubcheck with 0 errors and 0 warnings${haveEpubcheck ? '' : ' — skipped: java or epubcheck is missing (apt-get install epubcheck)'}`, async () => {
    const file = path.join(work, 'pages.epub');
    writeFileSync(file, await packageEpub(output));
    const run = spawnSync('java', ['-jar', EPUBCHECK, file], { encoding: 'utf8' });
    expect(`${run.stdout}\n${run.stderr}`).toMatch(/No errors or warnings detected/);
  }, 120_000);
});
