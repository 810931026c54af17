/** The lines of a plain-text page: non-blank lines with their numbers, blocks, and their places for TEI nodes. */
import type { SourceLine } from '../../model.js';
import { type Element } from '../../tei/tree.js';
import { plainSpaces } from '../header-lines.js';

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

/** Lines already cleaned, with the text they were cleaned from: the reader asks for a line's clean text many times. */
const cleaned = new WeakMap<SourceLine, { text: string; value: string }>();

/** A line's text with plain, collapsed spaces. */
export function clean(line: SourceLine): string {
  const known = cleaned.get(line);
  if (known?.text === line.text) return known.value;
  const value = plainSpaces(line.text).replace(/\s+/g, ' ').trim();
  cleaned.set(line, { text: line.text, value });
  return value;
}

export function at(line: SourceLine) {
  const column = line.text.length - line.text.trimStart().length + 1;
  return { start: { line: line.line, column }, end: { line: line.line, column: line.text.length + 1 } };
}

export function positioned<T extends Element>(element: T, line: SourceLine): T {
  element.position = at(line);
  return element;
}

const STOP_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'on', 'a', 'an', 'for', 'at', 'by', 'with', 'from', 'or', 'as', 'is', 'vs']);

/** True when most words of a line are capitalised, as in headings (`What the Nazis Failed to Understand`). */
export function titleCased(value: string): boolean {
  const words = value
    .replace(/^\d+\\?[.)]?\s*/, '')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((word) => word && !STOP_WORDS.has(word.toLowerCase()));
  if (words.length === 0) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / words.length >= 0.6;
}
