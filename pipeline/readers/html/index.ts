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
import type { IsoDate, ReadResult, SourceLine } from '../../model.js';
import { MessageLog } from '../../messages.js';
import { el, type Element } from '../../tei/tree.js';
import { findDate, parseLastUpdated } from '../header-lines.js';
import { assignIds, emptyMeta } from '../text.js';
import { attribute, childrenOf, descendants, DROPPED_ELEMENTS, findElement, hasClass, isElement, isText, parseHtml, placeOfNode, visibleLines, visibleText, type HtmlElement, type HtmlNode } from './dom.js';
import { indexNotes, type PageNote } from './notes.js';
import { blockToTei, flattenBlocks, isSeparator, type Block } from './blocks.js';
import { inline, noteElement, positionOf, tidy, type Context } from './inline.js';
import { lineOf, parsePageTitle, readHeader, splitNames, toSourceLine, type PageHints } from './header.js';
import { LAST_UPDATED } from '../header-lines.js';
import type { ArticleMeta } from '../../model.js';

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

  const hints = pageHints(html);
  const start = readHeader(blocks, meta, log, hints);
  const end = readFooter(blocks, start, meta);
  if (meta.title.length === 0) titleFromPageTitle(meta, hints, log);
  else if (meta.authors.length === 0 && hints.title) authorFromPageTitle(meta, hints, log);
  if (hints.title && !meta.pageTitleDate) {
    const date = parsePageTitle(hints.title.text).date;
    if (date) meta.pageTitleDate = { ...hints.title, date };
  }

  const divs: Element[] = [];
  let top: Element | undefined;
  let target: Element | undefined;
  let afterSeparator = false;
  for (const block of blocks.slice(start, end)) {
    if ('element' in block && /^h[1-6]$/.test(block.element.tagName)) {
      if (context.notes.noteHeadings.has(block.element)) {
        // The notes are placed at their references; the heading over them is kept with the page's back matter.
        meta.backLines.push(...visibleLines(block.element).map(toSourceLine));
        continue;
      }
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
  const occasion = occasionOf(unplaced);
  if (occasion) meta.occasion = occasion;
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


/** The page's `<title>` and `<meta name="author">`, which say what the page is when its text does not. */
function pageHints(html: HtmlElement | undefined): PageHints {
  const hints: PageHints = {};
  if (!html) return hints;
  const title = findElement(html, 'title');
  const text = title && visibleText(title).replace(/\s+/g, ' ').trim();
  if (title && text) hints.title = { text, line: placeOfNode(title).line };
  descendants(html, (element) => {
    if (element.tagName === 'meta' && attribute(element, 'name')?.toLowerCase() === 'author' && !hints.author) {
      const content = attribute(element, 'content')?.replace(/\s+/g, ' ').trim();
      if (content && content.length <= 100) hints.author = content;
    }
  });
  return hints;
}

/** No title in the text: the `<title>` element's, without the author and date it often carries; a warning says so. */
function titleFromPageTitle(meta: ArticleMeta, hints: PageHints, log: MessageLog): void {
  if (!hints.title) {
    log.warn('read:no-title', 'no title was found: the page has neither a title heading nor a <title>');
    return;
  }
  const parsed = parsePageTitle(hints.title.text);
  meta.title.push({ text: parsed.title, line: hints.title.line });
  meta.titleFromPageTitle = true;
  log.warn('read:title-fallback', `the page's text has no title heading; the title "${parsed.title}" was taken from its <title> element: check it`, { line: hints.title.line, column: 1 });
  if (meta.authors.length === 0) authorFromPageTitle(meta, hints, log);
}

/** No author line in the text: the author the `<title>` names (`Clara Zetkin: …`), with a warning. */
function authorFromPageTitle(meta: ArticleMeta, hints: PageHints, log: MessageLog): void {
  const author = hints.title && parsePageTitle(hints.title.text).author;
  if (!author || !hints.title) return;
  meta.authors.push({ text: author, line: hints.title.line, names: splitNames(author) });
  meta.titleFromPageTitle = true;
  log.warn('read:author-fallback', `the page's text names no author; "${author}" was taken from its <title> element: check it`, { line: hints.title.line, column: 1 });
}

/** Classes of the navigation and credit lines archive pages end with. */
const FOOTER_CLASSES = ['link', 'linkback', 'footer', 'return', 'breadcrumb', 'toplink', 'updat', 'inline', 'skip'];

/** True when all the text of the nodes stands inside links (navigation), separators aside. */
function onlyLinks(nodes: HtmlNode[]): boolean {
  let outside = '';
  let inside = '';
  const walk = (list: HtmlNode[], inLink: boolean) => {
    for (const node of list) {
      if (isText(node)) {
        if (inLink) inside += node.value;
        else outside += node.value;
      } else if (isElement(node) && !DROPPED_ELEMENTS.has(node.tagName)) walk(childrenOf(node), inLink || node.tagName === 'a');
    }
  };
  walk(nodes, false);
  return inside.trim() !== '' && outside.replace(/[\s\u00A0|•·>»<«\[\]()/:,.-]+/g, '') === '';
}

/**
 * Reads the page's footer back from its end: rules, the last-updated line (in any markup and date form), and
 * navigation (link paragraphs, image-button tables). Returns the index where the text ends.
 */
function readFooter(blocks: Block[], start: number, meta: ArticleMeta): number {
  let end = blocks.length;
  for (let index = blocks.length - 1; index >= start; index--) {
    const block = blocks[index]!;
    const nodes = 'element' in block ? [block.element] : block.inline;
    const element = 'element' in block ? block.element : undefined;
    const text = nodes.map(visibleText).join(' ').replace(/\s+/g, ' ').trim();
    if (element?.tagName === 'hr' || text === '') {
      end = index;
      continue;
    }
    if (LAST_UPDATED.test(text.replace(/^[\s\u00A0]+/, '')) && text.length <= 120) {
      const line = { text, line: placeOfNode(nodes[0]!).line };
      if (!meta.lastUpdated) meta.lastUpdated = { ...line, date: parseLastUpdated(text) };
      else meta.backLines.unshift(line);
      end = index;
      continue;
    }
    const classed = element && FOOTER_CLASSES.some((name) => hasClass(element, name));
    if ((classed && text.length <= 300) || (text.length <= 300 && onlyLinks(nodes))) {
      const lines = element ? visibleLines(element).map(toSourceLine) : [{ text, line: placeOfNode(nodes[0]!).line }];
      meta.backLines.unshift(...lines);
      end = index;
      continue;
    }
    break;
  }
  return end;
}

/** Words of a sentence that tells when and where a work was spoken or written. */
const OCCASION = /\b(?:speech|delivered|address(?:ed)?|lecture|spoken|talk|broadcast|written|read\s+(?:to|at|before)|given\s+(?:at|to|before)|presented\s+(?:at|to))\b/i;

/**
 * The delivery or writing a note on the title states (`From the speech
 * delivered by … on January 25, 1942.`): its first sentence that says so
 * with a date to the month or day. A bare year says too little to date a work
 * apart from its printing.
 */
function occasionOf(notes: readonly PageNote[]): (SourceLine & { date: IsoDate }) | undefined {
  for (const note of notes) {
    const text = note.blocks.map((block) => visibleText(block)).join(' ').replace(/\s+/g, ' ').trim();
    for (const sentence of text.split(/(?<=[.;])\s+(?=[A-Z])/)) {
      if (!OCCASION.test(sentence)) continue;
      const date = findDate(sentence);
      if (date && date.iso.length >= 7) return { text: sentence, line: placeOfNode(note.anchor).line, date };
    }
  }
  return undefined;
}
