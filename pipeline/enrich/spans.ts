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
}

/** Where a text node sits: its nearest element and the source line of its block. */
export interface TextContext {
  /** Names of the ancestor elements, outermost first. */
  ancestors: string[];
  /** Source line of the nearest ancestor with a position, if any. */
  line?: number;
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
  visit(root, [], undefined);

  function visit(node: Root | Element, ancestors: string[], line: number | undefined): void {
    const here = node.type === 'element' ? [...ancestors, node.name] : ancestors;
    const hereLine = node.position?.start.line ?? line;
    const children: ElementContent[] = [];
    for (const child of node.children as ElementContent[]) {
      if (child.type === 'element') {
        if (!skip.has(child.name)) visit(child, here, hereLine);
        children.push(child);
      } else if (child.type === 'text') {
        const spans = find(child.value, { ancestors: here, line: hereLine })
          .filter((span) => span.end > span.start)
          .sort((a, b) => a.start - b.start || b.end - a.end);
        let cursor = 0;
        for (const span of spans) {
          if (span.start < cursor) continue;
          if (span.start > cursor) children.push({ type: 'text', value: child.value.slice(cursor, span.start) });
          children.push(el(span.name, span.attrs, child.value.slice(span.start, span.end)));
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
