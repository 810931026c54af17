/**
 * The entity stage: marks persons, places and organisations in the text of
 * `body` and `back` as `persName`, `placeName` and `orgName`, links each to
 * its register entry (`@ref="#pers-stalin"`), and carries the entries the text
 * mentions in a `standOff` after the `teiHeader`, so that every `@ref`
 * resolves inside the document.
 *
 * Decisions:
 * - Register names are found first, by a token trie (entities-matcher.ts);
 *   names no register knows second, by evidence (entities-unknown.ts), tagged
 *   `@cert="low"` without `@ref` and listed for review.
 * - A possessive is outside the name ("<persName>Stalin</persName>’s").
 * - A hyphenated compound is split into persons only when every part is a
 *   person's name ("the Stalin-Bukharin bloc": two persons); otherwise it is an
 *   adjective ("Franco-Prussian", "Soviet-Nazi") and nothing is marked.
 * - "Trotsky’s Red Army" is a person followed by an organisation, side by side:
 *   the army is not Trotsky's name. A place inside a person's or an
 *   organisation's name is nested ("the Dean of <placeName>Canterbury</placeName>").
 * - A name borne by several entries ("Roosevelt", "Liebknecht") goes to the one
 *   alive at the document's date; if that does not decide, it is marked
 *   `@cert="low"` without `@ref` and listed as ambiguous.
 * - A `short` register name ("Communist Party", "General Staff") is linked
 *   only when the same document names the entry in full somewhere.
 */
import { cloneTree, el, walkElements, type Element, type Root } from '../tei/tree.js';
import type { Edition, Stage } from '../edition.js';
import { matcherFor, type NameMatch, type NameMatcher } from './entities-matcher.js';
import { gazetteerEntry, lookUpTown, WELL_KNOWN_POPULATION } from './entities-gazetteer.js';
import { ADJECTIVES, findUnknownNames, FUNCTION_WORDS, givenNameBefore, isGivenName, NOT_ORG_START, ORG_WORDS, PLACE_WORDS, TITLES } from './entities-unknown.js';
import { isCommonWord, isKnownProperNoun } from './entities-lexicon.js';
import { LIST_ELEMENT, loadRegisters, NAME_ELEMENT, type EntityKind, type Register, type RegisterEntry } from './registers.js';
import { addReviewItem, contextOf, type ReviewItem } from './review.js';
import { wrapTextSpans, type TextContext, type TextSpan } from './spans.js';
import { occurrenceFinder } from './name-occurrences.js';

/** A mention marked in the text. */
export interface EntityMention {
  kind: EntityKind;
  text: string;
  /** Register id, when the mention is linked. */
  ref?: string;
  /** `low` for names no register decides. */
  cert?: 'low';
  line?: number;
}

export interface EntityOptions {
  /** The year the text was written, to choose among entries that share a name (default: none). */
  documentYear?: number;
}

export interface EntityResult {
  mentions: EntityMention[];
  review: ReviewItem[];
  /** Ids of the register entries carried in the `standOff`, in register order. */
  entries: string[];
}

interface Resolved {
  start: number;
  end: number;
  kind: EntityKind;
  ref?: string;
  cert?: 'low';
  inner: TextSpan[];
  reviewDetail?: string;
  /** Found by the weakest evidence (see UnknownName.weak): the document may decide its kind. */
  weak?: boolean;
}

const PLACES_ONLY: ReadonlySet<EntityKind> = new Set(['place']);

function yearOf(when: string | undefined): number | undefined {
  const match = when?.match(/^-?\d{4}/);
  return match ? Number(match[0]) : undefined;
}

/** Entries that were adults and alive in `year` (18 or older, not yet dead): who a text of that year can speak of as acting. */
function aliveIn(entries: RegisterEntry[], year: number): RegisterEntry[] {
  return entries.filter((entry) => {
    const born = yearOf(entry.birth);
    const died = yearOf(entry.death);
    return (born === undefined || born + 18 <= year) && (died === undefined || year <= died);
  });
}

/** Drops matches that are one part of a hyphenated adjective ("Franco-Prussian"), keeps pairs of persons. */
function acceptHyphenated(text: string, match: NameMatch, matcher: NameMatcher): boolean {
  const glued = (index: number): boolean => /[-‐‑]/u.test(text[index] ?? '') && /\p{L}/u.test(text[index + (index < match.start ? -1 : 1)] ?? '');
  if (!glued(match.start - 1) && !glued(match.end)) return true;
  let from = match.start;
  let to = match.end;
  while (from > 0 && /[\p{L}\p{M}\-‐‑]/u.test(text[from - 1]!)) from--;
  while (to < text.length && /[\p{L}\p{M}\-‐‑]/u.test(text[to]!)) to++;
  const parts = text.slice(from, to).split(/[-‐‑]/u);
  return parts.length >= 2 && parts.every((part) => matcher.isPersonWord(part));
}

/** What every phase of one recognition shares. */
interface Pass {
  register: Register;
  matcher: NameMatcher;
  options: EntityOptions;
  /** Entries the document names in full (their `short` names may then be linked). */
  present: Set<string>;
  /** Towns found in the gazetteer, by id, carried in the standOff like register entries. */
  gazetteer: Map<string, RegisterEntry>;
  /** Surnames whose register entries the document's given names contradict ("Theodore Draper" is not Hal Draper): surname → ids. */
  contradicted: Map<string, Set<string>>;
  /** The text is in English (or says nothing of its language): the English-only rules run. */
  english: boolean;
}

/**
 * Marks entities in the TEI (body and back), adds the `standOff` and returns
 * what it marked. The register's trie is compiled once per process.
 */
export function recognizeEntities(tei: Root, register: Register, options: EntityOptions = {}): EntityResult {
  const pass: Pass = { register, matcher: matcherFor(register), options, present: new Set(), gazetteer: new Map(), contradicted: new Map(), english: isEnglish(tei) };
  const regions = textRegions(tei);
  const texts = distinctTexts(regions);
  const registerMatches = findRegisterMatches(pass, [...texts.keys()]);
  const spansByText = new Map<string, Resolved[]>();
  for (const [text, { italic }] of texts) spansByText.set(text, spansOfText(pass, text, registerMatches.get(text)!, italic));
  if (pass.english) harmoniseKinds(spansByText);
  linkTowns(pass, spansByText);
  addRecurrences(pass, spansByText);
  addRegnalNumbers(spansByText);
  const { mentions, review, used } = wrapSpans(regions, spansByText);
  for (const id of speakerRefs(regions, register)) used.add(id);
  const entries = usedEntries(pass, used);
  review.push(...noIdItems(entries));
  if (entries.length) insertStandOff(tei, entries);
  return { mentions, review, entries: entries.map((entry) => entry.id) };
}

/** The `body` and `back` of the document: where names are looked for. */
function textRegions(tei: Root): Element[] {
  const textRoot = findChild(findChild(tei, 'TEI'), 'text');
  return textRoot ? textRoot.children.filter((child): child is Element => child.type === 'element' && (child.name === 'body' || child.name === 'back')) : [];
}

/** Elements whose text is a title of a work or a foreign term more often than a name's context. */
const ITALIC = new Set(['hi', 'emph', 'foreign', 'term', 'mentioned', 'soCalled']);

/** The distinct text-node values of the regions, in document order, each noting whether every occurrence is in italics. */
function distinctTexts(regions: Element[]): Map<string, { italic: boolean }> {
  const texts = new Map<string, { italic: boolean }>();
  for (const region of regions) {
    wrapTextSpans(region, (text: string, context: TextContext) => {
      const italic = context.ancestors.some((name) => ITALIC.has(name));
      const known = texts.get(text);
      if (!known) texts.set(text, { italic });
      else if (!italic) known.italic = false;
      return [];
    });
  }
  return texts;
}

/** Register names in each text, noting which entries the document names in full. */
function findRegisterMatches(pass: Pass, texts: string[]): Map<string, NameMatch[]> {
  const matches = new Map<string, NameMatch[]>();
  for (const text of texts) {
    const found = pass.matcher.match(text).filter((match) => acceptHyphenated(text, match, pass.matcher));
    matches.set(text, found);
    for (const match of found) {
      noteContradictions(pass, match, text);
      const contradicted = pass.contradicted.get(text.slice(match.start, match.end));
      const full = match.candidates.filter((candidate) => candidate.nameKind !== 'short' && !contradicted?.has(candidate.id));
      const id = full.length === 1 ? full[0]!.id : chooseByYear(pass, full.map((candidate) => candidate.id));
      if (id) pass.present.add(id);
    }
  }
  return matches;
}

/** The document's language is English, or not stated: `xml:lang` on `TEI`. */
function isEnglish(tei: Root): boolean {
  const lang = findChild(tei, 'TEI')?.attributes['xml:lang'];
  return lang === undefined || /^en\b/i.test(String(lang));
}

/**
 * A surname matched alone, after a given name or initial that none of the
 * entry's names has ("Theodore Draper" against Hal Draper, "Robert Blum"
 * against Léon Blum): the entry is not this person, here or anywhere in the
 * document.
 */
function noteContradictions(pass: Pass, match: NameMatch, text: string): void {
  const surname = text.slice(match.start, match.end);
  if (/\s/.test(surname) || !match.candidates.some((candidate) => candidate.kind === 'person')) return;
  const given = givenNameBefore(text, match.start);
  if (!given) return;
  for (const candidate of match.candidates) {
    const entry = pass.register.entries.get(candidate.id)!;
    if (entry.kind !== 'person' || givenNamesAgree(entry, surname, given)) continue;
    let ids = pass.contradicted.get(surname);
    if (!ids) pass.contradicted.set(surname, (ids = new Set()));
    ids.add(entry.id);
  }
}

/** True when some name of `entry` with a given name before `surname` begins with the letter `given` begins with (or it has none). */
function givenNamesAgree(entry: RegisterEntry, surname: string, given: string): boolean {
  const forms = entry.names.map((name) => name.text.split(/\s+/)).filter((tokens) => tokens.length >= 2 && tokens[tokens.length - 1] === surname);
  const letter = (word: string): string => word.normalize('NFD')[0]!.toUpperCase();
  return forms.length === 0 || forms.some((tokens) => letter(tokens[0]!) === letter(given));
}

/** The one entry of `ids` alive at the document's date, if exactly one is. */
function chooseByYear(pass: Pass, ids: string[]): string | undefined {
  if (ids.length < 2 || pass.options.documentYear === undefined) return undefined;
  const alive = aliveIn(ids.map((id) => pass.register.entries.get(id)!), pass.options.documentYear);
  return alive.length === 1 ? alive[0]!.id : undefined;
}

/** The entry a register match links to, or an uncertain span when several entries bear the name. */
function resolveMatch(pass: Pass, match: NameMatch, text: string): Resolved | undefined {
  const contradicted = pass.contradicted.get(text.slice(match.start, match.end));
  const usable = match.candidates.filter((candidate) => (candidate.nameKind !== 'short' || pass.present.has(candidate.id)) && !contradicted?.has(candidate.id));
  const ids = [...new Set(usable.map((candidate) => candidate.id))];
  if (ids.length === 0) return contradicted ? namesake(pass, match, text, contradicted) : undefined;
  let chosen: string | undefined = ids.length === 1 ? ids[0] : chooseByYear(pass, ids);
  if (!chosen) {
    const inPresent = ids.filter((id) => pass.present.has(id));
    if (inPresent.length === 1) chosen = inPresent[0];
  }
  const kind = chosen ? pass.register.entries.get(chosen)!.kind : usable[0]!.kind;
  if (kind === 'place') {
    if (isNewspaperTitle(text, match)) return undefined;
    const other = placeAsSurname(text, match) ?? (chosen ? placeInLongerName(text, match, chosen) : undefined);
    if (other) return other;
  }
  if (kind === 'org' && chosen) {
    const other = longerOrganisation(pass, text, match) ?? foreignNamesake(pass, text, match, chosen);
    if (other) return other;
  }
  const inner = kind === 'place' ? [] : innerPlaces(pass, text.slice(match.start, match.end));
  if (chosen) return { start: match.start, end: kind === 'person' ? withRegnalNumber(text, match.end) : match.end, kind, ref: chosen, inner };
  return {
    start: match.start,
    end: match.end,
    kind,
    cert: 'low',
    inner,
    reviewDetail: `more than one register entry bears this name (${ids.join(', ')}); the document's date does not decide — add @ref by hand`,
  };
}

/** Last words of newspapers' titles: a place before them names the paper, not the place ("Manchester Guardian", "Glasgow Herald"). */
const NEWSPAPER_WORDS = /^ (?:Guardian|Times|Herald|Post|Courier|Chronicle|Gazette|Tribune|Journal|News|Mail|Express|Mercury|Telegraph|Observer|Sun|Star|Record|Standard|Clarion|Leader|Worker)\b/u;

function isNewspaperTitle(text: string, match: NameMatch): boolean {
  return NEWSPAPER_WORDS.test(text.slice(match.end));
}

const COMPASS = /(?:^|[^\p{L}])((?:Western|Eastern|Northern|Southern|Central|North|South|East|West|Upper|Lower|Greater|Inner|Outer) )$/u;

/**
 * A known place inside a longer name: a region of it ("Western Europe",
 * "Upper Silesia"), a place in it ("Glasgow Green"), or an organisation
 * headed by it ("Government of India"). The longer name is marked, without
 * the place's id (it is another entity); an organisation holds the place.
 */
function placeInLongerName(text: string, match: NameMatch, ref: string): Resolved | undefined {
  const prefix = text.slice(0, match.start).match(COMPASS)?.[1];
  const suffix = text.slice(match.end).match(/^ (\p{Lu}\p{Ll}+)/u)?.[1];
  const start = match.start - (prefix?.length ?? 0);
  const end = match.end + (suffix && PLACE_WORDS.has(suffix) ? suffix.length + 1 : 0);
  if (start !== match.start || end !== match.end) {
    return { start, end, kind: 'place', cert: 'low', inner: [], reviewDetail: `not in any register; taken for a place because it is a known place with “${prefix?.trim() ?? suffix}”` };
  }
  const head = text.slice(0, match.start).match(/(?:^|[^\p{L}])(\p{Lu}\p{Ll}+) of (?:the )?$/u);
  if (!head || !ORG_WORDS.has(head[1]!)) return undefined;
  let from = text.lastIndexOf(head[1]!, match.start);
  // The organisation's name may begin before its head word ("Communist Party of Great Britain").
  const lead = text.slice(0, from).match(/(?:^|[^\p{L}\p{M}’'-])((?:\p{Lu}[\p{L}\p{M}-]* ){1,3})$/u)?.[1];
  if (lead && lead.trim().split(' ').every((word) => !FUNCTION_WORDS.has(word) && !TITLES.has(word) && !NOT_ORG_START.has(word))) from -= lead.length;
  const inner: TextSpan[] = [{ start: match.start - from, end: match.end - from, name: 'placeName', attrs: { ref: `#${ref}` } }];
  return { start: from, end: match.end, kind: 'org', cert: 'low', inner, reviewDetail: `not in any register; taken for an organisation because it is headed by “${head[1]} of”` };
}

/** Words before a register organisation that make another one of it ("Parliamentary Labour Party", "Socialist Labour Party"). */
function longerOrganisation(pass: Pass, text: string, match: NameMatch): Resolved | undefined {
  const before = text.slice(0, match.start).match(/(?:^|[^\p{L}\p{M}’'-])((?:\p{Lu}[\p{L}\p{M}-]* ){1,2})$/u)?.[1];
  if (!before) return undefined;
  const all = before.trim().split(' ');
  // "The Parliamentary Labour Party": an article before the name is not part of it.
  const words = all.slice(all.findIndex((word) => !FUNCTION_WORDS.has(word) && !NOT_ORG_START.has(word)));
  const fits = (word: string): boolean =>
    !FUNCTION_WORDS.has(word) && !TITLES.has(word) && !NOT_ORG_START.has(word) && !isNationality(word) && !MONTHS.test(word) && pass.matcher.match(word).length === 0;
  if (words.length === 0 || words.length > all.length || !words.every(fits)) return undefined;
  const start = match.start - words.join(' ').length - 1;
  if (isSentenceStartAt(text, start) && isCommonWord(words[0]!) && !ADJECTIVES.has(words[0]!)) return undefined;
  return { start, end: match.end, kind: 'org', cert: 'low', inner: [], reviewDetail: `not in any register; taken for an organisation because it ends with the name of another one` };
}

const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * "the Russian Liberals" are not the British Liberal Party: a nation's
 * adjective before an organisation whose register names give it another
 * nation's adjective (and never this one) contradicts the entry.
 */
function foreignNamesake(pass: Pass, text: string, match: NameMatch, id: string): Resolved | undefined {
  const adjective = text.slice(0, match.start).match(/(?:^|[^\p{L}])(\p{Lu}\p{Ll}+) $/u)?.[1];
  if (!adjective || !isNationality(adjective)) return undefined;
  const entry = pass.register.entries.get(id)!;
  const nations = entry.names.map((name) => name.text.split(' ')[0]!).filter(isNationality);
  if (nations.length === 0 || nations.includes(adjective)) return undefined;
  return {
    start: match.start,
    end: match.end,
    kind: 'org',
    cert: 'low',
    inner: [],
    reviewDetail: `not in any register; the register's ${entry.preferred} (${id}) is ${nations.join('/')}, the text speaks of a ${adjective} one`,
  };
}

/** An adjective of a nation or a side ("British", "Soviet", "Red"): before a party's name it says whose party it is, not another party. */
function isNationality(word: string): boolean {
  return ADJECTIVES.has(word) && /(?:an|ans|ish|ese|ch|sh|ic|Soviet|Anglo|Allied|ern|Red|White|Black|Latin|Greek|Dutch|Swiss|Czech|Slav|Arab|Imperial|National|International)$/.test(word);
}

function isSentenceStartAt(text: string, offset: number): boolean {
  return /(?:^|[.!?:;]["”’)]?\s+)$/u.test(text.slice(Math.max(0, offset - 4), offset)) || offset === 0;
}

/** Every person's name takes the regnal number after it ("Nicolas II"), when nothing else is marked there. */
function addRegnalNumbers(spansByText: Map<string, Resolved[]>): void {
  for (const [text, spans] of spansByText) {
    for (const span of spans) {
      if (span.kind !== 'person') continue;
      const end = withRegnalNumber(text, span.end);
      if (end !== span.end && !spans.some((other) => other !== span && other.start >= span.end && other.start < end)) span.end = end;
    }
  }
}

/** A regnal number after a person's name belongs to it ("Nicolas II"). */
function withRegnalNumber(text: string, end: number): number {
  const numeral = text.slice(end).match(/^ (?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI)\b/u)?.[0];
  return numeral ? end + numeral.length : end;
}

/** A place's name after a given name or an initial is a person's surname ("Irving Berlin", "Jack London"). */
function placeAsSurname(text: string, match: NameMatch): Resolved | undefined {
  const surname = text.slice(match.start, match.end);
  if (/\s/.test(surname)) return undefined;
  const given = givenNameBefore(text, match.start);
  if (!given || !(isGivenName(given) || /^\p{Lu}\.$/u.test(given))) return undefined;
  const start = text.lastIndexOf(given, match.start);
  return { start, end: match.end, kind: 'person', cert: 'low', inner: [], reviewDetail: `not in any register; taken for a person because the place name “${surname}” follows the given name “${given}”` };
}

/** A person the register does not have, though it has the surname: the given name, if written, is part of the name. */
function namesake(pass: Pass, match: NameMatch, text: string, ids: Set<string>): Resolved {
  const given = givenNameBefore(text, match.start);
  const start = given ? text.lastIndexOf(given, match.start) : match.start;
  const names = [...ids].map((id) => `${pass.register.entries.get(id)!.preferred} (${id})`).join(', ');
  return { start, end: match.end, kind: 'person', cert: 'low', inner: [], reviewDetail: `not in any register; the register's ${names} bears the surname, but the text names another person (given name “${given ?? '?'}”)` };
}

/** Register places inside a person's or an organisation's name ("Dean of Canterbury"), offsets relative to it. */
function innerPlaces(pass: Pass, name: string): TextSpan[] {
  const inner: TextSpan[] = [];
  for (const place of pass.matcher.match(name, PLACES_ONLY)) {
    if (place.start === 0 && place.end === name.length) continue;
    const placeIds = [...new Set(place.candidates.map((candidate) => candidate.id))];
    if (placeIds.length === 1) inner.push({ start: place.start, end: place.end, name: 'placeName', attrs: { ref: `#${placeIds[0]}` } });
  }
  return inner;
}

/**
 * A line of the page's navigation, not of the text: a breadcrumb ("MIA >
 * Archive > Bax"), links joined by "|", "Top of the page".
 */
function isNavigation(text: string): boolean {
  if (/^\s*(?:MIA|Marxists(?:’|')? Internet Archive)\s*>/iu.test(text) || (text.match(/\s>\s/g)?.length ?? 0) >= 2) return true;
  if (/^\s*(?:Top of (?:the )?page|Back to (?:the )?index)\s*$/iu.test(text)) return true;
  return text.length < 200 && text.includes('|') && text.split('|').every((part) => part.trim().split(/\s+/).length <= 8);
}

/** The spans of one text: its register names, then names no register knows. */
function spansOfText(pass: Pass, text: string, matches: NameMatch[], italic: boolean): Resolved[] {
  if (isNavigation(text)) return [];
  const resolved = matches.map((match) => resolveMatch(pass, match, text)).filter((span): span is Resolved => span !== undefined);
  const covered = (start: number, end: number): boolean => resolved.some((span) => span.start < end && start < span.end);
  const unknown = (pass.english ? findUnknownNames(text, covered, { italic }) : []).map((name): Resolved => {
    return { start: name.start, end: name.end, kind: name.kind, cert: 'low', inner: [], weak: name.weak, reviewDetail: `not in any register; taken for ${article(name.kind)} because it ${name.evidence}` };
  });
  nestLeadingPlaces(text, resolved, unknown);
  return [...resolved, ...unknown];
}

/** An organisation's name may begin with a known place ("Dublin United Tramways Company"): the place nests in it. */
function nestLeadingPlaces(text: string, resolved: Resolved[], unknown: Resolved[]): void {
  for (const name of unknown) {
    if (name.kind !== 'org') continue;
    const place = resolved.find((span) => span.kind === 'place' && span.ref && /^ $/.test(text.slice(span.end, name.start)));
    if (!place) continue;
    resolved.splice(resolved.indexOf(place), 1);
    name.inner.push({ start: 0, end: place.end - place.start, name: 'placeName', attrs: { ref: `#${place.ref}` } });
    name.start = place.start;
  }
}

/**
 * One name, one kind in a document: a word taken for a person only because no
 * dictionary has it ("Tarbert", "Basle") takes the kind that better evidence
 * gives the same word elsewhere in the text ("at Tarbert"); with none, a city
 * of 400,000 people or more is a place ("Glasgow"), and so is a word listed
 * with places ("at Amritsar or Balbriggan").
 */
function harmoniseKinds(spansByText: Map<string, Resolved[]>): void {
  const strong = new Map<string, EntityKind>();
  for (const [text, spans] of spansByText) {
    for (const span of spans) if (!span.ref && !span.weak && span.cert === 'low') strong.set(text.slice(span.start, span.end), span.kind);
  }
  // A list of places is read left to right and right to left: a word becomes a place once a neighbour is one.
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const [text, spans] of spansByText) for (const span of spans) if (span.weak && harmoniseOne(text, span, spans, strong)) changed = true;
    if (!changed) break;
  }
}

/** Gives one weakly found name the kind the document shows; true when it changed. */
function harmoniseOne(text: string, span: Resolved, spans: Resolved[], strong: Map<string, EntityKind>): boolean {
  const surface = text.slice(span.start, span.end);
  const kind = strong.get(surface) ?? (isLargeCity(surface) || listedWithPlace(text, span, spans) ? 'place' : undefined);
  if (!kind || kind === span.kind) return false;
  span.kind = kind;
  span.reviewDetail = `not in any register; taken for ${article(kind)} because ${strong.has(surface) ? 'the same word is one elsewhere in the text' : isLargeCity(surface) ? 'it is a large city in GeoNames' : 'it is listed with places'}`;
  return true;
}

const LARGE_CITY = 400_000;

function isLargeCity(name: string): boolean {
  return (lookUpTown(name)?.population ?? 0) >= LARGE_CITY;
}

/** True when `span` is joined to a place by a comma, "and", "or" ("at Amritsar or Balbriggan"). */
function listedWithPlace(text: string, span: Resolved, spans: Resolved[]): boolean {
  return spans.some((other) => {
    if (other === span || other.kind !== 'place') return false;
    const between = other.end <= span.start ? text.slice(other.end, span.start) : other.start >= span.end ? text.slice(span.end, other.start) : undefined;
    return between !== undefined && /^(?:,\s*|,?\s+(?:and|or|nor)\s+)$/.test(between);
  });
}

/**
 * Places no register has are looked up in the gazetteer and, when one town
 * of 100,000 people or more bears the name and no town of like size
 * elsewhere does, linked to it with its GeoNames id (listed for review as
 * uncertain).
 */
function linkTowns(pass: Pass, spansByText: Map<string, Resolved[]>): void {
  for (const [text, spans] of spansByText) {
    for (const span of spans) {
      if (span.kind !== 'place' || span.ref) continue;
      const surface = text.slice(span.start, span.end);
      const town = lookUpTown(surface);
      // A small town shares its name with too many places elsewhere ("Port Arthur", Texas): only a large one is linked.
      if (!town || town.ambiguous || town.population < WELL_KNOWN_POPULATION) continue;
      const entry = gazetteerEntry(surface, town);
      if (!pass.gazetteer.has(entry.id)) pass.gazetteer.set(entry.id, entry);
      span.ref = entry.id;
      span.reviewDetail = `not in any register; linked by name to GeoNames ${town.geonamesId} (a town of ${town.population.toLocaleString('en')} in ${town.country}): check that the text means it`;
    }
  }
}

/** A name found without a register, as the text first shows it. */
interface Discovered {
  kind: EntityKind;
  ref?: string;
  from: string;
}

/** A name found once is found wherever it recurs (a person also by surname alone). */
function addRecurrences(pass: Pass, spansByText: Map<string, Resolved[]>): void {
  const recurring = recurringNames(pass, discoveredNames(spansByText));
  if (recurring.size === 0) return;
  const occurrencesIn = occurrenceFinder([...recurring.keys()]);
  for (const [text, spans] of spansByText) {
    for (const found of occurrencesIn(text)) {
      const start = found.index;
      const end = start + found.name.length;
      if (spans.some((span) => span.start < end && start < span.end)) continue;
      const { kind, ref, from } = recurring.get(found.name)!;
      spans.push({ start, end, kind, ref, cert: 'low', inner: [], reviewDetail: `not in any register; recurs after “${from}” was taken for ${article(kind)}` });
    }
    spans.sort((a, b) => a.start - b.start);
  }
}

/** The names found without a register entry, first finding first. */
function discoveredNames(spansByText: Map<string, Resolved[]>): Map<string, Discovered> {
  const discovered = new Map<string, Discovered>();
  for (const [text, spans] of spansByText) {
    for (const span of spans) {
      const surface = text.slice(span.start, span.end);
      if (span.cert === 'low' && span.reviewDetail?.startsWith('not in any register') && !discovered.has(surface)) discovered.set(surface, { kind: span.kind, ref: span.ref, from: surface });
    }
  }
  return discovered;
}

/** The names to look for again: each discovered name, and a person's surname. */
function recurringNames(pass: Pass, discovered: Map<string, Discovered>): Map<string, Discovered> {
  const recurring = new Map<string, Discovered>();
  for (const [surface, found] of discovered) {
    recurring.set(surface, found);
    const words = surface.split(/\s+/);
    const surname = words[words.length - 1]!;
    // A surname that is an ordinary word ("Garrison", "Workmen") recurs only if the dictionary also knows it as a name.
    const nameLike = !isCommonWord(surname) || isKnownProperNoun(surname);
    if (found.kind === 'person' && words.length >= 2 && surname.length >= 3 && nameLike && /^\p{Lu}\p{Ll}/u.test(surname) && !pass.matcher.match(surname).length && !recurring.has(surname)) {
      recurring.set(surname, { kind: 'person', from: surface });
    }
  }
  return recurring;
}

/** Walk 2: wraps the spans, collecting mentions, review items and the entries used, in document order. */
function wrapSpans(regions: Element[], spansByText: Map<string, Resolved[]>): { mentions: EntityMention[]; review: ReviewItem[]; used: Set<string> } {
  const mentions: EntityMention[] = [];
  const review: ReviewItem[] = [];
  const used = new Set<string>();
  for (const region of regions) {
    wrapTextSpans(region, (text, context) =>
      (spansByText.get(text) ?? []).map((span): TextSpan => {
        const surface = text.slice(span.start, span.end);
        mentions.push({ kind: span.kind, text: surface, ref: span.ref, cert: span.cert, line: context.line });
        for (const inner of span.inner) {
          const innerRef = String(inner.attrs.ref).slice(1);
          used.add(innerRef);
          mentions.push({ kind: 'place', text: surface.slice(inner.start, inner.end), ref: innerRef, line: context.line });
        }
        if (span.ref) used.add(span.ref);
        if (span.reviewDetail) review.push(reviewItemOf(span, surface, text, context));
        return { start: span.start, end: span.end, name: NAME_ELEMENT[span.kind], attrs: { ref: span.ref ? `#${span.ref}` : undefined, cert: span.cert }, inner: span.inner };
      }),
    );
  }
  return { mentions, review, used };
}

function reviewItemOf(span: Resolved, surface: string, text: string, { line, id }: TextContext): ReviewItem {
  return {
    anchor: id,
    category: span.ref ? 'entities:uncertain' : span.reviewDetail!.startsWith('more than one') ? 'entities:ambiguous' : 'entities:unknown',
    kind: kindWord(span.kind),
    text: surface,
    detail: `${kindWord(span.kind)}: ${span.reviewDetail}`,
    line,
    context: contextOf(text, span.start, span.end),
    target: NAME_ELEMENT[span.kind],
  };
}

/** Speakers named by earlier stages (`q/@who`) must resolve in the document too. */
function speakerRefs(regions: Element[], register: Register): string[] {
  const ids: string[] = [];
  for (const region of regions) {
    walkElements(region, (element) => {
      for (const token of String(element.attributes.who ?? '').split(/\s+/)) {
        if (token.startsWith('#') && register.entries.has(token.slice(1))) ids.push(token.slice(1));
      }
    });
  }
  return ids;
}

/** The entries used, in register order (persons, places, organisations), towns from the gazetteer after the register's places. */
function usedEntries(pass: Pass, used: Set<string>): RegisterEntry[] {
  const kindOrder: Record<EntityKind, number> = { person: 0, place: 1, org: 2 };
  return [...pass.register.entries.values(), ...pass.gazetteer.values()].filter((entry) => used.has(entry.id)).sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
}

/** A review item for each entry carried without an authority id. */
function noIdItems(entries: RegisterEntry[]): ReviewItem[] {
  return entries
    .filter((entry) => entry.ids.length === 0)
    .map((entry) => ({
      category: 'registers:no-id' as const,
      text: entry.preferred,
      detail: `the register entry has no authority id (Wikidata, VIAF, GeoNames); add one whose source you can name (${entry.source.split(/[\\/]/).slice(-2).join('/')})`,
      target: entry.id,
    }));
}

function article(kind: EntityKind): string {
  return `${kindWord(kind) === 'organisation' ? 'an' : 'a'} ${kindWord(kind)}`;
}

function kindWord(kind: EntityKind): 'person' | 'place' | 'organisation' {
  return kind === 'person' ? 'person' : kind === 'place' ? 'place' : 'organisation';
}

function findChild(node: Root | Element | undefined, name: string): Element | undefined {
  return (node?.children as Array<Element | { type: string }> | undefined)?.find(
    (child): child is Element => child.type === 'element' && (child as Element).name === name,
  );
}

/** Puts the lists after the `teiHeader` (in an existing `standOff` if there is one). */
function insertStandOff(tei: Root, entries: RegisterEntry[]): void {
  const root = findChild(tei, 'TEI');
  if (!root) return;
  const lists = (['person', 'place', 'org'] as const)
    .map((kind) => {
      const ofKind = entries.filter((entry) => entry.kind === kind);
      return ofKind.length ? el(LIST_ELEMENT[kind], {}, ofKind.map((entry) => cloneTree(entry.element))) : null;
    })
    .filter((list): list is Element => list !== null);
  const existing = findChild(root, 'standOff');
  if (existing) {
    existing.children.push(...lists);
    return;
  }
  const headerIndex = root.children.findIndex((child) => child.type === 'element' && child.name === 'teiHeader');
  root.children.splice(headerIndex + 1, 0, el('standOff', {}, lists));
}

/** The year of writing that a reader found (source date, else the date line). */
export function documentYearOf(edition: Edition): number | undefined {
  const meta = edition.read?.meta;
  return yearOf(meta?.source?.date?.iso ?? meta?.dateLine?.date?.iso);
}

/**
 * The stage: marks entities with our registers and the user's
 * (`settings.registers`), reports unknown and ambiguous names as messages
 * (`entities:unknown`, `entities:ambiguous`, severity info) and review items.
 */
export const markEntities: Stage = (edition, settings) => {
  const register = loadRegisters(settings.registers ?? []);
  const result = recognizeEntities(edition.tei!, register, { documentYear: documentYearOf(edition) });
  const reported = new Set<string>();
  for (const item of result.review) {
    addReviewItem(edition, item);
    if (item.category === 'registers:no-id' || reported.has(`${item.category} ${item.text}`)) continue;
    reported.add(`${item.category} ${item.text}`);
    const rule = item.category === 'entities:ambiguous' ? 'entities:ambiguous' : 'entities:unknown';
    edition.log.info(rule, `${item.kind} “${item.text}” ${item.category === 'entities:ambiguous' ? 'is ambiguous' : 'is in no register'}; marked cert="low", listed for review`, item.line ? { line: item.line } : undefined);
  }
};
