/**
 * Reader for marxists.org (MIA) and ETOL pages, following their markup
 * conventions: `p.linkback` breadcrumbs, `h2` author, `h1` title, `h3`
 * dateline, `p.information` with `span.info` labels, `hr.section`/`hr.end`,
 * `h3`–`h5` section heads, `blockquote`, lists, footnotes linked by anchors,
 * and `p.updat` for the last update. It produces the same {@link ReadResult}
 * as the plain-text reader, with the same header-line parsers, so that one
 * article as HTML and as plain text gives the same TEI.
 *
 * Only text and the structure it stands in reach the TEI: scripts, styles,
 * event handlers and every other HTML attribute are left behind, because no
 * attribute is ever copied.
 */
import type { ArticleMeta, ReadResult, SourceLine } from '../model.js';
import { MessageLog } from '../messages.js';
import { el, type Element, type ElementContent } from '../tei/tree.js';
import { parseLastUpdated, plainSpaces } from './header-lines.js';
import { assignIds, emptyMeta, readHeader as readHeaderLines, type TextLine } from './text.js';
import {
  attribute, childrenOf, DROPPED_ELEMENTS, endOfNode, findElement, hasClass, HTML_SPACE, isElement, isText,
  parseHtml, placeOfNode, visibleLines, visibleText, descendants,
  type HtmlElement, type HtmlNode, type HtmlParent, type VisibleLine,
} from './html-dom.js';
import { indexNotes, soleReference, type NoteIndex, type PageNote } from './html-notes.js';

/** Elements that make blocks; anything else at block level is inline content gathered into a paragraph. */
const BLOCK_ELEMENTS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ol', 'ul', 'dl', 'table', 'pre', 'hr', 'address',
  'div', 'center', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'body', 'menu', 'dir',
]);

/** Containers whose children are read as if they stood in their place. */
const TRANSPARENT_BLOCKS = new Set(['div', 'center', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'body']);

/** Inline HTML elements and the TEI `hi` rendition they stand for. */
const HI_RENDITION: Record<string, string> = {
  em: 'italic', i: 'italic', var: 'italic', dfn: 'italic', address: 'italic',
  strong: 'bold', b: 'bold',
  u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough',
  sup: 'superscript', sub: 'subscript',
  tt: 'monospace', code: 'monospace', kbd: 'monospace', samp: 'monospace',
  small: 'small', big: 'large',
};

/** A block of the page: an element, or a run of loose inline content (tag soup) read as a paragraph. */
type Block = { element: HtmlElement } | { inline: HtmlNode[] };

interface Context {
  log: MessageLog;
  notes: NoteIndex;
  /** Notes already placed at a reference (a note is placed once). */
  placed: Set<PageNote>;
}

/** Reads an MIA/ETOL HTML page. */
export function readHtml(text: string, log: MessageLog): ReadResult {
  const document = parseHtml(text);
  const html = findElement(document, 'html');
  const body = (html && findElement(html, 'body')) ?? html;
  const lang = html && attribute(html, 'lang');
  const meta = emptyMeta();
  if (lang && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang.trim())) meta.language = lang.trim();
  if (!body) {
    log.warn('read:no-title', 'the page has no body; nothing to read');
    return { meta, body: [] };
  }
  reportDropped(body, log);
  const context: Context = { log, notes: indexNotes(body), placed: new Set() };
  const blocks = flattenBlocks(body).filter((block) => !('element' in block && context.notes.noteBlocks.has(block.element)));

  const start = readHeader(blocks, meta, log);
  let end = blocks.length;
  // The footer: the update line and the navigation links after the text.
  for (let index = blocks.length - 1; index >= start; index--) {
    const block = blocks[index]!;
    if (!('element' in block)) break;
    const element = block.element;
    if (element.tagName === 'hr') {
      end = index;
      continue;
    }
    if (element.tagName === 'p' && hasClass(element, 'updat')) {
      if (!meta.lastUpdated) meta.lastUpdated = lineOf(element, (line) => ({ ...line, date: parseLastUpdated(line.text) }));
      end = index;
      continue;
    }
    if (element.tagName === 'p' && ['link', 'linkback', 'footer', 'return', 'breadcrumb'].some((name) => hasClass(element, name))) {
      meta.backLines.unshift(...visibleLines(element).map(toSourceLine));
      end = index;
      continue;
    }
    if (visibleText(element).trim() === '') {
      end = index;
      continue;
    }
    break;
  }
  if (meta.title.length === 0) {
    const title = html && findElement(html, 'title');
    if (title && visibleText(title).trim()) {
      meta.title.push({ text: visibleText(title).trim(), line: placeOfNode(title).line });
      log.warn('read:no-title', 'the page has no h1 title; the title was taken from its <title> element', placeOfNode(title));
    } else {
      log.warn('read:no-title', 'no title was found: the page has neither an h1 heading nor a <title>');
    }
  }

  const divs: Element[] = [];
  let top: Element | undefined;
  let target: Element | undefined;
  let afterSeparator = false;
  for (const block of blocks.slice(start, end)) {
    if ('element' in block && /^h[1-6]$/.test(block.element.tagName)) {
      if (context.notes.noteHeadings.has(block.element)) continue;
      const head = el('head', {}, ...tidy(inline(childrenOf(block.element), context)));
      if (head.children.length === 0) continue;
      head.position = positionOf(block.element);
      top = el('div', { type: 'section' }, head);
      top.position = head.position;
      divs.push(top);
      target = top;
      afterSeparator = false;
      continue;
    }
    if (isSeparator(block)) {
      afterSeparator = true;
      continue;
    }
    const content = blockToTei(block, context);
    if (content.length === 0) continue;
    if (afterSeparator && top) {
      // A spacer paragraph before text opens a subsection of the current section, as a separator line does in plain text.
      const sub = el('div', { type: 'subsection' });
      sub.position = content[0]!.position;
      top.children.push(sub);
      target = sub;
    }
    afterSeparator = false;
    if (!target) {
      top = el('div', { type: 'section' });
      top.position = content[0]!.position;
      divs.push(top);
      target = top;
    }
    target.children.push(...content);
  }
  // A note whose reference stands outside the body (in a heading of the header, say) is kept in a notes section at the back.
  const unplaced = [...new Set(context.notes.byReference.values())].filter((note) => !context.placed.has(note));
  for (const note of unplaced) {
    log.warn('html:note-unplaced', `note ${note.label} is referred to from outside the text (e.g. the title); it is kept in a notes section at the end`, placeOfNode(note.anchor));
  }
  const back = unplaced.length ? [el('div', { type: 'notes' }, ...unplaced.map((note) => noteElement(note, context)))] : undefined;
  const sections = divs.filter((div) => div.children.length > 0);
  assignIds(sections);
  if (sections.length === 0) log.warn('read:no-body', 'no text was found after the header of the page', placeOfNode(body));
  return back ? { meta, body: sections, back } : { meta, body: sections };
}

/** A paragraph holding nothing but (no-break) spaces, as pages use to set parts apart. */
function isSeparator(block: Block): boolean {
  if (!('element' in block) || block.element.tagName !== 'p') return false;
  const text = visibleText(block.element);
  return text.includes('\u00A0') && text.trim() === '';
}

/** Says once which code or embedded content was left out, so nobody wonders where it went. */
function reportDropped(body: HtmlElement, log: MessageLog): void {
  const dropped = new Map<string, HtmlElement>();
  const insideDropped = (element: HtmlElement) => {
    for (let parent = element.parentNode; isElement(parent); parent = parent.parentNode) if (DROPPED_ELEMENTS.has(parent.tagName)) return true;
    return false;
  };
  descendants(body, (element) => {
    if (DROPPED_ELEMENTS.has(element.tagName) && !dropped.has(element.tagName) && !insideDropped(element)) dropped.set(element.tagName, element);
    if (element.tagName === 'img' && !dropped.has('img') && !insideDropped(element)) dropped.set('img', element);
  });
  for (const [tagName, element] of dropped) {
    if (tagName === 'img') {
      log.warn('html:image', 'the page has images; they are not carried into the edition (their alt text is kept in the text where given)', placeOfNode(element));
    } else {
      log.info('html:dropped', `<${tagName}> elements were left out: code, styling and embedded objects are not part of the text`, placeOfNode(element));
    }
  }
}

/** Lists the blocks of a container in order, reading through transparent containers. */
function flattenBlocks(container: HtmlParent): Block[] {
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
      else blocks.push({ element: child });
    } else if (isElement(child) || isText(child)) {
      run.push(child);
    }
  }
  flush();
  return blocks;
}

/** `div.information` and `div.linkback` are read like their `p` forms. */
function isHeaderContainer(element: HtmlElement): boolean {
  return ['information', 'linkback', 'breadcrumb', 'updat'].some((name) => hasClass(element, name));
}

function toSourceLine(line: VisibleLine): SourceLine {
  return { text: line.text, line: line.line };
}

/** The element's text as one line (its `br`s read as spaces), through `make`. */
function lineOf<T>(element: HtmlElement, make: (line: SourceLine) => T): T {
  const lines = visibleLines(element);
  return make({ text: lines.map((line) => line.text).join(' '), line: lines[0]?.line ?? placeOfNode(element).line });
}

/** A header item of the page and what its markup says it is. */
interface HeaderItem {
  lines: TextLine[];
  role: 'breadcrumb' | 'author' | 'title' | 'heading' | 'information';
}

/**
 * Reads the header blocks into `meta` and returns the index of the first body
 * block. The header ends at the first block that is text: a plain paragraph, a
 * quotation or a list, or any heading once the title and a rule or the
 * information block have been seen.
 *
 * The header lines go through the plain-text reader's header rules (the same
 * lines give the same facts in both forms); then the markup, where it is
 * explicit, has the last word: `h1` lines are the title, `h2` lines before it
 * the authors, `p.linkback` lines the breadcrumbs.
 */
function readHeader(blocks: Block[], meta: ArticleMeta, log: MessageLog): number {
  const items: HeaderItem[] = [];
  let index = 0;
  let ruleAfterTitle = false;
  let sawTitle = false;
  let sawInformation = false;
  const linesOf = (element: HtmlElement): TextLine[] =>
    visibleLines(element).map((line, position) => ({ text: line.text, line: line.line, afterSeparator: false, startsBlock: position === 0 }));
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (!('element' in block)) break;
    const element = block.element;
    const tag = element.tagName;
    if (tag === 'hr') {
      if (sawTitle) ruleAfterTitle = true;
      continue;
    }
    if (['linkback', 'breadcrumb'].some((name) => hasClass(element, name))) {
      items.push({ lines: linesOf(element), role: 'breadcrumb' });
      continue;
    }
    if (hasClass(element, 'information')) {
      items.push({ lines: linesOf(element), role: 'information' });
      sawInformation = true;
      continue;
    }
    if (/^h[1-6]$/.test(tag)) {
      if (ruleAfterTitle || sawInformation) break;
      const role = tag === 'h1' ? 'title' : tag === 'h2' && !sawTitle ? 'author' : 'heading';
      if (tag === 'h1') sawTitle = true;
      items.push({ lines: linesOf(element), role });
      continue;
    }
    if (tag === 'p' && visibleText(element).trim() === '') continue;
    break;
  }
  // The plain-text rules, on the same lines; their "no title" advice is about text files, so it is replaced below.
  const scratch = new MessageLog(log.file);
  readHeaderLines(items.flatMap((item) => item.lines), meta, scratch);
  for (const message of scratch.messages) if (message.ruleId !== 'read:no-title') log.messages.push(message);
  const marked = (role: HeaderItem['role']) => items.filter((item) => item.role === role).flatMap((item) => item.lines);
  overrule(meta, 'title', marked('title'));
  overrule(meta, 'authors', marked('author'));
  overrule(meta, 'breadcrumbs', marked('breadcrumb'));
  return index;
}

/** Makes `lines` the value of a header field, taking them out of any other field the text rules put them in. */
function overrule(meta: ArticleMeta, field: 'title' | 'authors' | 'breadcrumbs', lines: SourceLine[]): void {
  if (lines.length === 0) return;
  const same = (a: SourceLine[], b: SourceLine[]) => a.length === b.length && a.every((line, i) => line.line === b[i]!.line && line.text === b[i]!.text);
  if (same(meta[field], lines)) return;
  const taken = new Set(lines.map((line) => `${line.line}:${line.text}`));
  const keep = (list: SourceLine[] | undefined) => (list ?? []).filter((line) => !taken.has(`${line.line}:${line.text}`));
  meta.title = keep(meta.title);
  meta.authors = keep(meta.authors);
  meta.breadcrumbs = keep(meta.breadcrumbs);
  meta.subtitle = keep(meta.subtitle);
  meta.otherFrontLines = keep(meta.otherFrontLines);
  if (meta.collection) meta.collection = keep(meta.collection);
  meta[field] = [...lines];
}

function positionOf(node: HtmlElement) {
  return { start: placeOfNode(node), end: endOfNode(node) };
}

/** Converts one body block to TEI blocks (none for rules and empty paragraphs). */
function blockToTei(block: Block, context: Context): Element[] {
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
  const rows: HtmlElement[] = [];
  descendants(table, (element) => {
    if (element.tagName === 'tr') rows.push(element);
  });
  for (const row of rows) {
    const cells = childrenOf(row).filter((child): child is HtmlElement => isElement(child, 'td', 'th'));
    tei.children.push(el('row', cells.some((cell) => cell.tagName === 'th') ? { role: 'label' } : {},
      cells.map((cell) => el('cell', {}, ...(childrenOf(cell).some((c) => isElement(c, 'p', 'ul', 'ol')) ? blocksOf(cell, context).flatMap((b) => b.children) : tidy(inline(childrenOf(cell), context)))))));
  }
  return tei;
}

/**
 * Converts inline HTML to TEI phrase content: emphasis to `hi`, `cite` to
 * `title`, `q` to `q`, `br` to `lb`, note references to `note`; links and
 * other wrappers give their text only.
 */
function inline(nodes: HtmlNode[], context: Context, preformatted = false): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (isText(node)) {
      if (preformatted) {
        node.value.split('\n').forEach((part, index) => {
          if (index > 0) out.push(el('lb'));
          if (part) out.push({ type: 'text', value: part.replace(/[ \t]+/g, ' ') });
        });
      } else out.push({ type: 'text', value: node.value });
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.tagName;
    if (DROPPED_ELEMENTS.has(tag)) continue;
    if (context.notes.backLinks.has(node)) continue;
    const reference = context.notes.byReference.get(node) ? node : ['sup', 'span', 'small', 'a'].includes(tag) ? soleReference(node, context.notes) : undefined;
    if (reference) {
      out.push(noteAt(reference, context));
      continue;
    }
    if (tag === 'br') {
      out.push(el('lb'));
      continue;
    }
    if (tag === 'img') {
      const alt = attribute(node, 'alt')?.trim();
      if (alt) out.push({ type: 'text', value: alt });
      continue;
    }
    const children = inline(childrenOf(node), context, preformatted || tag === 'pre');
    if (tag === 'cite') out.push(el('title', {}, ...children));
    else if (tag === 'q') out.push(el('q', {}, ...children));
    else if (HI_RENDITION[tag] && children.some((child) => child.type !== 'text' || child.value.trim() !== '')) {
      out.push(el('hi', { rend: HI_RENDITION[tag] }, ...children));
    } else out.push(...children);
  }
  return out;
}

/** The TEI note for a reference: placed once, with the note's text; a second reference to it keeps its marker as text. */
function noteAt(reference: HtmlElement, context: Context): ElementContent {
  const note = context.notes.byReference.get(reference)!;
  if (context.placed.has(note)) {
    context.log.info('html:note-repeated', `note ${note.label} is referred to more than once; it is placed at its first reference`, placeOfNode(reference));
    return { type: 'text', value: `[${note.label}]` };
  }
  return noteElement(note, context);
}

/** The TEI `note` of a page note; marks it placed. */
function noteElement(note: PageNote, context: Context): Element {
  context.placed.add(note);
  const paragraphs = note.blocks.map((block) => stripMarker(tidy(inline(childrenOf(block), context)), note.label));
  const tei = el('note', { place: 'end', n: note.label },
    ...(paragraphs.length === 1 ? paragraphs[0]! : paragraphs.filter((p) => p.length).map((p) => el('p', {}, ...p))));
  tei.position = positionOf(note.blocks[0]!);
  return tei;
}

/** Removes the note's own marker (`1.`, `[1]`) from the start of its text when it stood outside the anchor. */
function stripMarker(content: ElementContent[], label: string): ElementContent[] {
  const first = content[0];
  if (first?.type === 'text') {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = first.value.replace(new RegExp(`^[[(]?${escaped}[\\])]?\\.?\\s*`), '');
    if (stripped !== first.value) return stripped ? [{ type: 'text', value: stripped }, ...content.slice(1)] : content.slice(1);
  }
  return content;
}

/**
 * Collapses white space as a browser shows it: runs of spaces, tabs and
 * newlines become one space, across element boundaries; no space at the ends
 * of the block, around line breaks or before a note. Notes are tidied when made.
 */
function tidy(content: ElementContent[]): ElementContent[] {
  const texts: { node: { value: string } }[] = [];
  const beforeBreak = new Set<{ value: string }>();
  let previous: { value: string } | undefined;
  let afterBreak = true;
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        // No-break and other odd spaces become plain spaces, as the plain-text reader normalises them.
        node.value = plainSpaces(node.value).replace(HTML_SPACE, ' ');
        if (afterBreak) {
          node.value = node.value.replace(/^ +/, '');
          if (node.value) afterBreak = false;
        } else if (previous && previous.value.endsWith(' ') && node.value.startsWith(' ')) node.value = node.value.slice(1);
        if (node.value) previous = node;
        texts.push({ node });
      } else if (node.type === 'element') {
        if (node.name === 'lb' || node.name === 'note') {
          if (previous) beforeBreak.add(previous);
          if (node.name === 'lb') afterBreak = true;
          previous = undefined;
          continue;
        }
        walk(node.children);
      }
    }
  };
  walk(content);
  for (const node of beforeBreak) node.value = node.value.replace(/ +$/, '');
  // The block's ends are trimmed as the text reader trims a line (no-break spaces too).
  const nonEmpty = texts.filter(({ node }) => node.value !== '');
  if (nonEmpty.length) {
    nonEmpty[0]!.node.value = nonEmpty[0]!.node.value.replace(/^\s+/, '');
    const last = nonEmpty[nonEmpty.length - 1]!.node;
    if (lastTextIsAtEnd(content, last)) last.value = last.value.replace(/\s+$/, '');
  }
  return prune(content);
}

/** True when no element with content (a note, a line break) follows the text at the end of the block. */
function lastTextIsAtEnd(content: ElementContent[], text: { value: string }): boolean {
  let found = false;
  let after = false;
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node === text) found = true;
      else if (found && node.type === 'element' && (node.name === 'note' || node.name === 'lb')) after = true;
      else if (node.type === 'element') walk(node.children);
    }
  };
  walk(content);
  return !after;
}

/** Drops empty text nodes, empty `hi`s and line breaks at the ends of the block. */
function prune(content: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of content) {
    if (node.type === 'text') {
      if (node.value !== '') out.push(node);
    } else if (node.type === 'element' && node.name !== 'lb' && node.name !== 'note') {
      node.children = prune(node.children);
      if (node.children.length) out.push(node);
    } else out.push(node);
  }
  while (out[0]?.type === 'element' && out[0].name === 'lb') out.shift();
  while (out[out.length - 1]?.type === 'element' && (out[out.length - 1] as Element).name === 'lb') out.pop();
  return out;
}
