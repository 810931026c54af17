/**
 * Reading a PDF as a person would, through poppler's pdftotext: pages, their
 * running heads and page numbers, where headings fall, and what a table of
 * contents or an index says. Shared by the PDF tests.
 */
import { execFileSync } from 'node:child_process';

/** One page of `pdftotext -layout` output. */
export interface PdfPage {
  /** 1-based physical page index. */
  index: number;
  /** Non-empty lines, trimmed, with runs of spaces kept as one space. */
  lines: string[];
  /** The running head: the first non-empty line (margin boxes print above the text area). */
  head: string;
  /** The number printed in the top or bottom margin, if any. */
  folio?: number;
}

/** Collapses runs of white space so that layout columns do not matter. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The pages of a PDF file, as pdftotext lays them out. */
export function readPdfPages(file: string): PdfPage[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages.map((page, i) => {
    const raw = page.split('\n').filter((line) => line.trim());
    const lines = raw.map(squeeze);
    return { index: i + 1, lines, head: lines[0] ?? '', folio: folioOf(raw[0] ?? '', raw[raw.length - 1] ?? '') };
  });
}

/**
 * The page number printed in a margin: a number alone on the last or first
 * line, or set apart from a running head by a wide gap (margin boxes are laid
 * out in columns), e.g. `12` or `The Title        12`.
 */
function folioOf(firstRaw: string, lastRaw: string): number | undefined {
  for (const line of [lastRaw, firstRaw]) {
    const alone = /^\s*(\d+)\s*$/.exec(line);
    if (alone) return Number(alone[1]);
  }
  for (const line of [firstRaw, lastRaw]) {
    const apart = /\S\s{4,}(\d+)\s*$/.exec(line) ?? /^\s*(\d+)\s{4,}\S/.exec(line);
    if (apart) return Number(apart[1]);
  }
  return undefined;
}

/** The number of pages pdfinfo reports. */
export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** The fonts of a PDF with whether each is embedded, from pdffonts. */
export function fontsOf(file: string): { name: string; embedded: boolean }[] {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim());
  // Columns: name type… encoding emb sub uni object ID; the three yes/no flags come before the two numbers.
  return rows.map((row) => {
    const parts = row.trim().split(/\s+/);
    return { name: parts[0]!, embedded: parts[parts.length - 5] === 'yes' };
  });
}

/**
 * The first page on which `heading` stands as a line of the text itself (not
 * only as the running head), skipping pages before `from`.
 */
export function pageWhereHeadingStands(pages: readonly PdfPage[], heading: string, from = 1): PdfPage | undefined {
  const wanted = squeeze(heading);
  return pages.find((page) => page.index >= from && page.lines.slice(1).some((line) => line === wanted));
}

/** The page that prints the folio `folio`. */
export function pageWithFolio(pages: readonly PdfPage[], folio: number): PdfPage | undefined {
  return pages.find((page) => page.folio === folio);
}

/** In the lines of some pages, the page number given after `entry` (as in a contents or index line `Entry …… 12`). */
export function numberAfter(pages: readonly PdfPage[], entry: string): number | undefined {
  const wanted = squeeze(entry);
  for (const page of pages) {
    for (const line of page.lines) {
      // The entry may follow a list number ("2. Title …… 12").
      const at = line.indexOf(wanted);
      if (at < 0 || !/^(?:[\dIVXLCivxlc]+[.)]?\s)?$/.test(line.slice(0, at))) continue;
      const rest = line.slice(at + wanted.length).replace(/[.\u2024\u2026·\s]+/g, ' ');
      const match = /^\s*,?\s*(\d+)\s*$/.exec(rest);
      if (match) return Number(match[1]);
    }
  }
  return undefined;
}
