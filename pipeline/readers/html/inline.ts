/**
 * Inline HTML to TEI phrase content, and the page's notes placed at their
 * references. White space is collapsed as a browser shows it.
 */
import { MessageLog } from '../../messages.js';
import { el, type Element, type ElementContent } from '../../tei/tree.js';
import { plainSpaces } from '../header-lines.js';
import { attribute, childrenOf, DROPPED_ELEMENTS, endOfNode, HTML_SPACE, isElement, isText, placeOfNode, type HtmlElement, type HtmlNode } from './dom.js';
import { soleReference, type NoteIndex, type PageNote } from './notes.js';

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

/** What converting a page needs besides the nodes: the log and the notes, each placed once. */
export interface Context {
  log: MessageLog;
  notes: NoteIndex;
  /** Notes already placed at a reference (a note is placed once). */
  placed: Set<PageNote>;
}

/** Start and end of an HTML node in the source, for TEI `position`. */
export function positionOf(node: HtmlElement) {
  return { start: placeOfNode(node), end: endOfNode(node) };
}

/**
 * Converts inline HTML to TEI phrase content: emphasis to `hi`, `cite` to
 * `title`, `q` to `q`, `br` to `lb`, note references to `note`; links and
 * other wrappers give their text only.
 */
export function inline(nodes: HtmlNode[], context: Context, preformatted = false): ElementContent[] {
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
export function noteElement(note: PageNote, context: Context): Element {
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
export function tidy(content: ElementContent[]): ElementContent[] {
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
