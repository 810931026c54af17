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
 *   registers/<id>.html            an entity's page (unverified names: unverified-<kind>-<name>.html;
 *                                  ids that would clash are escaped, see f:id-page in xslt/site.xsl)
 *   map.html, maps/<slug>.html     the places with coordinates, drawn as SVG (corpus, and each edition)
 *   timeline.html, timeline/<year>.html   the editions by the date of their text; the dates the texts mention
 *   search.html, assets/           the search page, its index (assets/search/, see search.ts) and script, the style sheet
 *
 * A rebuild renders only the editions whose TEI changed (a render cache in
 * OUT/.site-cache) and writes only the files whose bytes changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { MessageLog, type Message } from '../messages.js';
import { findExternalReferences } from '../validate/external.js';
import { runStylesheet, SEF_DIR } from '../writers/xslt.js';
import { coordinates, gatherEntities, type EditionData, type Entity } from './data.js';
import { entityPage, escape, homePage, href, mapPage, registerIndexPage, registerKindPage, searchPage, timelinePages, type Stamp } from './pages.js';
import { placesMap, type MapPlace } from './map.js';
import { SEARCH_SCRIPT, searchFacets, searchFiles, searchTextFile } from './search.js';

export interface SiteOptions {
  /** The site folder; default `OUT/site`. Files whose bytes are already there are not rewritten; files no longer made are removed. */
  siteDir?: string;
  /** The address the site will be published at, for "cite this edition"; default none (the page's path in the site). */
  siteUrl?: string;
  /** The site's build date (YYYY-MM-DD), on every page. */
  buildDate: string;
  /** TEI Press version, on every page. */
  toolVersion: string;
  /** Reuse the pages rendered by an earlier run for editions whose TEI is unchanged (OUT/.site-cache); default true. */
  reuseRenders?: boolean;
}

export interface SiteResult {
  siteDir: string;
  editions: number;
  entities: number;
  /** Every file of the site, relative to the site folder, sorted. */
  files: string[];
  /** The files this run wrote (new or changed), sorted; none when nothing changed. */
  written: string[];
  /** The files this run removed (no longer made), sorted. */
  removed: string[];
  /** Editions whose page was rendered by this run (the others came from the render cache). */
  rendered: number;
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
  // Each file is put in place as soon as it is made, so that memory holds the corpus's data, not its pages.
  const files = await SiteWriter.open(siteDir);
  const editions: EditionData[] = [];
  let css: string | undefined;
  let rendered = 0;
  const cache = new RenderCache(path.join(path.resolve(outDir), RENDER_CACHE));
  const stylesheetHash = createHash('sha256').update(readFileSync(path.join(SEF_DIR, 'site.sef.json'))).digest('hex');

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
    // Put in place once the page is made: an edition left out leaves no files.
    const downloadFiles: { name: string; read: () => Promise<Uint8Array> }[] = [];
    const folder = path.join(outDir, slug);
    for (const { suffix, label } of DOWNLOADS) {
      const name = `${slug}${suffix}`;
      if (!existsSync(path.join(folder, name))) continue;
      downloadFiles.push({ name: `files/${slug}/${name}`, read: () => readFile(path.join(folder, name)) });
      downloads.push({ label, name, href: `../files/${encodeURIComponent(slug)}/${encodeURIComponent(name)}` });
    }
    if (existsSync(path.join(folder, `${slug}-bag`))) {
      const name = `${slug}-bag.zip`;
      downloadFiles.push({ name: `files/${slug}/${name}`, read: () => zipFolder(path.join(folder, `${slug}-bag`), options.buildDate) });
      downloads.push({ label: 'BagIt deposit (zip)', name, href: `../files/${encodeURIComponent(slug)}/${encodeURIComponent(name)}` });
    }
    const params = {
      slug,
      'tool-version': options.toolVersion,
      'site-root': '../',
      'site-url': siteUrl,
      'site-build-date': options.buildDate,
      'site-downloads': JSON.stringify(downloads),
    };
    // The page depends on the TEI, the parameters and the stylesheet only: an unchanged edition's render is reused.
    const key = createHash('sha256').update(stylesheetHash).update('\0').update(JSON.stringify(params)).update('\0').update(xml).digest('hex');
    let output = options.reuseRenders === false ? undefined : await cache.get(slug, key);
    if (!output) {
      try {
        const result = runStylesheet('site', xml, params);
        output = { page: result.principal, data: result.documents.get('site-data.json') ?? '', css: result.documents.get('assets/site.css'), messages: result.messages };
      } catch (error) {
        const text = (error as Error).message ?? String(error);
        const line = /line (\d+)/i.exec(text);
        log.error('site:unreadable-tei', `the TEI cannot be rendered (${text.split('\n')[0]}); this edition is left out of the site`, line ? { line: Number(line[1]) } : undefined);
        messages.push(...log.messages);
        continue;
      }
      if (!output.data) throw new Error('xslt/site.xsl wrote no site-data.json; run "npm run build"');
      await cache.set(slug, key, output);
      rendered++;
    }
    for (const message of output.messages) log.warn('site:render', message);
    messages.push(...log.messages);
    const edition = JSON.parse(output.data) as EditionData;
    editions.push(edition);
    css ??= output.css;
    await files.put(`editions/${slug}.html`, output.page);
    for (const download of downloadFiles) await files.put(download.name, await download.read());
    await files.put(...searchTextFile(edition));
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

  await files.put('index.html', homePage(editions, entities, stamp));
  await files.put('registers/index.html', registerIndexPage(entities, stamp));
  for (const kind of ['person', 'place', 'org'] as const) await files.put(`registers/${kind}.html`, registerKindPage(kind, entities, stamp));
  for (const entity of entities) await files.put(`registers/${entity.page}`, entityPage(entity, stamp));
  await files.put('search.html', searchPage(searchFacets(editions), stamp));
  for (const [name, text] of timelinePages(editions, stamp)) await files.put(name, text);
  const located = (entity: Entity, count: number, link: string): MapPlace[] => {
    const where = entity.kind === 'place' && entity.entry ? coordinates(entity.entry.geo) : undefined;
    return where ? [{ name: entity.name, link, lat: where.lat, long: where.long, mentions: count }] : [];
  };
  const corpusPlaces = entities.flatMap((entity) => located(entity, entity.total, `registers/${href(entity.page)}`));
  await files.put(
    'map.html',
    mapPage({ title: 'Map of the places', root: '', stamp, intro: `${corpusPlaces.length} places named in the editions whose coordinates the registers give; each dot leads to its register page.`, map: placesMap(corpusPlaces, `Places named in ${editions.length} editions`) }),
  );
  // An edition's map, when it names a place its register locates (the edition page links to it on the same condition).
  // The places are gathered per edition in one pass over the entities, so the work grows with the mentions, not editions × places.
  const placesOf = new Map<EditionData, { entity: Entity; count: number }[]>();
  for (const entity of entities) {
    if (entity.kind !== 'place' || !entity.entry?.geo) continue;
    for (const group of entity.mentions) placesOf.set(group.edition, [...(placesOf.get(group.edition) ?? []), { entity, count: group.mentions.length }]);
  }
  for (const edition of editions) {
    const mentioned = placesOf.get(edition) ?? [];
    if (mentioned.length === 0) continue;
    const places = mentioned.flatMap(({ entity, count }) => located(entity, count, `../registers/${href(entity.page)}`));
    await files.put(
      `maps/${edition.slug}.html`,
      mapPage({ title: `Places in “${edition.title}”`, root: '../', stamp, intro: `The places <a href="../editions/${href(edition.slug)}.html">${escape(edition.title)}</a> names whose coordinates the registers give.`, map: placesMap(places, `Places named in ${edition.title}`) }),
    );
  }
  for (const [name, text] of searchFiles(editions, entities)) await files.put(name, text);
  await files.put('assets/search.js', SEARCH_SCRIPT);
  if (css !== undefined) await files.put('assets/site.css', css);

  const { names, written, removed, bytes } = await files.finish();
  await cache.prune(new Set(editions.map((edition) => edition.slug)));
  return { siteDir, editions: editions.length, entities: entities.length, files: names, written, removed, rendered, bytes, messages };
}

/** The render cache's folder in the output folder (hidden: it is no edition, and no part of the site). */
export const RENDER_CACHE = '.site-cache';

interface Render {
  page: string;
  data: string;
  css?: string;
  messages: string[];
}

/**
 * What the site stylesheet made of each edition, by slug, with the hash of
 * what it was made from: a rebuild renders only the editions that changed. A
 * cache file that cannot be read is a miss, never an error.
 */
class RenderCache {
  constructor(private readonly dir: string) {}

  private file(slug: string): string {
    return path.join(this.dir, `${slug}.json`);
  }

  async get(slug: string, key: string): Promise<Render | undefined> {
    try {
      const stored = JSON.parse(await readFile(this.file(slug), 'utf8')) as { key: string; render: Render };
      return stored.key === key ? stored.render : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps a render; an output folder that cannot be written (read-only media) only means the next run renders again. */
  async set(slug: string, key: string, render: Render): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(this.file(slug), JSON.stringify({ key, render }));
    } catch {
      // No cache: nothing is lost but time.
    }
  }

  /** Forgets the editions no longer in the output folder. */
  async prune(slugs: Set<string>): Promise<void> {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) if (name.endsWith('.json') && !slugs.has(name.slice(0, -5))) await rm(path.join(this.dir, name), { force: true }).catch(() => undefined);
  }
}

function sameBytes(file: string, data: string | Uint8Array): boolean {
  try {
    const old = readFileSync(file);
    return typeof data === 'string' ? old.length === Buffer.byteLength(data) && old.equals(Buffer.from(data)) : old.equals(data);
  } catch {
    return false;
  }
}

/**
 * Puts the site's files in place as they are made. A new site is written to a
 * temporary folder and renamed at once when finished (a failed build leaves
 * nothing half made); over an existing site only the files whose bytes differ
 * are written and, when finished, the files no longer made are removed, so
 * that an unchanged corpus rewrites nothing and a static host or a sync sees
 * only what changed.
 */
class SiteWriter {
  private readonly names = new Set<string>();
  private readonly written: string[] = [];
  private bytes = 0;

  private constructor(
    private readonly siteDir: string,
    /** The folder written to: the site, or a temporary folder for a new one. */
    private readonly target: string,
  ) {}

  static async open(siteDir: string): Promise<SiteWriter> {
    if (existsSync(siteDir)) return new SiteWriter(siteDir, siteDir);
    const temporary = `${siteDir}.${process.pid}.tmp`;
    await rm(temporary, { recursive: true, force: true });
    return new SiteWriter(siteDir, temporary);
  }

  async put(name: string, data: string | Uint8Array): Promise<void> {
    this.names.add(name);
    this.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    const file = path.join(this.target, name);
    if (this.target === this.siteDir && sameBytes(file, data)) return;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
    this.written.push(name);
  }

  async finish(): Promise<{ names: string[]; written: string[]; removed: string[]; bytes: number }> {
    const removed: string[] = [];
    if (this.target !== this.siteDir) {
      await mkdir(path.dirname(this.siteDir), { recursive: true });
      await rename(this.target, this.siteDir);
    } else {
      const sweep = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) sweep(full);
          else if (!this.names.has(path.relative(this.siteDir, full).split(path.sep).join('/'))) removed.push(full);
        }
      };
      sweep(this.siteDir);
      for (const file of removed) await unlink(file);
      // A folder emptied by the removals goes too.
      for (const file of removed) {
        let dir = path.dirname(file);
        while (dir.startsWith(this.siteDir + path.sep) && existsSync(dir) && readdirSync(dir).length === 0) {
          rmdirSync(dir);
          dir = path.dirname(dir);
        }
      }
    }
    const relative = removed.map((file) => path.relative(this.siteDir, file).split(path.sep).join('/'));
    return { names: [...this.names].sort(), written: this.written.sort(), removed: relative.sort(), bytes: this.bytes };
  }
}
