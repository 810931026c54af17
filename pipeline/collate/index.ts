/**
 * Collation of witnesses: tokens that rebuild each text exactly,
 * normalisation for comparison only, pairwise alignment, and variant
 * locations across two or more witnesses. Pure functions over strings and
 * tokens; the TEI apparatus is built from them in `critical/`.
 */
export { tokenize, untokenize, type Token, type TokenKind } from './tokenize.js';
export { normalizeToken, type Normalization } from './normalize.js';
export { alignPair, type AlignOp } from './align.js';
export { collate, BREAK_NORM, rangeText, type CollateOptions, type Cuttable, type TokenRange, type VariantLocation, type VariantType } from './collate.js';
export { tokenizeBlocks } from './blocks.js';
