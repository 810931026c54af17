/**
 * franc's language detection (npm `franc-all`, pinned at 7.2.0), giving
 * exactly `francAll(sample, { only, minLength })[0][0]` at a fraction of
 * the cost (tests/enrich/trigram-detector.test.ts compares the two on every
 * sample of the seed, both corpora and texts in many scripts).
 *
 * franc measures a sample against every allowed language by looking each of
 * the sample's trigrams up in that language's profile: ≈ 180 languages × ≈ 400
 * trigrams for every sample. Here franc's own profiles (`franc-all/data.js`)
 * are turned once into an index from trigram to the (language, rank) pairs
 * that have it, so a sample touches only the languages that share its
 * trigrams. The distance is franc's: for each of the sample's distinct
 * trigrams, |count − rank − 1| when the language has it, else 300. The
 * winner is franc's too: the smallest distance, ties to the language that
 * comes first in franc's data (its sort is stable).
 *
 * The script comes first, as in franc: the script whose expression matches
 * the most code units (ties to the first in franc's list of expressions).
 * A sample without surrogates is counted one code unit at a time, with what
 * the expressions say of each code unit learnt once; one with surrogates is
 * counted by the expressions themselves, as franc does.
 */
import { data } from 'franc-all/data.js';
import { expressions } from 'franc-all/expressions.js';

/** franc: samples are cut to this length. */
const MAX_LENGTH = 2048;
/** franc: the distance for a trigram that a language's profile lacks. */
const MAX_DIFFERENCE = 300;

/** The trigrams of one script's allowed languages: trigram → flat [language, rank, language, rank, …]. */
interface ScriptIndex {
  languages: string[];
  postings: Map<string, number[]>;
}

const SCRIPTS = Object.keys(expressions);
const EXPRESSIONS = SCRIPTS.map((script) => expressions[script]!);
/** For one BMP code unit, franc's expressions (by their index) that match it alone. */
const scriptsOfUnit: (number[] | undefined)[] = [];

function scriptsMatching(unit: number): number[] {
  const char = String.fromCharCode(unit);
  const found: number[] = [];
  for (let index = 0; index < EXPRESSIONS.length; index++) {
    const expression = EXPRESSIONS[index]!;
    expression.lastIndex = 0;
    if (expression.test(char)) found.push(index);
    expression.lastIndex = 0;
  }
  return found;
}

/** How many matches of each of franc's expressions the value has (franc's `value.match(expression).length`). */
export function scriptCounts(value: string): number[] {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  if (/[\uD800-\uDFFF]/.test(value)) {
    // A surrogate: an expression may match a pair as one, so count as franc does.
    EXPRESSIONS.forEach((expression, index) => (counts[index] = value.match(expression)?.length ?? 0));
    return counts;
  }
  // No surrogates: every match is one code unit (franc's expressions are character classes and surrogate pairs).
  for (let at = 0; at < value.length; at++) {
    const unit = value.charCodeAt(at);
    const scripts = (scriptsOfUnit[unit] ??= scriptsMatching(unit));
    for (const script of scripts) counts[script]!++;
  }
  return counts;
}

/** franc's `getTopScript`: the script with the largest share of the value, and that share. */
function topScript(value: string): [string, number] {
  const counts = scriptCounts(value);
  let top = -1;
  let topIndex = 0;
  for (let index = 0; index < counts.length; index++) {
    const share = counts[index]! / value.length || 0;
    if (share > top) [top, topIndex] = [share, index];
  }
  return [SCRIPTS[topIndex]!, top];
}

/** Counts of each distinct trigram of the value, as trigram-utils 2.0.1 (`asTuples`) cleans and pads it. */
export function trigramCounts(value: string): Map<string, number> {
  const clean = value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  const padded = ` ${clean} `;
  const counts = new Map<string, number>();
  for (let at = 0; at + 3 <= padded.length; at++) {
    const trigram = padded.slice(at, at + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

function indexOf(script: string, allowed: ReadonlySet<string>): ScriptIndex {
  const languages = Object.keys(data[script]!).filter((language) => allowed.has(language));
  const postings = new Map<string, number[]>();
  languages.forEach((language, languageIndex) => {
    const seen = new Set<string>();
    // franc's profile keeps a trigram's first rank when the list repeats it.
    data[script]![language]!.split('|').forEach((trigram, rank) => {
      if (seen.has(trigram)) return;
      seen.add(trigram);
      let list = postings.get(trigram);
      if (!list) postings.set(trigram, (list = []));
      list.push(languageIndex, rank);
    });
  });
  return { languages, postings };
}

/**
 * A detector that gives franc-all's top language for a sample, with franc's
 * `only` and `minLength` options (no `ignore`): an ISO 639-3 code, a script's
 * only language, or `und`.
 */
export function trigramDetector(only: readonly string[], minLength: number): (sample: string) => string {
  const allowed = new Set(only);
  const indexes = new Map<string, ScriptIndex>();
  return (sample) => {
    if (!sample || sample.length < minLength) return 'und';
    const value = sample.slice(0, MAX_LENGTH);
    const [script, share] = topScript(value);
    if (!Object.hasOwn(data, script)) return share === 0 || (allowed.size > 0 && !allowed.has(script)) ? 'und' : script;
    let index = indexes.get(script);
    if (!index) indexes.set(script, (index = indexOf(script, allowed.size > 0 ? allowed : new Set(Object.keys(data[script]!)))));
    if (index.languages.length === 0) return 'und';
    const trigrams = trigramCounts(value);
    const distances = new Array<number>(index.languages.length).fill(trigrams.size * MAX_DIFFERENCE);
    for (const [trigram, count] of trigrams) {
      const list = index.postings.get(trigram);
      if (!list) continue;
      for (let at = 0; at < list.length; at += 2) distances[list[at]!]! += Math.abs(count - list[at + 1]! - 1) - MAX_DIFFERENCE;
    }
    let best = 0;
    for (let language = 1; language < distances.length; language++) if (distances[language]! < distances[best]!) best = language;
    return index.languages[best]!;
  };
}
