/**
 * Normalisation for comparison only: the forms collation compares, never the
 * text an edition shows. Two tokens that normalise alike are the same reading
 * for alignment; where their characters still differ the difference is kept
 * (as an orthographic variant), so no witness loses a character.
 */

/** How tokens are compared. Every option defaults to on except the spelling table. */
export interface Normalization {
  /** Compare letters without case (default true). */
  ignoreCase?: boolean;
  /** Curly and straight quotation marks and apostrophes, and dash forms, compare alike (default true). */
  foldPunctuationForms?: boolean;
  /** Line-end hyphenation and soft hyphens are not part of the word (default true): `organi-\nsation` = `organisation`. */
  joinHyphenation?: boolean;
  /** Spellings compared as another (`labour` → `labor`), applied after the other folds, to lower-case forms when ignoreCase. */
  spellings?: ReadonlyMap<string, string>;
}

const QUOTE_FORMS: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'", '´': "'", '‹': "'", '›': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
};
const QUOTE_PATTERN = new RegExp(`[${Object.keys(QUOTE_FORMS).join('')}]`, 'gu');

/** The compared form of one token's characters (without its white space). */
export function normalizeToken(core: string, options: Normalization = {}): string {
  let form = core.normalize('NFC');
  if (options.joinHyphenation ?? true) form = form.replace(/-[ \t]*\r?\n[ \t]*/gu, '').replace(/\u00AD/gu, '');
  if (options.foldPunctuationForms ?? true) form = form.replace(QUOTE_PATTERN, (c) => QUOTE_FORMS[c]!);
  if (options.ignoreCase ?? true) form = form.toLowerCase();
  return options.spellings?.get(form) ?? form;
}
