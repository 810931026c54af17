/**
 * Facts about the work derived from all of its header facts together, for
 * the TEI header and the slug alike: when the work itself was written or first
 * printed (never a later edition's or the transcription's date), who wrote it,
 * and what the page states about rights.
 */
import type { ArticleMeta, InfoField, IsoDate, SourceLine } from './model.js';
import { FOREIGN_LABELS, parseDateExpression, plainSpaces } from './readers/header-lines.js';

/** The work's own date and the header line that states it. */
export interface WorkDate {
  date: IsoDate;
  line: SourceLine;
  /** What kind of statement it came from, for the reader of the header. */
  evidence: 'dateline' | 'written' | 'occasion' | 'first-published' | 'periodical' | 'source' | 'byline' | 'page-title';
}

/** Labels of information fields that date the writing or delivery of the work. */
const WRITTEN_LABEL = /^(?:written|date|dated|delivered|spoken|speech|discussed|composed|signed)\b|\bwritten\b/i;
/** Labels of information fields that name the first printing. */
const FIRST_PUBLISHED_LABEL = /^(?:first\s+published|first\s+printed|originally\s+published|first\s+publication|published|publication)\b/i;

function fieldDate(fields: InfoField[], label: RegExp, foreign: RegExp): { date: IsoDate; field: InfoField } | undefined {
  for (const field of fields) {
    if (!label.test(field.label) && !foreign.test(field.label.trim())) continue;
    const date = parseDateExpression(field.value);
    if (date) return { date, field };
  }
  return undefined;
}

/**
 * When the work was written or first printed: its dateline, else a `Written:`/`Date:`/`Delivered:` field, else
 * the delivery a note on its title states, else its first printing (`First Published:`, a periodical source), else a year on its byline, else the date the
 * page's `<title>` gives. A book the text was transcribed from (`Collected Works, 1977`) never dates the work.
 */
export function workDate(meta: ArticleMeta): WorkDate | undefined {
  const candidates: WorkDate[] = [];
  if (meta.dateLine?.date) candidates.push({ date: meta.dateLine.date, line: meta.dateLine, evidence: 'dateline' });
  const written = fieldDate(meta.info, WRITTEN_LABEL, FOREIGN_LABELS.written);
  if (written) candidates.push({ date: written.date, line: written.field.line, evidence: 'written' });
  // A speech printed months later: the note on its title dates the delivery, unless it dates something after the printing.
  const printed = meta.firstPublished?.date ?? (meta.source?.kind !== 'book' ? meta.source?.date : undefined);
  if (meta.occasion && !(printed && meta.occasion.date.iso.slice(0, printed.iso.length) > printed.iso)) {
    candidates.push({ date: meta.occasion.date, line: meta.occasion, evidence: 'occasion' });
  }
  if (meta.firstPublished?.date) candidates.push({ date: meta.firstPublished.date, line: meta.firstPublished.line, evidence: 'first-published' });
  const published = fieldDate(meta.info, FIRST_PUBLISHED_LABEL, FOREIGN_LABELS.firstPublished);
  if (published) candidates.push({ date: published.date, line: published.field.line, evidence: 'first-published' });
  if (meta.source?.date && meta.source.kind !== 'book') candidates.push({ date: meta.source.date, line: meta.source.line, evidence: 'periodical' });
  if (meta.bylineDate) candidates.push({ date: meta.bylineDate.date, line: meta.bylineDate, evidence: 'byline' });
  if (meta.pageTitleDate) candidates.push({ date: meta.pageTitleDate.date, line: meta.pageTitleDate, evidence: 'page-title' });
  const first = candidates[0];
  if (!first || first.date.from) return first;
  // A later statement that says the same more exactly (`(December 1922)` and `16 December 1922` in the source) refines it.
  // A book source never dates the work alone, but may say the same day more exactly.
  if (meta.source?.date && meta.source.kind === 'book') candidates.push({ date: meta.source.date, line: meta.source.line, evidence: 'source' });
  const finer = candidates.find((other) => !other.date.from && other.date.iso.length > first.date.iso.length && other.date.iso.startsWith(first.date.iso));
  return finer ?? first;
}

/** A name the author wrote under, and who the page says wrote it. */
export interface Pseudonym {
  /** The name as printed (`William F. Warde`). */
  pseudonym: string;
  /** The writer's own name (`George Novack`). */
  person: string;
  line: SourceLine;
}

const NAME = String.raw`\p{Lu}[\p{L}’'.-]*(?:\s+(?:\p{Lu}[\p{L}’'.-]*|de|van|von|der|la|le)){0,4}`;
/** `William F. Warde was a pseudonym of George Novack`, `M.S. is the pen name of Max Shachtman`. */
const WAS_PSEUDONYM = new RegExp(`(${NAME})\\s+(?:was|is)\\s+(?:a|the|one of the)\\s+(?:pseudonyms?|pen[- ]?names?|party names?|noms? de plume)\\s+(?:of|for|used by)\\s+(${NAME})`, 'u');
/** `George Novack, writing as William F. Warde`, `Novack wrote under the pseudonym William F. Warde`. */
const WRITING_AS = new RegExp(`(${NAME}),?\\s+(?:writing|wrote|published|written)\\s+(?:(?:this|it)\\s+)?(?:as|under\\s+the\\s+(?:pseudonym|pen[- ]?name|name))\\s+[“"‘']?(${NAME})`, 'u');
/** `J.R. Johnson (pseudonym of C.L.R. James)`. */
const PSEUDONYM_OF = new RegExp(`(${NAME})\\s*[(\\[]\\s*(?:a\\s+)?(?:pseudonym|pen[- ]?name)\\s+(?:of|for|used by)\\s+(${NAME})\\s*[)\\]]`, 'u');

/**
 * The pseudonyms the page's own header, information and footer lines state,
 * for the names on its author lines: the name stays as printed, and the
 * writer the page names is recorded beside it. None when the page says nothing.
 */
export function pseudonymsOf(meta: ArticleMeta): Pseudonym[] {
  const authors = new Set(meta.authors.flatMap(namesOfAuthorLine).map((name) => name.replace(/\s+/g, ' ').trim()));
  const lines = [...meta.authors, ...meta.info.map((field) => field.line), ...meta.otherFrontLines, ...meta.backLines];
  const found: Pseudonym[] = [];
  for (const line of lines) {
    const text = plainSpaces(line.text).replace(/\s+/g, ' ');
    for (const [pattern, pseudonymGroup, personGroup] of [[WAS_PSEUDONYM, 1, 2], [PSEUDONYM_OF, 1, 2], [WRITING_AS, 2, 1]] as const) {
      const match = pattern.exec(text);
      if (!match) continue;
      const pseudonym = match[pseudonymGroup]!.replace(/[.,;]$/, (end) => (/\b\p{Lu}\.$/u.test(match[pseudonymGroup]!) ? end : ''));
      const person = match[personGroup]!.replace(/[,;]$/, '').replace(/(?<!\b\p{Lu})\.$/u, '');
      if (authors.has(pseudonym) && person !== pseudonym && !found.some((known) => known.pseudonym === pseudonym)) found.push({ pseudonym, person, line });
    }
  }
  return found;
}

/** The names an author line gives (`A & B` → two; `By X` → X). */
export function namesOfAuthorLine(line: SourceLine): string[] {
  if (line.names?.length) return line.names;
  return [plainSpaces(line.text).replace(/\s+/g, ' ').trim().replace(/^By\s+/i, '')];
}

/** A statement of rights on the page, as it stands, with what it means. */
export interface RightsStatement {
  line: SourceLine;
  status: 'free' | 'restricted';
  /** The licence's address, when the page links or names one. */
  url?: string;
}

const FREE = /public\s+domain|copyleft|creative\s+commons|\bCC[- ]BY\b|free\s+documentation\s+licen[cs]e|\bGNU\b|you\s+may\s+freely|permission\s+is\s+granted\s+to\s+copy/i;
const RESTRICTED = /copyright|©|\(c\)\s*\d{4}|all\s+rights\s+reserved|by\s+(?:kind\s+)?permission|reproduced\s+with\s+(?:the\s+)?permission/i;
const LICENCE_URL = /https?:\/\/(?:www\.)?(?:creativecommons\.org|gnu\.org\/(?:licenses|copyleft))\/[^\s"<>)]*/i;

/** The rights statements among the page's header and footer lines, in source order; none when it states none. */
export function rightsStatements(meta: ArticleMeta): RightsStatement[] {
  const lines = [
    ...meta.info.map((field) => field.line),
    ...meta.otherFrontLines,
    ...(meta.source ? [meta.source.line] : []),
    ...(meta.transcription ? [meta.transcription.line] : []),
    ...meta.backLines,
  ];
  const seen = new Set<string>();
  const statements: RightsStatement[] = [];
  for (const line of lines.sort((a, b) => a.line - b.line)) {
    const key = `${line.line}:${line.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = plainSpaces(line.text);
    const status = FREE.test(text) ? 'free' : RESTRICTED.test(text) ? 'restricted' : undefined;
    if (!status) continue;
    const url = line.links?.find((link) => LICENCE_URL.test(link)) ?? LICENCE_URL.exec(text)?.[0];
    statements.push(url ? { line, status, url } : { line, status });
  }
  return statements;
}
