/**
 * The transcription's own editorial signs, marked up as the TEI Guidelines
 * say (PH: "Representation of Primary Sources", 11.3 and 11.5): square
 * brackets in which a transcriber or translator left out, could not read,
 * doubted or supplied words.
 *
 * | in the page                      | in the TEI                                              |
 * | -------------------------------- | ------------------------------------------------------- |
 * | `[…]`, `[...]`, `[. . .]`        | `[<gap reason="omitted"><desc>…</desc></gap>]`          |
 * | `[illegible]`, `[word illegible]`| `[<gap reason="illegible"><desc>illegible</desc></gap>]`|
 * | `[1964?]` (up to three words)    | `[<unclear>1964</unclear>?]`                            |
 * | `teh [sic]`                      | `<sic>teh</sic> [sic]`                                  |
 * | `It [capital] seeks`, `the[se]`  | `It [<supplied>capital</supplied>] seeks`               |
 *
 * Every character of the page stays in the text, in its place: the brackets
 * and the question mark are the transcriber's signs and stay as text around
 * the element, which marks what the sign means (the renderings then show
 * the page's own signs, not brackets of their own). A bracket is read as a
 * supplied word only where nothing else is likely: letters inside a word
 * (`the[se]`, `L[eon]`), one to six words starting in lower case that are
 * not a remark (`[says Cannon]`, `[i.e., …]`), a first name before a
 * surname (`[Isaac] Deutscher`), the noun a pronoun stands for (`It
 * [Crimea] represents`). Other brackets — note keys (`[1]`, `[F]`),
 * glosses and remarks (`Miliukov [Liberal leader]`, `[Our emphasis—M. J. O.]`),
 * bracketed headings — are left as they are.
 */
import type { Stage } from '../edition.js';
import { el, findFirst, textOf, type Element, type ElementContent } from '../tei/tree.js';

/** One sign found in a text node: what replaces `[start, end)` of it. */
interface Sign {
  start: number;
  end: number;
  nodes: ElementContent[];
}

/** Elements whose text is not the transcription's running text, or is already an editorial sign. */
const SKIP = new Set(['teiHeader', 'gap', 'supplied', 'unclear', 'sic', 'corr', 'choice', 'ref', 'ptr', 'idno', 'app', 'rdg', 'desc']);

const OMISSION = /^(?:…|\.{3,4}|\. \. \.(?: \.)?)$/u;
const ILLEGIBLE = /^(?:(?:one |two |three |a |\d+ )?(?:words?|lines?|passage) )?(?:illegible|unreadable|indecipherable)(?: (?:words?|lines?|passage))?$/iu;
/** A doubted reading: up to three words, then a question mark. */
const DOUBTED = /^([\p{L}\p{N}][\p{L}\p{N}'’.,\-]*(?: [\p{L}\p{N}'’.,\-]+){0,2})\?$/u;
const SIC = /^sic!?$/iu;
/** Words that open a remark, not supplied words: `[says Cannon]`, `[i.e., …]`, `[ed.]`. */
const REMARK = /^(?:says|said|writes|wrote|adds|added|continues|continued|asks|asked|replies|replied|i\.\s?e\.|e\.\s?g\.|ed\.|eds\.|trans\.|tr\.|transl|note|emphasis|sic|see|cf\.|viz\.|our|my|original|illegible|unreadable|laughter|applause)\b/iu;
const LOWER_PHRASE = /^\p{Ll}[\p{L}'’\-]*(?: [\p{L}'’\-]+){0,5}$/u;
const NAME = /^\p{Lu}[\p{L}'’\-.]*(?: \p{Lu}[\p{L}'’\-.]*){0,2}$/u;
const PRONOUN = /(?:^|[^\p{L}])(?:it|It|they|They|he|He|she|She|this|This|these|These|them|him|her|its|their)\s$/u;

const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * What the bracketed `inner` at `[open, close]` of `value` means, if it is a
 * sign; `close` is the index of `]`, `prev` and `next` the text around the
 * node (a name after it may already be marked up).
 */
function signAt(value: string, open: number, close: number, prev: string, next: string): Sign | undefined {
  const inner = value.slice(open + 1, close);
  const before = prev + value.slice(0, open);
  const after = value.slice(close + 1) + next;
  const whole = (middle: ElementContent[]): Sign => ({ start: open, end: close + 1, nodes: [text('['), ...middle, text(']')] });
  if (OMISSION.test(inner)) return whole([el('gap', { reason: 'omitted' }, el('desc', {}, inner))]);
  if (ILLEGIBLE.test(inner)) return whole([el('gap', { reason: 'illegible' }, el('desc', {}, inner))]);
  const doubted = DOUBTED.exec(inner);
  if (doubted) return whole([el('unclear', {}, doubted[1]!), text('?')]);
  if (SIC.test(inner)) {
    // The word the sign vouches for: the one just before it (a space between at most).
    const word = /([\p{L}\p{N}][\p{L}\p{N}'’\-]*)(\s?)$/u.exec(value.slice(0, open));
    // A word that begins in another node (inside a name) is not cut.
    if (!word || (word.index === 0 && /[\p{L}\p{N}'’\-]$/u.test(prev))) return undefined;
    const start = open - word[0].length;
    return { start, end: close + 1, nodes: [el('sic', {}, word[1]!), text(`${word[2]}[${inner}]`)] };
  }
  const inWord = /\p{L}$/u.test(before) || /^\p{L}/u.test(after);
  const supplied =
    (inWord && /^\p{Ll}+$/u.test(inner)) ||
    (!inWord && LOWER_PHRASE.test(inner) && !REMARK.test(inner)) ||
    (!inWord && NAME.test(inner) && inner.replace(/[^\p{L}]/gu, '').length >= 2 && (/^ \p{Lu}/u.test(after) || PRONOUN.test(before)));
  if (supplied) return whole([el('supplied', {}, inner)]);
  return undefined;
}

/** The signs of one text node's value, in order. */
export function findSigns(value: string, prev = '', next = ''): Sign[] {
  const signs: Sign[] = [];
  for (const match of value.matchAll(/\[([^[\]\n]{1,80})\]/gu)) {
    const open = match.index!;
    const sign = signAt(value, open, open + match[0].length - 1, prev, next);
    if (sign && sign.start >= (signs.at(-1)?.end ?? 0)) signs.push(sign);
  }
  return signs;
}

/** Marks the signs in the text nodes under `element`; returns how many. */
export function markSignsIn(element: Element): number {
  let count = 0;
  let own = 0;
  const children: ElementContent[] = [];
  const siblings = element.children;
  for (const [k, child] of siblings.entries()) {
    if (child.type === 'element') {
      if (!SKIP.has(child.name)) count += markSignsIn(child);
      children.push(child);
      continue;
    }
    if (child.type !== 'text') {
      children.push(child);
      continue;
    }
    const prev = siblings.slice(Math.max(0, k - 2), k).map(textOf).join('');
    const next = siblings.slice(k + 1, k + 3).map(textOf).join('');
    const signs = findSigns(child.value, prev, next);
    let at = 0;
    for (const sign of signs) {
      if (sign.start > at) children.push(text(child.value.slice(at, sign.start)));
      children.push(...sign.nodes);
      at = sign.end;
    }
    if (signs.length === 0) children.push(child);
    else if (at < child.value.length) children.push(text(child.value.slice(at)));
    own += signs.length;
  }
  own += markMarkedUpSigns(children);
  count += own;
  if (own === 0) return count;
  // The page's brackets join the text beside them: one text node, as the reader made it.
  element.children = children.reduce<ElementContent[]>((merged, node) => {
    const last = merged.at(-1);
    if (node.type === 'text' && last?.type === 'text') merged[merged.length - 1] = text(last.value + node.value);
    else merged.push(node);
    return merged;
  }, []);
  return count;
}

/** Names the entity stage marked: a bracket around one of them may be a supplied name. */
const NAMES = new Set(['persName', 'placeName', 'orgName', 'name']);

/**
 * Signs whose bracketed words an earlier stage marked up: `[<persName>Isaac</persName>] Deutscher`
 * (a supplied name), `<persName>Ghandi</persName> [<hi>sic!</hi>]` (the sign in italics).
 * Changes `children` in place; returns how many.
 */
function markMarkedUpSigns(children: ElementContent[]): number {
  let count = 0;
  for (let k = 1; k + 1 < children.length; k++) {
    const [prev, inner, next] = [children[k - 1]!, children[k]!, children[k + 1]!];
    if (prev.type !== 'text' || inner.type !== 'element' || next.type !== 'text' || !prev.value.endsWith('[') || !next.value.startsWith(']')) continue;
    const words = textOf(inner);
    if (SIC.test(words)) {
      const before = prev.value.slice(0, -1);
      const word = /([\p{L}\p{N}][\p{L}\p{N}'’\-]*)(\s?)$/u.exec(before);
      if (word && (word.index > 0 || !/[\p{L}\p{N}'’\-]$/u.test(textOf(children[k - 2] ?? { type: 'text', value: '' })))) {
        children.splice(k - 1, 1, text(before.slice(0, word.index)), el('sic', {}, word[1]!), text(`${word[2]}[`));
        k += 2;
        count++;
      } else if (/^\s?$/u.test(before) && children[k - 2]?.type === 'element' && !SKIP.has((children[k - 2] as Element).name)) {
        children.splice(k - 2, 1, el('sic', {}, children[k - 2]!));
        count++;
      }
      continue;
    }
    const after = next.value.slice(1) + textOf(children[k + 2] ?? { type: 'text', value: '' });
    if (NAMES.has(inner.name) && (LOWER_PHRASE.test(words) || (NAME.test(words) && (/^ \p{Lu}/u.test(after) || PRONOUN.test(prev.value.slice(0, -1)))))) {
      children.splice(k, 1, el('supplied', {}, inner));
      count++;
    }
  }
  return count;
}

/** The stage: marks the transcription's editorial signs in the text (never in the header). */
export const markEditorialSigns: Stage = (edition) => {
  const body = findFirst(edition.tei!, 'text');
  if (body) markSignsIn(body);
};
