/**
 * The plain-text reader's first three passes: the page footer (index links,
 * `Last updated`), where the header ends, and what each header line is.
 */
import type { ArticleMeta, SourceLine } from '../../model.js';
import type { MessageLog } from '../../messages.js';
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
} from '../header-lines.js';
import { blocksOf, clean, titleCased, type TextLine } from './lines.js';

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
