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
import type { ReadResult } from '../../model.js';
import { MessageLog } from '../../messages.js';
import { el, type Element } from '../../tei/tree.js';
import { parseLastUpdated } from '../header-lines.js';
import { assignIds, emptyMeta } from '../text.js';
import { attribute, childrenOf, descendants, DROPPED_ELEMENTS, findElement, hasClass, isElement, parseHtml, placeOfNode, visibleLines, visibleText, type HtmlElement } from './dom.js';
import { indexNotes } from './notes.js';
import { blockToTei, flattenBlocks, isSeparator } from './blocks.js';
import { inline, noteElement, positionOf, tidy, type Context } from './inline.js';
import { lineOf, readHeader, toSourceLine } from './header.js';

/** Reads an MIA/ETOL HTML page. */
export function readHtml(text: string, log: MessageLog): ReadResult {
  const document = parseHtml(text);
  const html = findElement(document, 'html');
  const body = (html && findElement(html, 'body')) ?? html;
  const lang = html && attribute(html, 'lang');
  const meta = emptyMeta();
  if (lang && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang.trim())) Object.assign(meta, { language: lang.trim(), languageStated: true });
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

