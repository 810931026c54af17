/**
 * The site's corpus pages, as HTML text: the home page (every edition), the
 * register index by kind and letter, one page per entity with every mention
 * in context, and the search page. The edition pages come from XSLT
 * (xslt/site.xsl); these share its header, footer and style sheet, and are
 * plain HTML that needs no script (the search page's script only adds).
 */
import { KIND_LABELS, letterOf, type EditionData, type Entity, type EntityKind } from './data.js';

/** What every page states: the tool's version and the site's build date. */
export interface Stamp {
  version: string;
  buildDate: string;
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A file name as a link (each path segment percent-encoded). */
export function href(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A page of the site; `root` is the way back to the site's root folder ('' or '../'). */
export function page(options: { title: string; root: string; stamp: Stamp; body: string; scripts?: string[]; lang?: string }): string {
  const { title, root, stamp, body } = options;
  const scripts = (options.scripts ?? []).map((src) => `<script src="${escape(root + src)}"></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${escape(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<meta name="generator" content="TEI Press ${escape(stamp.version)}">
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body>
<a class="skip" href="#main">Skip to the text</a>
<header class="site-header">
<nav aria-label="Site"><a href="${root}index.html">Editions</a> <a href="${root}registers/index.html">Registers</a> <a href="${root}map.html">Map</a> <a href="${root}timeline.html">Timeline</a> <a href="${root}search.html">Search</a></nav>
<form class="site-search" action="${root}search.html" method="get" role="search"><label for="site-q">Search the editions</label> <input id="site-q" name="q" type="search"> <button type="submit">Search</button></form>
</header>
<main id="main">
${body}
</main>
<footer class="site-footer">
<p>TEI Press version <span class="version">${escape(stamp.version)}</span> · site built <time class="build-date" datetime="${escape(stamp.buildDate)}">${escape(stamp.buildDate)}</time></p>
</footer>
${scripts}
</body>
</html>
`;
}

function authorsOf(edition: EditionData): string {
  return edition.authors.join('; ') || 'Unsigned';
}

/** The home page: every edition, by author and date. */
export function homePage(editions: readonly EditionData[], entities: readonly Entity[], stamp: Stamp): string {
  const rows = editions.map(
    (edition) =>
      `<tr><td>${escape(authorsOf(edition))}</td><td><a href="editions/${href(edition.slug)}.html">${escape(edition.title)}</a></td><td>${
        edition.date ? `<time datetime="${escape(edition.date)}">${escape(edition.date)}</time>` : ''
      }</td><td>${escape(edition.source)}</td></tr>`,
  );
  const counts = (['person', 'place', 'org'] as EntityKind[]).map((kind) => {
    const n = entities.filter((entity) => entity.kind === kind).length;
    return `<li><a href="registers/${kind}.html">${KIND_LABELS[kind].plural}</a> (${n})</li>`;
  });
  return page({
    title: `Editions (${editions.length})`,
    root: '',
    stamp,
    body: `<h1>Editions</h1>
<p>${editions.length} edition${editions.length === 1 ? '' : 's'} made with TEI Press. Each page gives the reading text, its source and its files; every name leads to the register.</p>
<table class="editions">
<thead><tr><th scope="col">Author</th><th scope="col">Title</th><th scope="col">Date</th><th scope="col">Source</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<h2>Registers</h2>
<ul>
${counts.join('\n')}
</ul>
<p>See also the <a href="map.html">map of the places</a> and the <a href="timeline.html">timeline of the editions</a>.</p>`,
  });
}

/** The entities of one kind grouped by letter. */
function byLetter(entities: readonly Entity[]): Map<string, Entity[]> {
  const letters = new Map<string, Entity[]>();
  for (const entity of entities) {
    const letter = letterOf(entity);
    letters.set(letter, [...(letters.get(letter) ?? []), entity]);
  }
  return new Map([...letters.entries()].sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a < b ? -1 : a > b ? 1 : 0)));
}

function entityItem(entity: Entity): string {
  const badge = entity.unverified ? ' <span class="badge">unverified</span>' : '';
  return `<li><a href="${href(entity.page)}">${escape(entity.name)}</a>${badge} <span class="count">(${entity.total} mention${entity.total === 1 ? '' : 's'} in ${entity.mentions.length} edition${entity.mentions.length === 1 ? '' : 's'})</span></li>`;
}

/** The register's front page: the kinds, each with its letters. */
export function registerIndexPage(entities: readonly Entity[], stamp: Stamp): string {
  const sections = (['person', 'place', 'org'] as EntityKind[]).map((kind) => {
    const letters = byLetter(entities.filter((entity) => entity.kind === kind));
    const links = [...letters.entries()].map(([letter, list]) => `<li><a href="${kind}.html#letter-${letter === '#' ? 'other' : letter}">${escape(letter)}</a> <span class="count">${list.length}</span></li>`);
    return `<section aria-labelledby="head-${kind}"><h2 id="head-${kind}"><a href="${kind}.html">${KIND_LABELS[kind].plural}</a></h2>
${links.length ? `<ul class="letters">\n${links.join('\n')}\n</ul>` : '<p>None is named in these editions.</p>'}
</section>`;
  });
  return page({
    title: 'Registers',
    root: '../',
    stamp,
    body: `<h1>Registers</h1>
<p>Every person, place and organisation the editions name, each with its own page: what the registers record, the names the texts use, and every mention in its context.
Names the tool found in no register are marked <span class="badge">unverified</span>.</p>
${sections.join('\n')}`,
  });
}

/** One kind's register, by letter. */
export function registerKindPage(kind: EntityKind, entities: readonly Entity[], stamp: Stamp): string {
  const letters = byLetter(entities.filter((entity) => entity.kind === kind));
  const nav = [...letters.keys()].map((letter) => `<li><a href="#letter-${letter === '#' ? 'other' : letter}">${escape(letter)}</a></li>`);
  const sections = [...letters.entries()].map(
    ([letter, list]) => `<section aria-labelledby="letter-${letter === '#' ? 'other' : letter}"><h2 id="letter-${letter === '#' ? 'other' : letter}">${escape(letter)}</h2>
<ul>
${list.map(entityItem).join('\n')}
</ul>
</section>`,
  );
  return page({
    title: `Register: ${KIND_LABELS[kind].plural}`,
    root: '../',
    stamp,
    body: `<h1>${KIND_LABELS[kind].plural}</h1>
${nav.length ? `<nav aria-label="Letters"><ul class="letters">\n${nav.join('\n')}\n</ul></nav>\n${sections.join('\n')}` : '<p>None is named in these editions.</p>'}`,
  });
}

/** An entity's page: register details, authority ids, variant names, every mention in context by edition. */
export function entityPage(entity: Entity, stamp: Stamp): string {
  const entry = entity.entry;
  const facts: string[] = [];
  facts.push(`<dt>Kind</dt><dd>${KIND_LABELS[entity.kind].one}${entry?.type ? ` (${escape(entry.type)})` : ''}</dd>`);
  if (entry?.birth || entry?.death) facts.push(`<dt>Life</dt><dd>${escape(entry.birth || '?')}–${escape(entry.death || '?')}</dd>`);
  for (const detail of entry?.details ?? []) facts.push(`<dt>Note</dt><dd>${escape(detail)}</dd>`);
  if (entry?.geo) facts.push(`<dt>Coordinates</dt><dd>${escape(entry.geo)}</dd>`);
  for (const id of entry?.ids ?? []) {
    const value = id.url ? `<a href="${escape(id.url)}">${escape(id.value)}</a>` : escape(id.value);
    facts.push(`<dt>${escape(id.label)}</dt><dd>${value}</dd>`);
  }
  if (entity.variants.length) facts.push(`<dt>Also named</dt><dd>${entity.variants.map(escape).join('; ')}</dd>`);
  if (entry) facts.push(`<dt>Register id</dt><dd><code>${escape(entry.id)}</code></dd>`);
  const status = entity.unverified
    ? `<p class="unverified-note"><span class="badge">unverified</span> The tool took this for ${KIND_LABELS[entity.kind].one === 'organisation' ? 'an' : 'a'} ${KIND_LABELS[entity.kind].one}, but it is in no register (<code>cert="low"</code>): check it before relying on it.</p>`
    : '';
  const groups = entity.mentions.map(({ edition, mentions }) => {
    const items = mentions.map(
      (mention) =>
        `<li><span class="left">${escape(mention.left)}</span> <a href="../editions/${href(edition.slug)}.html#${href(mention.id)}"><mark>${escape(mention.text)}</mark></a> <span class="right">${escape(mention.right)}</span></li>`,
    );
    return `<section class="mentions-of-edition"><h3><a href="../editions/${href(edition.slug)}.html">${escape(edition.title)}</a> <span class="count">(${mentions.length})</span></h3>
<p class="edition-author">${escape(authorsOf(edition))}${edition.date ? `, ${escape(edition.date)}` : ''}</p>
<ul class="kwic">
${items.join('\n')}
</ul>
</section>`;
  });
  return page({
    title: `${entity.name} (${KIND_LABELS[entity.kind].one})`,
    root: '../',
    stamp,
    body: `<h1>${escape(entity.name)}</h1>
${status}
<dl class="entity-facts">
${facts.join('\n')}
</dl>
<h2>Mentions</h2>
<p>${entity.total} mention${entity.total === 1 ? '' : 's'} in ${entity.mentions.length} edition${entity.mentions.length === 1 ? '' : 's'}.</p>
${groups.join('\n')}`,
  });
}

/** The search page: works with the prebuilt index (a script, so also from file://); without script it says where else to look. */
export function searchPage(stamp: Stamp): string {
  return page({
    title: 'Search',
    root: '',
    stamp,
    scripts: ['assets/search-index.js', 'assets/search.js'],
    body: `<h1>Search</h1>
<form action="search.html" method="get" role="search" class="search-page-form">
<p><label for="q">Words or names</label> <input id="q" name="q" type="search"> <button type="submit">Search</button></p>
</form>
<noscript><p>Search needs JavaScript. Without it, browse the <a href="index.html">editions</a> and the <a href="registers/index.html">registers</a> of persons, places and organisations.</p></noscript>
<div id="results" aria-live="polite"></div>`,
  });
}

/** The timeline: the editions by the year of their text (undated ones last). */
export function timelinePage(editions: readonly EditionData[], stamp: Stamp): string {
  const years = new Map<string, EditionData[]>();
  for (const edition of [...editions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.slug < b.slug ? -1 : 1))) {
    const year = /^-?\d{4}/.exec(edition.date)?.[0] ?? 'Undated';
    years.set(year, [...(years.get(year) ?? []), edition]);
  }
  const ordered = [...years.entries()].sort(([a], [b]) => (a === 'Undated' ? 1 : b === 'Undated' ? -1 : Number(a) - Number(b)));
  const sections = ordered.map(
    ([year, list]) => `<section class="year" aria-labelledby="year-${escape(year)}"><h2 id="year-${escape(year)}">${escape(year)}</h2>
<ul>
${list.map((edition) => `<li>${edition.date ? `<time datetime="${escape(edition.date)}">${escape(edition.date)}</time> ` : ''}<a href="editions/${href(edition.slug)}.html">${escape(edition.title)}</a> — ${escape(authorsOf(edition))}</li>`).join('\n')}
</ul>
</section>`,
  );
  return page({
    title: 'Timeline',
    root: '',
    stamp,
    body: `<h1>Timeline</h1>
<p>The editions by the date of their text (when written, delivered or first printed).</p>
${sections.join('\n')}`,
  });
}

/** A page holding a map (the corpus's, or one edition's). */
export function mapPage(options: { title: string; root: string; intro: string; map: string; stamp: Stamp }): string {
  return page({ title: options.title, root: options.root, stamp: options.stamp, body: `<h1>${escape(options.title)}</h1>\n<p>${options.intro}</p>\n${options.map}` });
}
