/**
 * Reader for plain-text renderings of MIA/ETOL pages: header items one per
 * line, blank lines between paragraphs (one paragraph per line), lines of a
 * lone no-break space between sections, numbered lists, notes sections and
 * page footers (index links, "Last updated").
 *
 * The reader works in four passes over the lines, each small and tested, one
 * concern per file in `text/` (lines, header, notes, blocks):
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
import type { ElementContent } from '../tei/tree.js';
import { hasMarkdownTraces, visibleText } from './markdown.js';
import { LAST_UPDATED, parseLastUpdated } from './header-lines.js';
import { clean, splitLines } from './text/lines.js';
import { findFooter, findHeaderEnd, readHeader } from './text/header.js';
import { findNotes, readNotes, RefMaker } from './text/notes.js';
import { assignIds, readBody } from './text/blocks.js';

export { blocksOf, splitLines, type TextLine } from './text/lines.js';
export { findFooter, findHeaderEnd, looksLikeCorporateAuthor, looksLikeName, readHeader } from './text/header.js';
export { findNotes, readNotes } from './text/notes.js';
export { assignIds, headCandidate, readBody } from './text/blocks.js';

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

