/**
 * The shared mechanism of every enrichment stage: find spans in the text nodes
 * of the TEI body and wrap them in elements, without changing a character of
 * the text. Stages differ only in how they find spans.
 */
import { el, type Attrs, type Element, type ElementContent, type Root } from '../tei/tree.js';

/** A span found in one text node: [start, end) offsets into its value. */
export interface TextSpan {
  start: number;
  end: number;
  name: string;
  attrs: Attrs;
  /**
   * Spans nested inside this one (a place in a person's title, "the Dean of
   * <placeName>Canterbury</placeName>"), with offsets relative to this span's
   * text. Inner spans must not overlap each other.
   */
  inner?: TextSpan[];
}

/** Where a text node sits: its nearest element and the source line of its block. */
export interface TextContext {
  /** Names of the ancestor elements, outermost first. */
  ancestors: string[];
  /** Source line of the nearest ancestor with a position, if any. */
  line?: number;
  /** `xml:id` of the nearest ancestor that has one (the renderings keep it, so a report can link there). */
  id?: string;
}

/** Elements whose text is never enriched (already marked up, or header material). */
export const DEFAULT_SKIP = new Set(['teiHeader', 'persName', 'placeName', 'orgName', 'name', 'date', 'title', 'bibl', 'biblScope', 'ref', 'ptr', 'idno', 'num']);

/**
 * Replaces each text node under `root` (skipping elements named in `skip`)
 * with the pieces `find` marks out. Overlapping spans are dropped after the
 * first, so a stage never produces overlapping markup.
 */
export function wrapTextSpans(
  root: Root | Element,
  find: (text: string, context: TextContext) => TextSpan[],
  skip: ReadonlySet<string> = DEFAULT_SKIP,
): void {
  visit(root, [], undefined, undefined);

  function visit(node: Root | Element, ancestors: string[], line: number | undefined, id: string | undefined): void {
    const here = node.type === 'element' ? [...ancestors, node.name] : ancestors;
    const hereLine = node.position?.start.line ?? line;
    const hereId = (node.type === 'element' ? node.attributes['xml:id'] : undefined) ?? id;
    const children: ElementContent[] = [];
    for (const child of node.children as ElementContent[]) {
      if (child.type === 'element') {
        if (!skip.has(child.name)) visit(child, here, hereLine, hereId);
        children.push(child);
      } else if (child.type === 'text') {
        const spans = find(child.value, { ancestors: here, line: hereLine, id: hereId })
          .filter((span) => span.end > span.start)
          .sort((a, b) => a.start - b.start || b.end - a.end);
        let cursor = 0;
        for (const span of spans) {
          if (span.start < cursor) continue;
          if (span.start > cursor) children.push({ type: 'text', value: child.value.slice(cursor, span.start) });
          children.push(spanElement(span, child.value.slice(span.start, span.end)));
          cursor = span.end;
        }
        if (cursor < child.value.length) children.push({ type: 'text', value: child.value.slice(cursor) });
      } else {
        children.push(child);
      }
    }
    (node as Element).children = children;
  }
}

/** The element for one span of `text`, with its inner spans nested in it. */
function spanElement(span: TextSpan, text: string): Element {
  if (!span.inner?.length) return el(span.name, span.attrs, text);
  const content: ElementContent[] = [];
  let cursor = 0;
  for (const inner of [...span.inner].sort((a, b) => a.start - b.start)) {
    if (inner.start < cursor || inner.end > text.length || inner.end <= inner.start) continue;
    if (inner.start > cursor) content.push({ type: 'text', value: text.slice(cursor, inner.start) });
    content.push(spanElement(inner, text.slice(inner.start, inner.end)));
    cursor = inner.end;
  }
  if (cursor < text.length) content.push({ type: 'text', value: text.slice(cursor) });
  return el(span.name, span.attrs, content);
}

/** The length of a node's text, as {@link textOf} would give it, without building the string. */
function textLength(node: ElementContent): number {
  if (node.type === 'text') return node.value.length;
  if (node.type === 'element') {
    let length = 0;
    for (const child of node.children) length += textLength(child);
    return length;
  }
  return 0;
}

/**
 * Wraps the characters `[start, end)` of `container`'s text (offsets as
 * `textOf(container)` gives them, so a span may run over several text nodes
 * and inline elements) in the element that `build` makes from the covered
 * nodes. Text nodes are split at the ends; an element wholly inside the range
 * moves into the wrapper; a range wholly inside one child element is wrapped
 * inside that child. A range that would cut an element in two cannot be
 * wrapped without breaking the markup: then nothing changes and `false` is
 * returned, so that the caller can report it.
 */
export function wrapTextRange(
  container: Element,
  start: number,
  end: number,
  build: (content: ElementContent[]) => Element,
): boolean {
  if (end <= start) return false;
  const children = container.children as ElementContent[];
  const bounds: Array<[number, number]> = [];
  let offset = 0;
  for (const child of children) {
    const length = textLength(child);
    bounds.push([offset, offset + length]);
    offset += length;
  }
  // A range inside one element child (and not covering all of it) belongs to that child.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const [from, to] = bounds[index]!;
    if (child.type === 'element' && from <= start && end <= to && !(from === start && to === end)) {
      return wrapTextRange(child, start - from, end - from, build);
    }
  }
  const before: ElementContent[] = [];
  const inside: ElementContent[] = [];
  const after: ElementContent[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const [from, to] = bounds[index]!;
    if (to <= start && !(from === to && from === start)) {
      before.push(child);
    } else if (from >= end) {
      after.push(child);
    } else if (from >= start && to <= end) {
      inside.push(child);
    } else if (child.type === 'text') {
      const value = child.value;
      const cutStart = Math.max(start - from, 0);
      const cutEnd = Math.min(end - from, value.length);
      if (cutStart > 0) before.push({ type: 'text', value: value.slice(0, cutStart) });
      inside.push({ type: 'text', value: value.slice(cutStart, cutEnd) });
      if (cutEnd < value.length) after.push({ type: 'text', value: value.slice(cutEnd) });
    } else {
      // An element that starts or ends strictly inside the range: wrapping would overlap it.
      return false;
    }
  }
  container.children = [...before, build(inside), ...after];
  return true;
}
