/**
 * Where names found once recur in a text as whole words (the entity stage's
 * recurrences): the matches of {@link occurrencePattern} — a name not glued to
 * a letter, mark or hyphen before it, nor to a letter, a mark or a hyphen and
 * a letter after it; the longest name wins at a place; matches do not
 * overlap — found without running that pattern.
 *
 * The pattern, one alternation of every name, is compiled anew for each
 * document and tried at every character of every text. The same matches come
 * from looking up only the names that begin with the character at hand,
 * longest first, and testing the pattern's two look-arounds there
 * (tests/enrich/name-occurrences.test.ts compares the two).
 */

const NOT_AFTER = '(?<![\\p{L}\\p{M}\\-])';
const NOT_BEFORE = '(?![\\p{L}\\p{M}]|[-‐‑]\\p{L})';
const FREE_BEFORE = new RegExp(NOT_AFTER, 'uy');
const FREE_AFTER = new RegExp(NOT_BEFORE, 'uy');

/** The pattern's look-behind at `at`: nothing glued before. */
function freeBefore(text: string, at: number): boolean {
  FREE_BEFORE.lastIndex = at;
  return FREE_BEFORE.test(text);
}

/** The pattern's look-ahead at `at`: nothing glued after. */
function freeAfter(text: string, at: number): boolean {
  FREE_AFTER.lastIndex = at;
  return FREE_AFTER.test(text);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The definition: every name as a whole word, longest first (equal lengths in a fixed order). */
export function occurrencePattern(names: readonly string[]): RegExp {
  const alternatives = [...names].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegExp);
  return new RegExp(`${NOT_AFTER}(?:${alternatives.join('|')})${NOT_BEFORE}`, 'gu');
}

/** One occurrence: where it starts and which name it is. */
export interface Occurrence {
  index: number;
  name: string;
}

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

/**
 * A finder of the names' occurrences in a text: the matches of
 * `occurrencePattern(names)`, in order. Names of equal length cannot both
 * match at one place, so only the length decides among them.
 */
export function occurrenceFinder(names: readonly string[]): (text: string) => Occurrence[] {
  // The pattern itself where the shortcut's reasoning does not hold: no names or an empty one (the pattern then
  // matches nothing at every place), a name with surrogates.
  if (names.length === 0 || names.some((name) => name === '' || [...name].some((char) => char.length > 1 || isSurrogate(char.charCodeAt(0))))) {
    const pattern = occurrencePattern(names);
    return (text) => [...text.matchAll(pattern)].map((found) => ({ index: found.index, name: found[0] }));
  }
  const byFirstUnit = new Map<number, string[]>();
  for (const name of names) {
    const unit = name.charCodeAt(0);
    const list = byFirstUnit.get(unit) ?? [];
    list.push(name);
    byFirstUnit.set(unit, list);
  }
  for (const list of byFirstUnit.values()) list.sort((a, b) => b.length - a.length);
  return (text) => {
    const found: Occurrence[] = [];
    let at = 0;
    while (at < text.length) {
      // No name has a surrogate, so none starts inside a pair, where a unicode pattern never starts a match.
      const candidates = byFirstUnit.get(text.charCodeAt(at));
      if (candidates && freeBefore(text, at)) {
        const name = candidates.find((candidate) => text.startsWith(candidate, at) && freeAfter(text, at + candidate.length));
        if (name) {
          found.push({ index: at, name });
          at += name.length;
          continue;
        }
      }
      at++;
    }
    return found;
  };
}
