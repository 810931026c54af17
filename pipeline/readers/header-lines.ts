/**
 * Parsers for the header lines archive pages share, whatever their format
 * (plain text or HTML): datelines, "From …" source lines, transcription
 * credits, "Last updated" footers and `Label: value` information blocks.
 *
 * Each parser takes one line and returns what it understood; none of them
 * drops text: the line itself travels with the result so that the assembler
 * can keep it verbatim.
 */
import type { InfoField, IsoDate, PrintSource, SourceLine, Transcription } from '../model.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/**
 * Month names of the archive's other language sections (Spanish, Portuguese, German, French, Italian, Dutch), for
 * their information blocks: `14 de enero de 1919`, `14. Januar 1919`, `14 janvier 1919`.
 */
const FOREIGN_MONTHS: Record<string, number> = Object.fromEntries(
  [
    'enero janeiro januar janvier gennaio januari',
    'febrero fevereiro februar février fevrier febbraio februari',
    'marzo março märz maerz mars maart',
    'abril avril aprile',
    'mayo maio mai maggio mei',
    'junio junho juni juin giugno',
    'julio julho juli juillet luglio',
    'agosto augustus août aout',
    'septiembre setiembre setembro septembre settembre',
    'octubre outubro oktober octobre ottobre',
    'noviembre novembro novembre',
    'diciembre dezembro dezember décembre decembre dicembre',
  ].flatMap((names, index) => names.split(' ').map((name) => [name, index + 1] as const)),
);
/** Full month names and the usual abbreviations (`Aug.`, `Sept.`), then the other languages' names. */
const MONTH_PATTERN = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|${Object.keys(FOREIGN_MONTHS).sort((a, b) => b.length - a.length).join('|')})`;

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const foreign = FOREIGN_MONTHS[lower];
  if (foreign && !MONTHS.includes(lower)) return foreign;
  const full = MONTHS.findIndex((month) => month === lower || month.startsWith(lower.slice(0, 3)));
  return full + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Text with no-break and other unusual spaces turned into plain spaces. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, ' ');
}

// The dates findDate reads, compiled once (not on every call): `3 October 1949`, `July 23, 1921`, `August 1941`.
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|\\.|º)?\\s+(?:de\\s+)?${MONTH_PATTERN}\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_PATTERN}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const MONTH_YEAR = new RegExp(`\\b${MONTH_PATTERN}\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`, 'i');

/**
 * Finds the first date in free text and resolves it to ISO 8601.
 * Understands `3 October 1949`, `19 August, 1899`, `July 23, 1921`,
 * `August 1941`, `27.9.2004` (day.month.year, as MIA footers write it) and a
 * bare year `1959` (1500–2099). Returns undefined when none is found or the
 * day does not exist in that month.
 */
export function findDate(text: string): IsoDate | undefined {
  const value = plainSpaces(text);
  let match = DAY_MONTH_YEAR.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[3]), monthNumber(match[2]!), Number(match[1])];
    if (validDay(year, month, day)) return { iso: `${year}-${pad(month)}-${pad(day)}`, text: match[0] };
  }
  match = MONTH_DAY_YEAR.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[3]), monthNumber(match[1]!), Number(match[2])];
    if (validDay(year, month, day)) return { iso: `${year}-${pad(month)}-${pad(day)}`, text: match[0] };
  }
  match = MONTH_YEAR.exec(value);
  if (match) return { iso: `${match[2]}-${pad(monthNumber(match[1]!))}`, text: match[0] };
  match = /\b(\d{1,2})([.-])(\d{1,2})\2(\d{4})\b/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[4]), Number(match[3]), Number(match[1])];
    if (validDay(year, month, day)) return { iso: `${year}-${pad(month)}-${pad(day)}`, text: match[0] };
  }
  match = /\b(1[5-9]\d\d|20\d\d)\b/.exec(value);
  if (match) return { iso: match[1]!, text: match[0] };
  return undefined;
}

const MONTH_ONLY = new RegExp(`^${MONTH_PATTERN}$`, 'i');
const DASH = '\\s*(?:[–—-]|/|\\bto\\b|\\bthrough\\b|\\buntil\\b)\\s*';
/** `14 (27) December 1917`: an Old Style day with the New Style one in brackets, one month. */
const OLD_NEW_DAY = new RegExp(`\\b(\\d{1,2})\\s*\\((\\d{1,2})\\)\\s+${MONTH_PATTERN}\\.?,?\\s+(\\d{4})\\b`, 'i');
/** `31 January (13 February) 1918`: Old Style and New Style across a month's end. */
const OLD_NEW_MONTH = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_PATTERN}\\s*\\((\\d{1,2})\\s+${MONTH_PATTERN}\\)\\.?,?\\s+(\\d{4})\\b`, 'i');
const MONTH_RANGE = new RegExp(`\\b${MONTH_PATTERN}${DASH}${MONTH_PATTERN}\\.?,?\\s+(\\d{4})\\b`, 'i');
const DAY_RANGE = new RegExp(`\\b(\\d{1,2})${DASH}(\\d{1,2})\\s+${MONTH_PATTERN}\\.?,?\\s+(\\d{4})\\b`, 'i');
const YEAR_RANGE = /\b(1[5-9]\d\d|20\d\d)\s*[–—-]\s*(\d{4}|\d{2})\b/;

/**
 * Like {@link findDate}, and also periods and double dates: `April–June 1938` (from/to), `12–14 May 1921`,
 * `1935–1938`, `1917-18`, and Old Style/New Style datelines of Russian texts, `14 (27) December 1917` (`iso` the
 * Gregorian date, `julian` the Old Style one). Undefined when the text holds no date.
 */
export function parseDateExpression(text: string): IsoDate | undefined {
  const value = plainSpaces(text);
  let match = OLD_NEW_DAY.exec(value);
  if (match) {
    const [oldDay, newDay, month, year] = [Number(match[1]), Number(match[2]), monthNumber(match[3]!), Number(match[4])];
    // The New Style day is 12–13 days later: a smaller number means the next month.
    const newMonth = newDay < oldDay ? month + 1 : month;
    const newYear = newMonth > 12 ? year + 1 : year;
    const gregorianMonth = newMonth > 12 ? 1 : newMonth;
    if (validDay(year, month, oldDay) && validDay(newYear, gregorianMonth, newDay)) {
      return { iso: `${newYear}-${pad(gregorianMonth)}-${pad(newDay)}`, text: match[0], julian: `${year}-${pad(month)}-${pad(oldDay)}` };
    }
  }
  match = OLD_NEW_MONTH.exec(value);
  if (match) {
    const [oldDay, oldMonth, newDay, newMonth, year] = [Number(match[1]), monthNumber(match[2]!), Number(match[3]), monthNumber(match[4]!), Number(match[5])];
    const oldYear = oldMonth === 12 && newMonth === 1 ? year - 1 : year;
    if (validDay(oldYear, oldMonth, oldDay) && validDay(year, newMonth, newDay)) {
      return { iso: `${year}-${pad(newMonth)}-${pad(newDay)}`, text: match[0], julian: `${oldYear}-${pad(oldMonth)}-${pad(oldDay)}` };
    }
  }
  match = DAY_RANGE.exec(value);
  if (match) {
    const [first, last, month, year] = [Number(match[1]), Number(match[2]), monthNumber(match[3]!), Number(match[4])];
    if (first < last && validDay(year, month, first) && validDay(year, month, last)) {
      const from = `${year}-${pad(month)}-${pad(first)}`;
      return { iso: from, from, to: `${year}-${pad(month)}-${pad(last)}`, text: match[0] };
    }
  }
  match = MONTH_RANGE.exec(value);
  if (match && !MONTH_ONLY.test(value.trim())) {
    const [first, last, year] = [monthNumber(match[1]!), monthNumber(match[2]!), Number(match[3])];
    if (first < last) {
      const from = `${year}-${pad(first)}`;
      return { iso: from, from, to: `${year}-${pad(last)}`, text: match[0] };
    }
  }
  match = YEAR_RANGE.exec(value);
  if (match && !findDateMoreExact(value)) {
    const first = Number(match[1]);
    const last = match[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(match[2]) : Number(match[2]);
    if (last > first && last - first < 100) return { iso: String(first), from: String(first), to: String(last), text: match[0] };
  }
  return findDate(value);
}

/** True when the text holds a date more exact than a year (a month or a day). */
function findDateMoreExact(value: string): boolean {
  return (findDate(value)?.iso.length ?? 0) > 4;
}

/** True when the whole of `value` is a date (optionally in brackets, with a place): `(3 October 1949)`, `June 5, 1920`. */
export function isDateOnly(value: string): boolean {
  const date = findDate(value);
  if (!date) return false;
  const rest = plainSpaces(value).replace(date.text, '').replace(/[()[\].,\s]/g, '');
  return rest.length === 0;
}

/** A dateline is a date in round brackets on a line of its own: `(August 1941)`, `(3 October 1949)`, `(1959)`, `(Spring 1938)`. */
export function isDateLine(value: string): boolean {
  const plain = plainSpaces(value).trim();
  return /^\(.{3,60}\)$/.test(plain) && findDate(plain) !== undefined;
}

/** `(August 1941)` → 1941-08; undefined when the brackets hold no date. */
export function parseDateLine(value: string): IsoDate | undefined {
  return findDate(value);
}

/** Matches `Last updated: 28 May 2016`, `Last updated on 27.9.2004`, `Last updated on: 19.1.2007`, `Last modified …`. */
export const LAST_UPDATED = /^(?:Last\s+(?:updated|modified|revised)|Updated)(?:\s+on)?\s*:?\s*(.*)$/i;

/** The date of a last-updated line; undefined when the line holds none. */
export function parseLastUpdated(value: string): IsoDate | undefined {
  const match = LAST_UPDATED.exec(plainSpaces(value).trim());
  if (!match) return undefined;
  return findDate(match[1]!) ?? numericUpdateDate(match[1]!);
}

/**
 * Footers also write `6.14.2009` (month first) and `8.8.04` (a two-digit year, of the archive's own years, 1990
 * on). A date that fits neither order is left out.
 */
function numericUpdateDate(text: string): IsoDate | undefined {
  const match = /\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b/.exec(text);
  if (!match) return undefined;
  const year = match[3]!.length === 2 ? (Number(match[3]) >= 90 ? 1900 : 2000) + Number(match[3]) : Number(match[3]);
  const [first, second] = [Number(match[1]), Number(match[2])];
  const [day, month] = validDay(year, second, first) ? [first, second] : validDay(year, first, second) ? [second, first] : [0, 0];
  if (!day) return undefined;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, text: match[0] };
}

/** Roman numerals as archive pages write volume numbers (`Vol. XI`). */
function romanToNumber(roman: string): number | undefined {
  if (!/^[IVXLC]+$/i.test(roman)) return undefined;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  const letters = roman.toUpperCase().split('');
  letters.forEach((letter, index) => {
    const value = values[letter]!;
    const next = values[letters[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  });
  return total;
}

/** Words that mark a book rather than a periodical in a source line. */
const BOOK_MARKERS = /\b(?:Works|Edition|Publishers|Publishing|Press|Verlag|Books|Selected|Collected|Volume\s+\d+,\s*pages?)\b/i;

/**
 * Parses a print-source line: `From Fourth International, Vol. 2 No. 7, August 1941, pp. 217–221.`,
 * `From The New International, Vol. XI No. 4, May 1945, pp. 106–111.`, `Workers' Republic, 19 August, 1899.`,
 * `Lenin's Collected Works, 2nd English Edition, Progress Publishers, Moscow, 1965, Volume 31, pages 144-151`.
 * Volume keeps the source's numeral in `volume` and gives a number in `volumeNumber`; pages accept an en dash
 * or hyphen (`pp. 217–221`, `pages 144-151`) or a single page (`p. 5`).
 */
export function parseSourceLine(line: SourceLine, value = line.text): PrintSource {
  const source: PrintSource = { line };
  const text = plainSpaces(value).trim().replace(/^From\s+/i, '').replace(/[.;]\s*$/, '');
  const parts = text.split(/,\s*/);
  const journal = parts[0]?.trim();
  if (journal && !/^(?:Vol|No|pp?)\.?\s/i.test(journal) && !findDate(journal)) source.journal = journal;
  const volume = /\bVol(?:ume)?\.?\s*([IVXLC]+|\d+)\b/i.exec(text);
  if (volume) {
    source.volume = volume[1];
    const number = /^\d+$/.test(volume[1]!) ? Number(volume[1]) : romanToNumber(volume[1]!);
    if (number !== undefined) source.volumeNumber = String(number);
  }
  const issue = /\b(?:No|Nos|Number|Issue)\.?\s*(\d+)/i.exec(text);
  if (issue) source.issue = issue[1];
  const pages = /\b(?:pp?\.|pages?)\s*(\d+)(?:\s*[–—-]\s*(\d+))?/i.exec(text);
  if (pages) source.pages = { from: pages[1]!, to: pages[2], text: pages[0] };
  const withoutPages = text.replace(/\b(?:pp?\.|pages?)\s*\d+(?:\s*[–—-]\s*\d+)?/gi, '');
  source.date = parseDateExpression(withoutPages.replace(/\bVol(?:ume)?\.?\s*\S+|\bNo\.?\s*\d+/gi, ''));
  source.kind = BOOK_MARKERS.test(text) ? 'book' : 'periodical';
  if (source.kind === 'book') {
    const publisherIndex = parts.findIndex((part) => /\b(?:Publishers|Publishing|Press|Verlag|Books)\b/i.test(part));
    if (publisherIndex > 0) {
      source.publisher = parts[publisherIndex]!.trim();
      const place = parts[publisherIndex + 1]?.trim();
      if (place && /^[A-Z][\p{L} -]+$/u.test(place) && !findDate(place)) source.pubPlace = place;
    }
    const edition = parts.find((part) => /\bEdition\b/i.test(part));
    if (edition) source.edition = edition.trim();
  }
  return source;
}

/**
 * Parses a transcription credit: `Transcribed & marked up by Einde O’Callaghan for the Encyclopaedia of Trotskyism On-Line (ETOL).`,
 * `Transcribed, marked up & formatted by X & Y in 2008 for ETOL.`, `Transcribed by The James Connolly Society in 1997.`,
 * or the value of an information field (`Transcription\HTML Markup: David Walters & R. Cymbala`). Names are split on `&` and `and`.
 */
export function parseTranscriptionLine(line: SourceLine, value = line.text): Transcription {
  const text = plainSpaces(value).trim().replace(/\.$/, '');
  const result: Transcription = { line, names: [] };
  const label = /^[^:]{3,60}:\s*(.+)$/.exec(text);
  const by = /\bby\s+(.+)$/i.exec(text);
  let rest = by ? by[1]! : label ? label[1]! : '';
  const archive = /\s+for\s+(?:the\s+)?(.+)$/i.exec(rest);
  if (archive) {
    result.archive = archive[1]!.trim();
    rest = rest.slice(0, archive.index);
  }
  const year = /\s+in\s+(\d{4})\b/i.exec(rest);
  if (year) {
    result.year = year[1];
    rest = rest.slice(0, year.index) + rest.slice(year.index + year[0].length);
  }
  result.names = splitCredit(rest);
  return result;
}

/** `, August 2003`, ` 2007`, ` in May 1998` after a name in a credit: when, not who. */
const DATE_STAMP = new RegExp(`,?\\s*(?:(?:in|on)\\s+)?(?:\\d{1,2}\\s+)?(?:${MONTH_PATTERN}\\.?,?\\s+)?(?:1[5-9]\\d\\d|20\\d\\d)\\b\\.?`, 'gi');

/**
 * The names a credit gives (`David Walters & R. Cymbala`, `Mike B., August 2003, Zdravko, October 2005`): split on
 * `&`, `;`, `and` between names, and the dates stamped after names; without what each did (`(second part)`).
 */
export function splitCredit(value: string): string[] {
  return plainSpaces(value)
    // What each did or when is not part of the name: `Mike Bessler (first part)`, `X (September 2015)`.
    .replace(/\s*\([^()]*\)/g, '')
    .replace(DATE_STAMP, ';')
    .split(/\s*[&;]\s*/)
    .flatMap(splitOnAnd)
    .map((name) => name.replace(/^[\s,]+/, '').replace(/[\s;,]+$/, '').replace(/(?<!\b\p{Lu})\.$/u, '').trim())
    .filter(Boolean);
}

/**
 * Splits `A and B` into names only when every part is a name of two words or more: `Marxist-Leninist Translations
 * and Reprints` is one publisher's name, `Mike Bessler and Daniel Gaido` two people.
 */
function splitOnAnd(names: string): string[] {
  const parts = names.split(/\s+\band\b\s+/).map((part) => part.trim());
  return parts.length > 1 && parts.every((part) => part.replace(/\s*\([^()]*\)\s*$/, '').split(/\s+/).length >= 2) ? parts : [names];
}

/** True for a transcription credit line (`Transcribed by …`, `Transcription & HTML Mark-up: …`). */
export function isTranscriptionLine(value: string): boolean {
  const text = plainSpaces(value).trim();
  return /^(?:Transcri(?:bed|ption)|HTML\s+Mark-?up|Marked\s+up|Proofread)/i.test(text) || (FOREIGN_LABELS.transcription.test(text) && /^[^:]{3,60}:/.test(text));
}

/** Keywords one of which the label of an information field holds (`Written:`, `First Published:`, `Copyleft:`). */
/**
 * Labels of information blocks in the archive's other language sections (Spanish, Portuguese, German, French,
 * Italian, Dutch, Icelandic), by what they state, matched at the start of a label: `Escrito:`, `Erstveröffentlicht:`,
 * `Fuente:`, `Transcripción:`, `Skrifaður:`, `Stafrænn texti við:`.
 */
export const FOREIGN_LABELS = {
  written: /^(?:escrit[oa]|redactad[oa]|geschrieben|verfasst|[ée]crit|r[ée]dig[ée]|scritt[oa]|geschreven|skrifa\p{L}*)(?!\p{L})/iu,
  firstPublished:
    /^(?:primera\s+(?:vez\s+)?(?:publicaci[oó]n|publicad[oa]|edici[oó]n)|publicad[oa]|publicaci[oó]n|primeira\s+(?:edi[cç][aã]o|publica[cç][aã]o)|erst(?:mals)?\s*ver[öo]ffentlicht|ver[öo]ffentlicht|premi[eè]re\s+(?:publication|[ée]dition)|publi[ée]|pubblicat[oa]|prima\s+(?:pubblicazione|edizione)|eerst\s+gepubliceerd|gepubliceerd|fyrst\s+birt|fyrst\p{L}*\s+[úu]tgef\p{L}*)(?!\p{L})/iu,
  source: /^(?:fuente|fonte|quelle|heimild|bron)(?!\p{L})/iu,
  transcription: /^(?:transcripci[oó]n|transcrit[oa]|digitalizaci[oó]n|transkription|digitalisierung|trascrizione|trascritt[oa]|transcri[cç][aã]o|stafr\p{L}*\s+texti|afrit\p{L}*)(?!\p{L})/iu,
  translation: /^(?:traducci[oó]n|traducid[oa]|traduit|traduction|[üu]bersetz\p{L}*|traduzione|tradott[oa]|tradu[cç][aã]o|traduzid[oa]|vertaling|vertaald|þýð\p{L}*)(?!\p{L})/iu,
};

/** True when a label is one of the other languages' labels. */
function isForeignLabel(label: string): boolean {
  return Object.values(FOREIGN_LABELS).some((pattern) => pattern.test(label.trim()));
}

const INFO_LABEL_WORDS =
  /\b(?:written|source|published|publication|first|translated|translation|translator|transcription|transcribed|mark-?up|html|proofread|proofed|copyleft|copyright|rights|public|domain|licen[cs]e|delivered|editor|edited|online|version|original|date|notes?)\b/i;

/** Parses `Label: value` when the label is short (at most five words) and is one archive pages use; undefined otherwise. */
export function parseInfoField(line: SourceLine, value = line.text): InfoField | undefined {
  const match = /^([^:]{2,60}?):\s*(.*)$/.exec(plainSpaces(value).trim());
  if (!match) return undefined;
  const label = match[1]!.trim();
  if (label.split(/\s+/).length > 5 || !(INFO_LABEL_WORDS.test(label) || isForeignLabel(label)) || /^\d/.test(label)) return undefined;
  return { label, value: match[2]!.trim(), line };
}

/** The kind of rights an information field states, by its label and wording; never guessed from elsewhere. */
export function rightsStatus(field: InfoField): 'free' | 'restricted' | 'unknown' {
  const all = `${field.label} ${field.value}`;
  if (/copyleft|public\s+domain|permission is granted|creative\s+commons|free documentation licen[cs]e/i.test(all)) return 'free';
  if (/all rights reserved/i.test(all)) return 'restricted';
  return 'unknown';
}
