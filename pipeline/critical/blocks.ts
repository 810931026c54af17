/**
 * The blocks of a TEI `text`: the elements whose content is running text
 * (paragraphs, headings, items, bylines), in document order, with their
 * parents. Collation compares a witness block by block; containers (divs,
 * front, body, back, lists of items that hold paragraphs) only group them.
 */
import { isElement, textOf, type Element, type ElementContent } from '../tei/tree.js';

/** Elements that only group blocks. */
const CONTAINERS = new Set(['text', 'front', 'body', 'back', 'div', 'group', 'listBibl', 'lg', 'sp', 'table', 'row', 'figure']);
/** Blocks that may also group other blocks (an item of paragraphs), when they hold no text of their own. */
const BLOCK_NAMES = new Set(['p', 'head', 'list', 'item', 'quote', 'lg', 'l', 'div', 'table', 'ab', 'app']);

export interface Block {
  element: Element;
  parent: Element;
}

function isContainer(element: Element): boolean {
  if (CONTAINERS.has(element.name)) return true;
  const elements = element.children.filter((child): child is Element => child.type === 'element');
  if (elements.length === 0) return false;
  const ownText = element.children.some((child) => child.type === 'text' && child.value.trim() !== '');
  return !ownText && elements.every((child) => BLOCK_NAMES.has(child.name) && child.name !== 'app');
}

/** The blocks of `text`, in document order. */
export function blocksOf(text: Element): Block[] {
  const blocks: Block[] = [];
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (!isElement(child)) continue;
      if (isContainer(child)) visit(child);
      else blocks.push({ element: child, parent });
    }
  };
  visit(text);
  return blocks;
}

/** Offsets in a block's text where a cut would fall strictly inside one of its inline elements: `[start, end]` pairs. */
export function inlineSpans(block: Element): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let at = 0;
  for (const child of block.children) {
    const length = textOf(child as ElementContent).length;
    if (child.type === 'element') spans.push([at, at + length]);
    at += length;
  }
  return spans;
}

/**
 * The content of a block between two text offsets, as new nodes: text nodes
 * are cut, elements are taken whole (callers cut only between elements). An
 * empty element (a milestone) goes with the non-empty slice it starts, or
 * ends at the block's end (`total`); empty slices hold none, so none is doubled.
 */
export function sliceContent(children: readonly ElementContent[], from: number, to: number, total: number): ElementContent[] {
  const out: ElementContent[] = [];
  if (from >= to) return out;
  let at = 0;
  for (const child of children) {
    const length = textOf(child).length;
    const start = at;
    at += length;
    if (length === 0) {
      if ((start >= from && start < to) || (start === to && to === total)) out.push(structuredClone(child));
      continue;
    }
    if (at <= from || start >= to) continue;
    if (child.type === 'text') out.push({ type: 'text', value: child.value.slice(Math.max(0, from - start), Math.min(length, to - start)) });
    else out.push(structuredClone(child));
  }
  return out;
}
