/**
 * The review report: what an editor should check, in the order it matters.
 *
 * 1. Header problems: the reader's and header messages (rule ids `read:…`,
 *    `header:…`), e.g. a title taken from `<title>` (`read:no-title`).
 * 2. Uncertain names, grouped by name: one row per name and kind with its
 *    count and its first places, not one per mention.
 * 3. Register entries without authority ids, folded into one line.
 * 4. The other items of the enrichment stages (resolved relative dates,
 *    unbalanced quotation marks), one row each.
 *
 * Each place links to the print HTML (`<slug>.html#<id>`, the id of the TEI
 * block the item is in, which the renderings keep). Written as
 * `<slug>.review.json` and `<slug>.review.html`; every order is fixed, so the
 * same input gives byte-identical reports.
 */
import type { Message, ReviewRule } from '../messages.js';
import type { Element, ElementContent, Root } from '../tei/tree.js';

/** One thing for an editor to check. */
export interface ReviewItem {
  /**
   * What kind of item: the rule id of the message that reports the same event
   * (`entities:unknown`, `registers:no-id`, `dates:relative`, `quotes:unbalanced`).
   */
  category: ReviewRule;
  /** For a name: person, place or organisation. */
  kind?: 'person' | 'place' | 'organisation';
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
  /** `xml:id` of the TEI block the item is in (kept by the print HTML), if known. */
  anchor?: string;
}

/** What carries review items: an edition in flight (its `review` list travels with it to the writers). */
export interface Reviewed {
  review?: ReviewItem[];
}

/** Adds an item to an edition's review list. */
export function addReviewItem(edition: Reviewed, item: ReviewItem): void {
  (edition.review ??= []).push(item);
}

/** The review items of an edition (empty when no stage added any). */
export function reviewItemsOf(edition: Reviewed): readonly ReviewItem[] {
  return edition.review ?? [];
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

/** What the report needs besides the items: where the print HTML is, and the build's messages. */
export interface ReviewContext {
  /** The edition's slug: places link to `<slug>.html#<id>`. */
  slug?: string;
  /** The build's messages; those of the reader and the header come first in the report. */
  messages?: readonly Message[];
}

/** One place of an item: its source line and its link into the print HTML. */
export interface ReviewPlace {
  line: number | null;
  href: string | null;
}

/** A header problem: one reader or header message. */
export interface HeaderProblem {
  rule: string;
  severity: string;
  line: number | null;
  text: string;
}

/** One uncertain name, with every mention of it counted. */
export interface NameRow {
  category: ReviewRule;
  text: string;
  /** person, place or organisation. */
  kind: string;
  count: number;
  detail: string;
  context: string | null;
  /** The first few places it is mentioned. */
  places: ReviewPlace[];
}

/** The report's sections, in the order an editor works through them. */
export interface ReviewSections {
  header: HeaderProblem[];
  names: NameRow[];
  /** Register entries without an authority id: preferred names and ids, folded into one line. */
  withoutIds: Array<{ text: string; id: string }>;
  other: Array<ReviewItem & { href: string | null }>;
}

const NAME_CATEGORIES = /^entities:/;
/** How many places of a name the report lists. */
const FIRST_PLACES = 3;

function hrefOf(item: ReviewItem, slug: string | undefined): string | null {
  return slug && item.anchor ? `${slug}.html#${item.anchor}` : null;
}

/** The reader's and the header's messages, in source order. */
export function headerProblems(messages: readonly Message[] = []): HeaderProblem[] {
  return messages
    .filter((message) => /^(?:read|header):/.test(message.ruleId))
    .map((message) => ({ rule: message.ruleId, severity: message.severity, line: message.place?.line ?? null, text: message.reason }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule) || a.text.localeCompare(b.text));
}

/** Uncertain names grouped by category, kind and text, in order of first mention. */
export function nameRows(items: readonly ReviewItem[], slug?: string): NameRow[] {
  const rows = new Map<string, NameRow>();
  for (const item of sortedReview(items.filter((candidate) => NAME_CATEGORIES.test(candidate.category)))) {
    const kind = item.kind ?? '';
    const key = `${item.category}\u0000${kind}\u0000${item.text}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { category: item.category, text: item.text, kind, count: 0, detail: item.detail, context: item.context ?? null, places: [] }));
    row.count++;
    const place = { line: item.line ?? null, href: hrefOf(item, slug) };
    const seen = row.places.some((known) => known.line === place.line && known.href === place.href);
    if (!seen && row.places.length < FIRST_PLACES) row.places.push(place);
  }
  return [...rows.values()];
}

/** The report's sections. */
export function reviewSections(items: readonly ReviewItem[], context: ReviewContext = {}): ReviewSections {
  const sorted = sortedReview(items);
  return {
    header: headerProblems(context.messages),
    names: nameRows(sorted, context.slug),
    withoutIds: sorted.filter((item) => item.category === 'registers:no-id').map((item) => ({ text: item.text, id: item.target ?? '' })),
    other: sorted.filter((item) => !NAME_CATEGORIES.test(item.category) && item.category !== 'registers:no-id').map((item) => ({ ...item, href: hrefOf(item, context.slug) })),
  };
}

/** The report as JSON (stable key order, two-space indent, final newline). */
export function reviewJson(title: string, source: string, items: readonly ReviewItem[], context: ReviewContext = {}): string {
  const sections = reviewSections(items, context);
  const other = sections.other.map((item) => ({
    category: item.category,
    line: item.line ?? null,
    text: item.text,
    detail: item.detail,
    context: item.context ?? null,
    target: item.target ?? null,
    href: item.href,
  }));
  return JSON.stringify({ title, source, header: sections.header, names: sections.names, withoutIds: sections.withoutIds, other }, null, 2) + '\n';
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
