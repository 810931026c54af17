/**
 * `tei-press site`: a static web edition of every edition in a build output
 * folder. Reads each `OUT/<slug>/<slug>.tei.xml`, renders its page with the
 * site stylesheet (xslt/site.xsl, the common core's meaning with the site's
 * markup) and gathers what the stylesheet reports of it into register pages,
 * index pages and a search index. The site works opened from disk (file://)
 * and from any static server: every link is relative, every resource is in the
 * site folder, nothing is loaded from elsewhere, and the same editions with the
 * same build date give the same bytes.
 *
 * Layout of SITE (default OUT/site):
 *   index.html                     every edition
 *   editions/<slug>.html           an edition's page
 *   files/<slug>/…                 its downloads (TEI, archival TEI, EPUB, print HTML, PDF, bag as .zip)
 *   registers/index.html           kinds and letters; registers/<kind>.html by letter
 *   registers/<id>.html            an entity's page (unverified names: unverified-<kind>-<name>.html)
 *   map.html, maps/<slug>.html     the places with coordinates, drawn as SVG (corpus, and each edition)
 *   timeline.html                  the editions by the date of their text
 *   search.html, assets/           the search page, its index and script, the style sheet
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { MessageLog, type Message } from '../messages.js';
import { findExternalReferences } from '../validate/external.js';
import { runStylesheet } from '../writers/xslt.js';
import { coordinates, gatherEntities, type EditionData, type Entity } from './data.js';
import { entityPage, escape, homePage, href, mapPage, registerIndexPage, registerKindPage, searchPage, timelinePage, type Stamp } from './pages.js';
import { placesMap, type MapPlace } from './map.js';
import { SEARCH_SCRIPT, searchIndex, searchIndexScript } from './search.js';

export interface SiteOptions {
  /** The site folder; default `OUT/site`. Replaced as a whole. */
  siteDir?: string;
  /** The address the site will be published at, for "cite this edition"; default none (the page's path in the site). */
  siteUrl?: string;
  /** The site's build date (YYYY-MM-DD), on every page. */
  buildDate: string;
  /** TEI Press version, on every page. */
  toolVersion: string;
}

export interface SiteResult {
  siteDir: string;
  editions: number;
  entities: number;
  /** Every file written, relative to the site folder, sorted. */
  files: string[];
  bytes: number;
  messages: Message[];
}

/** The downloads an edition folder may hold, in the order offered, by file-name ending. */
const DOWNLOADS: readonly { suffix: string; label: string }[] = [
  { suffix: '.tei.xml', label: 'TEI P5' },
  { suffix: '.archive.tei.xml', label: 'Archival TEI' },
  { suffix: '.epub', label: 'EPUB 3' },
  { suffix: '.pdf', label: 'PDF' },
  { suffix: '.html', label: 'Print HTML' },
];

/** The editions of an output folder: each sub-folder holding `<name>/<name>.tei.xml`, by name. */
export function findEditions(outDir: string): string[] {
  return readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(outDir, entry.name, `${entry.name}.tei.xml`)))
    .map((entry) => entry.name)
    .sort();
}

/** A bag folder as one zip file (a folder cannot be downloaded); entries sorted and dated by the build date, so the bytes repeat. */
async function zipFolder(folder: string, date: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const when = new Date(`${date}T00:00:00Z`);
  const add = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) add(full, `${prefix}${name}/`);
      else zip.file(`${prefix}${name}`, readFileSync(full), { date: when, createFolders: false });
    }
  };
  add(folder, `${path.basename(folder)}/`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
}

/** Builds the site. Editions whose TEI cannot be read are reported (file:line) and left out; the others are built. */
export async function buildSite(outDir: string, options: SiteOptions): Promise<SiteResult> {
  const siteDir = path.resolve(options.siteDir ?? path.join(outDir, 'site'));
  const stamp: Stamp = { version: options.toolVersion, buildDate: options.buildDate };
  const siteUrl = options.siteUrl ?? '';
  const messages: Message[] = [];
  const files = new Map<string, string | Uint8Array>();
  const editions: EditionData[] = [];
  let css: string | undefined;

  for (const slug of findEditions(outDir)) {
    // The site folder itself may sit in the output folder: it is no edition.
    if (path.resolve(outDir, slug) === siteDir) continue;
    const teiFile = path.join(outDir, slug, `${slug}.tei.xml`);
    const log = new MessageLog(teiFile);
    const xml = await readFile(teiFile, 'utf8');
    // A document that would make the transform read a file or the network (DOCTYPE, external entities, XInclude) is refused before any parse.
    const external = findExternalReferences(xml);
    if (external.length) {
      for (const reference of external) log.error(reference.ruleId, `${reference.message}; this edition is left out of the site`, reference.place);
      messages.push(...log.messages);
      continue;
    }
    const downloads: { label: string; name: string; href: string }[] = [];
    const folder = path.join(outDir, slug);
    for (const { suffix, label } of DOWNLOADS) {
      const name = `${slug}${suffix}`;
      if (!existsSync(path.join(folder, name))) continue;
      files.set(`files/${slug}/${name}`, readFileSync(path.join(folder, name)));
      downloads.push({ label, name, href: `../files/${encodeURIComponent(slug)}/${encodeURIComponent(name)}` });
    }
    if (existsSync(path.join(folder, `${slug}-bag`))) {
      const name = `${slug}-bag.zip`;
      files.set(`files/${slug}/${name}`, await zipFolder(path.join(folder, `${slug}-bag`), options.buildDate));
      downloads.push({ label: 'BagIt deposit (zip)', name, href: `../files/${encodeURIComponent(slug)}/${encodeURIComponent(name)}` });
    }
    let output;
    try {
      output = runStylesheet('site', xml, {
        slug,
        'tool-version': options.toolVersion,
        'site-root': '../',
        'site-url': siteUrl,
        'site-build-date': options.buildDate,
        'site-downloads': JSON.stringify(downloads),
      });
    } catch (error) {
      const text = (error as Error).message ?? String(error);
      const line = /line (\d+)/i.exec(text);
      log.error('site:unreadable-tei', `the TEI cannot be rendered (${text.split('\n')[0]}); this edition is left out of the site`, line ? { line: Number(line[1]) } : undefined);
      messages.push(...log.messages);
      for (const key of [...files.keys()]) if (key.startsWith(`files/${slug}/`)) files.delete(key);
      continue;
    }
    for (const message of output.messages) log.warn('site:render', message);
    messages.push(...log.messages);
    const data = JSON.parse(output.documents.get('site-data.json') ?? 'null') as EditionData | null;
    if (!data) throw new Error('xslt/site.xsl wrote no site-data.json; run "npm run build"');
    editions.push(data);
    css ??= output.documents.get('assets/site.css');
    files.set(`editions/${slug}.html`, output.principal);
  }

  // Editions in reading order: by author, then date.
  const authorKey = (edition: EditionData) => {
    const author = edition.authors[0];
    if (!author) return '\uffff';
    const words = author.split(/\s+/);
    return `${words[words.length - 1]} ${words.slice(0, -1).join(' ')}`.toLowerCase();
  };
  editions.sort((a, b) => (authorKey(a) < authorKey(b) ? -1 : authorKey(a) > authorKey(b) ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.slug < b.slug ? -1 : 1));
  const entities: Entity[] = gatherEntities(editions);

  files.set('index.html', homePage(editions, entities, stamp));
  files.set('registers/index.html', registerIndexPage(entities, stamp));
  for (const kind of ['person', 'place', 'org'] as const) files.set(`registers/${kind}.html`, registerKindPage(kind, entities, stamp));
  for (const entity of entities) files.set(`registers/${entity.page}`, entityPage(entity, stamp));
  files.set('search.html', searchPage(stamp));
  files.set('timeline.html', timelinePage(editions, stamp));
  const located = (entity: Entity, count: number, link: string): MapPlace[] => {
    const where = entity.kind === 'place' && entity.entry ? coordinates(entity.entry.geo) : undefined;
    return where ? [{ name: entity.name, link, lat: where.lat, long: where.long, mentions: count }] : [];
  };
  const corpusPlaces = entities.flatMap((entity) => located(entity, entity.total, `registers/${href(entity.page)}`));
  files.set(
    'map.html',
    mapPage({ title: 'Map of the places', root: '', stamp, intro: `${corpusPlaces.length} places named in the editions whose coordinates the registers give; each dot leads to its register page.`, map: placesMap(corpusPlaces, `Places named in ${editions.length} editions`) }),
  );
  // An edition's map, when it names a place its register locates (the edition page links to it on the same condition).
  for (const edition of editions) {
    const mentioned = entities.filter((entity) => entity.kind === 'place' && entity.entry?.geo && entity.mentions.some((group) => group.edition === edition));
    if (mentioned.length === 0) continue;
    const places = mentioned.flatMap((entity) => located(entity, entity.mentions.find((group) => group.edition === edition)!.mentions.length, `../registers/${href(entity.page)}`));
    files.set(
      `maps/${edition.slug}.html`,
      mapPage({ title: `Places in “${edition.title}”`, root: '../', stamp, intro: `The places <a href="../editions/${href(edition.slug)}.html">${escape(edition.title)}</a> names whose coordinates the registers give.`, map: placesMap(places, `Places named in ${edition.title}`) }),
    );
  }
  files.set('assets/search-index.js', searchIndexScript(searchIndex(editions, entities)));
  files.set('assets/search.js', SEARCH_SCRIPT);
  if (css !== undefined) files.set('assets/site.css', css);

  // Written to a temporary folder and put in place at once: a failed build leaves the old site whole.
  const temporary = `${siteDir}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  let bytes = 0;
  for (const [name, data] of files) {
    const target = path.join(temporary, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  }
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(path.dirname(siteDir), { recursive: true });
  await rename(temporary, siteDir);
  return { siteDir, editions: editions.length, entities: entities.length, files: [...files.keys()].sort(), bytes, messages };
}
