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
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { buildEditions } from '../pipeline/build.js';
import { buildSite, RENDER_CACHE, type SiteResult } from '../pipeline/site/build.js';
import { searchTerms, shardKey } from '../pipeline/site/search.js';
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
const HAVE_JAVA = spawnSync('java', ['-version']).status === 0;
const JAVA_SKIP = HAVE_JAVA ? '' : ' — skipped: no java on the PATH (the Nu checker is a Java program; apt-get install default-jre-headless)';

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

  it.skipIf(!HAVE_JAVA)(`passes the Nu HTML Checker (vnu-jar): every page of the site, no error${JAVA_SKIP}`, () => {
    const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const files = htmlPages();
    const result = spawnSync('java', ['-Xss8m', '-jar', vnu, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    const report = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as { messages: { type: string; url: string; lastLine?: number; message: string }[] };
    const errors = report.messages.filter((message) => message.type === 'error' || message.type === 'non-document-error').map((message) => `${path.relative(site.siteDir, decodeURIComponent(message.url.replace(/^file:/, '')))}:${message.lastLine ?? 0}: ${message.message}`);
    expect(errors.slice(0, 30)).toEqual([]);
    expect(result.status, result.stderr.slice(0, 500)).toBe(0);
    expect(files.length).toBeGreaterThan(100);
  }, 600_000);

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

  it('ships a search index split into shards by term prefix (scripts, which file:// allows) that holds every edition and finds "Trotsky"', () => {
    const handed: { kind: string; key: string; value: unknown }[] = [];
    const run = (file: string) => vm.runInNewContext(readFileSync(path.join(site.siteDir, 'assets', 'search', file), 'utf8'), { window: { TEI_PRESS_SEARCH: (kind: string, key: string, value: unknown) => handed.push({ kind, key, value }) } });
    run('meta.js');
    const meta = handed[0]!.value as { editions: [string, string, number[], string, number][]; authors: string[]; sources: string[]; shards: string[] };
    expect(meta.editions.map((edition) => edition[0]).sort()).toEqual(editionSlugs());
    // Every shard the meta names is a file, and every shard file is named: a query loads exactly the shard of its word.
    expect(meta.shards.map((key) => `t-${key}.js`).sort()).toEqual(readdirSync(path.join(site.siteDir, 'assets', 'search')).filter((name) => name.startsWith('t-')).sort());
    expect(meta.shards).toContain(shardKey('trotsky'));
    run(`t-${shardKey('trotsky')}.js`);
    const shard = handed[1]!.value as { terms: Record<string, [number[], number[]]>; names: [string, string, string, number, number][] };
    for (const term of Object.keys(shard.terms)) expect(shardKey(term)).toBe(shardKey('trotsky'));
    const [postings, names] = shard.terms['trotsky']!;
    const holding = postings.filter((_, i) => i % 2 === 0).map((number) => meta.editions[number]![0]);
    // The editions whose text holds the word as a word, as the index cuts words.
    const expected = editionSlugs().filter((slug) => {
      const edition = meta.editions.find((e) => e[0] === slug)!;
      run(`text/${slug}.js`);
      const text = handed[handed.length - 1]!.value as string;
      const data = JSON.parse(readFileSync(path.join(out, RENDER_CACHE, `${slug}.json`), 'utf8')).render.data as string;
      const { source, periodical } = JSON.parse(data) as { source: string; periodical: string };
      return searchTerms([text, edition[1], ...edition[2].map((a) => meta.authors[a]), source, periodical].join(' ')).includes('trotsky');
    });
    expect(holding.sort()).toEqual(expected);
    expect(holding).toContain('wright-1941-soviet-union-at-war');
    if (pages.length) expect(holding.length).toBeGreaterThan(2);
    expect(names.map((local) => shard.names[local]![0])).toContain('pers-trotsky.html');
    // The filters' choices are on the page, so the form works (and reads) without script.
    const search = readFileSync(path.join(site.siteDir, 'search.html'), 'utf8');
    expect(search).toContain('<script src="assets/search.js"></script>');
    for (const name of ['author', 'source', 'kind', 'from', 'to']) expect(search).toContain(`name="${name}"`);
    expect(search).toContain('<option>John G. Wright</option>');
    expect(search).toContain('<option>Fourth International</option>');
    expect(search).toMatch(/<noscript>.*registers\/person\.html/);
  });

  it('keeps the bytes a query loads small: the page script, the meta, one shard per word and the texts of ten results', () => {
    const size = (file: string) => statSync(path.join(site.siteDir, 'assets', file)).size;
    const shards = readdirSync(path.join(site.siteDir, 'assets', 'search')).filter((name) => name.startsWith('t-'));
    const largest = Math.max(...shards.map((name) => size(`search/${name}`)));
    const all = shards.reduce((sum, name) => sum + size(`search/${name}`), 0);
    // No shard holds more than a small part of the index.
    expect(shards.length).toBeGreaterThan(50);
    expect(largest).toBeLessThan(all / 5);
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

  it('puts every date the texts mention (date@when) on the timeline, linking to its place in the edition and to the places named beside it', () => {
    let dates = 0;
    const missing: string[] = [];
    for (const slug of editionSlugs()) {
      const tei = readFileSync(path.join(out, slug, `${slug}.tei.xml`), 'utf8');
      const years = strings(tei, "/tei:TEI/tei:text//tei:date[matches(string((@when, @from)[1]), '^-?[0-9]{4}')] ! substring(string((@when, @from)[1]), 1, if (starts-with((@when, @from)[1], '-')) then 5 else 4)");
      const links = new Map<string, number>();
      for (const year of new Set(years)) {
        const page = path.join(site.siteDir, 'timeline', `${year}.html`);
        if (!existsSync(page)) {
          missing.push(`${slug}: no timeline/${year}.html`);
          continue;
        }
        const linked = pageOf(page).elements.filter((element) => attr(element, 'href')?.startsWith(`../editions/${slug}.html#`)).length;
        links.set(year, linked);
      }
      // As many links to this edition on each year's page as the edition has dates in that year.
      for (const year of new Set(years)) if (links.has(year) && links.get(year) !== years.filter((y) => y === year).length) missing.push(`${slug}: ${year} has ${links.get(year)} links, ${years.filter((y) => y === year).length} dates`);
      dates += years.length;
    }
    expect(missing).toEqual([]);
    expect(dates).toBeGreaterThan(20);
    // The seed mentions February 1917: its year page shows it in its words, linked to its place; the timeline links the year page.
    const year = readFileSync(path.join(site.siteDir, 'timeline', '1917.html'), 'utf8');
    expect(year).toMatch(/<li><time datetime="1917-02">1917-02<\/time>: <span class="left">[^<]*<\/span> <a href="\.\.\/editions\/wright-1941-soviet-union-at-war\.html#[^"]+"><mark>February 1917<\/mark><\/a>/);
    const yearPages = readdirSync(path.join(site.siteDir, 'timeline')).map((name) => readFileSync(path.join(site.siteDir, 'timeline', name), 'utf8'));
    expect(yearPages.some((text) => /places named beside it: <a href="\.\.\/registers\/place-[a-z-]+\.html">/.test(text))).toBe(true);
    expect(readFileSync(path.join(site.siteDir, 'timeline.html'), 'utf8')).toMatch(/<a href="timeline\/1917\.html">\d+ mentions of 1917 in \d+ editions?<\/a>/);
  });

  it('gives the same bytes when built again', async () => {
    // Rendered anew, not taken from the render cache: the bytes come from the stylesheet again.
    const again = await buildSite(out, { siteDir: path.join(work, 'again'), buildDate: BUILD_DATE, toolVersion: toolVersion(), reuseRenders: false });
    expect(again.rendered).toBe(site.editions);
    expect(again.files).toEqual(site.files);
    const differ = site.files.filter((name) => !readFileSync(path.join(site.siteDir, name)).equals(readFileSync(path.join(again.siteDir, name))));
    expect(differ).toEqual([]);
  }, 300_000);
});

describe('tei-press site, built again', () => {
  it('rewrites nothing over an unchanged output folder, and after one edition changes only what depends on it', async () => {
    const copy = path.join(work, 'incremental');
    cpSync(out, copy, { recursive: true });
    const siteDir = path.join(copy, 'site');
    const before = new Map(filesUnder(siteDir).map((file) => [file, statSync(file).mtimeMs]));
    const same = await buildSite(copy, { buildDate: BUILD_DATE, toolVersion: toolVersion() });
    expect(same.written).toEqual([]);
    expect(same.removed).toEqual([]);
    expect(same.rendered).toBe(0);
    expect(filesUnder(siteDir).filter((file) => statSync(file).mtimeMs !== before.get(file))).toEqual([]);

    // One word of the seed changes: its page, its TEI download, its search text and the shards of the words concerned are written; no other edition's page.
    const slug = 'wright-1941-soviet-union-at-war';
    const tei = path.join(copy, slug, `${slug}.tei.xml`);
    writeFileSync(tei, readFileSync(tei, 'utf8').replace('As these lines are being written', 'As these lines were being written'));
    const changed = await buildSite(copy, { buildDate: BUILD_DATE, toolVersion: toolVersion() });
    expect(changed.rendered).toBe(1);
    expect(changed.written).toContain(`editions/${slug}.html`);
    expect(changed.written).toContain(`files/${slug}/${slug}.tei.xml`);
    expect(changed.written).toContain(`assets/search/text/${slug}.js`);
    expect(changed.written).toContain(`assets/search/t-${shardKey('were')}.js`);
    expect(changed.written.filter((name) => /^(editions|files|maps)\//.test(name) && !name.includes(slug))).toEqual([]);
    expect(changed.written.length).toBeLessThan(20);
    expect(changed.removed).toEqual([]);
    expect(readFileSync(path.join(siteDir, 'editions', `${slug}.html`), 'utf8')).toContain('As these lines were being written');

    // An edition taken away: its files go, and nothing else of its.
    const gone = editionSlugs().find((name) => name !== slug)!;
    rmSync(path.join(copy, gone), { recursive: true });
    const removed = await buildSite(copy, { buildDate: BUILD_DATE, toolVersion: toolVersion() });
    expect(removed.rendered).toBe(0);
    expect(removed.removed).toContain(`editions/${gone}.html`);
    expect(removed.removed.filter((name) => !name.includes(gone) && !name.startsWith('registers/') && !name.startsWith('timeline/') && !name.startsWith('assets/search/'))).toEqual([]);
    expect(existsSync(path.join(siteDir, 'files', gone))).toBe(false);
    expect(existsSync(path.join(copy, RENDER_CACHE, `${gone}.json`))).toBe(false);
    // The result is the site a first build would make.
    const fresh = await buildSite(copy, { siteDir: path.join(work, 'incremental-fresh'), buildDate: BUILD_DATE, toolVersion: toolVersion(), reuseRenders: false });
    expect(filesUnder(siteDir).map((file) => path.relative(siteDir, file))).toEqual(fresh.files.map((name) => name.split('/').join(path.sep)));
    expect(fresh.files.filter((name) => !readFileSync(path.join(siteDir, name)).equals(readFileSync(path.join(fresh.siteDir, name))))).toEqual([]);
  }, 600_000);

  it('gives register ids that are also page names of the site (index, person, place, org, unverified-…, ids differing only in case) pages of their own', async () => {
    const slug = 'wright-1941-soviet-union-at-war';
    const clash = path.join(work, 'clash');
    mkdirSync(path.join(clash, slug), { recursive: true });
    // The seed's register ids renamed to the site's own page names.
    const renames: [string, string][] = [['pers-trotsky', 'index'], ['pers-lenin', 'Index'], ['pers-stalin', 'person'], ['place-moscow', 'place'], ['pers-bukharin', 'org'], ['pers-zinoviev', 'unverified-person-zinoviev'], ['pers-kamenev', 'INDEX'], ['pers-rykov', 'in_dex']];
    let tei = readFileSync(path.join(out, slug, `${slug}.tei.xml`), 'utf8');
    for (const [from, to] of renames) tei = tei.replaceAll(`xml:id="${from}"`, `xml:id="${to}"`).replaceAll(`#${from}"`, `#${to}"`).replaceAll(`#${from} `, `#${to} `);
    writeFileSync(path.join(clash, slug, `${slug}.tei.xml`), tei);
    const built = await buildSite(clash, { buildDate: BUILD_DATE, toolVersion: toolVersion() });
    expect(built.messages.filter((message) => message.severity === 'error')).toEqual([]);
    const registers = readdirSync(path.join(built.siteDir, 'registers'));
    // No two files whose names differ only in case, and the register's own pages are still its own.
    expect(new Set(registers.map((name) => name.toLowerCase())).size).toBe(registers.length);
    expect(readFileSync(path.join(built.siteDir, 'registers', 'index.html'), 'utf8')).toContain('<h1>Registers</h1>');
    for (const kind of ['person', 'place', 'org']) expect(readFileSync(path.join(built.siteDir, 'registers', `${kind}.html`), 'utf8')).toMatch(/<h1>(Persons|Places|Organisations)<\/h1>/);
    const heading = (name: string) => /<h1>([^<]+)<\/h1>/.exec(readFileSync(path.join(built.siteDir, 'registers', name), 'utf8'))?.[1];
    expect(heading('index_.html')).toBe('Leon Trotsky');
    expect(heading('_index.html')).toMatch(/Lenin/);
    expect(heading('_i_n_d_e_x.html')).toMatch(/Kamenev/);
    expect(heading('in__dex.html')).toMatch(/Rykov/);
    expect(heading('person_.html')).toMatch(/Stalin/);
    expect(heading('place_.html')).toBe('Moscow');
    expect(heading('org_.html')).toMatch(/Bukharin/);
    expect(heading('unverified-person-zinoviev_.html')).toMatch(/Zinoviev/);
    // Every name on the edition page leads to the page of its own entity.
    const page = pageOf(path.join(built.siteDir, 'editions', `${slug}.html`));
    const trotsky = page.elements.filter((element) => element.tagName === 'a' && textContent(element).includes('Trotsky') && attr(element, 'href')?.includes('registers/'));
    expect(trotsky.length).toBeGreaterThan(0);
    for (const link of trotsky) expect(attr(link, 'href')).toBe('../registers/index_.html');
    const hrefs = page.elements.map((element) => attr(element, 'href')).filter((value): value is string => value?.startsWith('../registers/') ?? false);
    expect(hrefs.filter((value) => !existsSync(path.join(built.siteDir, 'editions', decodeURIComponent(value))))).toEqual([]);
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
    // Nothing of /etc/passwd reached any file of the site.
    expect(filesUnder(path.join(work, 'hostile-site')).filter((file) => readFileSync(file, 'utf8').includes('root:x:'))).toEqual([]);
    expect(existsSync(path.join(work, 'hostile-site', 'assets', 'search', 'meta.js'))).toBe(true);
  });

  it('says what is wrong with a folder that holds no edition, and exits 2', () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    const result = runCli(['site', empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds no edition');
  });
});
