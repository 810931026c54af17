/**
 * Alignment of two token sequences (a base and a witness), as an edit script
 * of matches and differing runs.
 *
 * The method is patience alignment refined by dynamic programming: tokens that
 * occur exactly once in both sequences (words only, never punctuation) are
 * anchors; the longest run of anchors in the same order is kept; the gaps
 * between them are aligned the same way, recursively, after their common
 * prefix and suffix; a gap without unique tokens is aligned by weighted
 * Needleman–Wunsch, where a matched word weighs more than a matched
 * punctuation mark, so that commas never pull words out of alignment. On a
 * long common text the work is near-linear: almost everything is prefix,
 * suffix or anchor. A transposed passage is a unique token out of order: it
 * is left out of the anchors and appears as an omission here and an addition
 * there, which `classify` then types as a transposition.
 *
 * CollateX's failure cases this addresses: punctuation attached to words or
 * aligned as if it were words (punctuation is its own token and weighs less),
 * scattered matches of common words inside a rewritten passage (islands of
 * one or two matched tokens between larger differences are dissolved), and
 * order dependence (see collate.ts: every witness is aligned to the base alone).
 */
import type { Token } from './tokenize.js';

/** A step of an edit script: a token of the base matching one of the witness, or a differing run of each. */
export type AlignOp =
  | { kind: 'match'; a: number; b: number }
  | { kind: 'diff'; aStart: number; aEnd: number; bStart: number; bEnd: number };

/** Cells of a dynamic-programming table above which a gap is not aligned token by token but taken as one difference. */
const MAX_CELLS = 4_000_000;

function weight(token: Token): number {
  if (token.kind === 'break') return 3;
  if (token.kind === 'word') return 2;
  return 1;
}

/** Matched pairs `[i, j]` of a[aLo, aHi) and b[bLo, bHi), in order, appended to `out`. */
function alignRange(a: readonly Token[], b: readonly Token[], aLo: number, aHi: number, bLo: number, bHi: number, out: Array<[number, number]>): void {
  while (aLo < aHi && bLo < bHi && a[aLo]!.norm === b[bLo]!.norm) out.push([aLo++, bLo++]);
  const suffix: Array<[number, number]> = [];
  while (aLo < aHi && bLo < bHi && a[aHi - 1]!.norm === b[bHi - 1]!.norm) suffix.push([--aHi, --bHi]);
  if (aLo < aHi && bLo < bHi) {
    const anchors = uniqueAnchors(a, b, aLo, aHi, bLo, bHi);
    if (anchors.length) {
      let i = aLo;
      let j = bLo;
      for (const [ai, bj] of anchors) {
        alignRange(a, b, i, ai, j, bj, out);
        out.push([ai, bj]);
        i = ai + 1;
        j = bj + 1;
      }
      alignRange(a, b, i, aHi, j, bHi, out);
    } else if ((aHi - aLo) * (bHi - bLo) <= MAX_CELLS) {
      needlemanWunsch(a, b, aLo, aHi, bLo, bHi, out);
    }
  }
  for (let k = suffix.length - 1; k >= 0; k--) out.push(suffix[k]!);
}

/** Words occurring once in each range, paired, reduced to their longest chain in the same order (patience sorting). */
function uniqueAnchors(a: readonly Token[], b: readonly Token[], aLo: number, aHi: number, bLo: number, bHi: number): Array<[number, number]> {
  const inA = new Map<string, number>();
  for (let i = aLo; i < aHi; i++) if (a[i]!.kind === 'word') inA.set(a[i]!.norm, inA.has(a[i]!.norm) ? -1 : i);
  const inB = new Map<string, number>();
  for (let j = bLo; j < bHi; j++) if (b[j]!.kind === 'word') inB.set(b[j]!.norm, inB.has(b[j]!.norm) ? -1 : j);
  const pairs: Array<[number, number]> = [];
  for (const [norm, i] of inA) {
    const j = inB.get(norm);
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence of b positions (patience sorting with back links).
  const tails: number[] = [];
  const back = new Array<number>(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const j = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = back[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

/** Weighted Needleman–Wunsch (gaps and mismatches cost nothing, matches weigh by kind); ties prefer the earliest match. */
function needlemanWunsch(a: readonly Token[], b: readonly Token[], aLo: number, aHi: number, bLo: number, bHi: number, out: Array<[number, number]>): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const score = new Int32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const ta = a[aLo + i]!;
      const tb = b[bLo + j]!;
      let best = Math.max(score[at(i + 1, j)]!, score[at(i, j + 1)]!);
      if (ta.norm === tb.norm) best = Math.max(best, score[at(i + 1, j + 1)]! + weight(ta));
      score[at(i, j)] = best;
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const ta = a[aLo + i]!;
    if (ta.norm === b[bLo + j]!.norm && score[at(i, j)] === score[at(i + 1, j + 1)]! + weight(ta)) {
      out.push([aLo + i, bLo + j]);
      i++;
      j++;
    } else if (score[at(i + 1, j)] === score[at(i, j)]) i++;
    else j++;
  }
}

/** Size of a differing run: its longer side, in tokens. */
function runSize(op: AlignOp): number {
  return op.kind === 'diff' ? Math.max(op.aEnd - op.aStart, op.bEnd - op.bStart) : 0;
}

/** Turns matched pairs into an edit script; matches whose characters differ (case, quote forms, white space) become one-token differences. */
function toOps(a: readonly Token[], b: readonly Token[], matches: ReadonlyArray<[number, number]>): AlignOp[] {
  const ops: AlignOp[] = [];
  let i = 0;
  let j = 0;
  const pushDiff = (aEnd: number, bEnd: number) => {
    if (aEnd > i || bEnd > j) ops.push({ kind: 'diff', aStart: i, aEnd, bStart: j, bEnd });
  };
  for (const [mi, mj] of matches) {
    pushDiff(mi, mj);
    if (a[mi]!.text === b[mj]!.text) ops.push({ kind: 'match', a: mi, b: mj });
    else ops.push({ kind: 'diff', aStart: mi, aEnd: mi + 1, bStart: mj, bEnd: mj + 1 });
    i = mi + 1;
    j = mj + 1;
  }
  pushDiff(a.length, b.length);
  return ops;
}

/** Joins neighbouring differences (a one-token character difference next to a changed word is one variant). */
function joinDiffs(ops: AlignOp[]): AlignOp[] {
  const out: AlignOp[] = [];
  for (const op of ops) {
    const last = out[out.length - 1];
    if (op.kind === 'diff' && last?.kind === 'diff') {
      last.aEnd = op.aEnd;
      last.bEnd = op.bEnd;
    } else out.push(op.kind === 'diff' ? { ...op } : op);
  }
  return out;
}

/** True when a matched island between differences of these sizes is chance: both are two tokens or more, or one is a rewritten passage (eight or more). */
function chance(before: number, after: number): boolean {
  return Math.min(before, after) >= 2 || Math.max(before, after) >= 8;
}

/** True when the matched tokens ops[from, to) are only punctuation and short words (`the`, `of`, `Rosa`): what chance matches are made of. */
function weak(a: readonly Token[], ops: readonly AlignOp[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const op = ops[k]!;
    const token = op.kind === 'match' ? a[op.a]! : undefined;
    if (!token || token.kind === 'break' || (token.kind === 'word' && token.norm.length > 4)) return false;
  }
  return true;
}

/** True when a difference changes the blocks: those are widened to whole paragraphs anyway, and joining text to them would only hide it. */
function hasBreak(a: readonly Token[], b: readonly Token[], op: AlignOp): boolean {
  if (op.kind !== 'diff') return false;
  for (let k = op.aStart; k < op.aEnd; k++) if (a[k]!.kind === 'break') return true;
  for (let k = op.bStart; k < op.bEnd; k++) if (b[k]!.kind === 'break') return true;
  return false;
}

/**
 * Dissolves islands of one or two matched tokens of punctuation and short words between two
 * differences of two tokens or more, or next to a rewritten passage (never
 * next to a change of paragraphs): inside a rewritten passage a shared "the" or comma is
 * chance, and splitting the passage at it would scatter one revision into
 * several spurious variants.
 */
function dissolveIslands(a: readonly Token[], b: readonly Token[], ops: AlignOp[]): AlignOp[] {
  const out: AlignOp[] = [];
  let k = 0;
  while (k < ops.length) {
    const op = ops[k]!;
    if (op.kind === 'diff') {
      const last = out[out.length - 1];
      // Joined into the difference before it when the island between them was dissolved.
      if (last?.kind === 'diff') {
        last.aEnd = op.aEnd;
        last.bEnd = op.bEnd;
      } else out.push({ ...op });
      k++;
      continue;
    }
    let end = k;
    while (end < ops.length && ops[end]!.kind === 'match') end++;
    const before = out[out.length - 1];
    const after = ops[end];
    if (end - k <= 2 && before?.kind === 'diff' && after?.kind === 'diff' && chance(runSize(before), runSize(after)) && weak(a, ops, k, end) && !hasBreak(a, b, before) && !hasBreak(a, b, after)) {
      k = end; // the island's tokens fall inside the joined difference
      continue;
    }
    for (let m = k; m < end; m++) out.push(ops[m]!);
    k = end;
  }
  return out;
}

/** True when position `p` of a sequence is a block boundary (its start or end, or next to a break). */
function atBoundary(tokens: readonly Token[], p: number): boolean {
  return p === 0 || p === tokens.length || tokens[p - 1]!.kind === 'break' || tokens[p]!.kind === 'break';
}

/**
 * Moves added or omitted paragraphs onto paragraph boundaries. An added
 * paragraph after "…year." may align as ". ¶ An added … here" inserted before
 * the final "." (the same tokens, shifted): sliding the insertion along equal
 * tokens until it starts and ends at a boundary makes it whole paragraphs, so
 * it is not joined to a change elsewhere in the paragraph before it.
 */
function slideToBlocks(a: readonly Token[], b: readonly Token[], ops: AlignOp[]): AlignOp[] {
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.kind !== 'diff' || (op.aStart !== op.aEnd && op.bStart !== op.bEnd)) continue;
    const inB = op.aStart === op.aEnd;
    const side = inB ? b : a;
    const other = inB ? a : b;
    const [start, end] = inB ? [op.bStart, op.bEnd] : [op.aStart, op.aEnd];
    if (!side.slice(start, end).some((token) => token.kind === 'break')) continue;
    const at = inB ? op.aStart : op.bStart;
    const aligned = (s: number, e: number, p: number) => atBoundary(side, s) && atBoundary(side, e) && atBoundary(other, p);
    if (aligned(start, end, at)) continue;
    // Try shifting right, then left, along tokens of identical characters; keep the first aligned place.
    for (const direction of [1, -1]) {
      let s = start;
      let e = end;
      let p = at;
      let steps = 0;
      while (steps < 64) {
        const [from, to] = direction === 1 ? [s, e] : [e - 1, s - 1];
        if (to < 0 || to >= side.length || side[from]!.text !== side[to]!.text) break;
        const q = direction === 1 ? p : p - 1;
        if (q < 0 || q >= other.length || other[q]!.text !== side[to]!.text) break;
        // Only over plain matches of exactly those tokens.
        const neighbour = ops[direction === 1 ? k + steps + 1 : k - steps - 1];
        const expected = inB ? { a: q, b: to } : { a: to, b: q };
        if (neighbour?.kind !== 'match' || neighbour.a !== expected.a || neighbour.b !== expected.b) break;
        s += direction;
        e += direction;
        p += direction;
        steps++;
        if (aligned(s, e, p)) break;
      }
      if (steps === 0 || !aligned(s, e, p)) continue;
      // The matches the insertion moved over: those before it now (right) or after it (left).
      const moved: AlignOp[] = [];
      for (let m = 0; m < steps; m++) {
        const sideIndex = direction === 1 ? start + m : e + m;
        const otherIndex = direction === 1 ? at + m : p + m;
        moved.push(inB ? { kind: 'match', a: otherIndex, b: sideIndex } : { kind: 'match', a: sideIndex, b: otherIndex });
      }
      const shifted: AlignOp = inB ? { kind: 'diff', aStart: p, aEnd: p, bStart: s, bEnd: e } : { kind: 'diff', aStart: s, aEnd: e, bStart: p, bEnd: p };
      if (direction === 1) ops.splice(k, steps + 1, ...moved, shifted);
      else ops.splice(k - steps, steps + 1, shifted, ...moved);
      break;
    }
  }
  return ops;
}

/**
 * Aligns a witness to the base: an edit script covering both sequences in
 * order, where every `match` joins tokens of identical characters and every
 * `diff` is a maximal differing run (either side may be empty).
 */
export function alignPair(a: readonly Token[], b: readonly Token[]): AlignOp[] {
  const matches: Array<[number, number]> = [];
  alignRange(a, b, 0, a.length, 0, b.length, matches);
  return slideToBlocks(a, b, dissolveIslands(a, b, joinDiffs(toOps(a, b, matches))));
}
