/**
 * The review report: what the enrichment stages were not sure of, for an
 * editor to check — names no register knows, ambiguous names, register
 * entries without authority ids (and, from the date and quotation stages,
 * resolved relative dates and unbalanced quotation marks). Each item has the
 * source line and its context. Written as `<slug>.review.json` and
 * `<slug>.review.html`; the order is fixed (line, category, text), so the same
 * input gives byte-identical reports.
 */
import type { Element, ElementContent, Root } from '../tei/tree.js';

/** One thing for an editor to check. */
export interface ReviewItem {
  /**
   * What kind of item: `entity:unknown`, `entity:ambiguous`, `register:no-id`
   * (this stage); `date:relative`, `quote:unbalanced` (dates and quotations).
   */
  category: string;
  /** The words in question (a mention, or a register entry's preferred name). */
  text: string;
  /** Why it is listed and what to check. */
  detail: string;
  /** 1-based line in the source file, when the item comes from the text. */
  line?: number;
  /** The surrounding words of the source. */
  context?: string;
  /** The TEI element name or register id concerned, if any. */
  target?: string;
}

/**
 * The review items of each edition, kept beside it rather than on it so that
 * any stage can add items without changing the Edition type.
 */
const itemsByEdition = new WeakMap<object, ReviewItem[]>();

/** Adds an item to an edition's review list. */
export function addReviewItem(edition: object, item: ReviewItem): void {
  let items = itemsByEdition.get(edition);
  if (!items) itemsByEdition.set(edition, (items = []));
  items.push(item);
}

/** The review items of an edition (empty when no stage added any). */
export function reviewItemsOf(edition: object): readonly ReviewItem[] {
  return itemsByEdition.get(edition) ?? [];
}

/** The words around `[start, end)` of `text`, about `width` characters each side, on word boundaries. */
export function contextOf(text: string, start: number, end: number, width = 50): string {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

/** The items in report order. */
export function sortedReview(items: readonly ReviewItem[]): ReviewItem[] {
  return [...items].sort(
    (a, b) =>
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      a.category.localeCompare(b.category) ||
      a.text.localeCompare(b.text) ||
      (a.context ?? '').localeCompare(b.context ?? ''),
  );
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The report as JSON (stable key order, two-space indent, final newline). */
export function reviewJson(title: string, source: string, items: readonly ReviewItem[]): string {
  const sorted = sortedReview(items).map((item) => ({
    category: item.category,
    line: item.line ?? null,
    text: item.text,
    detail: item.detail,
    context: item.context ?? null,
    target: item.target ?? null,
  }));
  return JSON.stringify({ title, source, count: sorted.length, items: sorted }, null, 2) + '\n';
}

/** The report as a self-contained HTML page. */
export function reviewHtml(title: string, source: string, items: readonly ReviewItem[]): string {
  const sorted = sortedReview(items);
  const counts = new Map<string, number>();
  for (const item of sorted) counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
  const rows = sorted
    .map(
      (item) =>
        `<tr class="${escapeHtml(item.category.replace(/[^a-z-]/g, '-'))}"><td>${item.line ?? ''}</td><td>${escapeHtml(item.category)}</td>` +
        `<td><strong>${escapeHtml(item.text)}</strong>${item.target ? `<br/><code>${escapeHtml(item.target)}</code>` : ''}</td>` +
        `<td>${escapeHtml(item.detail)}</td><td>${escapeHtml(item.context ?? '')}</td></tr>`,
    )
    .join('\n');
  const summary = [...counts].map(([category, count]) => `<li>${escapeHtml(category)}: ${count}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<title>Review: ${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
td:first-child { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<h1>Review: ${escapeHtml(title)}</h1>
<p>Source: <code>${escapeHtml(source)}</code>. ${sorted.length} item${sorted.length === 1 ? '' : 's'} to check.</p>
<ul>${summary}</ul>
<table>
<thead><tr><th>Line</th><th>Kind</th><th>Text</th><th>Why</th><th>Context</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

function findElement(node: Root | Element, name: string): Element | undefined {
  for (const child of node.children as ElementContent[]) {
    if (child.type !== 'element') continue;
    if (child.name === name) return child;
    const inner = findElement(child, name);
    if (inner) return inner;
  }
  return undefined;
}

/** The main title of a TEI document, for the report's heading. */
export function titleOfTei(tei: Root | undefined): string {
  const title = tei ? findElement(tei, 'title') : undefined;
  const text = (node: ElementContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(text).join('') : '');
  return title ? title.children.map(text).join('') : 'Untitled';
}
