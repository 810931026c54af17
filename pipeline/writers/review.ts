/**
 * The `review` format: the report for editors of what to check (the items
 * the stages raised, enrich/review.ts), as JSON for tools and as one HTML page.
 */
import { reviewItemsOf, reviewJson, reviewSections, titleOfTei, type HeaderProblem, type NameRow, type ReviewContext, type ReviewItem, type ReviewPlace, type ReviewSections } from '../enrich/review.js';
import { h, htmlPage, joined, lines, type ElementContent } from '../render/html.js';
import type { Writer } from './writer.js';

const STYLE = `body { font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }`;

function placeLinks(places: readonly ReviewPlace[], count: number): (ElementContent | string)[] {
  const links = places.map((place) => {
    const label = place.line === null ? 'here' : `line ${place.line}`;
    return place.href ? h('a', { href: place.href }, label) : label;
  });
  return [...joined(links, ', '), ...(count > places.length ? [', …'] : [])];
}

function table(head: string[], rows: ElementContent[]): ElementContent {
  if (!rows.length) return h('p', 'None.');
  return h('table', ['\n', h('thead', h('tr', head.map((cell) => h('th', cell)))), '\n', h('tbody', ['\n', ...lines(rows)]), '\n']);
}

function headerSection(problems: readonly HeaderProblem[]): ElementContent[] {
  const rows = problems.map((problem) =>
    h('tr', [h('td', { className: 'count' }, String(problem.line ?? '')), h('td', problem.severity), h('td', problem.text), h('td', h('code', problem.rule))]),
  );
  return [h('h2', `Header problems (${problems.length})`), table(['Line', 'Severity', 'Problem', 'Rule'], rows)];
}

function namesSection(rows: readonly NameRow[]): ElementContent[] {
  const body = rows.map((row) =>
    h('tr', { className: row.category.replace(/[^a-z-]/g, '-') }, [
      h('td', h('strong', row.text)),
      h('td', row.kind),
      h('td', { className: 'count' }, String(row.count)),
      h('td', placeLinks(row.places, row.count)),
      h('td', row.detail.replace(/^[^:]*: /, '')),
      h('td', row.context ?? ''),
    ]),
  );
  return [h('h2', `Uncertain names (${rows.length})`), table(['Name', 'Kind', 'Mentions', 'First places', 'Why', 'Context'], body)];
}

function withoutIdsSection(entries: ReadonlyArray<{ text: string; id: string }>): ElementContent[] {
  if (!entries.length) return [];
  const list = entries.flatMap((entry, index) => [`${index > 0 ? ', ' : ''}${entry.text} (`, h('code', entry.id), ')']);
  return [
    h('h2', 'Register entries without an authority id'),
    h('p', [`${entries.length} entr${entries.length === 1 ? 'y has' : 'ies have'} no Wikidata, VIAF or GeoNames id; add ids whose source you can name: `, ...list, '.']),
  ];
}

function otherSection(items: ReviewSections['other']): ElementContent[] {
  const rows = items.map((item) =>
    h('tr', [
      h('td', { className: 'count' }, item.href ? h('a', { href: item.href }, String(item.line ?? 'here')) : String(item.line ?? '')),
      h('td', item.category),
      h('td', h('strong', item.text)),
      h('td', item.detail),
      h('td', item.context ?? ''),
    ]),
  );
  return [h('h2', `Other items (${items.length})`), table(['Line', 'Kind', 'Text', 'Why', 'Context'], rows)];
}

/** The report as a self-contained HTML page. */
export function reviewHtml(title: string, source: string, items: readonly ReviewItem[], context: ReviewContext = {}): string {
  const sections = reviewSections(items, context);
  const print = context.slug ? [' Places link to the print edition, ', h('a', { href: `${context.slug}.html` }, `${context.slug}.html`), '.'] : [];
  return htmlPage({
    lang: 'en',
    title: `Review: ${title}`,
    style: STYLE,
    // One line per heading, paragraph or table (and an empty line where a section has nothing to say).
    body: [
      ...lines([h('h1', `Review: ${title}`), h('p', ['Source: ', h('code', source), '.', ...print])]),
      ...[headerSection(sections.header), namesSection(sections.names), withoutIdsSection(sections.withoutIds), otherSection(sections.other)].flatMap((section) =>
        section.length ? lines(section) : [{ type: 'text' as const, value: '\n' }],
      ),
    ],
  });
}

export const write: Writer = async (edition, { slug }) => {
  const items = reviewItemsOf(edition);
  const title = titleOfTei(edition.tei);
  const source = edition.path.split(/[\\/]/).pop()!;
  return [
    { name: `${slug}.review.json`, data: reviewJson(title, source, items, { slug, messages: edition.log.messages }) },
    { name: `${slug}.review.html`, data: reviewHtml(title, source, items, { slug, messages: edition.log.messages }) },
  ];
};
