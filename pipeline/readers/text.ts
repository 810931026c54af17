/**
 * Reader for plain-text renderings of MIA/ETOL pages: header items one per
 * line, blank lines between paragraphs (one paragraph per line), lines of a
 * lone no-break space between sections, numbered lists, notes sections and
 * page footers (index links, "Last updated").
 *
 * The reader works in four passes over the lines, each small and tested:
 * 1. {@link findFooter}: trailing index links and the last-updated line;
 * 2. {@link findHeaderEnd}: where the header stops and the text begins;
 * 3. {@link readHeader}: what each header line is (breadcrumb, author, title,
 *    dateline, source, transcription, information field, other);
 * 4. {@link readNotes} and {@link readBody}: notes sections and the body's
 *    sections, headings, paragraphs and lists.
 *
 * Every line of the input ends up in the result: in the header facts (which
 * the assembler writes verbatim into `front`/`back`), in `body` or in `back`.
 * A text converted from Markdown (see `markdown.ts`) is read for its visible
 * text: note anchors (`[^[1]^](#fw01){#bk01}`) become a TEI `ref` to the note
 * holding the anchor's visible text (`[1]`), spans, emphasis and escapes
 * (`3\.`) their text, and `meta.normalised` says so for the editorialDecl.
 */
import type { ArticleMeta, ReadResult, SourceLine } from '../model.js';
import type { MessageLog } from '../messages.js';
import { el, type Element, type ElementContent } from '../tei/tree.js';
import { hasMarkdownTraces, parseInline, visibleText, type NoteAnchor } from './markdown.js';
import {
  FOREIGN_LABELS,
  findDate,
  isDateLine,
  isDateOnly,
  isTranscriptionLine,
  LAST_UPDATED,
  parseDateLine,
  parseInfoField,
  parseLastUpdated,
  parseSourceLine,
  parseTranscriptionLine,
  plainSpaces,
} from './header-lines.js';

/** One non-blank line of the input. */
export interface TextLine extends SourceLine {
  /** True when a separator line (lone no-break space) came between this line and the previous non-blank one. */
  afterSeparator: boolean;
  /** True when a blank or separator line came right before this line (it starts a block). */
  startsBlock: boolean;
}

/** A line holding only white space of which at least one no-break space: MIA's section separator. */
const SEPARATOR = /^[\s\u00A0]*\u00A0[\s\u00A0]*$/;

/** Splits text into its non-blank lines, noting separators and block starts. */
export function splitLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let separator = false;
  let blank = true;
  text.split('\n').forEach((raw, index) => {
    const value = raw.replace(/\r$/, '');
    if (SEPARATOR.test(value)) {
      separator = true;
      blank = true;
    } else if (value.trim() === '') {
      blank = true;
    } else {
      out.push({ text: value, line: index + 1, afterSeparator: separator, startsBlock: blank });
      separator = false;
      blank = false;
    }
  });
  return out;
}

/** Groups lines into blocks: runs of lines with no blank line between them. */
export function blocksOf(lines: TextLine[]): TextLine[][] {
  const blocks: TextLine[][] = [];
  for (const line of lines) {
    if (line.startsBlock || blocks.length === 0) blocks.push([line]);
    else blocks[blocks.length - 1]!.push(line);
  }
  return blocks;
}

function clean(line: SourceLine): string {
  return plainSpaces(line.text).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// 1. Footer

/** Words of index links at the foot of archive pages (`Lenin Works Archive`, `Main FI Index`, `!return`). */
const INDEX_LINK = /\b(?:index|archive|contents|section|main\s+page|home\s*page|top\s+of\s+(?:the\s+)?page|return|back\s+to|works|library|subject)\b|^!|\|/i;

/** True for a short line that could be an index link: no sentence punctuation at its end. */
function linkLike(value: string): boolean {
  return value.length <= 100 && !/[.,;:?"”’]$/.test(value);
}

/**
 * Finds the page footer: trailing blocks of which every line is a
 * last-updated line or a short link-like line, and that hold at least one
 * last-updated line or index-link word. Returns the index of the first footer line.
 */
export function findFooter(lines: TextLine[]): number {
  const blocks = blocksOf(lines);
  let start = lines.length;
  for (let b = blocks.length - 1; b > 0; b--) {
    const block = blocks[b]!;
    const values = block.map(clean);
    const isFooter =
      values.every((value) => LAST_UPDATED.test(value) || linkLike(value)) &&
      values.some((value) => (LAST_UPDATED.test(value) && parseLastUpdated(value) !== undefined) || INDEX_LINK.test(value));
    if (!isFooter) break;
    start -= block.length;
  }
  return start;
}

// ---------------------------------------------------------------------------
// 2. Header end

/** Navigation lines of a page header: `A | B | C`, `MIA > Archive > Connolly`, `Encyclopaedia of Trotskyism On-Line: ETOL Main Page`. */
function isBreadcrumb(value: string): boolean {
  if (/\|/.test(value) || /^MIA\s*>/.test(value) || /\S\s+>\s+\S.*\s>\s/.test(value)) return true;
  return value.length <= 100 && /\b(?:Main\s+Page|Index)\b/.test(value) && !/[.,;?!]$/.test(value);
}

function isFromLine(value: string): boolean {
  return /^From\s+\S/.test(value) && value.length <= 250;
}

/** Lines that only a header holds: the reader can rely on them to find where the header ends. */
function isHeaderAnchor(line: SourceLine): boolean {
  const value = clean(line);
  return isDateLine(value) || isFromLine(value) || isTranscriptionLine(value) || parseInfoField(line) !== undefined;
}

/** Lines longer than this, unless they are header anchors, are taken for text. */
const BODY_LINE_LENGTH = 150;

/**
 * True for a line that reads as running text rather than a header item: longer than
 * {@link BODY_LINE_LENGTH}, or a sentence (final `.`, `!` or `?`, at least 15 words, not
 * title-cased), or a numbered thesis (`1) …`).
 */
function isTextLine(line: SourceLine): boolean {
  const value = clean(line);
  if (isHeaderAnchor(line) || isBreadcrumb(value)) return false;
  if (value.length > BODY_LINE_LENGTH) return true;
  if (/^\d+\)\s/.test(value)) return true;
  return /[.!?]$/.test(value) && value.split(/\s+/).length >= 15 && !titleCased(value);
}

/**
 * Index (into `lines`) of the first line of the text. The header is the lines
 * before the first line that reads as text ({@link isTextLine}); when header
 * anchors (dateline, `From …`, transcription, `Label: value`) come before it,
 * the header ends after the last anchor, so that a short first line of text is
 * not taken for a title.
 */
export function findHeaderEnd(lines: TextLine[], end: number): number {
  let limit = -1;
  for (let i = 0; i < Math.min(end, 40); i++) {
    if (isTextLine(lines[i]!)) {
      limit = i;
      break;
    }
  }
  const scan = limit === -1 ? Math.min(end, 40) : limit;
  let lastAnchor = -1;
  for (let i = 0; i < scan; i++) if (isHeaderAnchor(lines[i]!)) lastAnchor = i;
  if (lastAnchor >= 0) return lastAnchor + 1;
  if (limit >= 0) return limit;
  // Neither anchors nor a long line: take at most an author and a title line.
  return Math.min(end, 2);
}

// ---------------------------------------------------------------------------
// 3. Header

/** A personal name: two to five capitalised words or initials (`John G. Wright`, `V. I. Lenin`, `Einde O’Callaghan`). */
const NAME = /^(?:By\s+)?(?:[A-Z][\p{Ll}’'-]*\.?|[A-Z]’[A-Z][\p{Ll}]+)(?:\s+(?:[A-Z][\p{Ll}’'-]*\.?|[A-Z]’[A-Z][\p{Ll}]+|de|van|von|der|la|le)){1,4}$/u;
const NOT_A_NAME_START = /^(?:The|A|An|On|In|Of|For|What|Why|How|Our|Notes?|Draft|Theses|Letter|Resolution|Manifesto|Volume|Vol)\b/;

/** True when a header line looks like a person's name. */
export function looksLikeName(value: string): boolean {
  return value.length <= 50 && NAME.test(value) && !NOT_A_NAME_START.test(value);
}

/** A corporate author: a body of the movement (`Political Committee of the SWP`, `Executive Committee of the Communist International`, `The Editors`). */
const CORPORATE = /^(?:The\s+(?:Editors|Editorial\s+Board)|(?!(?:The|A|An|On|In|For|Theses|Resolution|Draft|Letter|Manifesto)\b)\p{Lu}[\p{L}’'.-]*(?:\s+(?:of|the|and|for|\p{Lu}[\p{L}’'.-]*|\(\p{Lu}+\))){0,8})$/u;
const CORPORATE_WORD = /\b(?:Committee|Party|Bureau|Secretariat|Board|Editors|Executive|League|Group|Council|Conference|Congress|Presidium)\b/;

/** True when a header line looks like an organisation signing the text. */
export function looksLikeCorporateAuthor(value: string): boolean {
  return value.length <= 80 && CORPORATE.test(value) && CORPORATE_WORD.test(value);
}

/** Words after which a title line continues on the next line (`Draft Theses on` / `National and Colonial Questions`). */
const CONTINUES = /\b(?:on|of|the|and|in|for|to|a|an|with|by|at|from|against|or|&|–|—|-)$/i;

/** A line naming a volume of a collection (`Volume 1`, `Vol. II`). */
const VOLUME_LINE = /^(?:Vol(?:ume)?\.?)\s+[IVXLC\d]+$/i;

/**
 * Sorts header lines into the header facts. Titles and authors come only
 * before the dateline or the first source/transcription line; lines the reader
 * cannot classify go to `otherFrontLines`.
 */
export function readHeader(lines: TextLine[], meta: ArticleMeta, log: MessageLog): void {
  const plain: TextLine[] = [];
  let sawAnchor = false;
  const afterAnchor: TextLine[] = [];
  lines.forEach((line, index) => {
    const value = clean(line);
    const next = lines[index + 1];
    if (isBreadcrumb(value)) {
      meta.breadcrumbs.push(line);
      return;
    }
    if (isDateLine(value) && !meta.dateLine) {
      meta.dateLine = { ...line, date: parseDateLine(value) };
      sawAnchor = true;
      return;
    }
    if (LAST_UPDATED.test(value) && parseLastUpdated(value) && !meta.lastUpdated) {
      meta.lastUpdated = { ...line, date: parseLastUpdated(value) };
      return;
    }
    if (isFromLine(value) && !meta.source) {
      meta.source = parseSourceLine(line, value);
      sawAnchor = true;
      return;
    }
    if (isTranscriptionLine(value) && !meta.transcription) {
      meta.transcription = parseTranscriptionLine(line, value);
      const field = parseInfoField(line, value);
      if (field) meta.info.push(field);
      sawAnchor = true;
      return;
    }
    const field = parseInfoField(line, value);
    if (field) {
      meta.info.push(field);
      if ((/^source$/i.test(field.label) || FOREIGN_LABELS.source.test(field.label.trim())) && !meta.source) meta.source = parseSourceLine(line, field.value);
      sawAnchor = true;
      return;
    }
    // A citation without "From" (`Workers' Republic, 19 August, 1899.`) right before the transcription credit.
    if (!meta.source && sawAnchor && next && isTranscriptionLine(clean(next)) && /,/.test(value) && findDate(value)) {
      meta.source = parseSourceLine(line, value);
      return;
    }
    if (sawAnchor) afterAnchor.push(line);
    else plain.push(line);
  });

  // A newspaper index page names the issue above the article: `Fourth International, March 1945`.
  if (plain.length > 1) {
    const first = clean(plain[0]!);
    if (/^[^,]{3,60},\s*[^,]+$/.test(first) && isDateOnly(first.replace(/^[^,]+,/, '')) && first.length <= 80) {
      meta.issueLine = plain.shift();
    }
  }
  // Collection above the title: `The First Five Years of the Communist International` / `Volume 1`.
  const volumeAt = plain.findIndex((line) => VOLUME_LINE.test(clean(line)));
  let rest = plain;
  if (volumeAt >= 1 && volumeAt < plain.length - 1) {
    const before = plain.slice(0, volumeAt + 1);
    rest = plain.slice(volumeAt + 1);
    if (before.length >= 3 && looksLikeName(clean(before[0]!))) meta.authors.push(before.shift()!);
    meta.collection = before;
  }
  if (rest.length >= 2 && meta.authors.length === 0 && (looksLikeName(clean(rest[0]!)) || looksLikeCorporateAuthor(clean(rest[0]!)))) {
    meta.authors.push(rest.shift()!);
  } else if (rest.length === 1 && meta.authors.length === 0 && looksLikeName(clean(rest[0]!)) && breadcrumbNames(meta, clean(rest[0]!))) {
    // A lone name whose surname the breadcrumb names (`MIA > Archive > Draper` / `Hal Draper`): an author, not a title.
    meta.authors.push(rest.shift()!);
  }
  let inTitle = true;
  for (const line of rest) {
    const value = clean(line);
    const previous = meta.title[meta.title.length - 1];
    if (meta.title.length === 0) meta.title.push(line);
    else if (inTitle && previous && (CONTINUES.test(clean(previous)) || /^\p{Ll}/u.test(value))) meta.title.push(line);
    else {
      inTitle = false;
      meta.subtitle.push(line);
    }
  }
  meta.otherFrontLines.push(...afterAnchor);
  if (meta.title.length === 0) {
    log.warn('read:no-title', 'no title line was found in the header; the edition is called "[Untitled]". Add the title as a line of its own above the dateline', {
      line: lines[0]?.line ?? 1,
    });
  }
}

function breadcrumbNames(meta: ArticleMeta, name: string): boolean {
  const surname = name.split(/\s+/).pop()!.toLowerCase();
  return meta.breadcrumbs.some((line) => clean(line).toLowerCase().split(/[^\p{L}’']+/u).includes(surname));
}

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

function at(line: SourceLine) {
  const column = line.text.length - line.text.trimStart().length + 1;
  return { start: { line: line.line, column }, end: { line: line.line, column: line.text.length + 1 } };
}

function positioned<T extends Element>(element: T, line: SourceLine): T {
  element.position = at(line);
  return element;
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
class RefMaker {
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

// ---------------------------------------------------------------------------
// 4b. Body

/** A numbered line: `  1. text`, `1) text`. Groups: indent, number, punctuation, rest. Not `1\.` (a Markdown-escaped heading). */
const NUMBERED = /^(\s*)(\d+)([.)])\s+(\S.*)$/;

/** A numbered heading as Markdown conversions escape it (`1\. The Road Forward`) or plain (`2. Fragmentation`). */
const NUMBERED_HEAD = /^\d+\\?\.\s+\p{Lu}/u;

const STOP_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'on', 'a', 'an', 'for', 'at', 'by', 'with', 'from', 'or', 'as', 'is', 'vs']);

/** True when most words of a line are capitalised, as in headings (`What the Nazis Failed to Understand`). */
function titleCased(value: string): boolean {
  const words = value
    .replace(/^\d+\\?[.)]?\s*/, '')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((word) => word && !STOP_WORDS.has(word.toLowerCase()));
  if (words.length === 0) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / words.length >= 0.6;
}

/** Longest heading the reader accepts. */
const HEAD_MAX = 80;

/**
 * True when a line can be a section heading: short, starting with a capital
 * or a number, not ending in sentence punctuation (a `?` only when the line
 * is title-cased), not a date, not a note heading. `strict` (no separator
 * before the line) also asks for title case.
 */
export function headCandidate(value: string, strict: boolean): boolean {
  if (value.length > HEAD_MAX || value.split(/\s+/).length > 12) return false;
  if (!/^[\p{Lu}\d]/u.test(value)) return false;
  if (/[.,;:!"”’)\]]$/.test(value)) return false;
  if (isDateOnly(value)) return false;
  if (/\?$/.test(value) && !titleCased(value)) return false;
  if (strict && !titleCased(value)) return false;
  return true;
}

type Unit =
  | { kind: 'line'; line: TextLine }
  | { kind: 'list'; lines: TextLine[]; intro?: TextLine; numbered: boolean };

/** Splits a block of consecutive lines into units: a numbered or `;`-list (with an intro line ending in `:`) or single lines. */
function unitsOf(block: TextLine[]): Unit[] {
  if (block.length >= 2) {
    const intro = clean(block[0]!).endsWith(':') ? block[0] : undefined;
    const items = intro ? block.slice(1) : block;
    if (items.length >= 2 && items.every((line) => NUMBERED.test(line.text))) return [{ kind: 'list', lines: items, intro, numbered: true }];
    const shortItems = items.every((line) => clean(line).length <= 120);
    const separated = items.slice(0, -1).every((line) => /[;,]$/.test(clean(line)) || !/[.!?]$/.test(clean(line)));
    if (items.length >= 2 && shortItems && separated && items.slice(0, -1).some((line) => /;$/.test(clean(line)))) {
      return [{ kind: 'list', lines: items, intro, numbered: false }];
    }
  }
  return block.map((line) => ({ kind: 'line', line }));
}

function numberOf(line: TextLine): { n: number; style: string } | undefined {
  const match = NUMBERED.exec(line.text);
  return match ? { n: Number(match[2]), style: match[3]! } : undefined;
}

/**
 * Reads the body lines into `div`s. One line is one block. The rules, in order:
 * - a block of consecutive lines all numbered (`  1. …`), or short lines ending in `;`,
 *   optionally after a line ending in `:`, is a `list` (the intro line a `p`);
 * - a short line after a separator (lone no-break space) with no final punctuation is a `head`
 *   opening a new section; without a separator it must also be title-cased and followed by a long
 *   paragraph (or, for a numbered heading such as `6\. What Then?`, by a non-heading line);
 * - a separator before a paragraph opens a `div type="subsection"` of the current section;
 * - `1) …` with a later `2) …` starts a list of theses: paragraphs between two numbers belong to
 *   the first (as `p`s of its `item`); the list ends after the last number or at a heading;
 * - anything else is a `p`. Numbers stay in the text as `label`.
 */
export function readBody(lines: TextLine[], refs: RefMaker): Element[] {
  const units = blocksOf(lines).flatMap(unitsOf);
  const divs: Element[] = [];
  let top: Element | undefined;
  /** Where paragraphs go: the top div or its current subsection. */
  let target: Element | undefined;
  const ensureTarget = (line: SourceLine): Element => {
    if (!target) {
      top = positioned(el('div', { type: 'section' }), line);
      divs.push(top);
      target = top;
    }
    return target;
  };
  const paragraph = (line: TextLine) => positioned(el('p', {}, ...refs.inline(clean(line))), line);
  const isLong = (unit: Unit | undefined, than: number) => unit?.kind === 'line' && clean(unit.line).length >= Math.max(80, than * 1.5);

  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.kind === 'list') {
      const parent = ensureTarget(unit.intro ?? unit.lines[0]!);
      if (unit.intro) parent.children.push(paragraph(unit.intro));
      const list = positioned(el('list', { type: unit.numbered ? 'ordered' : 'simple' }), unit.lines[0]!);
      for (const line of unit.lines) {
        const match = unit.numbered ? NUMBERED.exec(line.text) : null;
        const item = match
          ? el('item', { n: match[2] }, el('label', {}, `${match[2]}${match[3]}`), ' ', ...refs.inline(clean({ text: match[4]!, line: line.line })))
          : el('item', {}, ...refs.inline(clean(line)));
        list.children.push(positioned(item, line));
      }
      parent.children.push(list);
      continue;
    }
    const { line } = unit;
    const value = clean(line);
    const next = units[u + 1];
    const separatorHead = line.afterSeparator && headCandidate(value, false) && !NUMBERED.test(line.text);
    // Without a separator a heading needs title case and a paragraph after it: a long one, or any
    // non-heading line after a numbered heading (`6\. What Then?` / `If the road … what then?`).
    const nextLine = next?.kind === 'line' ? clean(next.line) : undefined;
    const plainHead =
      headCandidate(value, true) &&
      nextLine !== undefined &&
      (isLong(next, value.length) || (NUMBERED_HEAD.test(value) && !headCandidate(nextLine, true) && !isDateOnly(nextLine)));
    if (separatorHead || plainHead) {
      top = positioned(el('div', { type: 'section' }), line);
      top.children.push(positioned(el('head', {}, ...refs.inline(value)), line));
      divs.push(top);
      target = top;
      continue;
    }
    if (line.afterSeparator && top) {
      // A separator before a paragraph opens a subsection of the current section (the seed's `THE YOUTH. …` parts).
      const sub = positioned(el('div', { type: 'subsection' }), line);
      top.children.push(sub);
      target = sub;
    }
    const parent = ensureTarget(line);
    // Theses: `1) …` paragraphs with 2), 3) … later; the paragraphs between two numbers belong to the first.
    const number = numberOf(line);
    if (number?.n === 1 && hasSuccessor(units, u, number.style)) {
      const list = positioned(el('list', { type: 'ordered' }), line);
      parent.children.push(list);
      let expected = 1;
      let item: Element | undefined;
      for (; u < units.length; u++) {
        const current = units[u]!;
        if (current.kind !== 'line') break;
        const found = numberOf(current.line);
        if (found && found.n === expected && found.style === number.style) {
          const match = NUMBERED.exec(current.line.text)!;
          item = positioned(el('item', { n: match[2] }), current.line);
          item.children.push(
            positioned(el('p', {}, el('label', {}, `${match[2]}${match[3]}`), ' ', ...refs.inline(clean({ text: match[4]!, line: current.line.line }))), current.line),
          );
          list.children.push(item);
          expected++;
          continue;
        }
        // After the last number, or at a heading, the list ends.
        if (!hasSuccessor(units, u - 1, number.style, expected) || current.line.afterSeparator) break;
        item!.children.push(paragraph(current.line));
      }
      u--;
      continue;
    }
    parent.children.push(paragraph(line));
  }
  return divs;
}

/** True when a numbered line with number `expected` (default 2) and the same style follows unit `from` before any heading-like break. */
function hasSuccessor(units: Unit[], from: number, style: string, expected = 2): boolean {
  for (let u = from + 1; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.kind !== 'line') return false;
    if (unit.line.afterSeparator) return false;
    const found = numberOf(unit.line);
    if (found && found.style === style) return found.n === expected;
    // A heading before the next number ends the list.
    const next = units[u + 1];
    if (headCandidate(clean(unit.line), true) && next?.kind === 'line' && clean(next.line).length >= 80) return false;
  }
  return false;
}

/** Gives body elements stable ids from their place: `d2`, `d2.1`, `d2-h`, `d2-p3`, `d2-l1`, `d2-l1-i4`, `d2-l1-i4-p2`. */
export function assignIds(divs: Element[]): void {
  const visit = (element: Element, id: string) => {
    element.attributes = { 'xml:id': id, ...element.attributes };
    const counters: Record<string, number> = {};
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      const kind = { div: '.', head: '-h', p: '-p', list: '-l', item: '-i' }[child.name];
      if (!kind) continue;
      const count = (counters[child.name] ?? 0) + 1;
      counters[child.name] = count;
      const childId = child.name === 'head' ? `${id}-h${count > 1 ? count : ''}` : `${id}${kind}${count}`;
      visit(child, childId);
    }
  };
  divs.forEach((div, index) => visit(div, `d${index + 1}`));
}

// ---------------------------------------------------------------------------

/** An empty {@link ArticleMeta}: the defaults every reader starts from (language `en`). */
export function emptyMeta(): ArticleMeta {
  return { breadcrumbs: [], authors: [], title: [], subtitle: [], collection: [], info: [], otherFrontLines: [], backLines: [], language: 'en' };
}

/** What the editorialDecl says of a Markdown conversion read for its visible text. */
const MARKDOWN_NORMALISED =
  'The transcription was converted from Markdown, and its syntax is not kept: note anchors (a bracketed number linked to the note, with its own anchor in braces) are given as references to the notes holding their visible number in brackets; spans with attributes, links, emphasis and superscripts as their text, marked up where they mean something (hi, ref); characters escaped with a backslash as the characters.';

/** The text of inline content without its note references (for metadata: a title without its `[1]`). */
function textWithoutNoteRefs(nodes: ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element' || node.attributes?.type === 'noteRef') return '';
      return textWithoutNoteRefs(node.children as ElementContent[]);
    })
    .join('');
}

/**
 * In a Markdown conversion, the header and footer lines that are written as
 * text (information fields, source, transcription, dateline, footers) are
 * given their visible text (`Transcription\\HTML Markup` → `Transcription\HTML
 * Markup`), once each, after their facts were read; `skip` holds the lines
 * written with inline content instead.
 */
function showVisibleText(meta: ArticleMeta, skip: Set<SourceLine>): void {
  const lines = new Set<SourceLine>([
    ...meta.breadcrumbs, ...meta.info.map((info) => info.line), ...meta.backLines,
    ...[meta.dateLine, meta.source?.line, meta.transcription?.line, meta.issueLine, meta.lastUpdated].filter((line) => line !== undefined),
  ]);
  for (const line of lines) if (!skip.has(line)) line.text = visibleText(line.text, true);
}

/** Reads a plain-text article. */
export function readText(text: string, log: MessageLog): ReadResult {
  const lines = splitLines(text);
  const meta = emptyMeta();
  if (lines.length === 0) log.fail('read:empty', 'the file holds no text; expected an article with a title line and paragraphs', { line: 1 });

  const footerStart = findFooter(lines);
  for (const line of lines.slice(footerStart)) {
    const value = clean(line);
    if (!meta.lastUpdated && LAST_UPDATED.test(value) && parseLastUpdated(value)) meta.lastUpdated = { ...line, date: parseLastUpdated(value) };
    else meta.backLines.push(line);
  }
  const headerEnd = findHeaderEnd(lines, footerStart);
  readHeader(lines.slice(0, headerEnd), meta, log);

  const rest = lines.slice(headerEnd, footerStart);
  const markdown = hasMarkdownTraces(text);
  if (markdown) meta.normalised = [MARKDOWN_NORMALISED];
  const notesStart = findNotes(rest);
  const notes = readNotes(rest.slice(notesStart), markdown);
  const refs = new RefMaker(notes.notes, markdown);
  // Header lines with note references (`…International[^[1]^](#fw01){#bk01}`) keep them as inline refs;
  // in a Markdown conversion, header lines with other syntax are given as their visible text.
  const inlineLines = [...meta.title, ...meta.subtitle, ...meta.authors, ...(meta.collection ?? []), ...meta.otherFrontLines];
  for (const line of inlineLines) {
    const value = clean(line);
    const inline = refs.inline(value);
    if (inline.some((node) => node.type === 'element') || (markdown && visibleText(value, true) !== value)) line.inline = inline;
    // The front prints `inline`; titles and names in the header are made from the text, which gets the visible words.
    if (markdown && line.inline) line.text = textWithoutNoteRefs(line.inline);
  }
  if (markdown) showVisibleText(meta, new Set(inlineLines));
  const body = readBody(rest.slice(0, notesStart), refs);
  refs.linkBack();
  assignIds(body);
  if (body.length === 0) log.warn('read:no-body', 'no text was found after the header; check that paragraphs are separated by blank lines', { line: lines[headerEnd]?.line ?? 1 });
  return { meta, body, back: notes.divs };
}
