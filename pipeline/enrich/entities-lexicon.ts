/**
 * An English lexicon for the entity stage: is a capitalised word an ordinary
 * English word ("Having", "Home", "WAR") or a proper noun that no dictionary
 * lists as a common word ("Kirchner", "Shinwell")?
 *
 * The data is the Hunspell en_US dictionary of the npm package dictionary-en
 * (SCOWL word lists; MIT and BSD licences): about 39,000 lower-case stems and
 * 11,000 capitalised ones (proper nouns and proper adjectives such as
 * "Victorian"), each with affix flags. A word is looked up by undoing the
 * dictionary's own suffix and prefix rules (index.aff), so "workers",
 * "having" and "reorganised" are found from their stems without expanding
 * the whole dictionary. Read on first use (≈ 550 KB).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface AffixRule {
  flag: string;
  strip: string;
  add: string;
  condition: RegExp;
}

interface Lexicon {
  /** Lower-case stems → their flags. */
  common: Map<string, string>;
  /** Capitalised stems (proper nouns) → their flags. */
  proper: Map<string, string>;
  suffixes: AffixRule[];
  prefixes: AffixRule[];
}

let lexicon: Lexicon | undefined;

function dictionaryDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('dictionary-en'));
}

/** The SFX and PFX rules of a Hunspell affix file. */
function parseAffixes(aff: string): { suffixes: AffixRule[]; prefixes: AffixRule[] } {
  const suffixes: AffixRule[] = [];
  const prefixes: AffixRule[] = [];
  for (const line of aff.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if ((fields[0] !== 'SFX' && fields[0] !== 'PFX') || fields.length < 5) continue;
    const [kind, flag, strip, add, condition] = fields as [string, string, string, string, string];
    const cond = kind === 'SFX' ? new RegExp(`${condition === '.' ? '' : condition}$`) : new RegExp(`^${condition === '.' ? '' : condition}`);
    const rule = { flag, strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add.split('/')[0]!, condition: cond };
    (kind === 'SFX' ? suffixes : prefixes).push(rule);
  }
  return { suffixes, prefixes };
}

function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const dir = dictionaryDir();
  const common = new Map<string, string>();
  const proper = new Map<string, string>();
  const lines = readFileSync(path.join(dir, 'index.dic'), 'utf8').split('\n');
  // The first line is the entry count. Plain string operations: the file has 50,000 lines.
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    const slash = line.indexOf('/');
    const word = slash < 0 ? line.trim() : line.slice(0, slash);
    if (!word) continue;
    const first = word[0]!;
    (first !== first.toLowerCase() ? proper : common).set(word, slash < 0 ? '' : line.slice(slash + 1).trim());
  }
  lexicon = { common, proper, ...parseAffixes(readFileSync(path.join(dir, 'index.aff'), 'utf8')) };
  return lexicon;
}

/** True when `word` is `stems`' stem itself or a form made by one suffix (and at most one prefix) rule. */
function derivable(word: string, stems: Map<string, string>, lex: Lexicon): boolean {
  if (stems.has(word)) return true;
  const bySuffix = (form: string, needPrefix?: string): boolean =>
    lex.suffixes.some((rule) => {
      if (!form.endsWith(rule.add)) return false;
      const stem = form.slice(0, form.length - rule.add.length) + rule.strip;
      const flags = stems.get(stem);
      return flags !== undefined && flags.includes(rule.flag) && rule.condition.test(stem) && (!needPrefix || flags.includes(needPrefix));
    });
  if (bySuffix(word)) return true;
  return lex.prefixes.some((rule) => {
    if (!word.startsWith(rule.add)) return false;
    const rest = rule.strip + word.slice(rule.add.length);
    const flags = stems.get(rest);
    return (flags !== undefined && flags.includes(rule.flag)) || bySuffix(rest, rule.flag);
  });
}

/**
 * True when `word` (in any case) is an ordinary English word: its lower-case
 * form is in the dictionary, directly or by its affix rules. "Having",
 * "WAR", "Home" are; "Kirchner", "Victorian", "Shinwell" are not.
 */
export function isCommonWord(word: string): boolean {
  return remembered(commonWords, word, commonWord);
}

/** Answers already given, by word: a text asks about the same words again and again, and each lookup tries every affix rule. */
const commonWords = new Map<string, boolean>();
const properNouns = new Map<string, boolean>();
/** Words remembered at most (of each kind), so that a batch of thousands of texts does not grow the memory without end. */
const REMEMBERED = 50_000;

function remembered(answers: Map<string, boolean>, word: string, lookUp: (word: string) => boolean): boolean {
  let answer = answers.get(word);
  if (answer === undefined) {
    if (answers.size >= REMEMBERED) answers.clear();
    answer = lookUp(word);
    answers.set(word, answer);
  }
  return answer;
}

function commonWord(word: string): boolean {
  const lex = loadLexicon();
  const lower = word.toLowerCase().replace(/’/g, "'");
  if (derivable(lower, lex.common, lex)) return true;
  // The dictionary spells as in the United States: try the British spelling's American form too ("civilisation", "labour").
  const american = lower
    .replace(/-/g, '')
    .replace(/is(ation|ations|e|ed|es|ing)$/, 'iz$1')
    .replace(/our(s|ed|ing|ite)?$/, 'or$1')
    .replace(/tre(s)?$/, 'ter$1')
    .replace(/ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/mme(s)?$/, 'm$1');
  return american !== lower && derivable(american, lex.common, lex);
}

/** True when `word` is a capitalised entry of the dictionary (a proper noun or proper adjective: "Robinson", "Victorian"). */
export function isKnownProperNoun(word: string): boolean {
  return remembered(properNouns, word, knownProperNoun);
}

function knownProperNoun(word: string): boolean {
  const lex = loadLexicon();
  const title = word[0]!.toUpperCase() + word.slice(1).toLowerCase();
  return derivable(word, lex.proper, lex) || derivable(title, lex.proper, lex);
}

/** True when `word` is the plural of a capitalised entry and not an entry itself: a people ("Arabs", "Serbs"), not a surname ("Williams"). */
export function isProperPlural(word: string): boolean {
  const lex = loadLexicon();
  if (!word.endsWith('s') || lex.proper.has(word)) return false;
  const flags = lex.proper.get(word.slice(0, -1));
  return flags !== undefined && flags.includes('S');
}
