/**
 * The second pass of entity recognition: names that no register knows.
 *
 * A careful capitalisation heuristic rather than a general NLP library:
 * compromise takes ~380 ms on a 35 KB article and, on this kind of text,
 * misses most Russian surnames and calls the Soviet Union an organisation, so
 * it would be both too slow for a corpus and not better. Historical prose is
 * full of capitalised words that are not names (the Civil War, the Old Guard,
 * Bolshevism, Blitzkrieg), so a capitalised run is reported only with positive
 * evidence of what it names:
 *
 * - a title before it ("Comrade Petrov", "General Weygand") or initials
 *   ("J. R. Johnson"), or a common given name ("Antonio Labriola"), or a verb of
 *   saying after it ("Weygand declared") → a person;
 * - an organisation word ending it ("Farmer-Labor Party", "Executive
 *   Committee") or an acronym ("ILGWU") → an organisation;
 * - a place preposition before it ("in Zimmerwald", "from Kronstadt") → a place.
 *
 * Once found, a name is found again wherever it recurs in the document (a
 * person's surname alone too). Every such mention is uncertain: it is tagged
 * with `@cert="low"`, has no `@ref`, and is listed for review.
 */
import type { EntityKind } from './registers.js';

/** A capitalised name found without a register entry. */
export interface UnknownName {
  start: number;
  end: number;
  kind: EntityKind;
  /** Why it was taken for a name of this kind, for the review report. */
  evidence: string;
}

const TITLES = new Set([
  'Mr', 'Mrs', 'Miss', 'Ms', 'Dr', 'Comrade', 'Comrades', 'General', 'Marshal', 'Colonel', 'Captain', 'Admiral', 'Major',
  'Lieutenant', 'Sergeant', 'President', 'Premier', 'Chancellor', 'Senator', 'Governor', 'Professor', 'Prof', 'Lord', 'Sir',
  'Lady', 'King', 'Queen', 'Emperor', 'Empress', 'Tsar', 'Czar', 'Tsarina', 'Kaiser', 'Pope', 'Father', 'Rev', 'Reverend',
  'Citizen', 'Judge', 'Justice', 'Mayor', 'Commissar', 'Deputy', 'Monsieur', 'Madame', 'Herr', 'Frau', 'Señor', 'Signor',
  'Prince', 'Princess', 'Duke', 'Count', 'Baron', 'Bishop', 'Archbishop', 'Cardinal', 'Secretary', 'Minister', 'Ambassador',
]);

/** Words after a title that show an office, not a name ("General Secretary", "General Staff"). */
const NOT_A_NAME_AFTER_TITLE = new Set([
  'Secretary', 'Staff', 'Strike', 'Council', 'Assembly', 'Command', 'Congress', 'Committee', 'Confederation', 'Motors',
  'Electric', 'Election', 'Elections', 'Headquarters', 'Court', 'Government', 'Office', 'Board', 'Federation', 'Union',
  'Party', 'Army', 'Bank', 'Line', 'Theory', 'Will', 'Strike', 'Meeting', 'Session',
]);

const GIVEN_NAMES = new Set(
  `Adolf Adolph Albert Alexander Alexandra Alexei Alfred Alice Andrei Andrew Anna Anne Antonio Anton Arthur August Auguste
  Benjamin Bertrand Boris Carl Carlos Charles Christian Clara Daniel David Dmitri Edward Eduard Emile Emma Ernest Ernst Eugene
  Eugen Felix Ferdinand Francis Francisco Frank Franz Frederick Friedrich Fritz Georg George Georges Georgi Gregory Grigori
  Gustav Hans Harold Harry Heinrich Helen Henri Henry Herbert Hugo Ivan Jack Jacques Jakob James Jan Jean Johann Johannes John
  Joseph Josef Juan Jules Julius Karl Kurt Lazar Leo Leon Leonid Lev Louis Ludwig Luis Manuel Maria Marie Mark Martin Mary Max
  Maxim Michael Michel Mikhail Mikhail Nadezhda Nikita Nikolai Nicholas Oscar Otto Paul Pavel Pedro Peter Philip Pierre Pyotr
  Ralph Richard Robert Rosa Rudolf Samuel Semyon Sergei Simon Stefan Thomas Victor Viktor Vladimir Walter Wilhelm William
  Willi Willy Yakov Yuri Eleanor Margaret Elizabeth Catherine Sarah Ruth Esther Sophie Vera Olga Natalia Tatiana Irina Lydia
  Ramon Ramón José Manuel Andrés Joaquín Julián Miguel Rafael Enrico Giuseppe Giovanni Amadeo Palmiro Benedetto Filippo
  Angelo Arturo Ettore Henryk Józef Władysław Tadeusz Jerzy Bela Béla Mátyás Imre Ernő Tibor Sándor Jaroslav Václav Tomáš
  Patrick Michael Seán Sean Liam Eamon Eamonn Padraig Pádraig Hugh Owen Terence Kevin Daniel Arthur Cornelius Ernest Abraham
  Isaac Jacob Moses Solomon Chaim Morris Harry Sidney Sydney Irving Nathan Hyman Louis Albert Eugene Bill Joe Tom Jim Dan Ed Bob
  Pete Sam Mike Hal Max Jay Earl Norman Walter Clarence Vincent Farrell Sol Bert Art Ted Fred Martin Dwight Franklin Woodrow`.split(/\s+/),
);

const SAY_VERBS = new Set([
  'said', 'says', 'wrote', 'writes', 'declared', 'declares', 'argued', 'argues', 'replied', 'insisted', 'stated', 'remarked',
  'answered', 'asserted', 'explained', 'claimed', 'observed', 'proposed', 'demanded', 'told', 'admitted', 'denounced',
  'warned', 'protested', 'announced', 'testified', 'recalled', 'objected', 'added', 'continued', 'concluded',
]);

/** Last words that make a capitalised run the name of an organisation. */
const ORG_WORDS = new Set([
  'Party', 'League', 'Union', 'Committee', 'Council', 'Congress', 'Federation', 'Front', 'International', 'Association',
  'Society', 'Brotherhood', 'Confederation', 'Company', 'Corporation', 'Bank', 'Trust', 'Church', 'Army', 'Navy',
  'Bureau', 'Government', 'Ministry', 'Department', 'Assembly', 'Parliament', 'Club', 'Movement', 'Syndicate', 'Group',
  'Institute', 'University', 'College', 'Commission', 'Opposition', 'Legion', 'Alliance', 'Cartel',
  'Labor', 'Labour', 'Bloc', 'Soviet', 'Directorate', 'Commissariat', 'Tribunal', 'Board', 'Division', 'Regiment',
  'Brigade', 'Corps',
]);

/** Single words that name an organ of a state or party on their own. */
const ORG_SINGLE_WORDS = new Set(['Presidium', 'Politburo', 'Orgburo', 'Sovnarkom', 'Comintern', 'Cominform', 'Reichstag', 'Duma', 'Storting', 'Bundestag', 'Sejm']);

/** Words that are never the first word of an organisation's name found by its last word. */
const NOT_ORG_START = new Set([
  'First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth', 'Eleventh', 'Twelfth',
  'Thirteenth', 'Fourteenth', 'Fifteenth', 'Sixteenth', 'Seventeenth', 'Eighteenth', 'Nineteenth', 'Twentieth', 'The', 'A',
  'This', 'That', 'These', 'Those', 'Our', 'Their', 'His', 'Her', 'Its', 'Every', 'Each', 'No', 'Any',
]);

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'throughout', 'outside', 'around', 'via']);

const MONTHS_AND_DAYS = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Whitsun Lent'.split(' '),
);

/** Adjectives of nations, movements and creeds, never names of places or persons on their own. */
const ADJECTIVES = new Set(
  `Soviet Soviets German Germans Russian Russians French British English American Americans Spanish Finnish Italian
  Japanese Chinese Irish Polish Ukrainian Jewish European Asian African Indian Czarist Tsarist Bolshevik Bolsheviks Communist
  Communists Socialist Socialists Nazi Nazis Fascist Fascists Anglo Allied Western Eastern Northern Southern Latin Catholic
  Protestant Orthodox Christian Moslem Muslim Hebrew Greek Roman Austrian Hungarian Czech Slav Slavic Balkan Baltic Scottish
  Welsh Dutch Belgian Swiss Swedish Norwegian Danish Turkish Persian Arab Arabian Mexican Canadian Australian Red White Black
  Menshevik Mensheviks Trotskyist Trotskyists Stalinist Stalinists Leninist Marxist Marxists Labour Labor Liberal Tory
  Conservative Republican Democrat Democratic Democrats Imperial National International Workers God Providence Heaven Hell`.split(/\s+/),
);

/** Capitals that are not acronyms of organisations. */
const NOT_ACRONYMS = new Set(['NOT', 'AND', 'THE', 'OR', 'BUT', 'ALL', 'NO', 'YES', 'WE', 'YOU', 'IT', 'IS', 'ARE', 'WAS', 'ONE', 'TWO', 'NOW', 'NEW', 'OUR', 'THEY', 'MUST', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'OK', 'AM', 'PM', 'NEP', 'AD', 'BC', 'TV', 'USA', 'US', 'UK', 'MIA', 'ETOL', 'HTML', 'PDF', 'NB', 'PS', 'ETC']);

/** Capitalised function words: a sentence begins with them, a name does not. */
const FUNCTION_WORDS = new Set(
  `He She It They We You I This That These Those There Here Who What Which Whom Whose When Where Why How One None Some
  Everyone Everybody Nobody Nothing All Both Each Such The A An His Her Its Our Their My Your Yet But And Or If Then Thus
  Now Not Only Even Still Also Nor So As In On At By For From With Without Under Over After Before Since Until While
  Although Though Because Instead Indeed However Moreover Nevertheless Today Tomorrow Yesterday`.split(/\s+/),
);

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORDS = /\p{L}[\p{L}\p{M}]*(?:[’'-]\p{L}[\p{L}\p{M}]*)*\.?/gu;

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORDS)) {
    let value = match[0];
    // A full stop belongs to an initial ("J.") or an abbreviated title ("Dr."), not to other words.
    if (value.endsWith('.') && !/^\p{Lu}\.$/u.test(value) && !TITLES.has(value.slice(0, -1))) value = value.slice(0, -1);
    // A possessive is not part of the name.
    if (/[’']s$/u.test(value)) value = value.slice(0, -2);
    words.push({ text: value, start: match.index, end: match.index + value.length });
  }
  return words;
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
const isInitial = (word: string): boolean => /^\p{Lu}\.$/u.test(word);
const bare = (word: string): string => word.replace(/\.$/, '');
const isAcronym = (word: string): boolean => /^\p{Lu}{2,6}$/u.test(word) && !NOT_ACRONYMS.has(word);
const CONNECTORS = new Set(['of', 'de', 'von', 'van', 'der', 'den', 'del', 'della', 'di', 'du', 'la', 'le', 'y', 'for']);

function isSentenceStart(text: string, offset: number): boolean {
  // Only the few characters before the word matter; a regex anchored at the end of the whole text would scan it all.
  let index = offset - 1;
  while (index >= 0 && /[\s“"‘'(\[«—–-]/u.test(text[index]!)) index--;
  return index < 0 || /[.!?:;]/.test(text[index]!);
}

/** Capitalised words joined by single spaces (and connectors), each run a candidate name. */
interface Run {
  words: Word[];
}

function runsOf(text: string, words: Word[], covered: (start: number, end: number) => boolean): Run[] {
  const runs: Run[] = [];
  let current: Word[] = [];
  const close = (): void => {
    while (current.length && CONNECTORS.has(current[current.length - 1]!.text)) current.pop();
    if (current.length) runs.push({ words: current });
    current = [];
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const joined = current.length > 0 && /^[\s]{1,2}$/u.test(text.slice(current[current.length - 1]!.end, word.start));
    if (covered(word.start, word.end)) {
      close();
      continue;
    }
    const capital = isCapitalised(word.text) && !isAllCapsHeading(words, index);
    if (capital) {
      if (!joined) close();
      current.push(word);
    } else if (current.length && joined && CONNECTORS.has(word.text) && words[index + 1] && isCapitalised(words[index + 1]!.text)) {
      current.push(word);
    } else {
      close();
    }
  }
  close();
  return runs;
}

/** A word of an all-capitals heading or lead-in ("THE YOUTH."), whose capitals say nothing. */
function isAllCapsHeading(words: Word[], index: number): boolean {
  const caps = (word: Word | undefined): boolean => word !== undefined && /^\p{Lu}{2,}$/u.test(bare(word.text));
  return caps(words[index]) && (caps(words[index - 1]) || caps(words[index + 1]));
}

/**
 * Finds names in one text by the evidence rules above, skipping what
 * `covered` says is already marked (register names).
 */
export function findUnknownNames(text: string, covered: (start: number, end: number) => boolean): UnknownName[] {
  const words = wordsOf(text);
  const found: UnknownName[] = [];
  const wordIndex = new Map(words.map((word, index) => [word.start, index]));
  for (const whole of runsOf(text, words, covered)) {
    // A run may begin with a capitalised function word ("The Daily Worker", "In Zimmerwald"): the name follows it.
    let start = 0;
    while (start < whole.words.length - 1 && FUNCTION_WORDS.has(bare(whole.words[start]!.text))) start++;
    const run: Run = { words: whole.words.slice(start) };
    const first = run.words[0]!;
    const last = run.words[run.words.length - 1]!;
    const firstIndex = wordIndex.get(first.start)!;
    const previous = words[firstIndex - 1];
    const adjacentPrevious = previous && /^\s+$/.test(text.slice(previous.end, first.start)) ? previous : undefined;
    const nextWord = words[firstIndex + run.words.length];
    const texts = run.words.map((word) => bare(word.text));
    if (run.words.length === 1 && FUNCTION_WORDS.has(texts[0]!)) continue;
    const sentenceStart = isSentenceStart(text, first.start);
    const span = (from: Word, kind: EntityKind, evidence: string): void => {
      found.push({ start: from.start, end: last.end, kind, evidence });
    };
    // Organisations: by their last word, or an organ named by one word, or an acronym.
    const lastText = bare(last.text);
    if (ORG_WORDS.has(lastText) && run.words.length >= 2 && !NOT_ORG_START.has(texts[0]!) && !texts.every((word) => ADJECTIVES.has(word) || ORG_WORDS.has(word))) {
      let from = 0;
      while (from < run.words.length - 1 && (TITLES.has(texts[from]!) || MONTHS_AND_DAYS.has(texts[from]!))) from++;
      if (run.words.length - from >= 2) span(run.words[from]!, 'org', `ends with “${lastText}”`);
      continue;
    }
    // "Board of Trade", "Bank of England": an organisation word followed by "of" heads the name.
    const headIndex = texts.findIndex((word, index) => ORG_WORDS.has(word) && texts[index + 1] === 'of');
    if (headIndex >= 0 && !NOT_ORG_START.has(texts[0]!) && !TITLES.has(texts[0]!)) {
      span(first, 'org', `is headed by “${texts[headIndex]} of”`);
      continue;
    }
    if (run.words.length === 1 && ORG_SINGLE_WORDS.has(lastText)) {
      span(first, 'org', 'names an organ of state or party');
      continue;
    }
    if (run.words.length === 1 && isAcronym(first.text) && !isAllCapsHeading(words, firstIndex)) {
      span(first, 'org', 'an acronym');
      continue;
    }
    // Persons: a title before the name (inside the run or just before it).
    const titleAt = TITLES.has(texts[0]!) ? 0 : -1;
    if (titleAt === 0 && run.words.length >= 2 && isCapitalised(texts[1]!) && !NOT_A_NAME_AFTER_TITLE.has(texts[1]!) && !ADJECTIVES.has(texts[1]!) && !MONTHS_AND_DAYS.has(texts[1]!)) {
      span(run.words[1]!, 'person', `follows the title “${texts[0]}”`);
      continue;
    }
    if (run.words.some((word) => isInitial(word.text)) && !isInitial(last.text) && run.words.length >= 2) {
      span(first, 'person', 'has initials');
      continue;
    }
    if (GIVEN_NAMES.has(texts[0]!) && run.words.length >= 2 && run.words.length <= 4 && !texts.slice(1).some((word) => ADJECTIVES.has(word) || ORG_WORDS.has(word))) {
      span(first, 'person', `begins with the given name “${texts[0]}”`);
      continue;
    }
    const after = text.slice(last.end).match(/^,?\s+(\p{Ll}+)/u)?.[1];
    if (after && SAY_VERBS.has(after) && run.words.length <= 3 && !texts.some((word) => ADJECTIVES.has(word) || MONTHS_AND_DAYS.has(word) || TITLES.has(word))) {
      span(first, 'person', `is followed by “${after}”`);
      continue;
    }
    // Places: after a place preposition, not at a sentence start.
    if (
      adjacentPrevious &&
      PLACE_PREPOSITIONS.has(adjacentPrevious.text.toLowerCase()) &&
      !sentenceStart &&
      run.words.length <= 3 &&
      !texts.some((word) => ADJECTIVES.has(word) || MONTHS_AND_DAYS.has(word) || ORG_WORDS.has(word) || TITLES.has(word) || /(?:ism|ist|ists|ite|ites)$/.test(word)) &&
      !/^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Part|Chapter|Section|Volume|Vol|No|Item|Thesis|Note|Appendix)$/.test(texts[0]!) &&
      !(nextWord && /^\d/.test(nextWord.text))
    ) {
      span(first, 'place', `follows “${adjacentPrevious.text}”`);
      continue;
    }
  }
  return found;
}
