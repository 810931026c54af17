/**
 * Hyphenation of the print rendering: soft hyphens (U+00AD) put into the
 * words of the text's paragraphs by the TeX patterns of the npm package
 * `hyphen`, chosen by the document's language. Chromium breaks lines at a
 * soft hyphen and prints the hyphen only there; in the middle of a line it is
 * invisible. Only the print HTML gets them: the TEI never does (a rendering
 * concern), and EPUB reading systems hyphenate by their own settings.
 *
 * Why not `hyphens: auto`: Chromium on Linux ships no hyphenation
 * dictionaries, so justified text opened rivers instead.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The soft hyphen. */
export const SOFT_HYPHEN = '\u00AD';

/** The pattern file for a language's primary subtag, where it is not the subtag itself. */
const PATTERN_FILES: Readonly<Record<string, string>> = {
  en: 'en-us',
  de: 'de-1996',
  el: 'el-monoton',
  mn: 'mn-cyrl',
  sr: 'sr-cyrl',
  sh: 'sh-latn',
  zh: 'zh-latn-pinyin',
};
/** Languages the package has patterns for (by file name). */
const PATTERN_NAMES = new Set(
  'af as be bg bn ca cop cs cu cy da de-1901 de-1996 de-ch-1901 el-monoton el-polyton en-gb en-us es et eu fi fr fur ga gl grc gu hi hr hsb hu hy ia id is it ka kmr kn la lt lv mk ml mn-cyrl mr nb nl nn no oc or pa pi pl pms pt rm ro ru sa sh-cyrl sh-latn sk sl sq sr-cyrl sv ta te th tk tr uk zh-latn-pinyin'.split(' '),
);

type Hyphenator = (text: string) => string;
const hyphenators = new Map<string, Hyphenator | undefined>();

/** Shortest word that is hyphenated (UTF-16 code units, as the package counts). */
const MIN_WORD_LENGTH = 6;

/**
 * A word as the package reads one: a run of code units that are neither white
 * space nor ASCII punctuation or digits (the apostrophe counts as a letter) nor
 * in U+2013–U+203C (dashes, quotation marks). No `u` flag: like the package, it
 * reads UTF-16 code units, so a surrogate pair is two letters.
 */
const WORD = /[^\s!-&(-@[-`{-~\u2013-\u203C]+/g;

/** The pattern set for a BCP 47 tag (`en`, `en-GB`, `de`), or undefined when `hyphen` has none (or the language is `und`). */
export function patternName(lang: string): string | undefined {
  const tag = lang.toLowerCase();
  if (PATTERN_NAMES.has(tag)) return tag;
  const primary = tag.split('-')[0]!;
  const name = PATTERN_FILES[primary] ?? primary;
  return PATTERN_NAMES.has(name) ? name : undefined;
}

/** A hyphenator for a language (made once), or undefined when there are no patterns for it. */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const name = patternName(lang);
  if (!name) return undefined;
  if (!hyphenators.has(name)) hyphenators.set(name, wordByWord(packageHyphenatorFor(lang)!));
  return hyphenators.get(name);
}

/**
 * The package's hyphenation of a text, word by word with a cache of words:
 * the package reads the text one code unit at a time through closures, which
 * cost more than the patterns; here one regular expression finds its words
 * and each distinct word goes to the package once. The result is the package's
 * own: a word is hyphenated alone exactly as in its text (the package caches
 * words too), and a word that already holds a soft hyphen after its first
 * letter is left as it is, as the package leaves it
 * (`tests/render/hyphenate.test.ts` compares the two on every print text).
 */
function wordByWord(hyphenateText: Hyphenator): Hyphenator {
  const words = new Map<string, string>();
  const hyphenateWord = (word: string): string => {
    if (word.length < MIN_WORD_LENGTH || word.indexOf(SOFT_HYPHEN, 1) > 0) return word;
    let hyphenated = words.get(word);
    if (hyphenated === undefined) {
      hyphenated = hyphenateText(word);
      words.set(word, hyphenated);
    }
    return hyphenated;
  };
  return (text) => text.replace(WORD, hyphenateWord);
}

/**
 * The package's own hyphenator for a language, reading the whole text itself
 * ({@link hyphenatorFor} wraps it; tests compare the two).
 */
export function packageHyphenatorFor(lang: string): Hyphenator | undefined {
  const name = patternName(lang);
  if (!name) return undefined;
  const createHyphenator = require('hyphen/hyphen.js') as (patterns: unknown, options: object) => Hyphenator;
  // Words of at least 6 letters, so that short words stay whole; text only, since we hand it text, never markup.
  return createHyphenator(require(`hyphen/patterns/${name}.js`) as unknown, { html: false, minWordLength: MIN_WORD_LENGTH, hyphenChar: SOFT_HYPHEN });
}

/** Elements without an end tag. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'wbr', 'col', 'source', 'area', 'base', 'embed', 'track']);

/** Elements whose text is never hyphenated: headings (set ragged, short), and what is not prose. */
const KEEP_WHOLE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'style', 'script', 'title', 'code', 'pre', 'time', 'a']);

/**
 * Puts soft hyphens into the text of `<main>` of a print HTML document (the
 * text itself, not the title page, contents, index or colophon). Tags,
 * attributes and character references are left as they are; headings, links
 * dates and run-in heads (`class="run-in-head"`) stay whole. A language without patterns leaves the document as it is.
 */
export function hyphenateHtml(html: string, lang: string): string {
  const hyphenate = hyphenatorFor(lang);
  if (!hyphenate) return html;
  const start = html.search(/<main\b/);
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start) return html;
  const region = html.slice(start, end);
  // Open elements, each with whether it keeps its text whole (a heading, a link, a run-in head).
  const open: { name: string; whole: boolean }[] = [];
  let kept = 0; // how many open elements keep their text whole
  const out = region.replace(/(<[^>]*>)|([^<]+)/g, (_match, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(tag);
      if (m && !tag.endsWith('/>')) {
        const name = m[2]!.toLowerCase();
        if (m[1]) {
          const at = open.map((element) => element.name).lastIndexOf(name);
          if (at >= 0) for (const closed of open.splice(at)) if (closed.whole) kept--;
        } else if (!VOID_ELEMENTS.has(name)) {
          const whole = KEEP_WHOLE.has(name) || /\bclass="[^"]*\brun-in-head\b/.test(tag);
          open.push({ name, whole });
          if (whole) kept++;
        }
      }
      return tag;
    }
    if (kept > 0) return text!;
    // Character references (&amp; &#8217;) are not words: only the text between them is hyphenated.
    return text!.split(/(&[#a-zA-Z0-9]+;)/).map((part) => (part.startsWith('&') && part.endsWith(';') ? part : hyphenate(part))).join('');
  });
  return html.slice(0, start) + out + html.slice(end);
}
