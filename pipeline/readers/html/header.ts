/**
 * The page's header: breadcrumbs, author, title, dateline and information
 * block, read into the header facts.
 */
import type { ArticleMeta, SourceLine } from '../../model.js';
import { MessageLog } from '../../messages.js';
import { readHeader as readHeaderLines, type TextLine } from '../text.js';
import { hasClass, placeOfNode, visibleLines, visibleText, type HtmlElement, type VisibleLine } from './dom.js';
import type { Block } from './blocks.js';

export function toSourceLine(line: VisibleLine): SourceLine {
  return { text: line.text, line: line.line };
}

/** The element's text as one line (its `br`s read as spaces), through `make`. */
export function lineOf<T>(element: HtmlElement, make: (line: SourceLine) => T): T {
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
export function readHeader(blocks: Block[], meta: ArticleMeta, log: MessageLog): number {
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

