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
import { isCommonWord, isKnownProperNoun, isProperPlural } from './entities-lexicon.js';
import type { EntityKind } from './registers.js';

/** A capitalised name found without a register entry. */
export interface UnknownName {
  start: number;
  end: number;
  kind: EntityKind;
  /** Why it was taken for a name of this kind, for the review report. */
  evidence: string;
  /** True when only the word itself is evidence (a capitalised word no dictionary has): the document may show another kind. */
  weak?: boolean;
}

export const TITLES = new Set([
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
  // Buildings and places named after a title ("the Empress Stadium", "King Street", "Queen's Hall"), not people.
  'Stadium', 'Hall', 'Halls', 'Palace', 'Theatre', 'Theater', 'Hotel', 'Square', 'Street', 'Road', 'Avenue', 'Park',
  'Gardens', 'Bridge', 'Station', 'Church', 'Cathedral', 'Chapel', 'College', 'School', 'University', 'Hospital',
  'Museum', 'Library', 'Institute', 'Docks', 'Dock', 'Club', 'Arms', 'Inn', 'Cross', 'Terrace', 'Lane', 'Place',
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
  Pete Sam Mike Hal Max Jay Earl Norman Walter Clarence Vincent Farrell Sol Bert Art Ted Fred Martin Dwight Franklin Woodrow
  Jimmy Jim Neil Theodore Ramsay Ramsey Keir Aneurin Ernest Clement Stafford Nye Tony Harold Hugh Stella Ella Jane Jennie Jenny
  Nora Dora Beatrice Emmeline Christabel Sylvia Rose Lillian Agnes Edith Ethel Annie Maud Mabel Helen Ellen Kate Katherine
  Emily Alice Louise Lucy Marion Ruth Alexandra Inessa Nadya Nadia Larissa Angelica Raya Natalya Evelyn Dorothy Margaret
  Eugene Leonard Lewis Thomas Rudolf Reinhold Hermann Heinrich Gottfried Wolfgang Werner Rosa Leo Lev Grigory Yevgeny Yuri
  Mao Zhou Ho Chen Li Deng Kim Fidel Che Raúl Ernesto Salvador Augusto Juan Evita Eva Victor Rafael Luis Ignazio Palmiro
  Adam Eve Moses Joshua Noah Cain Abel Aaron Elijah Judas Jesus Christ Mohammed Muhammad Buddha`.split(/\s+/),
);

const SAY_VERBS = new Set([
  'said', 'says', 'wrote', 'writes', 'declared', 'declares', 'argued', 'argues', 'replied', 'insisted', 'stated', 'remarked',
  'answered', 'asserted', 'explained', 'claimed', 'observed', 'proposed', 'demanded', 'told', 'admitted', 'denounced',
  'warned', 'protested', 'announced', 'testified', 'recalled', 'objected', 'added', 'continued', 'concluded',
]);

/** Last words that make a capitalised run the name of an organisation. */
export const ORG_WORDS = new Set([
  'Party', 'League', 'Union', 'Committee', 'Council', 'Congress', 'Federation', 'Front', 'International', 'Association',
  'Society', 'Brotherhood', 'Confederation', 'Company', 'Corporation', 'Bank', 'Trust', 'Church', 'Army', 'Navy',
  'Bureau', 'Government', 'Ministry', 'Department', 'Assembly', 'Parliament', 'Club', 'Movement', 'Syndicate', 'Group',
  'Institute', 'University', 'College', 'Commission', 'Opposition', 'Legion', 'Alliance', 'Cartel',
  'Labor', 'Labour', 'Bloc', 'Soviet', 'Directorate', 'Commissariat', 'Tribunal', 'Board', 'Division', 'Regiment',
  'Brigade', 'Corps', 'Shipyard', 'Shipyards', 'Works', 'Mills', 'Factory', 'Plant', 'Limited', 'Unlimited', 'Ltd', 'Forum',
  'Cooperative', 'Co-operative',
]);

/** Single words that name an organ of a state or party on their own. */
const ORG_SINGLE_WORDS = new Set(['Parliament', 'Cabinet', 'Commons', 'Presidium', 'Politburo', 'Orgburo', 'Sovnarkom', 'Comintern', 'Cominform', 'Reichstag', 'Duma', 'Storting', 'Bundestag', 'Sejm']);

/** Words that are never the first word of an organisation's name found by its last word. */
export const NOT_ORG_START = new Set([
  'First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth', 'Eleventh', 'Twelfth',
  'Thirteenth', 'Fourteenth', 'Fifteenth', 'Sixteenth', 'Seventeenth', 'Eighteenth', 'Nineteenth', 'Twentieth', 'The', 'A',
  'This', 'That', 'These', 'Those', 'Our', 'Their', 'His', 'Her', 'Its', 'Every', 'Each', 'No', 'Any',
]);

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'throughout', 'outside', 'around', 'via']);

const MONTHS_AND_DAYS = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Whitsun Lent'.split(' '),
);

/** Adjectives of nations, movements and creeds, never names of places or persons on their own. */
export const ADJECTIVES = new Set(
  `Soviet Soviets German Germans Russian Russians French British English American Americans Spanish Finnish Italian
  Japanese Chinese Irish Polish Ukrainian Jewish European Asian African Indian Czarist Tsarist Bolshevik Bolsheviks Communist
  Communists Socialist Socialists Nazi Nazis Fascist Fascists Anglo Allied Western Eastern Northern Southern Latin Catholic
  Protestant Orthodox Christian Moslem Muslim Hebrew Greek Roman Austrian Hungarian Czech Slav Slavic Balkan Baltic Scottish
  Welsh Dutch Belgian Swiss Swedish Norwegian Danish Turkish Persian Arab Arabian Mexican Canadian Australian Red White Black
  Menshevik Mensheviks Trotskyist Trotskyists Stalinist Stalinists Leninist Marxist Marxists Labour Labor Liberal Tory
  Conservative Republican Democrat Democratic Democrats Imperial National International Workers God Providence Heaven Hell
  Mediterranean Caribbean Korean Koreans Chilean Chileans European Europeans`.split(/\s+/),
);

/** Capitals that are not acronyms of organisations. */
const NOT_ACRONYMS = new Set(['NOT', 'AND', 'THE', 'OR', 'BUT', 'ALL', 'NO', 'YES', 'WE', 'YOU', 'IT', 'IS', 'ARE', 'WAS', 'ONE', 'TWO', 'NOW', 'NEW', 'OUR', 'THEY', 'MUST', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'OK', 'AM', 'PM', 'NEP', 'AD', 'BC', 'TV', 'USA', 'US', 'UK', 'MIA', 'ETOL', 'HTML', 'PDF', 'NB', 'PS', 'ETC']);

/** Capitalised function words: a sentence begins with them, a name does not. */
export const FUNCTION_WORDS = new Set(
  `He She It They We You I This That These Those There Here Who What Which Whom Whose When Where Why How One None Some
  Everyone Everybody Nobody Nothing All Both Each Such The A An His Her Its Our Their My Your Yet But And Or If Then Thus
  Now Not Only Even Still Also Nor So As In On At By For From With Without Under Over After Before Since Until While
  Although Though Because Instead Indeed However Moreover Nevertheless Today Tomorrow Yesterday`.split(/\s+/),
);

interface Word {
  text: string;
  start: number;
  end: number;
  /** Its place in the text's list of words. */
  index: number;
}

const WORDS = /\p{L}[\p{L}\p{M}]*(?:[’'-]\p{L}[\p{L}\p{M}]*)*\.?/gu;

/** Abbreviations that keep their full stop inside a name ("St. Petersburg", "Mt. Athos"). */
const ABBREVIATIONS = new Set(['St', 'Ste', 'Mt', 'Ft']);

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORDS)) {
    let value = match[0];
    // A full stop belongs to an initial ("J.") or an abbreviated title ("Dr."), not to other words.
    if (value.endsWith('.') && !/^\p{Lu}\.$/u.test(value) && !TITLES.has(value.slice(0, -1)) && !ABBREVIATIONS.has(value.slice(0, -1))) value = value.slice(0, -1);
    // A possessive is not part of the name.
    if (/[’']s$/u.test(value)) value = value.slice(0, -2);
    words.push({ text: value, start: match.index, end: match.index + value.length, index: words.length });
  }
  return words;
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
const isInitial = (word: string): boolean => /^\p{Lu}\.$/u.test(word);
const bare = (word: string): string => word.replace(/\.$/, '');
const isAcronym = (word: string): boolean => /^\p{Lu}{2,6}$/u.test(word) && !NOT_ACRONYMS.has(word);
const CONNECTORS = new Set(['of', 'de', 'von', 'van', 'der', 'den', 'del', 'della', 'di', 'du', 'la', 'le', 'y', 'for']);

/** Last words that make a capitalised run the name of a place ("Downing Street", "City Hall", "Nelson’s Monument"). */
export const PLACE_WORDS = new Set([
  'Street', 'Square', 'Road', 'Avenue', 'Lane', 'Place', 'Hall', 'Halls', 'Chambers', 'Monument', 'Green', 'Park', 'Bridge',
  'Station', 'Gardens', 'Palace', 'Castle', 'Quay', 'Docks', 'Harbour', 'Harbor', 'Cathedral', 'Abbey', 'Prison', 'Gaol',
  'Boulevard', 'Embankment', 'Common', 'Heath', 'Island', 'Islands', 'Mountains', 'River', 'Valley', 'Sea', 'Ocean',
]);

/** Words that end a page's navigation rather than a name ("Paul Robeson Archive"). */
const NAVIGATION_WORDS = new Set(['Archive', 'Archives', 'Index', 'Contents']);

/** Lower-case titles and forms of address before a name ("comrades Lozovsky and Radek", "professor Höntzsch"). */
const LOWER_TITLES = new Set(['comrade', 'comrades', 'professor', 'citizen', 'tsar', 'czar', 'kaiser', 'herr', 'monsieur', 'signor', 'señor', 'deputy', 'senator']);

/** Endings of words for creeds, movements and peoples ("Noskism", "Peronist", "Victorian", "Argentinian"). */
const NOT_A_SURNAME_ENDING = /(?:ism|isms|ist|ists|ite|ites|ian|ians|eans|ese|ic|ics|ish|ity)$/u;

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

/** True when `word` continues the run that ends with `previous`: one space, initials written together ("C.H."), or a possessive before a place word ("Nelson’s Monument"). */
function continuesRun(text: string, previous: Word, word: Word): boolean {
  const gap = text.slice(previous.end, word.start);
  if (/^\s{1,2}$/u.test(gap)) return true;
  if (gap === '' && isInitial(previous.text)) return true;
  return /^[’']s\s$/u.test(gap) && PLACE_WORDS.has(bare(word.text));
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
    const joined = current.length > 0 && continuesRun(text, current[current.length - 1]!, word);
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

/** A candidate run with what the rules need to know about its surroundings. */
interface Candidate {
  text: string;
  words: Word[];
  texts: string[];
  first: Word;
  last: Word;
  /** The word just before the run, when only white space separates them. */
  previous?: Word;
  next?: Word;
  sentenceStart: boolean;
  /** All the words of the run, or of the heading it is in, are in capitals. */
  inCapsHeading: boolean;
}

type Rule = (candidate: Candidate) => UnknownName | undefined;

const nameFrom = (candidate: Candidate, from: Word, kind: EntityKind, evidence: string): UnknownName => ({ start: from.start, end: candidate.last.end, kind, evidence });

/** "R.A.F.", "I.L.P.": initials written together, with nothing after them. */
const dottedAcronym: Rule = (c) => {
  if (c.words.length < 2 || !c.words.every((word) => isInitial(word.text))) return undefined;
  if (!/^(?:\p{Lu}\.)+$/u.test(c.text.slice(c.first.start, c.last.end))) return undefined;
  return NOT_ACRONYMS.has(c.texts.join('')) ? undefined : nameFrom(c, c.first, 'org', 'is an acronym');
};

/** "Farmer-Labor Party", "Socialist Party", "Executive Committee": the last word names an organisation. */
const orgByLastWord: Rule = (c) => {
  const lastText = bare(c.last.text);
  if (!ORG_WORDS.has(lastText) || c.words.length < 2 || NOT_ORG_START.has(c.texts[0]!)) return undefined;
  // A last word that is also an adjective ("Labour", "Soviet") needs a word before it that is neither.
  if (ADJECTIVES.has(lastText) && c.texts.every((word) => ADJECTIVES.has(word) || ORG_WORDS.has(word))) return undefined;
  let from = 0;
  while (from < c.words.length - 1 && (TITLES.has(c.texts[from]!) || MONTHS_AND_DAYS.has(c.texts[from]!))) from++;
  // "Minister of Labour" is an office, not an organisation "of Labour".
  if (from > 0 && CONNECTORS.has(c.texts[from]!)) return undefined;
  return c.words.length - from >= 2 ? nameFrom(c, c.words[from]!, 'org', `ends with “${lastText}”`) : undefined;
};

/** "Board of Trade", "Bank of England": an organisation word followed by "of" heads the name. */
const orgByHead: Rule = (c) => {
  const headIndex = c.texts.findIndex((word, index) => ORG_WORDS.has(word) && c.texts[index + 1] === 'of');
  if (headIndex < 0 || NOT_ORG_START.has(c.texts[0]!) || TITLES.has(c.texts[0]!)) return undefined;
  return nameFrom(c, c.first, 'org', `is headed by “${c.texts[headIndex]} of”`);
};

/** "Presidium", "ILGWU": an organ named by one word, or an acronym that is not an English word in capitals ("WAR"). */
const orgSingleWord: Rule = (c) => {
  if (c.words.length !== 1) return undefined;
  if (ORG_SINGLE_WORDS.has(bare(c.last.text))) return nameFrom(c, c.first, 'org', 'names an organ of state or party');
  if (isAcronym(c.first.text) && !c.inCapsHeading && !isCommonWord(c.first.text)) return nameFrom(c, c.first, 'org', 'is an acronym');
  return undefined;
};

/** First words of place names ("Port Arthur", "Lake Baikal", "Cape Town"). */
const PLACE_FIRST_WORDS = new Set(['Port', 'Fort', 'Mount', 'Lake', 'Cape', 'Gulf', 'Bay', 'Isle', 'Mont', 'Monte', 'Rio', 'Sierra']);

/** "Downing Street", "City Hall", "Nelson’s Monument", "Port Arthur". */
const placeByLastWord: Rule = (c) => {
  if (c.words.length === 2 && PLACE_FIRST_WORDS.has(c.texts[0]!) && !isCommonWord(c.texts[1]!)) return nameFrom(c, c.first, 'place', `begins with “${c.texts[0]}”`);
  const lastText = bare(c.last.text);
  if (!PLACE_WORDS.has(lastText) || c.words.length < 2 || NOT_ORG_START.has(c.texts[0]!) || TITLES.has(c.texts[0]!)) return undefined;
  return nameFrom(c, c.first, 'place', `ends with “${lastText}”`);
};

/** A title before the name ("General Weygand", "Mr. Bishop Norman" → "Norman"), in the run or just before it in lower case. */
const personByTitle: Rule = (c) => {
  let at = 0;
  while (at < c.words.length - 1 && TITLES.has(c.texts[at]!)) at++;
  if (at > 0) {
    const name = c.texts[at]!;
    if (!isCapitalised(name) || NOT_A_NAME_AFTER_TITLE.has(name) || ADJECTIVES.has(name) || MONTHS_AND_DAYS.has(name)) return undefined;
    return nameFrom(c, c.words[at]!, 'person', `follows the title “${c.texts[at - 1]}”`);
  }
  const title = c.previous?.text;
  if (title && LOWER_TITLES.has(title) && c.words.length <= 3 && !c.texts.some((word) => ADJECTIVES.has(word) || ORG_WORDS.has(word))) {
    return nameFrom(c, c.first, 'person', `follows “${title}”`);
  }
  return undefined;
};

/** "J. R. Johnson", "C.H. Norman": initials before a name ("See G. Soltysiak": an ordinary word before them is not part of it). */
const personByInitials: Rule = (c) => {
  const firstInitial = c.words.findIndex((word) => isInitial(word.text));
  if (c.words.length < 2 || firstInitial < 0 || isInitial(c.last.text)) return undefined;
  const lead = c.texts.slice(0, firstInitial);
  const from = lead.length > 0 && lead.every((word) => isCommonWord(word) && !GIVEN_NAMES.has(word)) ? firstInitial : 0;
  return nameFrom(c, c.words[from]!, 'person', 'has initials');
};

/** "Antonio Labriola": a common given name first. */
const personByGivenName: Rule = (c) => {
  if (!GIVEN_NAMES.has(c.texts[0]!) || c.words.length < 2 || c.words.length > 4) return undefined;
  if (c.texts.slice(1).some((word) => ADJECTIVES.has(word) || ORG_WORDS.has(word) || PLACE_WORDS.has(word))) return undefined;
  return nameFrom(c, c.first, 'person', `begins with the given name “${c.texts[0]}”`);
};

/** "Weygand declared": a verb of saying after the name. */
const personBySaying: Rule = (c) => {
  const after = c.text.slice(c.last.end).match(/^,?\s+(\p{Ll}+)/u)?.[1];
  if (!after || !SAY_VERBS.has(after) || c.words.length > 3) return undefined;
  if (c.texts.some((word) => ADJECTIVES.has(word) || MONTHS_AND_DAYS.has(word) || TITLES.has(word))) return undefined;
  const single = c.texts[0]!;
  if (c.words.length === 1 && ((isCommonWord(single) && !GIVEN_NAMES.has(single) && !isKnownProperNoun(single)) || NOT_A_SURNAME_ENDING.test(single))) return undefined;
  return nameFrom(c, c.first, 'person', `is followed by “${after}”`);
};

const NOT_PLACE_FIRST = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Part|Chapter|Section|Volume|Vol|No|Item|Thesis|Note|Appendix)$/;

/** "in Zimmerwald", "from Kronstadt": a place preposition before the name, not at a sentence start. */
const placeByPreposition: Rule = (c) => {
  const preposition = c.previous?.text.toLowerCase();
  if (!preposition || !PLACE_PREPOSITIONS.has(preposition) || c.sentenceStart || c.words.length > 3) return undefined;
  if (c.texts.some((word) => ADJECTIVES.has(word) || MONTHS_AND_DAYS.has(word) || ORG_WORDS.has(word) || TITLES.has(word) || /(?:ism|ist|ists|ite|ites)$/.test(word))) return undefined;
  if (NOT_PLACE_FIRST.test(c.texts[0]!) || GIVEN_NAMES.has(c.texts[0]!) || (c.next && /^\d/.test(c.next.text))) return undefined;
  // "in Victorian England": a word for a period or a people before another name is its adjective.
  if (c.words.length === 1 && (/(?:ian|ians|ean|eans|ist|ists|ite|ites)$/u.test(c.texts[0]!) || /^\s\p{Lu}/u.test(c.text.slice(c.last.end)))) return undefined;
  // "at Home", "in Power": ordinary words with a capital are not places.
  if (c.texts.every((word) => isCommonWord(word))) return undefined;
  return nameFrom(c, c.first, 'place', `follows “${c.previous!.text}”`);
};

/**
 * "the admission of Jagello", "Fimmen and Jouhaux make": one capitalised word
 * in mid-sentence that no English dictionary has as a common word, that no
 * article precedes (a newspaper, "the Luch"; a group, "the Trudoviks"), and
 * that does not end like a word for a creed or people ("Noskism", "Victorian").
 */
const personBySurname: Rule = (c) => {
  if (c.words.length !== 1 || c.sentenceStart || c.inCapsHeading) return undefined;
  const word = c.texts[0]!;
  if (word.length < 3 || !/^\p{Lu}\p{Ll}/u.test(word) || word.includes('-') || NOT_A_SURNAME_ENDING.test(word)) return undefined;
  if (ADJECTIVES.has(word) || MONTHS_AND_DAYS.has(word) || FUNCTION_WORDS.has(word) || ORG_SINGLE_WORDS.has(word) || isCommonWord(word) || isProperPlural(word)) return undefined;
  const before = c.text.slice(0, c.first.start);
  if (/\b(?:the|a|an|The|A|An)\s+$/u.test(before) || /[“"‘]$/u.test(before)) return undefined;
  return { ...nameFrom(c, c.first, 'person', 'is a capitalised word in mid-sentence that no English dictionary lists'), weak: true };
};

/**
 * "Old Jimmy Johnstone", "Wal Hannington": two or three capitalised words
 * that no English dictionary lists as common words (an ordinary word with a
 * capital may come first). Weak: a large city ("Porto Alegre") is a place.
 */
const personByUnlistedWords: Rule = (c) => {
  const from = c.texts.length > 2 && isCommonWord(c.texts[0]!) ? 1 : 0;
  const words = c.texts.slice(from);
  if (words.length < 2 || words.length > 3 || c.inCapsHeading) return undefined;
  const plain = (word: string, index: number): boolean =>
    /^\p{Lu}\p{Ll}/u.test(word) &&
    (!isCommonWord(word) || (index === 0 && (GIVEN_NAMES.has(word) || isKnownProperNoun(word)))) &&
    !ADJECTIVES.has(word) && !ORG_WORDS.has(word) && !PLACE_WORDS.has(word) && !TITLES.has(word) && !MONTHS_AND_DAYS.has(word) &&
    !(index === words.length - 1 && NOT_A_SURNAME_ENDING.test(word));
  if (!words.every(plain)) return undefined;
  return { ...nameFrom(c, c.words[from]!, 'person', 'is capitalised words that no English dictionary lists'), weak: true };
};

/** "the Trudoviks", "the Amsterdamers": a group named by its members, a plural no dictionary lists, after "the". */
const orgByMembers: Rule = (c) => {
  if (c.words.length !== 1 || c.inCapsHeading) return undefined;
  const word = c.texts[0]!;
  if (!/^\p{Lu}[\p{L}\p{M}-]*\p{Ll}s$/u.test(word) || !/\bthe\s+$/iu.test(c.text.slice(0, c.first.start))) return undefined;
  if (ADJECTIVES.has(word) || isCommonWord(word) || isKnownProperNoun(word) || /(?:ists|ites|ians|eans)$/u.test(word)) return undefined;
  // "the Metaxas dictatorship": a name before an abstract noun is a person's or a place's, used as an adjective.
  if (/^\s+\p{Ll}+(?:ship|ism|tion|sion|ment|ity|ness|ure|ance|ence|acy)\b/u.test(c.text.slice(c.last.end))) return undefined;
  return nameFrom(c, c.first, 'org', 'is a plural after “the” that no English dictionary lists (a group named by its members)');
};

/** Common nouns that, just before a name, say it is a place ("the three suburbs Hammerbrook", "the port of Odessa"). */
const PLACE_NOUNS = new Set(['suburb', 'suburbs', 'town', 'towns', 'city', 'cities', 'village', 'villages', 'district', 'districts', 'province', 'provinces', 'region', 'port', 'river', 'county', 'island', 'valley']);

/** "the suburbs Hammerbrook", "the port of Danzig", "St. Georg": a place noun before the name, or a saint's name for a place. */
const placeByNoun: Rule = (c) => {
  if (c.words.length > 3 || c.inCapsHeading) return undefined;
  const noun = c.text.slice(0, c.first.start).match(/\b(\p{Ll}+)(?: of)?\s+$/u)?.[1];
  if (noun && PLACE_NOUNS.has(noun) && !c.texts.every((word) => isCommonWord(word))) return nameFrom(c, c.first, 'place', `follows “${noun}”`);
  if (c.words.length >= 2 && /^(?:St|Ste|Saint|San|Santa|São)$/u.test(c.texts[0]!)) return nameFrom(c, c.first, 'place', `is named after a saint`);
  return undefined;
};

/** Function words of German, French, Italian and Spanish: a capitalised word beside one is in a foreign phrase or title. */
const FOREIGN_FUNCTION_WORDS = new Set(
  'für über und der die das des dem den zur zum vom im eine einer eines ein sur les aux avec pour dans une della degli delle nella sulla per los las por para con'.split(' '),
);

/** True when a word of the run has a foreign function word beside it ("Archiv für die Geschichte des Sozialismus"). */
function inForeignPhrase(c: Candidate): boolean {
  const before = c.text.slice(Math.max(0, c.first.start - 12), c.first.start).match(/(\p{L}+)\s+$/u)?.[1];
  const after = c.text.slice(c.last.end, c.last.end + 12).match(/^\s+(\p{L}+)/u)?.[1];
  return [before, after].some((word) => word !== undefined && FOREIGN_FUNCTION_WORDS.has(word.toLowerCase()));
}

/** Rules that take a run on the word alone or a preposition: not used in italics or foreign phrases, where such words are titles and terms. */
const WEAK_RULES = new Set<Rule>();

/** The rules, most specific first: the first that takes a run decides it. */
const RULES: Rule[] = [
  dottedAcronym, orgByLastWord, orgByHead, orgSingleWord, placeByLastWord, placeByNoun, personByTitle, personByInitials, personByGivenName, personBySaying,
  placeByPreposition, personByUnlistedWords, orgByMembers, personBySurname,
];
WEAK_RULES.add(personByUnlistedWords).add(orgByMembers).add(personBySurname).add(placeByPreposition);

/** The run without capitalised function words before the name ("The Daily Worker", "In Zimmerwald"), with its surroundings. */
function candidateOf(text: string, words: Word[], whole: Run): Candidate {
  let start = 0;
  while (start < whole.words.length - 1 && FUNCTION_WORDS.has(bare(whole.words[start]!.text)) && whole.words[start + 1]!.start > whole.words[start]!.end) start++;
  const runWords = whole.words.slice(start);
  const first = runWords[0]!;
  const firstIndex = first.index;
  const previous = words[firstIndex - 1];
  return {
    text,
    words: runWords,
    texts: runWords.map((word) => bare(word.text)),
    first,
    last: runWords[runWords.length - 1]!,
    previous: previous && /^\s+$/.test(text.slice(previous.end, first.start)) ? previous : undefined,
    next: words[firstIndex + runWords.length],
    sentenceStart: isSentenceStart(text, first.start),
    inCapsHeading: isAllCapsHeading(words, firstIndex),
  };
}

/** A run that is all of a quotation (“Boris Godunov,”): the title of a work, not a name. */
function isQuotedTitle(c: Candidate): boolean {
  return /[“"‘]$/u.test(c.text.slice(0, c.first.start)) && /^[,.;:!?]?[”"’]/u.test(c.text.slice(c.last.end));
}

/**
 * Finds names in one text by the evidence rules above, skipping what
 * `covered` says is already marked (register names). In italics (titles of
 * works, foreign terms) only rules with evidence beyond the word itself run.
 */
export function findUnknownNames(text: string, covered: (start: number, end: number) => boolean, options: { italic?: boolean } = {}): UnknownName[] {
  const words = wordsOf(text);
  const found: UnknownName[] = [];
  for (const whole of runsOf(text, words, covered)) {
    const candidate = candidateOf(text, words, whole);
    if (candidate.words.length === 1 && FUNCTION_WORDS.has(candidate.texts[0]!)) continue;
    if (candidate.texts.some((word) => NAVIGATION_WORDS.has(word)) || isQuotedTitle(candidate)) continue;
    const weakAllowed = !options.italic && !inForeignPhrase(candidate);
    for (const rule of RULES) {
      if (!weakAllowed && WEAK_RULES.has(rule)) continue;
      const name = rule(candidate);
      if (name) {
        found.push(name);
        break;
      }
    }
  }
  return found;
}

/** True when `word` is a capitalised word that could be a person's given name (for the namesake check). */
export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word);
}

/**
 * The given name or initial written just before `offset` ("Theodore" in
 * "Theodore Draper", "T." in "T. Draper"), skipping titles and words that
 * are not names ("Comrade", "The", "Soviet"); undefined when there is none.
 */
export function givenNameBefore(text: string, offset: number): string | undefined {
  const before = text.slice(Math.max(0, offset - 60), offset).match(/((?:\p{Lu}\.\s?|\p{Lu}[\p{L}\p{M}’'-]*\.?\s){1,3})$/u)?.[1];
  if (!before) return undefined;
  const tokens = before.trim().split(/\s+|(?<=\.)(?=\p{Lu})/u).filter(Boolean);
  const names = tokens.filter((token) => {
    const word = bare(token);
    return !TITLES.has(word) && !FUNCTION_WORDS.has(word) && !ADJECTIVES.has(word) && !MONTHS_AND_DAYS.has(word);
  });
  const first = names[0];
  if (!first || names.length !== tokens.slice(tokens.indexOf(first)).length) return undefined;
  if (isInitial(first) || GIVEN_NAMES.has(first)) return first;
  return !isCommonWord(first) && isKnownProperNoun(first) ? first : undefined;
}
