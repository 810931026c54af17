/**
 * The entity stage finds recurring names without compiling one pattern of
 * them all per document (issue 15): `occurrenceFinder(names)` gives exactly
 * the matches of `occurrencePattern(names)` — which names, where, the longest
 * at a place, none glued to a letter, a mark or a hyphen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { occurrenceFinder, occurrencePattern } from '../../pipeline/enrich/name-occurrences.js';

function byPattern(names: string[], text: string): { index: number; name: string }[] {
  return [...text.matchAll(occurrencePattern(names))].map((found) => ({ index: found.index, name: found[0] }));
}

/** Capitalised words and pairs of them, as the stage's discovered names and surnames look. */
function namesIn(text: string): string[] {
  const names = new Set<string>();
  for (const found of text.matchAll(/\p{Lu}[\p{L}\p{M}’'.-]*(?: \p{Lu}[\p{L}\p{M}’'-]*)?/gu)) {
    names.add(found[0]);
    names.add(found[0].split(' ')[0]!);
  }
  return [...names];
}

const SHARED = path.resolve('../shared');
const sharedMissing = existsSync(SHARED) ? undefined : `${SHARED} is absent (it is not part of the repository)`;

describe('recurring names are found as the pattern finds them', () => {
  it('with names that are prefixes of others, hyphens, marks, possessives, regex characters and surrogates', () => {
    const names = ['Smith', 'Smith Jones', 'Jones', 'Jo', 'Ré', 'Ré\u0301mi', 'St. Petersburg', 'C++', 'A.B.', 'Müller', 'Anna-Lena', 'Ivan', 'Ivanov', 'Ob'];
    const text = [
      'Smith Jones met Smith, then Smith-Jones and Smith‐Ivanov; Jones’s friend Jo and Jo-Anne, Johnson, Jones-',
      'Ré\u0301mi, Ré, Rémi, xRé, St. Petersburg and St. Petersburgh, C++ and C+++, A.B. and A.B.C., Müller’s, MüllerX,',
      '-Smith, ‐Smith, Smith-, Smith- Jones, Smith-1, 𝔄Smith, Smith𝔄, 😀Jones😀, Anna-Lena, Anna-Lenas, Ivanov Ivan Ob',
      'Smith\u0308 Smith\u200dJones Ivan\u2011Ivanov Ivan\u2011 Ob-\u00e9 Ob-1 Ob Ob',
    ].join('\n');
    const found = occurrenceFinder(names)(text);
    expect(found.length).toBeGreaterThan(20);
    expect(found).toEqual(byPattern(names, text));
    // Names the shortcut does not reason about (empty, astral) are found by the pattern itself.
    for (const odd of [[...names, '𝔄Smith'], [...names, '']]) expect(occurrenceFinder(odd)(text)).toEqual(byPattern(odd, text));
  });

  it('in the seed, with its capitalised words and pairs as the names', () => {
    const text = readFileSync(path.resolve('seeds/wright-1941-soviet-union-at-war.txt'), 'utf8');
    const names = namesIn(text);
    const found = occurrenceFinder(names)(text);
    expect(found.length).toBeGreaterThan(500);
    expect(found).toEqual(byPattern(names, text));
  });

  it.skipIf(sharedMissing)(`in every file of ../shared/corpus and corpus-html${sharedMissing ? ` (skipped: ${sharedMissing})` : ''}`, () => {
    const files = ['corpus', 'corpus-html'].flatMap((folder) => readdirSync(path.join(SHARED, folder)).map((name) => path.join(SHARED, folder, name)));
    expect(files.length).toBeGreaterThanOrEqual(77);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const names = namesIn(text);
      expect(occurrenceFinder(names)(text), file).toEqual(byPattern(names, text));
    }
  }, 120_000);
});
