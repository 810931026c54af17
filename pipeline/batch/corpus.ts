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
import type { Manifest, ManifestEntry } from './cache.js';
import type { EntityKind } from './summary.js';

/** The corpus index's file name in the output folder. */
export const CORPUS_INDEX = 'index.html';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

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

/** Renders the corpus index from the manifest's entries. */
export function renderCorpusIndex(entries: ManifestEntry[]): string {
  const editions = [...entries].sort(
    (a, b) => compare(authorKey(a), authorKey(b)) || compare(a.summary.date?.iso ?? '', b.summary.date?.iso ?? '') || compare(a.slug, b.slug),
  );
  const rows = editions.map((entry) => {
    const { summary, slug } = entry;
    const main = entry.files.includes(`${slug}.html`) ? `${slug}.html` : entry.files.find((name) => fileLabel(slug, name)) ?? entry.files[0];
    const title = main ? `<a href="${escape(href(slug, main))}">${escape(summary.title)}</a>` : escape(summary.title);
    const links = [...new Set(entry.files.map((name) => (name.includes('/') ? name.split('/')[0]! : name)))]
      .map((name) => {
        const label = fileLabel(slug, name) ?? (name.endsWith('-bag') ? 'BagIt' : undefined);
        return label ? `<a href="${escape(href(slug, name))}${name.endsWith('-bag') ? '/' : ''}">${escape(label)}</a>` : undefined;
      })
      .filter(Boolean)
      .join(' · ');
    const date = summary.date ? (summary.date.iso ? `<time datetime="${escape(summary.date.iso)}">${escape(summary.date.text)}</time>` : escape(summary.date.text)) : '';
    return `<tr id="${escape(`ed-${slug}`)}"><td>${escape(summary.authors.join('; ') || 'Unsigned')}</td><td>${title}</td><td>${date}</td><td>${escape(summary.source ?? '')}</td><td>${links}</td></tr>`;
  });

  const register = new Map<string, { kind: EntityKind; label: string; registered: boolean; editions: { entry: ManifestEntry; count: number }[] }>();
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
  const sections = (Object.keys(KIND_HEADINGS) as EntityKind[]).map((kind) => {
    const items = [...register.entries()].filter(([, item]) => item.kind === kind).sort(([a, x], [b, y]) => compare(x.label.toLowerCase(), y.label.toLowerCase()) || compare(a, b));
    if (items.length === 0) return `<section><h3>${KIND_HEADINGS[kind]}</h3><p>No edition mentions any yet.</p></section>`;
    const list = items.map(([id, item]) => {
      const where = item.editions
        .map(({ entry, count }) => `<a href="#${escape(`ed-${entry.slug}`)}">${escape(entry.summary.title)}</a>${count > 1 ? ` (${count})` : ''}`)
        .join('; ');
      const note = item.registered ? '' : ' <small>(in no register)</small>';
      return `<dt id="${escape(id.replace(/[^A-Za-z0-9_.:-]/g, '_'))}">${escape(item.label)}${note}</dt><dd>${where}</dd>`;
    });
    return `<section><h3>${KIND_HEADINGS[kind]}</h3><dl>\n${list.join('\n')}\n</dl></section>`;
  });

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Corpus: ${editions.length} edition${editions.length === 1 ? '' : 's'}</title>
<style>
body { font-family: Georgia, serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
dt { font-weight: bold; margin-top: 0.5rem; }
small { font-weight: normal; color: #666; }
</style>
</head>
<body>
<h1>Editions</h1>
<table>
<thead><tr><th>Author</th><th>Title</th><th>Date</th><th>Source</th><th>Files</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<h2>Register of persons, places and organisations</h2>
${sections.join('\n')}
</body>
</html>
`;
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
