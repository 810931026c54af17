/**
 * Collation of two or more witnesses into variant locations.
 *
 * Every witness is aligned to the base alone (a star around the base, see
 * align.ts), and the differences of all witnesses are merged in the base's
 * coordinates. No witness is aligned against another's alignment, so the
 * result does not depend on the order the witnesses are given in: only the
 * base is special, and it is named. A location is then widened until, in
 * every witness, it starts and ends where the text may be cut: at block
 * boundaries when it changes the block structure (a paragraph split, merged,
 * added), elsewhere where the caller says (outside inline elements).
 */
import { alignPair, type AlignOp } from './align.js';
import type { Token } from './tokenize.js';

/** A half-open range of token indices in one witness. */
export interface TokenRange {
  start: number;
  end: number;
}

/** What a reading is, compared to the base. */
export type VariantType = 'substantive' | 'orthographic' | 'punctuation' | 'omission' | 'addition' | 'transposition' | 'paragraphing';

/** One variant location: the same span in every witness. */
export interface VariantLocation {
  /** The span in each witness, indexed as the witnesses were given (the base's is the lemma). */
  ranges: TokenRange[];
  /** True when some reading holds a block boundary: the location is whole blocks. */
  structural: boolean;
  /** The type of each witness's reading against the base; `null` where it reads as the base does. */
  types: Array<VariantType | null>;
}

/** Where a location may begin or end in a witness: `true` when the token boundary `index` (before token `index`) may be cut. */
export type Cuttable = (witness: number, index: number) => boolean;

interface Mapping {
  /** Witness position for a base boundary taken as a start: before any insertion there. */
  start: Int32Array;
  /** Witness position for a base boundary taken as an end: after any insertion there. */
  end: Int32Array;
}

function mappingOf(ops: readonly AlignOp[], baseLength: number, witnessLength: number): Mapping {
  const start = new Int32Array(baseLength + 1).fill(-1);
  const end = new Int32Array(baseLength + 1).fill(-1);
  start[baseLength] = witnessLength;
  end[0] = 0;
  for (const op of ops) {
    const [aStart, aEnd, bStart, bEnd] = op.kind === 'match' ? [op.a, op.a + 1, op.b, op.b + 1] : [op.aStart, op.aEnd, op.bStart, op.bEnd];
    if (start[aStart] === -1 || aStart === baseLength) start[aStart] = aStart === baseLength ? Math.min(start[aStart]!, bStart) : bStart;
    end[aEnd] = bEnd;
  }
  return { start, end };
}

function blockStartOk(tokens: readonly Token[], s: number): boolean {
  return s === 0 || s === tokens.length || tokens[s - 1]!.kind === 'break' || tokens[s]!.kind === 'break';
}

function blockEndOk(tokens: readonly Token[], e: number): boolean {
  return e === 0 || e === tokens.length || tokens[e]!.kind === 'break' || tokens[e - 1]!.kind === 'break';
}

function hasBreak(tokens: readonly Token[], range: TokenRange): boolean {
  for (let k = range.start; k < range.end; k++) if (tokens[k]!.kind === 'break') return true;
  return false;
}

/** Merges ranges that overlap or touch (a zero-width insertion at an edge belongs to the range). */
function mergeRanges(ranges: TokenRange[]): TokenRange[] {
  const sorted = [...ranges].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: TokenRange[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

const wordsOf = (tokens: readonly Token[], range: TokenRange) =>
  tokens.slice(range.start, range.end).filter((token) => token.kind === 'word').map((token) => token.norm);
const normsOf = (tokens: readonly Token[], range: TokenRange) =>
  tokens.slice(range.start, range.end).filter((token) => token.kind !== 'space').map((token) => token.norm);
const textOf = (tokens: readonly Token[], range: TokenRange) => tokens.slice(range.start, range.end).map((token) => token.text).join('');

/** The type of a reading against the lemma, before transpositions across locations are looked for. */
function typeOf(base: readonly Token[], lemma: TokenRange, tokens: readonly Token[], reading: TokenRange): VariantType | null {
  if (textOf(base, lemma) === textOf(tokens, reading)) return null;
  const baseNorms = normsOf(base, lemma);
  const norms = normsOf(tokens, reading);
  if (baseNorms.join('\u0001') === norms.join('\u0001')) return 'orthographic';
  const baseWords = wordsOf(base, lemma);
  const words = wordsOf(tokens, reading);
  if (baseWords.join(' ') === words.join(' ')) {
    const breaks = (list: readonly string[]) => list.filter((norm) => norm === BREAK_NORM).length;
    return breaks(baseNorms) !== breaks(norms) ? 'paragraphing' : 'punctuation';
  }
  if (words.length === 0) return 'omission';
  if (baseWords.length === 0) return 'addition';
  if (baseWords.length > 1 && [...baseWords].sort().join(' ') === [...words].sort().join(' ')) return 'transposition';
  return 'substantive';
}

/** The compared form of a block boundary (no text token can have it). */
export const BREAK_NORM = '\u0000¶';

/** Options of {@link collate}. */
export interface CollateOptions {
  /** Index of the base witness (default 0). */
  base?: number;
  /** Where inline locations may begin and end (default: at any token boundary). */
  cuttable?: Cuttable;
}

/**
 * Collates witnesses (token sequences; blocks separated by `break` tokens)
 * into variant locations, in the base's order. Each location's ranges cover
 * the same passage in every witness; between locations, every witness reads
 * exactly as the base (same characters).
 */
export function collate(witnesses: ReadonlyArray<readonly Token[]>, options: CollateOptions = {}): VariantLocation[] {
  const baseIndex = options.base ?? 0;
  const base = witnesses[baseIndex]!;
  const cuttable = options.cuttable ?? (() => true);
  const mappings: Mapping[] = [];
  let ranges: TokenRange[] = [];
  witnesses.forEach((tokens, w) => {
    if (w === baseIndex) {
      const identity = Int32Array.from({ length: base.length + 1 }, (_, k) => k);
      mappings.push({ start: identity, end: identity });
      return;
    }
    const ops = alignPair(base, tokens);
    mappings.push(mappingOf(ops, base.length, tokens.length));
    for (const op of ops) if (op.kind === 'diff') ranges.push({ start: op.aStart, end: op.aEnd });
  });
  const readingsOf = (range: TokenRange): TokenRange[] =>
    mappings.map((mapping) => ({ start: mapping.start[range.start]!, end: mapping.end[range.end]! }));
  // Widen until every witness may be cut at both ends; widening can join locations, so repeat until stable.
  for (let changed = true; changed; ) {
    changed = false;
    ranges = mergeRanges(ranges);
    for (const range of ranges) {
      for (;;) {
        const readings = readingsOf(range);
        // A boundary inside another location's difference has no position in that witness yet: widen past it.
        let widenStart = readings.some((reading) => reading.start < 0);
        let widenEnd = readings.some((reading) => reading.end < 0);
        const structural = !widenStart && !widenEnd && readings.some((reading, w) => hasBreak(witnesses[w]!, reading));
        if (!widenStart && !widenEnd) readings.forEach((reading, w) => {
          const tokens = witnesses[w]!;
          const startOk = structural ? blockStartOk(tokens, reading.start) : cuttable(w, reading.start);
          const endOk = structural ? blockEndOk(tokens, reading.end) : cuttable(w, reading.end);
          if (!startOk) widenStart = true;
          if (!endOk) widenEnd = true;
        });
        if (widenStart && range.start > 0) range.start--;
        else if (widenEnd && range.end < base.length) range.end++;
        else if (widenStart || widenEnd) throw new Error(`no cut point found for a variant location at base tokens ${range.start}–${range.end}`);
        else break;
        changed = true;
      }
    }
  }
  const locations: VariantLocation[] = ranges.map((range) => {
    const readings = readingsOf(range);
    return {
      ranges: readings,
      structural: readings.some((reading, w) => hasBreak(witnesses[w]!, reading)),
      types: readings.map((reading, w) => (w === baseIndex ? null : typeOf(base, range, witnesses[w]!, reading))),
    };
  });
  markTranspositions(witnesses, baseIndex, locations);
  return locations.filter((location) => location.types.some((type) => type !== null));
}

/**
 * Types as transpositions the pairs of locations where a witness leaves out
 * words the base has in one place and adds the same words in another.
 */
function markTranspositions(witnesses: ReadonlyArray<readonly Token[]>, baseIndex: number, locations: VariantLocation[]): void {
  const base = witnesses[baseIndex]!;
  witnesses.forEach((tokens, w) => {
    if (w === baseIndex) return;
    const omitted = new Map<string, number>();
    const added = new Map<string, number>();
    locations.forEach((location, k) => {
      const type = location.types[w];
      if (type !== 'omission' && type !== 'addition' && type !== 'substantive') return;
      const lemma = wordsOf(base, location.ranges[baseIndex]!);
      const reading = wordsOf(tokens, location.ranges[w]!);
      const lost = without(lemma, reading).join(' ');
      const gained = without(reading, lemma).join(' ');
      if (lost) omitted.set(lost, k);
      if (gained) added.set(gained, k);
    });
    for (const [words, k] of omitted) {
      const other = added.get(words);
      if (words && other !== undefined && other !== k) {
        locations[k]!.types[w] = 'transposition';
        locations[other]!.types[w] = 'transposition';
      }
    }
  });
}

/** The words of `list` not in `other` (as multisets), in order. */
function without(list: readonly string[], other: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const word of other) left.set(word, (left.get(word) ?? 0) + 1);
  return list.filter((word) => {
    const count = left.get(word) ?? 0;
    if (count > 0) left.set(word, count - 1);
    return count === 0;
  });
}

export { textOf as rangeText };
