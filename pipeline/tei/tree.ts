/**
 * Helpers over the one tree every stage shares: a TEI document held as xast
 * (https://github.com/syntax-tree/xast). Readers build it, enrichment stages
 * rewrite it, writers serialise it and hand it to XSLT.
 */
import type { Element, ElementContent, Root, Text } from 'xast';
import { x } from 'xastscript';

export type { Element, ElementContent, Root, Text };

/** The TEI namespace, set on the root element. */
export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** Attribute values; `undefined`/`null` attributes are dropped. */
export type Attrs = Record<string, string | number | undefined | null>;

/** Child values accepted by {@link el}: strings become text nodes, nullish values are skipped. */
export type Child = ElementContent | string | null | undefined | false | Child[];

/** Builds an element; a thin typed wrapper over xastscript. */
export function el(name: string, attrs: Attrs = {}, ...children: Child[]): Element {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) clean[key] = String(value);
  }
  return x(name, clean, ...(flatten(children) as ElementContent[]));
}

function flatten(children: Child[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) out.push(...flatten(child));
    else if (typeof child === 'string') out.push({ type: 'text', value: child });
    else out.push(child);
  }
  return out;
}

/** True for element nodes, optionally of a given name. */
export function isElement(node: unknown, name?: string): node is Element {
  return (
    typeof node === 'object' &&
    node !== null &&
    (node as Element).type === 'element' &&
    (name === undefined || (node as Element).name === name)
  );
}

/** The concatenated text of a node, as XPath `string()` would give it. */
export function textOf(node: Element | Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') {
    let out = '';
    for (const child of node.children) out += textOf(child as ElementContent);
    return out;
  }
  return '';
}

/** Depth-first walk over elements; `visit` may return `'skip'` to not descend. */
export function walkElements(
  node: Element | Root,
  visit: (element: Element, parent: Element | Root | null) => void | 'skip',
  parent: Element | Root | null = null,
): void {
  if (node.type === 'element' && visit(node, parent) === 'skip') return;
  for (const child of node.children) {
    if (child.type === 'element') walkElements(child, visit, node);
  }
}

/** All descendant elements (and the node itself) with the given local name. */
export function findAll(node: Element | Root, name: string): Element[] {
  const found: Element[] = [];
  walkElements(node, (element) => {
    if (element.name === name) found.push(element);
  });
  return found;
}

/** The first descendant element with the given name (or the node itself), if any: the walk stops there. */
export function findFirst(node: Element | Root, name: string): Element | undefined {
  if (node.type === 'element' && node.name === name) return node;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const found = findFirst(child, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * A deep copy of a node: what `structuredClone` gives for a tree of plain
 * objects, arrays and primitives (xast), several times faster.
 */
export function cloneTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneTree) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = cloneTree((value as Record<string, unknown>)[key]);
  return copy as T;
}
