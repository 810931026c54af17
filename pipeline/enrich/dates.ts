/**
 * Dates of historical prose → TEI `date` with ISO `@when` or `@from`/`@to`.
 *
 * Own rules rather than a library: compromise-dates and chrono-node were
 * measured on the seed (see stack-notes) and get bare years, year ranges and
 * "October" (the revolution) wrong. The rules here find explicit dates (years,
 * year ranges, decades, month and year, day month year, month day year) and
 * relative expressions ("last August", "last year", "February of this year",
 * "a year ago"), which they resolve against the document's own date and mark
 * `@cert="medium"`. Durations ("seven weeks", "three years’ duration"), event
 * names ("the October revolution"), page ranges and counts ("30,000 officers")
 * are not dates and are left alone. The wording of the text is never changed.
 */
import { wrapTextSpans, type TextSpan } from './spans.js';
import { findAll, findFirst, type Element, type Root } from '../tei/tree.js';
import type { Stage } from '../edition.js';
import type { MessageLog } from '../messages.js';
import { addReviewItem, contextOf } from './review.js';
import { englishRulesApply } from './language.js';

/** The date a document was written or published, as far as it is known. */
export interface DocumentDate {
  year: number;
  /** 1–12, when known. */
  month?: number;
  day?: number;
}

/** A date found in a text: offsets into the text and the TEI attributes it gets. */
export interface FoundDate {
  start: number;
  end: number;
  text: string;
  /** `when`, or `from` and `to`, in ISO 8601; `cert` for resolved relative dates. */
  attrs: { when?: string; from?: string; to?: string; cert?: string };
  /** Set for expressions resolved against the document date ("last August"). */
  relativeTo?: string;
}

/** A relative expression that had no document date (or month) to be resolved against. */
export interface UnresolvedDate {
  start: number;
  end: number;
  text: string;
  reason: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, fifty: 50, hundred: 100 };

// Month names are capitalised in running text; requiring the capital keeps out "may" the verb and "march" the noun.
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.)';
const YEAR = '((?:1[0-9]|20)\\d\\d)';
const DAY = '([0-3]?\\d)(?:st|nd|rd|th)?';
const DASH = '\\s?[–—-]\\s?';
const NUMBER_WORD = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).flatMap((word) => [word, word[0]!.toUpperCase() + word.slice(1)]).join('|')})`;

/**
 * One expression, alternatives from most to least specific: at any position
 * the first alternative that matches wins, so "19 August, 1899" is one date
 * and not a month-year plus a stray day. Compiled once.
 */
const DATE_PATTERN = new RegExp(
  [
    `(?<dmy>\\b${DAY}\\s(?:of\\s)?${MONTH},?\\s${YEAR}\\b)`,
    `(?<mdy>\\b${MONTH}\\s${DAY}(?:,\\s?|\\s\\()${YEAR}\\)?(?!\\d))`,
    `(?<myRel>\\b${MONTH}\\s(?:of\\s)?(this|last|next)\\syear\\b)`,
    `(?<my>\\b${MONTH},?\\s(?:of\\s)?${YEAR}\\b)`,
    `(?<relMonth>\\b(?<![Tt]he\\s)([Ll]ast|[Tt]his|[Nn]ext)\\s${MONTH}(?![\\w-]))`,
    `(?<relYear>\\b(?<![Tt]he\\s)([Ll]ast|[Tt]his|[Nn]ext)\\syear\\b)`,
    `(?<ago>\\b${NUMBER_WORD}\\s(years?|months?)\\sago\\b)`,
    `(?<range>(?<![\\d,.$£€#§/])${YEAR}${DASH}((?:1[0-9]|20)\\d\\d|\\d\\d)(?![\\d,.]\\d|\\d|[–—-]\\d))`,
    `(?<fromTo>(?<=\\b(?:[Ff]rom|[Bb]etween)\\s)${YEAR}\\s(?:to|and)\\s${YEAR}\\b)`,
    `(?<decade>(?<![\\d,.$£€#§/'’])((?:1[0-9]|20)\\d)0['’]?s\\b)`,
    `(?<year>(?<![\\d,.$£€#§/])${YEAR}(?![\\d]|[,.]\\d|['’]?s\\b))`,
  ].join('|'),
  'g',
);

/** Words before a number that make it a page, volume or issue number, not a year. */
const NOT_A_YEAR_BEFORE = /(?:\bpp?\.|\bpages?|\bnos?\.|\bnumbers?|\bvols?\.?|\bvolumes?|\bart\.|\barticles?|\bsections?|\bparagraphs?|§|\bfigs?\.|\bno)\s*$/i;
/** Words after a number that make it a count, not a year ("1500 workers"). */
const COUNT_NOUNS = new Set(
  (
    'men women people persons workers members delegates soldiers officers troops votes copies dollars rubles roubles pounds ' +
    'francs marks lire tons tonnes miles kilometres kilometers feet yards acres hectares strong times pages words lines ' +
    'strikers peasants families villages factories trucks tanks planes guns rifles per percent'
  ).split(' '),
);
/** Words that, right before a number below 1500, make it read as a year. */
const YEAR_CONTEXT_BEFORE = /\b(?:in|of|since|until|till|by|from|after|before|during|year|circa|c\.|to|and)\s*$/i;

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(lower);
  return full >= 0 ? full + 1 : MONTH_ABBREVIATIONS[lower] ?? 0;
}

const pad = (value: number): string => String(value).padStart(2, '0');

function isoOf(year: number, month?: number, day?: number): string {
  return `${year}${month ? `-${pad(month)}` : ''}${month && day ? `-${pad(day)}` : ''}`;
}

function validDay(year: number, month: number, day: number): boolean {
  if (day < 1 || month < 1 || month > 12) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO form of a document date. */
export function documentDateIso(date: DocumentDate): string {
  return isoOf(date.year, date.month, date.day);
}

/** Parses an ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value. */
export function parseIsoDate(value: string | undefined): DocumentDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return {
    year: Number(match[1]),
    month: match[2] ? Number(match[2]) : undefined,
    day: match[3] ? Number(match[3]) : undefined,
  };
}

/**
 * The document's own date: the `@when` of `front/docDate` (the dateline, when
 * the text was written), else of the source's imprint date in `sourceDesc`.
 */
export function documentDateOf(tei: Root): DocumentDate | undefined {
  const front = findFirst(tei, 'front');
  const docDate = front ? findFirst(front, 'docDate') : undefined;
  const fromDateline = parseIsoDate(docDate?.attributes.when ?? undefined);
  if (fromDateline) return fromDateline;
  const sourceDesc = findFirst(tei, 'sourceDesc');
  for (const imprint of sourceDesc ? findAll(sourceDesc, 'imprint') : []) {
    const date = findFirst(imprint, 'date');
    const parsed = parseIsoDate(date?.attributes.when ?? undefined);
    if (parsed) return parsed;
  }
  return undefined;
}

/** What {@link findDates} found in one text. */
export interface DateScan {
  dates: FoundDate[];
  unresolved: UnresolvedDate[];
}

/**
 * Finds the dates in one run of text. Relative expressions are resolved
 * against `documentDate`; without one (or without its month, where the
 * expression needs it) they are listed as unresolved and not marked. In a
 * text that is not English (`english` false) month names and relative
 * expressions are not read: only years, ranges and decades.
 */
export function findDates(text: string, documentDate?: DocumentDate, english = true): DateScan {
  const dates: FoundDate[] = [];
  const unresolved: UnresolvedDate[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const groups = match.groups!;
    const start = match.index;
    const matched = match[0];
    const end = start + matched.length;
    const found = (attrs: FoundDate['attrs'], relativeTo?: string): void => {
      dates.push({ start, end, text: matched, attrs, relativeTo });
    };
    const needs = (reason: string): void => {
      unresolved.push({ start, end, text: matched, reason });
    };
    const before = text.slice(Math.max(0, start - 24), start);
    // Month names and relative expressions are English words: elsewhere only numbers are read (years, ranges,
    // decades), and of a date with a month name (`9. November 1918`) only its year.
    if (!english && !(groups.range || groups.fromTo || groups.decade || groups.year)) {
      const year = /\b(?:1[0-9]|20)\d\d$/.exec(matched);
      if (year) dates.push({ start: start + year.index, end, text: year[0], attrs: { when: year[0] } });
      continue;
    }

    if (groups.dmy) {
      const [day, month, year] = numbersOf(matched, 'dmy');
      if (validDay(year, month, day)) found({ when: isoOf(year, month, day) });
    } else if (groups.mdy) {
      const [day, month, year] = numbersOf(matched, 'mdy');
      if (validDay(year, month, day)) found({ when: isoOf(year, month, day) });
    } else if (groups.myRel) {
      const [, monthName, which] = /^(\S+)\s(?:of\s)?(this|last|next)/.exec(matched)!;
      if (!documentDate) needs('the document has no date to resolve it against');
      else {
        const year = documentDate.year + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
        found({ when: isoOf(year, monthNumber(monthName!)), cert: 'medium' }, documentDateIso(documentDate));
      }
    } else if (groups.my) {
      const [, monthName, year] = /^(\S+?),?\s(?:of\s)?(\d{4})$/.exec(matched)!;
      found({ when: isoOf(Number(year), monthNumber(monthName!)) });
    } else if (groups.relMonth) {
      const [, which, monthName] = /^(last|this|next)\s(\S+)$/.exec(matched.toLowerCase())!;
      const month = monthNumber(monthName!);
      if (!documentDate?.month) needs('the document date has no month, so it is not known which year is meant');
      else {
        // "last August" written in August 1941 is August 1940; "last March" written then is March 1941.
        let year = documentDate.year;
        if (which === 'last' && month >= documentDate.month) year -= 1;
        if (which === 'next' && month <= documentDate.month) year += 1;
        found({ when: isoOf(year, month), cert: 'medium' }, documentDateIso(documentDate));
      }
    } else if (groups.relYear) {
      const which = matched.split(/\s/)[0]!.toLowerCase();
      if (!documentDate) needs('the document has no date to resolve it against');
      else {
        const year = documentDate.year + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
        found({ when: String(year), cert: 'medium' }, documentDateIso(documentDate));
      }
    } else if (groups.ago) {
      const [, amountWord, unit] = /^(\S+)\s(\S+)/.exec(matched)!;
      const amount = /^\d+$/.test(amountWord!) ? Number(amountWord) : NUMBER_WORDS[amountWord!.toLowerCase()] ?? 0;
      if (!documentDate) needs('the document has no date to resolve it against');
      else if (unit!.startsWith('year')) {
        found({ when: String(documentDate.year - amount), cert: 'medium' }, documentDateIso(documentDate));
      } else if (!documentDate.month) needs('the document date has no month');
      else {
        const index = documentDate.year * 12 + (documentDate.month - 1) - amount;
        found({ when: isoOf(Math.floor(index / 12), (index % 12) + 1), cert: 'medium' }, documentDateIso(documentDate));
      }
    } else if (groups.range) {
      if (NOT_A_YEAR_BEFORE.test(before) || isCount(text, end)) continue;
      const [, first, second] = /^(\d{4})\D+(\d+)$/.exec(matched)!;
      const from = Number(first);
      const to = second!.length === 2 ? Math.floor(from / 100) * 100 + Number(second) : Number(second);
      if (to > from && to - from < 100) found({ from: String(from), to: String(to) });
    } else if (groups.fromTo) {
      const [, first, second] = /^(\d{4})\D+(\d{4})$/.exec(matched)!;
      if (Number(second) > Number(first)) found({ from: first!, to: second! });
    } else if (groups.decade) {
      if (NOT_A_YEAR_BEFORE.test(before)) continue;
      const decade = Number(/^\d{3}/.exec(matched)![0]) * 10;
      found({ from: String(decade), to: String(decade + 9) });
    } else if (groups.year) {
      const year = Number(matched);
      if (NOT_A_YEAR_BEFORE.test(before) || isCount(text, end)) continue;
      if (year < 1500 && !YEAR_CONTEXT_BEFORE.test(before)) continue;
      found({ when: matched });
    }
  }
  return { dates, unresolved };
}

/** Day, month and year of a day-month-year or month-day-year match. */
function numbersOf(matched: string, order: 'dmy' | 'mdy'): [number, number, number] {
  const year = Number(/(\d{4})\)?$/.exec(matched)![1]);
  if (order === 'dmy') {
    const [, day, monthName] = /^(\d+)\D*?\s(?:of\s)?([A-Z][a-z]+\.?)/.exec(matched)!;
    return [Number(day), monthNumber(monthName!), year];
  }
  const [, monthName, day] = /^([A-Z][a-z]+\.?)\s(\d+)/.exec(matched)!;
  return [Number(day), monthNumber(monthName!), year];
}

/** True when the word after the number makes it a count ("1500 workers", "1917 per cent"). */
function isCount(text: string, end: number): boolean {
  const next = /^\s+([a-z]+)/.exec(text.slice(end, end + 20));
  return next !== null && COUNT_NOUNS.has(next[1]!);
}

/** A relative date as it was resolved, for the review report. */
export interface ResolvedDateNote {
  text: string;
  value: string;
  documentDate: string;
  line?: number;
  /** The words around it. */
  context?: string;
}

/** Messages and review notes of the dates stage. */
export interface DatesResult {
  resolved: ResolvedDateNote[];
  unresolved: Array<UnresolvedDate & { line?: number; context?: string }>;
}

/**
 * Marks the dates in the TEI `body` and `back` (the header keeps its own dates; elements
 * in {@link DEFAULT_SKIP} such as `title` and `bibl` are not entered). Each
 * resolved relative date is recorded as an info message `dates:relative`, each
 * unresolvable one as `dates:unresolved`, with the source line.
 */
export function markDatesIn(tei: Root, log?: MessageLog): DatesResult {
  const documentDate = documentDateOf(tei);
  const english = englishRulesApply(tei);
  const result: DatesResult = { resolved: [], unresolved: [] };
  // The body and the back (endnotes, the page footer); the header and the title page keep their own dates.
  for (const part of [...findAll(tei, 'body'), ...findAll(tei, 'back')]) {
    wrapTextSpans(part as Element, (text, context) => {
      const scan = findDates(text, documentDate, english);
      for (const missing of scan.unresolved) {
        result.unresolved.push({ ...missing, line: context.line, context: contextOf(text, missing.start, missing.end) });
        log?.info('dates:unresolved', `"${missing.text}" is a relative date but ${missing.reason}; it is not marked`, placeOf(context.line));
      }
      return scan.dates.map((date): TextSpan => {
        if (date.relativeTo) {
          const value = date.attrs.when!;
          result.resolved.push({ text: date.text, value, documentDate: date.relativeTo, line: context.line, context: contextOf(text, date.start, date.end) });
          log?.info('dates:relative', `"${date.text}" read as ${value}, counted from the document's date ${date.relativeTo}; check it`, placeOf(context.line));
        }
        return { start: date.start, end: date.end, name: 'date', attrs: date.attrs };
      });
    });
  }
  return result;
}

function placeOf(line: number | undefined) {
  return line === undefined ? undefined : { line };
}

/** Stage: marks dates in the body and back. Runs after `markQuotations`, before entity recognition. */
export const markDates: Stage = (edition) => {
  const result = markDatesIn(edition.tei!, edition.log);
  for (const date of result.resolved) {
    addReviewItem(edition, {
      category: 'dates:relative',
      text: date.text,
      detail: `a relative date, read as ${date.value} counting from the document's date ${date.documentDate}; check it`,
      line: date.line,
      context: date.context,
      target: 'date',
    });
  }
  for (const date of result.unresolved) {
    addReviewItem(edition, {
      category: 'dates:unresolved',
      text: date.text,
      detail: `a relative date left unmarked: ${date.reason}; mark it by hand`,
      line: date.line,
      context: date.context,
      target: 'date',
    });
  }
};
