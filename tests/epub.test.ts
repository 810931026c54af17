/**
 * The EPUB 3 of the seed and of every shared corpus article, checked by the
 * real epubcheck (0 errors, 0 warnings; issue 2 item 4, issue 5 item 2), plus
 * the facts the package must state and the bytes it must be made of.
 * Skipped, with the reason, only where Java or epubcheck are missing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEditions } from '../pipeline/build.js';
import { contentUuid, packageEpub } from '../pipeline/writers/epub.js';
import { runStylesheet } from '../pipeline/writers/xslt.js';
import { epubEntries, strings } from './xslt/helpers.js';

const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';
const SLUG = 'wright-1941-soviet-union-at-war';
const CORPUS = path.resolve('../shared/corpus');
const EPUBCHECK = '/usr/share/java/epubcheck.jar';

const haveJava = spawnSync('java', ['-version']).status === 0;
const haveEpubcheck = haveJava && existsSync(EPUBCHECK);
const epubcheckMissing = haveJava ? `${EPUBCHECK} is missing (apt-get install epubcheck)` : 'java is missing (apt-get install epubcheck)';
const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(CORPUS, name)) : [];

/** Runs epubcheck and returns its counts and the lines that explain them. */
function epubcheck(file: string): { errors: number; warnings: number; fatals: number; report: string } {
  const run = spawnSync('java', ['-jar', EPUBCHECK, file], { encoding: 'utf8' });
  const report = `${run.stdout}\n${run.stderr}`;
  const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(report);
  if (!counts) {
    if (/No errors or warnings detected/.test(report)) return { errors: 0, warnings: 0, fatals: 0, report };
    throw new Error(`epubcheck gave no counts:\n${report}`);
  }
  return { fatals: Number(counts[1]), errors: Number(counts[2]), warnings: Number(counts[3]), report: report.split('\n').filter((line) => /^(FATAL|ERROR|WARNING)/.test(line)).join('\n') };
}

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-epub-'));
/** The EPUB built from each input. */
const epubOf = new Map<string, string>();

beforeAll(async () => {
  const batch = await buildEditions([SEED, ...corpus], { outDir: path.join(work, 'a'), formats: ['tei', 'epub', 'html'], buildDate: '2016-05-28', force: true });
  for (const edition of batch.editions) {
    expect(edition.status, `${edition.input}: ${edition.messages.map((m) => m.reason).join('; ')}`).toBe('built');
    epubOf.set(path.resolve(edition.input), edition.outputs.find((file) => file.endsWith('.epub'))!);
  }
}, 300_000);

describe('epubcheck', () => {
  for (const input of [SEED, ...corpus]) {
    // epubcheck starts a JVM per book: seconds each, more on a loaded machine.
    it.skipIf(!haveEpubcheck)(`passes ${path.basename(input)} with 0 errors and 0 warnings${haveEpubcheck ? '' : ` — skipped: ${epubcheckMissing}`}`, () => {
      const file = epubOf.get(path.resolve(input))!;
      const result = epubcheck(file);
      expect(result, `${path.basename(file)}\n${result.report}`).toMatchObject({ fatals: 0, errors: 0, warnings: 0 });
    }, 300_000);
  }
  // The test article has what the real ones may not yet: footnotes, endnotes in the back, a list heading,
  // lettered items, an external link, an unplanned element, a subtitle, and registers with authority ids.
  it.skipIf(!haveEpubcheck)(`passes tests/xslt/rich.tei.xml with 0 errors and 0 warnings${haveEpubcheck ? '' : ` — skipped: ${epubcheckMissing}`}`, async () => {
    const tei = readFileSync('tests/xslt/rich.tei.xml', 'utf8');
    const file = path.join(work, 'rich.epub');
    writeFileSync(file, await packageEpub(runStylesheet('epub', tei, { uuid: contentUuid(tei) })));
    const result = epubcheck(file);
    expect(result, result.report).toMatchObject({ fatals: 0, errors: 0, warnings: 0 });
  }, 300_000);
  if (corpus.length === 0) it.skip(`the shared corpus — skipped: ${CORPUS} is missing`, () => undefined);
});

describe('the seed EPUB', () => {
  let entries: Map<string, string>;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = readFileSync(path.join(work, 'a', SLUG, `${SLUG}.epub`));
    entries = await epubEntries(bytes);
  });

  it('starts with an uncompressed mimetype entry', () => {
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(bytes.readUInt16LE(8)).toBe(0); // stored
    expect(bytes.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(bytes.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
  });

  it('states what the header knows, once and plainly', () => {
    const opf = entries.get('OEBPS/content.opf')!;
    const tei = readFileSync(path.join(work, 'a', SLUG, `${SLUG}.tei.xml`), 'utf8');
    expect(strings(opf, '//dc:identifier')).toEqual([`urn:uuid:${contentUuid(tei)}`]);
    expect(strings(opf, '//dc:title')).toEqual(['The Soviet Union at War']);
    expect(strings(opf, '//dc:creator')).toEqual(['John G. Wright']);
    expect(strings(opf, '//opf:meta[@property="file-as"]')).toEqual(['Wright, John G.']);
    expect(strings(opf, '//dc:date')).toEqual(['1941-08']);
    expect(strings(opf, '//dc:language')).toEqual(['en']);
    // The source as a citation made from the header's record of it, not the page's raw source line.
    expect(strings(opf, '//dc:source')).toEqual(['John G. Wright, “The Soviet Union at War”, Fourth International, Vol. 2, No. 7, August 1941, pp. 217–221.']);
    expect(strings(opf, '//dc:contributor')).toEqual(['Einde O’Callaghan']);
    expect(strings(opf, '//opf:meta[@property="dcterms:modified"]')).toEqual(['2016-05-28T00:00:00Z']);
    // Rights as the TEI states them: no licence is invented.
    expect(strings(opf, '//dc:rights')[0]).toMatch(/no licence/);
  });

  it('derives its accessibility metadata from the content (the seed has registers, so an index)', () => {
    const opf = entries.get('OEBPS/content.opf')!;
    expect(strings(opf, '//opf:meta[@property="schema:accessibilityFeature"]')).toEqual(['alternativeText', 'tableOfContents', 'readingOrder', 'structuralNavigation', 'index']);
    // The cover is an image (visual), whose words are its text alternative (textual suffices).
    expect(strings(opf, '//opf:meta[@property="schema:accessMode"]')).toEqual(['textual', 'visual']);
    expect(strings(opf, '//opf:meta[@property="schema:accessModeSufficient"]')).toEqual(['textual']);
    expect(strings(opf, '//opf:meta[@property="schema:accessibilityHazard"]')).toEqual(['none']);
    expect(entries.has('OEBPS/index.xhtml')).toBe(true);
  });

  it('has a cover made from the header: an SVG image (cover-image) with title, author and date, shown first with its words as alternative', () => {
    const opf = entries.get('OEBPS/content.opf')!;
    expect(strings(opf, '//opf:item[@properties = "cover-image"]/concat(@href, " ", @media-type)')).toEqual(['cover.svg image/svg+xml']);
    expect(strings(opf, '//opf:spine/opf:itemref[1]/@idref')).toEqual(['cover']);
    const svg = entries.get('OEBPS/cover.svg')!;
    expect(strings(svg, '//*:text/string()')).toEqual(['The Soviet Union', 'at War', 'John G. Wright', 'August 1941']);
    // Nothing the header does not say: no series or publisher without edition settings.
    expect(strings(svg, '//*:text[@class = ("series", "publisher")]')).toEqual([]);
    const cover = entries.get('OEBPS/cover.xhtml')!;
    expect(strings(cover, '//h:body/@epub:type')).toEqual(['cover']);
    expect(strings(cover, '//h:img/@alt')).toEqual(['Cover: The Soviet Union at War, by John G. Wright, August 1941']);
    expect(strings(entries.get('OEBPS/nav.xhtml')!, '//h:nav[@epub:type = "landmarks"]//h:a[@epub:type = "cover"]/@href')).toEqual(['cover.xhtml']);
  });

  it('lists every section of the body in the table of contents, the first included', () => {
    const tei = readFileSync(path.join(work, 'a', SLUG, `${SLUG}.tei.xml`), 'utf8');
    const heads = strings(tei, '//tei:body/tei:div/tei:head/normalize-space()');
    const divs = Number(strings(tei, 'count(//tei:body/tei:div)')[0]);
    const toc = strings(entries.get('OEBPS/nav.xhtml')!, '//h:nav[@epub:type="toc"]/h:ol/h:li/h:a[starts-with(@href, "text-")]/normalize-space()');
    expect(toc).toHaveLength(divs);
    for (const head of heads) expect(toc).toContain(head);
  });

  it('has a title page and a colophon naming source, transcriber and last update', () => {
    expect(entries.get('OEBPS/titlepage.xhtml')).toContain('The Soviet Union at War');
    const colophon = entries.get('OEBPS/colophon.xhtml')!;
    for (const fact of ['Fourth International', 'Einde O’Callaghan', 'Last updated: 28 May 2016', 'How this edition was made']) expect(colophon).toContain(fact);
  });

  it('links every mention to its index entry and the entry back to every mention', () => {
    const index = entries.get('OEBPS/index.xhtml')!;
    const backLinks = new Set(strings(index, '//h:a[contains(@class, "index-mention")]/@href'));
    const texts = [...entries].filter(([name]) => /OEBPS\/text-\d+\.xhtml$/.test(name));
    let linked = 0;
    for (const [name, xhtml] of texts) {
      for (const id of strings(xhtml, '//h:a[contains(@href, "index.xhtml#")]/@id')) {
        expect(backLinks.has(`${path.basename(name)}#${id}`), `${name}#${id}`).toBe(true);
        linked++;
      }
    }
    expect(linked).toBeGreaterThan(20);
  });
});

describe('determinism', () => {
  it('gives byte-identical EPUB and HTML when built again', async () => {
    const again = await buildEditions([SEED], { outDir: path.join(work, 'b'), formats: ['tei', 'epub', 'html'], buildDate: '2016-05-28', force: true });
    expect(again.editions[0]!.status).toBe('built');
    for (const name of [`${SLUG}.epub`, `${SLUG}.html`]) {
      expect(readFileSync(path.join(work, 'b', SLUG, name)).equals(readFileSync(path.join(work, 'a', SLUG, name))), name).toBe(true);
    }
  }, 120_000);
});
