/**
 * The corpus pages: `OUT/index.html` lists every edition of the output folder
 * (author, title, date, source, links to its files) and a register of the
 * persons, places and organisations the editions mention, each with the
 * editions that mention it. Made from the build manifest, so editions skipped
 * as unchanged are listed too; plain HTML with no script, the same bytes for
 * the same editions.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { h, htmlPage, joined, lines, type ElementContent } from '../render/html.js';
import type { Manifest, ManifestEntry } from './cache.js';
import type { EntityKind } from './summary.js';

/** The corpus index's file name in the output folder. */
export const CORPUS_INDEX = 'index.html';

function href(...parts: string[]): string {
  return parts.map((part) => part.split('/').map(encodeURIComponent).join('/')).join('/');
}

/** What each output file is, by its name. */
function fileLabel(slug: string, name: string): string | undefined {
  if (name === `${slug}.tei.xml`) return 'TEI';
  if (name === `${slug}.archive.tei.xml`) return 'Archival TEI';
  if (name === `${slug}.epub`) return 'EPUB';
  if (name === `${slug}.html`) return 'Print HTML';
  if (name === `${slug}.pdf`) return 'PDF';
  if (name.endsWith('.review.html')) return 'Review';
  return undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The surname-first sort key of an edition's first author (unsigned texts sort last). */
function authorKey(entry: ManifestEntry): string {
  const author = entry.summary.authors[0];
  if (!author) return '\uffff';
  const words = author.split(/\s+/);
  return `${words[words.length - 1]} ${words.slice(0, -1).join(' ')}`.toLowerCase();
}

const KIND_HEADINGS: Record<EntityKind, string> = { person: 'Persons', place: 'Places', org: 'Organisations' };

const STYLE = `body { font-family: Georgia, serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
dt { font-weight: bold; margin-top: 0.5rem; }
small { font-weight: normal; color: #666; }`;

/** One edition's row: author, title (a link to its print HTML), date, source, links to its files. */
function editionRow(entry: ManifestEntry): ElementContent {
  const { summary, slug } = entry;
  const main = entry.files.includes(`${slug}.html`) ? `${slug}.html` : entry.files.find((name) => fileLabel(slug, name)) ?? entry.files[0];
  const title = main ? h('a', { href: href(slug, main) }, summary.title) : summary.title;
  const links = [...new Set(entry.files.map((name) => (name.includes('/') ? name.split('/')[0]! : name)))].flatMap((name) => {
    const label = fileLabel(slug, name) ?? (name.endsWith('-bag') ? 'BagIt' : undefined);
    return label ? [h('a', { href: `${href(slug, name)}${name.endsWith('-bag') ? '/' : ''}` }, label)] : [];
  });
  const date = summary.date ? (summary.date.iso ? h('time', { dateTime: summary.date.iso }, summary.date.text) : summary.date.text) : '';
  return h('tr', { id: `ed-${slug}` }, [
    h('td', summary.authors.join('; ') || 'Unsigned'),
    h('td', title),
    h('td', date),
    h('td', summary.source ?? ''),
    h('td', joined(links, ' · ')),
  ]);
}

type RegisterItem = { kind: EntityKind; label: string; registered: boolean; editions: { entry: ManifestEntry; count: number }[] };

/** Who the editions mention: one item per person, place or organisation, with the editions and their counts. */
function registerOf(editions: readonly ManifestEntry[]): Map<string, RegisterItem> {
  const register = new Map<string, RegisterItem>();
  for (const entry of editions) {
    for (const mention of entry.summary.mentions) {
      const id = `${mention.kind}:${mention.key}`;
      let item = register.get(id);
      if (!item) {
        item = { kind: mention.kind, label: mention.label, registered: mention.registered, editions: [] };
        register.set(id, item);
      }
      item.editions.push({ entry, count: mention.count });
    }
  }
  return register;
}

/** The register's section of one kind: a description list of names and the editions that mention them. */
function registerSection(kind: EntityKind, register: Map<string, RegisterItem>): ElementContent {
  const items = [...register.entries()].filter(([, item]) => item.kind === kind).sort(([a, x], [b, y]) => compare(x.label.toLowerCase(), y.label.toLowerCase()) || compare(a, b));
  if (items.length === 0) return h('section', [h('h3', KIND_HEADINGS[kind]), h('p', 'No edition mentions any yet.')]);
  const list = items.flatMap(([id, item]) => {
    const where = item.editions.flatMap(({ entry, count }, index) => [
      ...(index > 0 ? ['; '] : []),
      h('a', { href: `#ed-${entry.slug}` }, entry.summary.title),
      ...(count > 1 ? [` (${count})`] : []),
    ]);
    const note = item.registered ? [] : [' ', h('small', '(in no register)')];
    return [h('dt', { id: id.replace(/[^A-Za-z0-9_.:-]/g, '_') }, [item.label, ...note]), h('dd', where)];
  });
  return h('section', [h('h3', KIND_HEADINGS[kind]), h('dl', ['\n', ...pairs(list)])]);
}

/** dt and dd on one line per name. */
function pairs(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node, index) => (index % 2 === 1 ? [node, { type: 'text' as const, value: '\n' }] : [node]));
}

/** Renders the corpus index from the manifest's entries. */
export function renderCorpusIndex(entries: ManifestEntry[]): string {
  const editions = [...entries].sort(
    (a, b) => compare(authorKey(a), authorKey(b)) || compare(a.summary.date?.iso ?? '', b.summary.date?.iso ?? '') || compare(a.slug, b.slug),
  );
  const register = registerOf(editions);
  return htmlPage({
    lang: 'en',
    title: `Corpus: ${editions.length} edition${editions.length === 1 ? '' : 's'}`,
    style: STYLE,
    body: lines([
      h('h1', 'Editions'),
      h('table', [
        '\n',
        h('thead', h('tr', ['Author', 'Title', 'Date', 'Source', 'Files'].map((cell) => h('th', cell)))),
        '\n',
        h('tbody', ['\n', ...lines(editions.map(editionRow))]),
        '\n',
      ]),
      h('h2', 'Register of persons, places and organisations'),
      ...(Object.keys(KIND_HEADINGS) as EntityKind[]).map((kind) => registerSection(kind, register)),
    ]),
  });
}

/** Writes `OUT/index.html` for the editions of a manifest (atomically). */
export async function writeCorpusIndex(outDir: string, manifest: Manifest): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const target = path.join(outDir, CORPUS_INDEX);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, renderCorpusIndex(Object.values(manifest.entries)));
  await rename(temporary, target);
  return target;
}
