/**
 * The site's corpus pages, as HTML text: the home page (every edition), the
 * register index by kind and letter, one page per entity with every mention
 * in context, and the search page. The edition pages come from XSLT
 * (xslt/site.xsl); these share its header, footer and style sheet, and are
 * plain HTML that needs no script (the search page's script only adds).
 */
import { KIND_LABELS, letterOf, type DateData, type EditionData, type Entity, type EntityKind } from './data.js';
import type { SearchFacets } from './search.js';

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

/**
 * The search page: a form with the filters (author, year, source, kind of result), which the page's script
 * reads from the address (so a filtered search is a link), and the index loaded a shard at a time (see
 * search.ts). Without script the form still shows and the page says where to browse instead.
 */
export function searchPage(facets: SearchFacets, stamp: Stamp): string {
  const options = (values: readonly string[], all: string) => [`<option value="">${escape(all)}</option>`, ...values.map((value) => `<option>${escape(value)}</option>`)].join('');
  const years = facets.years;
  return page({
    title: 'Search',
    root: '',
    stamp,
    scripts: ['assets/search.js'],
    body: `<h1>Search</h1>
<form action="search.html" method="get" role="search" class="search-page-form">
<p><label for="q">Words or names</label> <input id="q" name="q" type="search"> <button type="submit">Search</button></p>
<fieldset class="filters"><legend>Only</legend>
<p><label for="filter-kind">Results</label> <select id="filter-kind" name="kind"><option value="">Editions and names</option><option value="edition">Editions</option><option value="person">Persons</option><option value="place">Places</option><option value="org">Organisations</option></select></p>
<p><label for="filter-author">Author</label> <select id="filter-author" name="author">${options(facets.authors, 'Any author')}</select></p>
<p><label for="filter-source">Source</label> <select id="filter-source" name="source">${options(facets.sources, 'Any source')}</select></p>
<p><label for="filter-from">From the year</label> <input id="filter-from" name="from" inputmode="numeric" pattern="-?[0-9]{1,4}" size="5"${years.length ? ` placeholder="${escape(years[0]!)}"` : ''}> <label for="filter-to">to</label> <input id="filter-to" name="to" inputmode="numeric" pattern="-?[0-9]{1,4}" size="5"${years.length ? ` placeholder="${escape(years[years.length - 1]!)}"` : ''}></p>
</fieldset>
</form>
<p class="search-help">Editions that hold every word are listed first by how often they use them, with the words around the first one; the last word may be the start of a word. Filters by author, source or year apply to editions; names are listed when none of these is set.</p>
<noscript><p>Search needs JavaScript. Without it, browse the <a href="index.html">editions by author</a>, the <a href="timeline.html">timeline by year</a>, and the registers of <a href="registers/person.html">persons</a>, <a href="registers/place.html">places</a> and <a href="registers/org.html">organisations</a>.</p></noscript>
<div id="results" aria-live="polite"></div>`,
  });
}

/** The year of an ISO date (`-0044`, `1917`), or ''. */
function yearOf(date: string): string {
  return /^-?\d{4}/.exec(date)?.[0] ?? '';
}

/**
 * The timeline's pages. `timeline.html`: every year of the corpus, with the editions dated in it and a link to
 * the year's page when the texts mention dates in it; `timeline/<year>.html`: those dates, each in its words,
 * linking to its place in the edition and to the places named beside it. Kept per year so that no page grows
 * with the corpus as a whole.
 */
export function timelinePages(editions: readonly EditionData[], stamp: Stamp): Map<string, string> {
  const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const years = new Map<string, { editions: EditionData[]; dates: { edition: EditionData; date: DateData }[] }>();
  const yearEntry = (year: string) => {
    let entry = years.get(year);
    if (!entry) years.set(year, (entry = { editions: [], dates: [] }));
    return entry;
  };
  for (const edition of [...editions].sort((a, b) => byDate(a.date, b.date) || byDate(a.slug, b.slug))) yearEntry(yearOf(edition.date) || 'Undated').editions.push(edition);
  for (const edition of editions) for (const date of edition.dates) if (yearOf(date.when)) yearEntry(yearOf(date.when)).dates.push({ edition, date });
  const ordered = [...years.entries()].sort(([a], [b]) => (a === 'Undated' ? 1 : b === 'Undated' ? -1 : Number(a) - Number(b)));
  const pages = new Map<string, string>();
  const dateItem = ({ edition, date }: { edition: EditionData; date: DateData }) => {
    const places = date.places.map((place) => `<a href="../registers/${href(place.page)}">${escape(place.name)}</a>`);
    return `<li><time datetime="${escape(date.when)}">${escape(date.when)}${date.to ? `–${escape(date.to)}` : ''}</time>: <span class="left">${escape(date.left)}</span> <a href="../editions/${href(edition.slug)}.html#${href(date.id)}"><mark>${escape(date.text)}</mark></a> <span class="right">${escape(date.right)}</span>
<br><span class="date-source">in <a href="../editions/${href(edition.slug)}.html">${escape(edition.title)}</a> (${escape(authorsOf(edition))})${places.length ? `; places named beside it: ${places.join(', ')}` : ''}</span></li>`;
  };
  for (const [year, entry] of ordered) {
    if (entry.dates.length === 0) continue;
    const dates = [...entry.dates].sort((a, b) => byDate(a.date.when, b.date.when) || byDate(a.edition.slug, b.edition.slug) || byDate(a.date.id, b.date.id));
    pages.set(
      `timeline/${year}.html`,
      page({
        title: `Timeline: ${year} in the texts`,
        root: '../',
        stamp,
        body: `<h1>${escape(year)} in the texts</h1>
<p>${dates.length} mention${dates.length === 1 ? '' : 's'} of a date in ${escape(year)}, in the order of the dates. Back to the <a href="../timeline.html#year-${escape(year)}">timeline</a>.</p>
<ul class="kwic dates">
${dates.map(dateItem).join('\n')}
</ul>`,
      }),
    );
  }
  const sections = ordered.map(([year, entry]) => {
    const editionItems = entry.editions.map((edition) => `<li>${edition.date ? `<time datetime="${escape(edition.date)}">${escape(edition.date)}</time> ` : ''}<a href="editions/${href(edition.slug)}.html">${escape(edition.title)}</a> — ${escape(authorsOf(edition))}</li>`);
    const mentioned = entry.dates.length
      ? `<p class="dates-mentioned"><a href="timeline/${escape(year)}.html">${entry.dates.length} mention${entry.dates.length === 1 ? '' : 's'} of ${escape(year)} in ${new Set(entry.dates.map((d) => d.edition.slug)).size} edition${new Set(entry.dates.map((d) => d.edition.slug)).size === 1 ? '' : 's'}</a></p>`
      : '';
    return `<section class="year" aria-labelledby="year-${escape(year)}"><h2 id="year-${escape(year)}">${escape(year)}</h2>
${editionItems.length ? `<ul>\n${editionItems.join('\n')}\n</ul>\n` : ''}${mentioned}
</section>`;
  });
  pages.set(
    'timeline.html',
    page({
      title: 'Timeline',
      root: '',
      stamp,
      body: `<h1>Timeline</h1>
<p>The editions by the date of their text (when written, delivered or first printed), and for each year the dates the texts mention, with the places named beside them.</p>
${sections.join('\n')}`,
    }),
  );
  return pages;
}

/** A page holding a map (the corpus's, or one edition's). */
export function mapPage(options: { title: string; root: string; intro: string; map: string; stamp: Stamp }): string {
  return page({ title: options.title, root: options.root, stamp: options.stamp, body: `<h1>${escape(options.title)}</h1>\n<p>${options.intro}</p>\n${options.map}` });
}
