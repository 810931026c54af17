/**
 * Footnotes of archive pages. A reference is a short marker linking inside the
 * page (`<sup class="anote"><a href="#n1" name="f1">[1]</a></sup>`,
 * `<span class="note">[<a href="#n1" name="f1">1</a>]</span>`); its target is
 * an anchor (`name` or `id`) at the start of a paragraph further down, usually
 * under a "Notes" heading. The reader turns each pair into one TEI `note` at
 * the place of the reference, so the note travels with its text into every
 * rendering; this module only finds the pairs.
 */
import {
  attribute, childrenOf, descendants, DROPPED_ELEMENTS, isElement, isText, visibleText,
  type HtmlElement, type HtmlNode, type HtmlParent,
} from './dom.js';

/** Block elements that can hold a note's text. */
const NOTE_BLOCKS = new Set(['p', 'li', 'dd', 'dt', 'div', 'td', 'blockquote', 'h3', 'h4', 'h5', 'h6']);

/** A marker as pages write it: `1`, `[1]`, `(12)`, `*`, `a`, `1.`. */
const MARKER = /^[[(]?\s*(\d{1,3}|\*{1,3}|†|‡|[a-z])\s*[\])]?\.?$/i;

/** A note found in the page. */
export interface PageNote {
  /** The marker without brackets, e.g. `1`. */
  label: string;
  /** The paragraphs of the note (the first one starts with the target anchor). */
  blocks: HtmlElement[];
  /** The anchor the reference points at; dropped from the note's text. */
  anchor: HtmlElement;
}

/** The notes of a page and how references point at them. */
export interface NoteIndex {
  /** The note a reference link points at, for each reference `a` element. */
  byReference: Map<HtmlElement, PageNote>;
  /** Every block that belongs to a note (left out of the body where it stands). */
  noteBlocks: Set<HtmlElement>;
  /** Headings of notes sections ("Notes", "Footnotes"), left out of the body when all their notes were placed. */
  noteHeadings: Set<HtmlElement>;
  /** Links back from a note to its reference ("[1]", "Back"), dropped from the note's text. */
  backLinks: Set<HtmlElement>;
}

/** The text of a marker without brackets or a final full stop. */
export function markerLabel(text: string): string {
  return text.trim().replace(/^[[(]\s*|\s*[\])]?\.?$/g, '').replace(/[\])]$/, '').trim();
}

const NOTES_HEADING = /^(foot|end)?notes?\s*(and references)?\.?:?$/i;

function blockOf(element: HtmlElement): HtmlElement | undefined {
  let node: HtmlParent | null = element;
  while (node && isElement(node)) {
    if (NOTE_BLOCKS.has(node.tagName)) return node;
    node = node.parentNode;
  }
  return undefined;
}

/** True when the anchor stands at the start of its block (only white space or brackets before it). */
function startsBlock(anchor: HtmlElement, block: HtmlElement): boolean {
  if (anchor === block) return true;
  let before = '';
  let found = false;
  const walk = (parent: HtmlParent): void => {
    for (const child of childrenOf(parent)) {
      if (found) return;
      if (child === anchor) {
        found = true;
        return;
      }
      if (isElement(child)) {
        if (DROPPED_ELEMENTS.has(child.tagName)) continue;
        if (child.tagName === 'a' && visibleText(child).trim() === '') continue;
        walk(child);
      } else if (isText(child)) before += child.value;
    }
  };
  walk(block);
  return found && /^[\s\u00A0[(]*$/.test(before);
}

/** Finds the footnote references of a page and the notes they point at. */
export function indexNotes(body: HtmlElement): NoteIndex {
  const order = new Map<HtmlElement, number>();
  const anchors = new Map<string, HtmlElement>();
  const links: HtmlElement[] = [];
  const headings: HtmlElement[] = [];
  descendants(body, (element) => {
    order.set(element, order.size);
    for (const key of [attribute(element, 'id'), element.tagName === 'a' ? attribute(element, 'name') : undefined]) {
      if (key && !anchors.has(key)) anchors.set(key, element);
    }
    const href = attribute(element, 'href');
    if (element.tagName === 'a' && href?.startsWith('#') && href.length > 1) links.push(element);
    if (/^h[2-6]$/.test(element.tagName) && NOTES_HEADING.test(visibleText(element).trim())) headings.push(element);
  });
  const index: NoteIndex = { byReference: new Map(), noteBlocks: new Set(), noteHeadings: new Set(), backLinks: new Set() };
  const notesByAnchor = new Map<HtmlElement, PageNote>();
  for (const link of links) {
    const text = visibleText(link).trim();
    if (!MARKER.test(text)) continue;
    const target = anchors.get(decodeURIComponent(attribute(link, 'href')!.slice(1)));
    if (!target || (order.get(target) ?? -1) <= (order.get(link) ?? 0)) continue;
    const block = blockOf(target);
    if (!block || block === blockOf(link) || !startsBlock(target, block)) continue;
    let note = notesByAnchor.get(target);
    if (!note) {
      note = { label: markerLabel(text), blocks: [block], anchor: target };
      notesByAnchor.set(target, note);
      index.noteBlocks.add(block);
    }
    index.byReference.set(link, note);
  }
  // The note's own anchor carries its marker (`1.`), which becomes the note's n.
  for (const note of notesByAnchor.values()) {
    const text = visibleText(note.anchor).trim();
    if (note.anchor !== note.blocks[0] && (text === '' || MARKER.test(text))) index.backLinks.add(note.anchor);
  }
  // Links inside a note that point back at a reference are navigation, not text.
  const referenceKeys = new Set<string>();
  for (const link of index.byReference.keys()) {
    for (const key of [attribute(link, 'id'), attribute(link, 'name')]) if (key) referenceKeys.add(key);
    for (let parent = link.parentNode; isElement(parent) && parent.tagName !== 'p'; parent = parent.parentNode) {
      const id = attribute(parent, 'id');
      if (id) referenceKeys.add(id);
    }
  }
  for (const note of notesByAnchor.values()) {
    descendants(note.blocks[0]!, (element) => {
      const href = attribute(element, 'href');
      if (element.tagName === 'a' && href?.startsWith('#') && referenceKeys.has(decodeURIComponent(href.slice(1)))) {
        const text = visibleText(element).trim();
        if (MARKER.test(text) || /^(back|return|top|↑|\^|↩)/i.test(text) || element === note.anchor) index.backLinks.add(element);
      }
    });
  }
  // Paragraphs under a notes heading that do not start a note continue the one before them.
  for (const heading of headings) {
    const siblings = childrenOf(heading.parentNode!).filter((node): node is HtmlElement => isElement(node));
    const start = siblings.indexOf(heading);
    let current: PageNote | undefined;
    let any = false;
    for (const sibling of siblings.slice(start + 1)) {
      if (/^h[1-6]$/.test(sibling.tagName) || sibling.tagName === 'hr') break;
      const note = [...notesByAnchor.values()].find((candidate) => candidate.blocks[0] === sibling);
      if (note) {
        current = note;
        any = true;
      } else if (current && NOTE_BLOCKS.has(sibling.tagName) && !hasReferenceTarget(sibling, notesByAnchor) && !startsLikeNote(sibling)) {
        current.blocks.push(sibling);
        index.noteBlocks.add(sibling);
      } else if (isElement(sibling, 'p', 'div') && visibleText(sibling).trim() === '') {
        continue;
      } else break;
    }
    if (any) index.noteHeadings.add(heading);
  }
  return index;
}

/** True when a block starts as a note does: with an anchor, or a marker such as `9.` or `[9]`. */
function startsLikeNote(block: HtmlElement): boolean {
  const first = childrenOf(block).find((node) => !(isText(node) && node.value.trim() === ''));
  if (isElement(first, 'a') && (attribute(first, 'name') || attribute(first, 'id'))) return true;
  return /^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}\.)\s/.test(visibleText(block));
}

function hasReferenceTarget(block: HtmlElement, notes: Map<HtmlElement, PageNote>): boolean {
  let found = false;
  descendants(block, (element) => {
    if (notes.has(element)) found = true;
  });
  return found;
}

/**
 * When an element (`sup`, `span.note`, `small`) holds nothing but one note
 * reference and brackets, the whole element is the reference: returns its link.
 */
export function soleReference(element: HtmlElement, index: NoteIndex): HtmlElement | undefined {
  const references: HtmlElement[] = [];
  let rest = '';
  const walk = (parent: HtmlParent): void => {
    for (const child of childrenOf(parent) as HtmlNode[]) {
      if (isElement(child) && index.byReference.has(child)) references.push(child);
      else if (isElement(child)) walk(child);
      else if (isText(child)) rest += child.value;
    }
  };
  walk(element);
  return references.length === 1 && /^[\s\u00A0[\]()]*$/.test(rest) ? references[0] : undefined;
}
