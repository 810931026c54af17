/**
 * The page's blocks: which elements make blocks, reading through layout
 * containers, and each block converted to TEI (paragraphs, quotations, lists,
 * glosses, tables).
 */
import { el, type Element, type ElementContent } from '../../tei/tree.js';
import { attribute, childrenOf, DROPPED_ELEMENTS, descendants, endOfNode, hasClass, isElement, isText, placeOfNode, visibleText, type HtmlElement, type HtmlNode, type HtmlParent } from './dom.js';
import { inline, positionOf, tidy, type Context } from './inline.js';

/** Elements that make blocks; anything else at block level is inline content gathered into a paragraph. */
export const BLOCK_ELEMENTS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ol', 'ul', 'dl', 'table', 'pre', 'hr', 'address',
  'div', 'center', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'body', 'menu', 'dir',
]);

/** Containers whose children are read as if they stood in their place. */
const TRANSPARENT_BLOCKS = new Set(['div', 'center', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'body']);

/** A block of the page: an element, or a run of loose inline content (tag soup) read as a paragraph. */
export type Block = { element: HtmlElement } | { inline: HtmlNode[] };

/** A paragraph holding nothing but (no-break) spaces, as pages use to set parts apart. */
export function isSeparator(block: Block): boolean {
  if (!('element' in block) || block.element.tagName !== 'p') return false;
  const text = visibleText(block.element);
  return text.includes('\u00A0') && text.trim() === '';
}

/** Lists the blocks of a container in order, reading through transparent containers. */
export function flattenBlocks(container: HtmlParent): Block[] {
  const blocks: Block[] = [];
  let run: HtmlNode[] = [];
  const flush = () => {
    if (run.some((node) => visibleText(node).trim() !== '')) blocks.push({ inline: run });
    run = [];
  };
  for (const child of childrenOf(container)) {
    if (isElement(child) && DROPPED_ELEMENTS.has(child.tagName)) continue;
    if (isElement(child) && BLOCK_ELEMENTS.has(child.tagName)) {
      flush();
      if (TRANSPARENT_BLOCKS.has(child.tagName) && !isHeaderContainer(child)) blocks.push(...flattenBlocks(child));
      else if (isLayoutTable(child)) for (const cell of ownRows(child).flatMap(ownCells)) blocks.push(...flattenBlocks(cell));
      else if (child.tagName === 'blockquote' && holdsPageParts(child)) blocks.push(...flattenBlocks(child));
      else blocks.push({ element: child });
    } else if (isElement(child, 'li')) {
      // Tag soup: a list item outside any list is a block of its own, as a browser shows it, not glued to its neighbours.
      flush();
      run.push(child);
      flush();
    } else if (isElement(child) || isText(child)) {
      run.push(child);
    }
  }
  flush();
  return blocks;
}

/** The rows of a table itself, not of tables nested in its cells. */
function ownRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  const walk = (parent: HtmlElement) => {
    for (const child of childrenOf(parent)) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) walk(child);
    }
  };
  walk(table);
  return rows;
}

function ownCells(row: HtmlElement): HtmlElement[] {
  return childrenOf(row).filter((child): child is HtmlElement => isElement(child, 'td', 'th'));
}

/** Page parts a quotation or a data table never holds: headings, rules, information blocks, nested tables. */
function holdsPageParts(element: HtmlElement): boolean {
  let found = false;
  descendants(element, (inner) => {
    if (/^h[1-6]$/.test(inner.tagName) || inner.tagName === 'table' || inner.tagName === 'hr' || hasClass(inner, 'info') || hasClass(inner, 'information')) found = true;
  });
  return found;
}

/**
 * A table used for layout rather than data: one that holds headings, rules or other tables, or a single cell
 * (a boxed note, a title set in a frame). Its cells are read as the blocks they hold, in order.
 */
function isLayoutTable(element: HtmlElement): boolean {
  if (element.tagName !== 'table') return false;
  const cells = ownRows(element).flatMap(ownCells);
  return cells.length === 1 || holdsPageParts(element);
}

/** `div.information` and `div.linkback` are read like their `p` forms. */
function isHeaderContainer(element: HtmlElement): boolean {
  return ['information', 'linkback', 'breadcrumb', 'updat'].some((name) => hasClass(element, name));
}

/** Converts one body block to TEI blocks (none for rules and empty paragraphs). */
export function blockToTei(block: Block, context: Context): Element[] {
  if (!('element' in block)) {
    const content = tidy(inline(block.inline, context));
    if (content.length === 0) return [];
    const p = el('p', {}, ...content);
    const first = block.inline.find((node) => visibleText(node).trim() !== '') ?? block.inline[0]!;
    p.position = { start: placeOfNode(first), end: endOfNode(block.inline[block.inline.length - 1]!) };
    return [p];
  }
  const element = block.element;
  const tag = element.tagName;
  const withPosition = (tei: Element) => {
    tei.position = positionOf(element);
    return tei;
  };
  switch (tag) {
    case 'hr':
      return [];
    case 'p':
    case 'address':
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': {
      const content = tidy(inline(childrenOf(element), context));
      return content.length ? [withPosition(el('p', {}, ...content))] : [];
    }
    case 'pre': {
      const content = tidy(inline(childrenOf(element), context, true));
      return content.length ? [withPosition(el('p', { rend: 'pre' }, ...content))] : [];
    }
    case 'blockquote': {
      const inner = blocksOf(element, context);
      return inner.length ? [withPosition(el('quote', { rend: 'block' }, ...inner))] : [];
    }
    case 'ol':
    case 'ul':
    case 'menu':
    case 'dir':
      return [withPosition(listToTei(element, context))];
    case 'dl':
      return [withPosition(glossToTei(element, context))];
    case 'table':
      return [withPosition(tableToTei(element, context))];
    default:
      return blocksOf(element, context);
  }
}

/** The blocks inside a container (a quotation, a list item with paragraphs), headings read as paragraphs. */
function blocksOf(container: HtmlElement, context: Context): Element[] {
  return flattenBlocks(container)
    .filter((block) => !('element' in block && context.notes.noteBlocks.has(block.element)))
    .flatMap((block) => blockToTei(block, context));
}

function listToTei(list: HtmlElement, context: Context): Element {
  const numbered = list.tagName === 'ol';
  const tei = el('list', { type: numbered ? 'ordered' : 'bulleted' });
  let number = Number.parseInt(attribute(list, 'start') ?? '1', 10);
  if (Number.isNaN(number)) number = 1;
  for (const child of childrenOf(list)) {
    if (!isElement(child, 'li')) {
      // Tag soup: text or elements straight inside the list are kept as an item of their own.
      if (visibleText(child).trim() !== '') tei.children.push(el('item', {}, ...tidy(inline([child], context))));
      continue;
    }
    const value = Number.parseInt(attribute(child, 'value') ?? '', 10);
    if (!Number.isNaN(value)) number = value;
    // The number a browser shows becomes the item's label, as the plain-text reader keeps the number it reads.
    const item = numbered
      ? el('item', { n: number }, el('label', {}, `${number}.`), ' ', ...itemContent(child, context))
      : el('item', {}, ...itemContent(child, context));
    item.position = positionOf(child);
    tei.children.push(item);
    number++;
  }
  return tei;
}

/** A list item's content: its text, with nested lists and paragraphs kept as blocks. */
function itemContent(item: HtmlElement, context: Context): ElementContent[] {
  const hasBlocks = childrenOf(item).some((child) => isElement(child) && BLOCK_ELEMENTS.has(child.tagName) && child.tagName !== 'hr');
  if (!hasBlocks) return tidy(inline(childrenOf(item), context));
  const content: ElementContent[] = [];
  let run: HtmlNode[] = [];
  const hasParagraphs = childrenOf(item).some((child) => isElement(child, 'p', 'blockquote', 'div'));
  const flush = () => {
    const text = tidy(inline(run, context));
    if (text.length) content.push(...(hasParagraphs ? [el('p', {}, ...text)] : text));
    run = [];
  };
  for (const child of childrenOf(item)) {
    if (isElement(child) && BLOCK_ELEMENTS.has(child.tagName)) {
      flush();
      content.push(...blockToTei({ element: child }, context));
    } else run.push(child);
  }
  flush();
  return content;
}

function glossToTei(list: HtmlElement, context: Context): Element {
  const tei = el('list', { type: 'gloss' });
  for (const child of childrenOf(list)) {
    if (isElement(child, 'dt')) tei.children.push(el('label', {}, ...tidy(inline(childrenOf(child), context))));
    else if (isElement(child, 'dd')) tei.children.push(el('item', {}, ...itemContent(child, context)));
  }
  return tei;
}

function tableToTei(table: HtmlElement, context: Context): Element {
  const tei = el('table', {});
  for (const row of ownRows(table)) {
    const cells = childrenOf(row).filter((child): child is HtmlElement => isElement(child, 'td', 'th'));
    tei.children.push(el('row', cells.some((cell) => cell.tagName === 'th') ? { role: 'label' } : {},
      cells.map((cell) => el('cell', {}, ...(childrenOf(cell).some((c) => isElement(c, 'p', 'ul', 'ol')) ? blocksOf(cell, context).flatMap((b) => b.children) : tidy(inline(childrenOf(cell), context)))))));
  }
  return tei;
}

