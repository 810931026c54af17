/**
 * The static web edition (issue 11): `tei-press site` over a real build of
 * the seed (with its bag), the five articles of ../shared/corpus and some
 * pages of ../shared/corpus-html. The site is checked as a reader's browser
 * and a link checker would: every page parses as HTML5 without error, every
 * internal link and fragment resolves to a file and an id, no resource comes
 * from outside the site, every mention of the texts is on its register page,
 * the search index holds every edition, version and build date are on every
 * page, and a second build gives the same bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { buildEditions } from '../pipeline/build.js';
import { buildSite, type SiteResult } from '../pipeline/site/build.js';
import { toolVersion } from '../pipeline/settings.js';
import { runCli } from './cli-helpers.js';
import { strings } from './xslt/helpers.js';
import { CORPUS_HTML, corpusHtmlMissing } from './corpus-html-pages.js';

const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';
const CORPUS = path.resolve('../shared/corpus');
const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(CORPUS, name)) : [];
// A few real archive pages, chosen for names of all three kinds and Trotsky among them.
const HTML_PAGES = ['arnot-page_1937_russ_rev_1_05.htm', 'bukharin_works_1921_histmat_4.htm', 'castoriadis_1964_bureaucracy.htm', 'brandler_1922_12_peace-conf.htm'];
const pages = corpusHtmlMissing ? [] : HTML_PAGES.map((name) => path.join(CORPUS_HTML, name)).filter((file) => existsSync(file));
const BUILD_DATE = '2025-01-02';

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-site-'));
const out = path.join(work, 'out');
let site: SiteResult;

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

interface Page {
  file: string;
  errors: string[];
  ids: Set<string>;
  elements: Element[];
}

const parsed = new Map<string, Page>();

/** A page of the site, parsed once with parse5, with its parse errors. */
function pageOf(file: string): Page {
  let found = parsed.get(file);
  if (!found) {
    const errors: string[] = [];
    const document = parse(readFileSync(file, 'utf8'), { onParseError: (error) => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`) });
    const elements: Element[] = [];
    const walk = (node: Node): void => {
      if ('tagName' in node) elements.push(node);
      const children = 'childNodes' in node ? node.childNodes : [];
      for (const child of children) walk(child);
      if ('content' in node && node.content) walk(node.content as unknown as Node);
    };
    walk(document);
    const ids = new Set(elements.map((element) => attr(element, 'id')).filter((id): id is string => id !== undefined));
    found = { file, errors, ids, elements };
    parsed.set(file, found);
  }
  return found;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** The text of a node; `skip` leaves out elements (note reference numbers, which the page adds). */
function textContent(node: Node, skip: (element: Element) => boolean = () => false): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if ('tagName' in node && skip(node)) return '';
  return ('childNodes' in node ? node.childNodes : []).map((child) => textContent(child, skip)).join('');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const htmlPages = () => filesUnder(site.siteDir).filter((file) => file.endsWith('.html') && !file.includes(`${path.sep}files${path.sep}`));
const editionSlugs = () => readdirSync(out, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(path.join(out, entry.name, `${entry.name}.tei.xml`))).map((entry) => entry.name).sort();

beforeAll(async () => {
  // The seed with every format the site offers but the PDF (Chromium is slow on a shared machine), the others with the defaults.
  const seed = await buildEditions([SEED], { outDir: out, formats: ['tei', 'epub', 'html', 'archive', 'review', 'bag'], buildDate: BUILD_DATE });
  const rest = await buildEditions([...corpus, ...pages], { outDir: out, buildDate: BUILD_DATE, jobs: 1 });
  for (const edition of [...seed.editions, ...rest.editions]) expect(edition.status, edition.input).not.toBe('failed');
  site = await buildSite(out, { buildDate: BUILD_DATE, toolVersion: toolVersion() });
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tei-press site', () => {
  it('makes a page for every edition of the output folder, and no error', () => {
    expect(site.messages.filter((message) => message.severity === 'error')).toEqual([]);
    expect(site.editions).toBe(1 + corpus.length + pages.length);
    const made = readdirSync(path.join(site.siteDir, 'editions')).map((name) => name.replace(/\.html$/, '')).sort();
    expect(made).toEqual(editionSlugs());
  });

  it('writes pages that parse as HTML5 without a single error', () => {
    const bad = htmlPages()
      .map((file) => ({ file: path.relative(site.siteDir, file), errors: pageOf(file).errors }))
      .filter((page) => page.errors.length > 0);
    expect(bad).toEqual([]);
    expect(htmlPages().length).toBeGreaterThan(site.editions + 5);
  });

  it('has no broken internal link: every relative href and src is a file of the site, every fragment an id of its page', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlPages()) {
      for (const element of pageOf(file).elements) {
        for (const name of ['href', 'src']) {
          const value = attr(element, name);
          if (value === undefined || /^(https?|mailto):/.test(value)) continue;
          checked++;
          const [target, fragment] = value.split('#') as [string, string | undefined];
          const resolved = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target.split('?')[0]!));
          if (!resolved.startsWith(site.siteDir + path.sep) || !existsSync(resolved) || !statSync(resolved).isFile()) {
            broken.push(`${path.relative(site.siteDir, file)}: ${value} (no such file)`);
            continue;
          }
          if (fragment && resolved.endsWith('.html') && !pageOf(resolved).ids.has(decodeURIComponent(fragment))) broken.push(`${path.relative(site.siteDir, file)}: ${value} (no such id)`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('loads nothing from outside the site: no script, style sheet, image or frame from the network, no url() in the CSS', () => {
    const outside: string[] = [];
    for (const file of htmlPages()) {
      for (const element of pageOf(file).elements) {
        const resource = element.tagName === 'a' ? undefined : (attr(element, 'src') ?? (element.tagName === 'link' ? attr(element, 'href') : undefined));
        if (resource !== undefined && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(resource)) outside.push(`${path.relative(site.siteDir, file)}: <${element.tagName}> ${resource}`);
        if (element.tagName === 'style' || attr(element, 'style')) outside.push(`${path.relative(site.siteDir, file)}: inline style`);
      }
    }
    expect(outside).toEqual([]);
    const css = readFileSync(path.join(site.siteDir, 'assets', 'site.css'), 'utf8');
    expect(css).not.toMatch(/url\(|@import/);
    // Links to authorities are links the reader may follow, not loads: they are there.
    const moscow = readFileSync(path.join(site.siteDir, 'registers', 'place-moscow.html'), 'utf8');
    expect(moscow).toContain('<dt>GeoNames</dt><dd><a href="https://www.geonames.org/524901">524901</a></dd>');
  });

  it('states the version and the build date on every page', () => {
    const missing = htmlPages().filter((file) => {
      const text = readFileSync(file, 'utf8');
      return !text.includes(`<span class="version">${toolVersion()}</span>`) || !text.includes(`<time class="build-date" datetime="${BUILD_DATE}">${BUILD_DATE}</time>`);
    });
    expect(missing.map((file) => path.relative(site.siteDir, file))).toEqual([]);
  });

  it('lists every mention of every text on its register page, grouped by edition, in context', () => {
    // Every name of the TEI text (persName, placeName, orgName with text) …
    const listed = new Map<string, number>();
    for (const file of readdirSync(path.join(site.siteDir, 'registers')).map((name) => path.join(site.siteDir, 'registers', name))) {
      for (const element of pageOf(file).elements) {
        const href = attr(element, 'href');
        const match = href && /^\.\.\/editions\/([^#]+)\.html#(.+)$/.exec(href);
        if (match) listed.set(`${decodeURIComponent(match[1]!)}#${decodeURIComponent(match[2]!)}`, (listed.get(`${decodeURIComponent(match[1]!)}#${decodeURIComponent(match[2]!)}`) ?? 0) + 1);
      }
    }
    let mentions = 0;
    const unlisted: string[] = [];
    for (const slug of editionSlugs()) {
      const tei = readFileSync(path.join(out, slug, `${slug}.tei.xml`), 'utf8');
      const names = strings(tei, '/tei:TEI/tei:text//(tei:persName | tei:placeName | tei:orgName)[normalize-space()] ! normalize-space()');
      // … is an element of the edition page with an id, a name class and the same text …
      const page = pageOf(path.join(site.siteDir, 'editions', `${slug}.html`));
      const rendered = page.elements.filter((element) => /\btei-(persName|placeName|orgName)\b/.test(attr(element, 'class') ?? '') && attr(element, 'id'));
      expect(rendered.map((element) => textContent(element).replace(/\s+/g, ' ').trim()).sort(), slug).toEqual([...names].sort());
      // … and a register page links to it.
      for (const element of rendered) {
        mentions++;
        if (!listed.has(`${slug}#${attr(element, 'id')}`)) unlisted.push(`${slug}#${attr(element, 'id')} ${textContent(element)}`);
      }
    }
    expect(unlisted).toEqual([]);
    expect(mentions).toBeGreaterThan(200);
  });

  it('gives a register entry its details, authority ids as links, variant names and counts', () => {
    const page = readFileSync(path.join(site.siteDir, 'registers', 'pers-trotsky.html'), 'utf8');
    expect(page).toContain('<h1>Leon Trotsky</h1>');
    expect(page).toContain('1879–1940');
    expect(page).toContain('<dt>Note</dt><dd>People');
    expect(page).toMatch(/<dt>Also named<\/dt><dd>[^<]*Trotzky/);
    expect(page).toMatch(/<p>\d+ mentions? in \d+ editions?\.<\/p>/);
    // Grouped by edition, each group with its count and every mention as words around the name.
    expect(page).toMatch(/<h3><a href="\.\.\/editions\/[^"]+\.html">[^<]+<\/a> <span class="count">\(\d+\)<\/span><\/h3>/);
    expect(page).toMatch(/<li><span class="left">[^<]*<\/span> <a href="\.\.\/editions\/[^"#]+\.html#[^"]+"><mark>[^<]*Trotsky<\/mark><\/a> <span class="right">/);
  });

  it('marks names found in no register (cert="low") as unverified, on the edition page and the register page', () => {
    const unverified = readdirSync(path.join(site.siteDir, 'registers')).filter((name) => name.startsWith('unverified-'));
    expect(unverified.length).toBeGreaterThan(0);
    for (const name of unverified.slice(0, 20)) expect(readFileSync(path.join(site.siteDir, 'registers', name), 'utf8')).toContain('<span class="badge">unverified</span>');
    const low = editionSlugs().flatMap((slug) => strings(readFileSync(path.join(out, slug, `${slug}.tei.xml`), 'utf8'), "count(/tei:TEI/tei:text//*[@cert = 'low'][normalize-space()])").map(Number));
    const marked = editionSlugs().map((slug) => pageOf(path.join(site.siteDir, 'editions', `${slug}.html`)).elements.filter((element) => /\bunverified\b/.test(attr(element, 'class') ?? '')).length);
    expect(marked).toEqual(low);
  });

  it('has index pages by kind and letter that reach every register page', () => {
    const reached = new Set<string>();
    for (const kind of ['person', 'place', 'org']) {
      const page = pageOf(path.join(site.siteDir, 'registers', `${kind}.html`));
      for (const element of page.elements) if (element.tagName === 'a' && attr(element, 'href')?.endsWith('.html')) reached.add(attr(element, 'href')!);
      expect([...page.ids].some((id) => /^letter-[A-Z]$/.test(id)), kind).toBe(true);
    }
    const entityPages = readdirSync(path.join(site.siteDir, 'registers')).filter((name) => !['index.html', 'person.html', 'place.html', 'org.html'].includes(name));
    expect(entityPages.filter((name) => !reached.has(name))).toEqual([]);
    expect(entityPages.length).toBe(site.entities);
  });

  it('offers the downloads that exist: TEI, archival TEI, EPUB, print HTML and the bag as a zip', () => {
    const page = readFileSync(path.join(site.siteDir, 'editions', 'wright-1941-soviet-union-at-war.html'), 'utf8');
    for (const name of ['.tei.xml', '.archive.tei.xml', '.epub', '.html', '-bag.zip']) expect(page).toContain(`href="../files/wright-1941-soviet-union-at-war/wright-1941-soviet-union-at-war${name}"`);
    expect(page).not.toContain('.pdf"');
    // The TEI offered is the TEI built.
    expect(readFileSync(path.join(site.siteDir, 'files', 'wright-1941-soviet-union-at-war', 'wright-1941-soviet-union-at-war.tei.xml')).equals(readFileSync(path.join(out, 'wright-1941-soviet-union-at-war', 'wright-1941-soviet-union-at-war.tei.xml')))).toBe(true);
  });

  it('says how to cite each edition: author, title, edition, version, build date, address', () => {
    const page = readFileSync(path.join(site.siteDir, 'editions', 'wright-1941-soviet-union-at-war.html'), 'utf8');
    expect(page).toContain(
      `<span class="cite-author">John G. Wright</span>. <span class="cite-title">“The Soviet Union at War.”</span> TEI Press edition of ${BUILD_DATE}, version ${toolVersion()}, built ${BUILD_DATE}. <span class="cite-url">editions/wright-1941-soviet-union-at-war.html</span>`,
    );
  });

  it('ships a search index (a script, which file:// allows) holding every edition, in which "Trotsky" is found', () => {
    const script = readFileSync(path.join(site.siteDir, 'assets', 'search-index.js'), 'utf8');
    const context: { window: { TEI_PRESS_SEARCH?: { editions: { slug: string; text: string; title: string }[]; names: { name: string; page: string }[] } } } = { window: {} };
    vm.runInNewContext(script, context);
    const index = context.window.TEI_PRESS_SEARCH!;
    expect(index.editions.map((edition) => edition.slug).sort()).toEqual(editionSlugs());
    expect(index.editions.find((edition) => edition.slug === 'wright-1941-soviet-union-at-war')!.text).toContain('Trotsky');
    if (pages.length) expect(index.editions.filter((edition) => edition.text.includes('Trotsky')).length).toBeGreaterThan(1);
    expect(index.names.some((name) => name.page === 'pers-trotsky.html')).toBe(true);
    const search = readFileSync(path.join(site.siteDir, 'search.html'), 'utf8');
    expect(search).toContain('<script src="assets/search-index.js"></script>');
    expect(search).toMatch(/<noscript>.*registers\/index\.html/);
  });

  it('keeps the whole reading text: every paragraph, heading and item of each TEI body is on its page', () => {
    const lost: string[] = [];
    for (const slug of editionSlugs()) {
      const tei = readFileSync(path.join(out, slug, `${slug}.tei.xml`), 'utf8');
      const blocks = strings(tei, "//tei:body//(tei:p | tei:head | tei:item) ! normalize-space(string-join(.//text()[not(ancestor::tei:note)], ''))");
      const page = pageOf(path.join(site.siteDir, 'editions', `${slug}.html`));
      const main = page.elements.find((element) => attr(element, 'id') === 'text')!;
      const text = textContent(main, (element) => /\bnoteref\b/.test(attr(element, 'class') ?? '')).replace(/\s+/g, ' ');
      for (const block of blocks) if (block && !text.includes(block)) lost.push(`${slug}: ${block.slice(0, 80)}`);
    }
    expect(lost).toEqual([]);
  });

  it('draws every place with coordinates on the corpus map, each dot a link to its register page, and a map per edition', () => {
    const located = readdirSync(path.join(site.siteDir, 'registers')).filter((name) => /<dt>Coordinates<\/dt><dd>-?\d/.test(readFileSync(path.join(site.siteDir, 'registers', name), 'utf8')));
    expect(located.length).toBeGreaterThan(10);
    const map = pageOf(path.join(site.siteDir, 'map.html'));
    const dots = map.elements.filter((element) => element.tagName === 'a' && element.childNodes.some((child) => 'tagName' in child && child.tagName === 'circle')).map((element) => attr(element, 'href')!.replace(/^registers\//, ''));
    expect(dots.sort()).toEqual(located.sort());
    const svg = readFileSync(path.join(site.siteDir, 'map.html'), 'utf8');
    expect(svg).toMatch(/<path class="land" d="M[-\d.,MLZ]{1000,}"\/>/);
    expect(svg).not.toMatch(/<image|xlink:href|<foreignObject/);
    // The seed names Moscow: its page links to its map, which has Moscow's dot.
    const seedMap = readFileSync(path.join(site.siteDir, 'maps', 'wright-1941-soviet-union-at-war.html'), 'utf8');
    expect(seedMap).toContain('<a href="../registers/place-moscow.html" aria-label="Moscow"><circle');
    expect(readFileSync(path.join(site.siteDir, 'editions', 'wright-1941-soviet-union-at-war.html'), 'utf8')).toContain('href="../maps/wright-1941-soviet-union-at-war.html"');
  });

  it('lists every edition on the timeline, by the year of its text', () => {
    const timeline = readFileSync(path.join(site.siteDir, 'timeline.html'), 'utf8');
    for (const slug of editionSlugs()) expect(timeline, slug).toContain(`href="editions/${slug}.html"`);
    expect(timeline).toMatch(/<h2 id="year-1941">1941<\/h2>\n<ul>\n<li><time datetime="1941-08">1941-08<\/time> <a href="editions\/wright-1941-soviet-union-at-war\.html">The Soviet Union at War<\/a>/);
  });

  it('gives the same bytes when built again', async () => {
    const again = await buildSite(out, { siteDir: path.join(work, 'again'), buildDate: BUILD_DATE, toolVersion: toolVersion() });
    expect(again.files).toEqual(site.files);
    const differ = site.files.filter((name) => !readFileSync(path.join(site.siteDir, name)).equals(readFileSync(path.join(again.siteDir, name))));
    expect(differ).toEqual([]);
  }, 300_000);
});

describe('tei-press site on the command line', () => {
  it('refuses a TEI that would read a file (an external entity), with file:line and a rule id, and builds the rest', () => {
    const hostile = path.join(work, 'hostile');
    mkdirSync(path.join(hostile, 'evil'), { recursive: true });
    writeFileSync(path.join(hostile, 'evil', 'evil.tei.xml'), '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body></text></TEI>\n');
    const slug = 'wright-1941-soviet-union-at-war';
    mkdirSync(path.join(hostile, slug));
    writeFileSync(path.join(hostile, slug, `${slug}.tei.xml`), readFileSync(path.join(out, slug, `${slug}.tei.xml`)));
    const result = runCli(['site', hostile, '--to', path.join(work, 'hostile-site')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/evil\.tei\.xml:2:\d+: error: .+ \[[a-z]+:[a-z-]+\]/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toMatch(/1 editions/);
    expect(existsSync(path.join(work, 'hostile-site', 'editions', `${slug}.html`))).toBe(true);
    expect(readFileSync(path.join(work, 'hostile-site', 'assets', 'search-index.js'), 'utf8')).not.toContain('root:');
  });

  it('says what is wrong with a folder that holds no edition, and exits 2', () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    const result = runCli(['site', empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds no edition');
  });
});
