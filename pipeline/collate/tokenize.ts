/**
 * Tokens for collation. The tokens of a text partition it: every character
 * (white space included) belongs to exactly one token, so any witness can be
 * rebuilt from its tokens exactly. A token is a word or one punctuation
 * mark, with the white space after it; punctuation is a token of its own so
 * that a changed comma never pulls the words around it out of alignment
 * (CollateX's whitespace tokenizer keeps `Kautsky.` as one token, and a
 * punctuation-only change then reads as a changed word).
 */
import { normalizeToken, type Normalization } from './normalize.js';

/** What a token is, for typing variants. `break` is a block boundary (between paragraphs). */
export type TokenKind = 'word' | 'punct' | 'space' | 'break';

export interface Token {
  /** The token's characters as in the source, with the white space after it (and before it, for a text's first token). */
  text: string;
  /** The form compared: normalised, without white space (see normalize.ts). Empty for a white-space-only text. */
  norm: string;
  kind: TokenKind;
  /** Offsets of `text` in the tokenised string. */
  start: number;
  end: number;
}

// A word: letters, marks and digits, joined by apostrophes, hyphens and line-end hyphenation (`organi-\nsation`).
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’\-‐\u00AD]|-[ \t]*\r?\n[ \t]*)[\p{L}\p{M}\p{N}]+)*/uy;
const SPACE = /\s+/uy;

/**
 * Splits a text into tokens that rebuild it exactly (`tokens.map(t => t.text).join('') === text`).
 * Each token holds the white space before it, so that a removed comma is a
 * difference of one character, not of the word before it; white space at the
 * end of the text belongs to the last token. A text of white space only is one `space` token.
 */
export function tokenize(text: string, normalization: Normalization = {}): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    SPACE.lastIndex = at;
    const space = SPACE.exec(text);
    const coreAt = at + (space ? space[0].length : 0);
    if (coreAt >= text.length) break;
    WORD.lastIndex = coreAt;
    const word = WORD.exec(text);
    // A character outside words and white space is one punctuation token (a surrogate pair stays whole).
    const core = word ? word[0] : String.fromCodePoint(text.codePointAt(coreAt)!);
    const end = coreAt + core.length;
    tokens.push({ text: text.slice(at, end), norm: normalizeToken(core, normalization), kind: word ? 'word' : 'punct', start: at, end });
    at = end;
  }
  const last = tokens[tokens.length - 1];
  if (last && at < text.length) {
    last.text += text.slice(at);
    last.end = text.length;
  } else if (!last && text.length > 0) tokens.push({ text, norm: '', kind: 'space', start: 0, end: text.length });
  return tokens;
}

/** The text the tokens were made from. */
export function untokenize(tokens: readonly Token[]): string {
  return tokens.map((token) => token.text).join('');
}
