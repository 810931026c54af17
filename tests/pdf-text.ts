/**
 * Reading a PDF as a person would, through poppler's pdftotext: pages, their
 * running heads and page numbers, where headings fall, and what a table of
 * contents or an index says. Shared by the PDF tests.
 *
 * Words come with their boxes (`pdftotext -bbox-layout`), so the margins can
 * be told from the text area by position, not by guessing from line order:
 * a running head or folio sits at the same height on page after page, and
 * repeats (the same title) or counts (the page number).
 */
import { execFileSync } from 'node:child_process';

/** One page as read. */
export interface PdfPage {
  /** 1-based physical page index. */
  index: number;
  /** Lines of the text area, top to bottom (margins left out). */
  lines: string[];
  /** The running head: text in the top margin other than the page number ('' if none). */
  head: string;
  /** The page number printed in the top or bottom margin, if any. */
  folio?: number;
  /** For each of `lines`, the widest gap between two of its words, in points (a stretched, justified line has wide gaps). */
  widestGaps: number[];
}

/** Collapses runs of white space. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface VisualLine {
  y: number;
  text: string;
  widestGap: number;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** Words of each page grouped into visual lines (same baseline height), top to bottom, left to right. */
function visualLines(file: string): VisualLine[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return xml.split(/<page\b/).slice(1).map((page) => {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
      x: Number(match[1]),
      right: Number(match[3]),
      // The middle of the box: superscripts and small type on one line still group together.
      y: (Number(match[2]) + Number(match[4])) / 2,
      text: decodeEntities(match[5]!),
    }));
    words.sort((a, b) => a.y - b.y || a.x - b.x);
    const lines: { y: number; words: { x: number; right: number; text: string }[] }[] = [];
    for (const word of words) {
      const line = lines.find((candidate) => Math.abs(candidate.y - word.y) < 3);
      if (line) line.words.push(word);
      else lines.push({ y: word.y, words: [word] });
    }
    return lines
      .sort((a, b) => a.y - b.y)
      .map((line) => {
        const sorted = line.words.sort((a, b) => a.x - b.x);
        const gaps = sorted.slice(1).map((word, i) => word.x - sorted[i]!.right);
        return { y: line.y, text: squeeze(sorted.map((word) => word.text).join(' ')), widestGap: Math.max(0, ...gaps) };
      });
  });
}

/**
 * The height of a margin row (running heads or folios), if the document has
 * one at that edge: the height where most pages put their first (or last)
 * line, provided what stands there repeats from page to page or is a number.
 */
function marginRow(edges: (VisualLine | undefined)[]): number | undefined {
  const present = edges.filter((line): line is VisualLine => line !== undefined);
  if (present.length < 2) return undefined;
  const counts = new Map<number, VisualLine[]>();
  for (const line of present) {
    const key = Math.round(line.y);
    const near = [...counts.keys()].find((y) => Math.abs(y - key) <= 1);
    counts.set(near ?? key, [...(counts.get(near ?? key) ?? []), line]);
  }
  const [y, lines] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  if (lines.length < Math.max(2, present.length / 2)) return undefined;
  const texts = lines.map((line) => line.text.replace(/\d+/g, '#'));
  const repeats = new Set(texts).size < texts.length;
  const numbers = lines.filter((line) => /(^|\s)\d+($|\s)/.test(line.text)).length >= lines.length / 2;
  return repeats || numbers ? y : undefined;
}

/** The pages of a PDF file. */
export function readPdfPages(file: string): PdfPage[] {
  const pages = visualLines(file);
  const top = marginRow(pages.map((lines) => lines[0]));
  const bottom = marginRow(pages.map((lines) => lines[lines.length - 1]));
  return pages.map((lines, i) => {
    const inRow = (row: number | undefined) => (line: VisualLine) => row !== undefined && Math.abs(line.y - row) <= 1.5;
    const topLines = lines.filter(inRow(top));
    const bottomLines = lines.filter(inRow(bottom));
    const marginText = [...topLines, ...bottomLines].map((line) => line.text);
    const folioText = marginText.map((text) => /(?:^|\s)(\d+)(?:$|\s)/.exec(text)?.[1]).find(Boolean);
    const head = squeeze(topLines.map((line) => line.text).join(' ').replace(folioText ? new RegExp(`(^|\\s)${folioText}($|\\s)`) : /$^/, ' '));
    const text = lines.filter((line) => !topLines.includes(line) && !bottomLines.includes(line));
    return {
      index: i + 1,
      lines: text.map((line) => line.text),
      widestGaps: text.map((line) => line.widestGap),
      head,
      folio: folioText ? Number(folioText) : undefined,
    };
  });
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

/** Runs of one to three consecutive lines joined, so that a heading or entry wrapped over lines is still found. */
function lineRuns(lines: readonly string[]): string[] {
  const runs: string[] = [];
  for (let i = 0; i < lines.length; i++) for (let n = 1; n <= 3 && i + n <= lines.length; n++) runs.push(lines.slice(i, i + n).join(' '));
  return runs;
}

/** The first page, from `from` on, on which `heading` stands as a line (or lines) of the text itself. */
export function pageWhereHeadingStands(pages: readonly PdfPage[], heading: string, from = 1): PdfPage | undefined {
  const wanted = squeeze(heading);
  return pages.find((page) => page.index >= from && lineRuns(page.lines).includes(wanted));
}

/** The page that prints the folio `folio`. */
export function pageWithFolio(pages: readonly PdfPage[], folio: number): PdfPage | undefined {
  return pages.find((page) => page.folio === folio);
}

/**
 * In the text of some pages, the page number given after `entry`, as in a
 * contents or index line `2. Entry …… 12` or `Entry, 12` (possibly wrapped).
 */
export function numberAfter(pages: readonly PdfPage[], entry: string): number | undefined {
  const wanted = squeeze(entry);
  for (const page of pages) {
    for (const run of lineRuns(page.lines)) {
      const at = run.indexOf(wanted);
      // Before the entry, at most a list number ("2." or "iv)").
      if (at < 0 || !/^(?:[\dIVXLCivxlc]+[.)]?\s)?$/.test(run.slice(0, at))) continue;
      const rest = run.slice(at + wanted.length).replace(/[.\u2024\u2026·\s]+/g, ' ');
      const match = /^\s*,?\s*(\d+)\s*$/.exec(rest);
      if (match) return Number(match[1]);
    }
  }
  return undefined;
}

/** In the text of some pages, the page numbers listed after `entry`, as in an index line `Entry: 3, 7, 12`. */
export function numbersAfter(pages: readonly PdfPage[], entry: string): number[] | undefined {
  const wanted = squeeze(entry);
  for (const page of pages) {
    for (const line of page.lines) {
      if (!line.startsWith(wanted)) continue;
      // Single pages and ranges ("7–9", an en dash), each range given as every page it spans.
      const match = /^[\s,:]*(\d+(?:\s*[,\u2013]\s*\d+)*)\s*$/.exec(line.slice(wanted.length));
      if (!match) continue;
      return match[1]!.split(',').flatMap((part) => {
        const [from, to = from] = part.split('\u2013').map((n) => Number(n.trim()));
        return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
      });
    }
  }
  return undefined;
}
