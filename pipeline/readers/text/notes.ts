/** Notes sections of a plain-text page, and the references the text makes to them. */
import { el, type Element, type ElementContent } from '../../tei/tree.js';
import { parseInline, type NoteAnchor } from '../markdown.js';
import { clean, positioned, type TextLine } from './lines.js';

// ---------------------------------------------------------------------------
// 4a. Notes

/** Headings of notes sections. */
const NOTES_HEADING = /^(?:(?:End|Foot|Editor[’']?s\s+|Translator[’']?s\s+)?notes?|Notes?\s+on\s+the\s+text|References)$/i;

/** The start of a note: `1. …`, `[1] …`, `(1) …`, `[[1]](#bk01){#fw01} …`. Groups: number, link, anchor. */
const NOTE_START = /^\s*(?:\[\[(\d+)\]\]\(([^)\s]*)\)(?:\{#([^}\s]+)\})?|\[(\d+)\]|\((\d+)\)|(\d+)\.(?=\s))\s*/;

interface NoteInfo {
  id: string;
  number: string;
  /** The source's own anchor of the note (`fw01`), when it has one. */
  anchor?: string;
  /** The source anchor the note points back to (`bk01`). */
  backLink?: string;
  label: ElementContent[];
  element: Element;
}

/** The notes sections found at the end of the text. */
interface Notes {
  divs: Element[];
  notes: NoteInfo[];
}

/** Index of the first notes heading that is followed by a note, or `lines.length`. */
export function findNotes(lines: TextLine[]): number {
  for (let i = 0; i < lines.length - 1; i++) {
    if (NOTES_HEADING.test(clean(lines[i]!)) && NOTE_START.test(lines[i + 1]!.text)) return i;
  }
  return lines.length;
}

/**
 * Reads notes sections into `div type="notes"` with one `note` per numbered
 * note; other lines become `p`s of the note or section. In a Markdown
 * conversion (`markdown`) the note's anchor label is its visible text (`[1]`)
 * and the note's text is read for its visible text.
 */
export function readNotes(lines: TextLine[], markdown = false): Notes {
  const content = (value: string) => parseInline(value, markdown, () => undefined);
  const result: Notes = { divs: [], notes: [] };
  let div: Element | undefined;
  let note: NoteInfo | undefined;
  for (const line of lines) {
    const value = clean(line);
    if (NOTES_HEADING.test(value) || !div) {
      div = positioned(el('div', { type: 'notes', 'xml:id': `notes${result.divs.length + 1}` }), line);
      result.divs.push(div);
      note = undefined;
      if (NOTES_HEADING.test(value)) {
        div.children.push(positioned(el('head', {}, value), line));
        continue;
      }
    }
    const start = NOTE_START.exec(value);
    if (start) {
      const number = start[1] ?? start[4] ?? start[5] ?? start[6]!;
      const id = `${div.attributes!['xml:id']}-n${number}`;
      const marker = start[0].trim();
      const shown = start[1] !== undefined ? `[${number}]` : marker;
      const backLink = start[2]?.startsWith('#') ? start[2].slice(1) : undefined;
      note = { id, number, anchor: start[3], backLink, label: [{ type: 'text', value: shown }], element: positioned(el('note', { 'xml:id': id, n: number, type: 'endnote' }), line) };
      if (result.notes.some((other) => other.id === id)) note.element.attributes!['xml:id'] = note.id = `${id}-${line.line}`;
      result.notes.push(note);
      div.children.push(note.element);
      const label = el('label', {}, shown);
      // Keep the gap between marker and text as the source has it (`[[3]](#bk03){#fw03}As a result` has none).
      const rest = value.slice(value.indexOf(marker) + marker.length);
      note.element.children.push(positioned(el('p', {}, label, ...content(rest)), line));
      continue;
    }
    const p = positioned(el('p', {}, ...content(value)), line);
    (note ? note.element : div).children.push(p);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Note references in running text

/**
 * Turns note references in a line (`[1]`, and the anchors of Markdown
 * conversions, see `markdown.ts`) into `ref` elements holding their visible
 * text; in a Markdown conversion the rest of the line is read for its visible
 * text too. Other text stays text.
 */
export class RefMaker {
  private count = 0;
  /** Source anchors of refs (`bk01`) → the ref's xml:id, so that notes can point back. */
  readonly anchors = new Map<string, string>();
  constructor(
    private readonly notes: NoteInfo[],
    private readonly markdown = false,
  ) {}

  private resolve(number: string, link: string | undefined): string | undefined {
    if (link?.startsWith('#')) {
      const byAnchor = this.notes.find((note) => note.anchor === link.slice(1));
      if (byAnchor) return `#${byAnchor.id}`;
    } else if (link && /^[a-z][a-z0-9+.-]*:/i.test(link)) {
      return link;
    }
    const byNumber = this.notes.find((note) => note.number === number);
    return byNumber ? `#${byNumber.id}` : undefined;
  }

  /** The `ref` for a note anchor, or undefined when it points at no note. */
  private refFor(anchor: NoteAnchor): Element | undefined {
    // A bare `[1]` is a note reference only when there is a note 1 to point at.
    if (anchor.bare && !this.notes.some((note) => note.number === anchor.number)) return undefined;
    const target = this.resolve(anchor.number, anchor.link);
    if (!target) return undefined;
    const id = `ref${++this.count}`;
    if (anchor.anchor) this.anchors.set(anchor.anchor, id);
    return el('ref', { 'xml:id': id, type: 'noteRef', n: anchor.number, target }, anchor.text);
  }

  inline(value: string): ElementContent[] {
    return parseInline(value, this.markdown, (anchor) => this.refFor(anchor));
  }

  /** Gives each note's label a pointer back to the reference that names its source anchor. */
  linkBack(): void {
    for (const note of this.notes) {
      const refId = note.backLink ? this.anchors.get(note.backLink) : undefined;
      if (!refId) continue;
      const p = note.element.children.find((child): child is Element => child.type === 'element' && child.name === 'p');
      const label = p?.children[0];
      if (label?.type === 'element' && label.name === 'label') {
        label.children = [el('ref', { target: `#${refId}` }, ...(label.children as ElementContent[]))];
      }
    }
  }
}
