/**
 * A witness as one token stream: the texts of its blocks (paragraphs,
 * headings, items) joined by `break` tokens, so that a paragraph split,
 * merged or added is a difference like any other, not a failure.
 */
import { BREAK_NORM } from './collate.js';
import { tokenize, type Token } from './tokenize.js';
import type { Normalization } from './normalize.js';

/** The tokens of the blocks, each block's tokens followed by a break (none after the last); `blockOf[k]` is token k's block. */
export function tokenizeBlocks(blocks: readonly string[], normalization: Normalization = {}): { tokens: Token[]; blockOf: number[]; offsets: number[] } {
  const tokens: Token[] = [];
  const blockOf: number[] = [];
  /** Index of each block's first token. */
  const offsets: number[] = [];
  blocks.forEach((text, b) => {
    if (b > 0) {
      tokens.push({ text: '', norm: BREAK_NORM, kind: 'break', start: 0, end: 0 });
      blockOf.push(-1);
    }
    offsets.push(tokens.length);
    for (const token of tokenize(text, normalization)) {
      tokens.push(token);
      blockOf.push(b);
    }
  });
  return { tokens, blockOf, offsets };
}
