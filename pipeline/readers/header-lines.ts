/**
 * Parsers for the header lines archive pages share, whatever their format:
 * datelines, "From …" source lines, transcription credits, "Last updated".
 */
import type { IsoDate, PrintSource, SourceLine, Transcription } from '../model.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Finds a date in free text: `3 October 1949`, `August 1941`, `19 August, 1899`, `1959`, `27.9.2004`. */
export function findDate(text: string): IsoDate | undefined {
  const monthNames = MONTHS.join('|');
  let match = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${monthNames})\\.?,?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
    return { iso: `${match[3]}-${pad(month)}-${pad(Number(match[1]))}`, text: match[0] };
  }
  match = new RegExp(`\\b(${monthNames})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[1]!.toLowerCase()) + 1;
    return { iso: `${match[3]}-${pad(month)}-${pad(Number(match[2]))}`, text: match[0] };
  }
  match = new RegExp(`\\b(${monthNames})\\.?,?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[1]!.toLowerCase()) + 1;
    return { iso: `${match[2]}-${pad(month)}`, text: match[0] };
  }
  match = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(text);
  if (match) return { iso: `${match[3]}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`, text: match[0] };
  match = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text);
  if (match) return { iso: match[1]!, text: match[0] };
  return undefined;
}

/** `(August 1941)` → 1941-08. */
export function parseDateLine(value: string): IsoDate | undefined {
  return findDate(value);
}

/** `Last updated: 28 May 2016`, `Last updated on 27.9.2004`. */
export function parseLastUpdated(value: string): IsoDate | undefined {
  return findDate(value);
}

/** `From Fourth International, Vol. 2 No. 7, August 1941, pp. 217–221.` */
export function parseSourceLine(line: SourceLine): PrintSource {
  const value = line.text.trim().replace(/\u00A0/g, ' ');
  const source: PrintSource = { line };
  const body = value.replace(/^From\s+/, '').replace(/\.$/, '');
  const parts = body.split(/,\s*/);
  source.journal = parts[0]?.trim();
  const vol = /\bVol(?:ume)?\.?\s*([IVXLC\d]+)/i.exec(body);
  if (vol) source.volume = vol[1];
  const no = /\bNo\.?\s*(\d+)/i.exec(body);
  if (no) source.issue = no[1];
  const pages = /\bpp?\.\s*(\d+)(?:\s*[–-]\s*(\d+))?/.exec(body);
  if (pages) source.pages = { from: pages[1]!, to: pages[2], text: pages[0] };
  source.date = findDate(body.replace(/\bpp?\..*$/, ''));
  return source;
}

/** `Transcribed & marked up by Einde O’Callaghan for the Encyclopaedia of Trotskyism On-Line (ETOL).` */
export function parseTranscriptionLine(line: SourceLine): Transcription {
  const value = line.text.trim();
  const result: Transcription = { line, names: [] };
  const by = /\bby\s+(.+?)(?:\s+(?:in\s+(\d{4})\s+)?for\s+(?:the\s+)?(.+?))?\.?$/.exec(value);
  if (by) {
    result.names = by[1]!.split(/\s*(?:&|\band\b)\s*/).map((name) => name.trim()).filter(Boolean);
    if (by[2]) result.year = by[2];
    if (by[3]) result.archive = by[3];
  }
  return result;
}
