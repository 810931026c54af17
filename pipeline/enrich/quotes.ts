/**
 * Quotations told apart: every span between quotation marks is classified and
 * wrapped, with its marks kept inside the element (the edition declares
 * `quotation marks="all"`):
 *
 * - a quotation followed by its source in parentheses → `cit` with `quote` and `bibl`;
 * - a quotation split around "he wrote" / "said X" → two `q`s linked by `@next`/`@prev`;
 * - a title of a work ("his article “…”") → `title`;
 * - words attributed by a verb of saying, a speaker or a long quoted sentence → `q`, with `@who` when the
 *   speaker resolves to a person of the register;
 * - scare quotes and so-called terms → `soCalled`.
 *
 * Marks are read per block (`p`, `item`, `head`, `note`, …) over the block's
 * whole text, so a quotation may run over `hi` or `note` children. A closing
 * mark with no opening one, or an opening mark never closed, is reported
 * (`quotes:unbalanced`) and left as it is, never repaired.
 */
import { wrapTextRange } from './spans.js';
import { el, findAll, type Attrs, type Element, type ElementContent, type Root } from '../tei/tree.js';
import type { MessageLog, Place } from '../messages.js';
import type { Stage } from '../edition.js';
import { loadRegisters } from './registers.js';
import { addReviewItem } from './review.js';
import { englishRulesApply } from './language.js';

/** The TEI element a quoted span becomes. */
export type QuotationKind = 'q' | 'quote' | 'cit' | 'soCalled' | 'title';

/** A pair of matching quotation marks: offsets of the opening and closing mark. */
export interface QuotePair {
  open: number;
  close: number;
  /** Nesting depth: 0 for a quotation in running text, 1 for one inside it, … */
  depth: number;
  family: 'double' | 'single';
}

/** A quotation mark that has no partner in its block. */
export interface StrayMark {
  offset: number;
  mark: string;
  /** `unopened`: a closing mark with no opening one; `unclosed`: an opening mark never closed. */
  problem: 'unopened' | 'unclosed';
}

/** A classified quotation of one block. */
export interface Quotation {
  kind: QuotationKind;
  /** Offsets of the opening mark and just after the closing mark. */
  start: number;
  end: number;
  /** For `cit`: the source in parentheses after the quotation, `[start, end)` including the parentheses. */
  source?: { start: number; end: number };
  /** The speaker's name as the text gives it ("Clausewitz", "Lenin’s", "he" resolved). */
  speaker?: string;
  /** Register ids of the speakers (`pers-…`), when the lookup resolved them. */
  who?: string[];
  /** Index (into the block's quotations) of the next part of a split quotation. */
  next?: number;
  prev?: number;
  depth: number;
}

/** Resolves a personal name (surname or full name as written) to a register id, or undefined. */
export type PersonLookup = (name: string) => string | undefined;

/** What {@link personLookupFrom} needs of a register entry (a `RegisterEntry` fits). */
export interface PersonEntryLike {
  id: string;
  kind: string;
  names: ReadonlyArray<{ text: string; kind: string }>;
}

/**
 * A lookup over the persons of a register by their preferred and variant
 * names, exactly as written. Short names (a bare surname several people
 * share) are left out on purpose: the entity stage links them only when the
 * document also names the person in full, so a `@who` made from one might
 * point at an entry the edition's `standOff` does not carry.
 */
export function personLookupFrom(entries: Iterable<PersonEntryLike>): PersonLookup {
  const byName = new Map<string, string | null>();
  for (const entry of entries) {
    if (entry.kind !== 'person') continue;
    for (const name of entry.names) {
      if (name.kind === 'short') continue;
      const known = byName.get(name.text);
      // A name two entries share decides nothing.
      byName.set(name.text, known === undefined || known === entry.id ? entry.id : null);
    }
  }
  return (name) => byName.get(name) ?? undefined;
}

/** The elements whose text is read as one run; nested ones are read on their own. */
const BLOCKS = new Set(['p', 'item', 'head', 'note', 'quote', 'ab', 'l', 'cell', 'label']);
/** Elements whose quotation marks are not read: already classified, or not running text. */
const OPAQUE = new Set(['q', 'quote', 'cit', 'soCalled', 'title', 'bibl', 'ref', 'ptr', 'idno', 'num', 'date']);
/** Stands for a character of a nested block or an opaque element, so that offsets stay those of `textOf`. */
const MASK = '\uFFFC';

const LETTER = /[\p{L}\p{N}]/u;
const QUOTE_MARK = /["“”„«»‹›‚‘’']/g;
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/“‘«„]/;
const CLOSE_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-…”’»]/;

/** The quotation marks of one block opened and not yet closed, and the pairs and strays found so far. */
class QuoteMarks {
  readonly pairs: QuotePair[] = [];
  readonly stray: StrayMark[] = [];
  private readonly stack: Array<{ offset: number; family: 'double' | 'single'; mark: string }> = [];

  open(offset: number, family: 'double' | 'single', mark: string): void {
    this.stack.push({ offset, family, mark });
  }

  /** The index in the stack of the innermost open double mark, or -1. */
  openDouble(): number {
    for (let index = this.stack.length - 1; index >= 0; index--) if (this.stack[index]!.family === 'double') return index;
    return -1;
  }

  /** The innermost open double mark. */
  innermostDouble(): string | undefined {
    return this.stack[this.openDouble()]?.mark;
  }

  /** The mark opened last. */
  top(): string | undefined {
    return this.stack[this.stack.length - 1]?.mark;
  }

  closeDouble(offset: number, mark: string): void {
    const index = this.openDouble();
    if (index < 0) {
      this.stray.push({ offset, mark, problem: 'unopened' });
      return;
    }
    // Single marks left open inside a double quotation were apostrophes or elisions ('tis, ’em).
    const opener = this.stack[index]!;
    this.stack.length = index;
    this.pairs.push({ open: opener.offset, close: offset, depth: index, family: 'double' });
  }

  closeSingle(offset: number): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || top.family !== 'single') return;
    this.stack.pop();
    this.pairs.push({ open: top.offset, close: offset, depth: this.stack.length, family: 'single' });
  }

  /** The pairs and, as strays, the double marks never closed; both in text order. */
  finish(): { pairs: QuotePair[]; stray: StrayMark[] } {
    for (const entry of this.stack) {
      if (entry.family === 'double') this.stray.push({ offset: entry.offset, mark: entry.mark, problem: 'unclosed' });
    }
    this.pairs.sort((a, b) => a.open - b.open);
    this.stray.sort((a, b) => a.offset - b.offset);
    return { pairs: this.pairs, stray: this.stray };
  }
}

/**
 * Reads one quotation mark at `offset`: curly marks say which way they face;
 * straight marks are read from their neighbours.
 */
function readQuoteMark(marks: QuoteMarks, text: string, offset: number, mark: string): void {
  const before = offset > 0 ? text[offset - 1]! : ' ';
  const after = offset + 1 < text.length ? text[offset + 1]! : ' ';
  const opens = OPEN_CONTEXT.test(before) || before === MASK;
  const closes = CLOSE_CONTEXT.test(after) || after === MASK;
  const innermostDouble = marks.innermostDouble();
  switch (mark) {
    case '“':
      // After „ (German, Czech, …) “ is the closing mark: „so“.
      if (innermostDouble === '„' && !(opens && !closes)) marks.closeDouble(offset, mark);
      else marks.open(offset, 'double', mark);
      break;
    case '„':
      marks.open(offset, 'double', mark);
      break;
    case '«':
      // «French» opens with «; »German« closes with it.
      if (innermostDouble === '»') marks.closeDouble(offset, mark);
      else marks.open(offset, 'double', mark);
      break;
    case '»':
      if (innermostDouble !== undefined && innermostDouble !== '»') marks.closeDouble(offset, mark);
      else if (opens && LETTER.test(after)) marks.open(offset, 'double', mark);
      else marks.closeDouble(offset, mark);
      break;
    case '”':
      marks.closeDouble(offset, mark);
      break;
    case '‹':
      marks.open(offset, 'single', mark);
      break;
    case '›':
      marks.closeSingle(offset);
      break;
    case '‚':
      // A low single mark opens (‚so‘) only before a letter; otherwise it is a comma-like mark.
      if (opens && LETTER.test(after)) marks.open(offset, 'single', mark);
      break;
    case '"':
      // Space before and after (`wrote: ". . .`): it opens unless a quotation waits to be closed.
      if (opens && (!closes || LETTER.test(after) || marks.openDouble() < 0)) marks.open(offset, 'double', mark);
      else if (closes || marks.openDouble() >= 0) marks.closeDouble(offset, mark);
      else marks.open(offset, 'double', mark);
      break;
    case '‘':
      // After ‚ ‘ closes (‚so‘). ‘30s and ‘em are elisions, not quotations; they are dropped when nothing closes them.
      if (marks.top() === '‚' && closes) marks.closeSingle(offset);
      else marks.open(offset, 'single', mark);
      break;
    case '’':
    case "'":
      if (LETTER.test(before) && LETTER.test(after)) break; // apostrophe inside a word
      if (mark === "'" && opens && LETTER.test(after)) {
        marks.open(offset, 'single', mark);
        break;
      }
      if (closes) marks.closeSingle(offset);
      break;
  }
}

/**
 * Finds the pairs of quotation marks in one block's text. An apostrophe
 * (workers’, Lenin’s, don't) is not a quotation mark: a single closing mark
 * counts only when a single opening mark waits for it.
 */
export function pairQuoteMarks(text: string): { pairs: QuotePair[]; stray: StrayMark[] } {
  const marks = new QuoteMarks();
  QUOTE_MARK.lastIndex = 0;
  for (let found = QUOTE_MARK.exec(text); found; found = QUOTE_MARK.exec(text)) readQuoteMark(marks, text, found.index, found[0]);
  return marks.finish();
}

// Verbs and nouns of saying, compiled once. "Called" is left out: "what he called “x”" marks a term, not a quotation.
const SAYING =
  "(?:says?|said|saying|writes?|wrote|written|writing|declare[sd]?|declaring|stated?|states|asks?|asked|answer(?:s|ed)?|repl(?:y|ies|ied)|add(?:s|ed)|insist(?:s|ed)?|remark(?:s|ed)?|exclaim(?:s|ed)?|proclaim(?:s|ed)?|argue[sd]?|admit(?:s|ted)?|acclaim(?:s|ed)?|hail(?:s|ed)?\\s+as|shout(?:s|ed)?|cr(?:y|ies|ied)|told|tells?|put\\s+it|assert(?:s|ed)?|announce[sd]?|warn(?:s|ed)?|object(?:s|ed)|thunder(?:s|ed)?|confess(?:es|ed)?|complain(?:s|ed)?|explain(?:s|ed)?|reiterated?|repeat(?:s|ed)?|quote[sd]?|cite[sd]?|observe[sd]?|wrote\\s+back|testif(?:y|ies|ied)|concede[sd]?)";
const SAYING_NOUN =
  '(?:verdict|words|statement|declaration|remark|reply|answer|dictum|maxim|formula|slogan|motto|watchword|cry|opinion|testimony|admission|phrase|saying)';
const SAYING_BEFORE = new RegExp(`\\b${SAYING}\\b|\\b${SAYING_NOUN}\\b`, 'i');
const NAME = "[A-Z][\\p{L}.’'-]*(?:\\s(?:[A-Z][\\p{L}.’'-]*|de|von|van|der))*";
const NAMES = `(${NAME}(?:,?\\s(?:and|&)\\s${NAME})?|[Hh]e|[Ss]he|[Tt]hey)`;
/** `said Clausewitz` or `Clausewitz said` right after a quotation (up to two words between name and verb: "used to reiterate"). */
const SPEAKER_AFTER = new RegExp(
  `^[,]?\\s*(?:${SAYING}\\s${NAMES}|${NAMES}\\s(?:[a-z]+\\s){0,2}?${SAYING}\\b|in\\s${NAMES}[’']s\\s(?:own\\s)?words\\b)`,
  'u',
);
/** `Clausewitz said:` / `Lenin’s verdict was that` / `said Lenin,` before a quotation. */
const SPEAKER_BEFORE = [
  new RegExp(`${NAMES}[’']s\\s(?:[a-z]+\\s)?${SAYING_NOUN}\\b`, 'gu'),
  new RegExp(`${NAMES}\\s(?:(?!he\\s|she\\s|they\\s)[a-z]+\\s){0,3}?${SAYING}\\b`, 'gu'),
  new RegExp(`\\b${SAYING}\\s(?:by\\s)?${NAMES}`, 'gu'),
  new RegExp(`\\bin\\s${NAMES}[’']s\\s(?:own\\s)?words\\b`, 'gu'),
];
/** The clause between the parts of a split quotation: `he wrote in a letter …,` / `said Clausewitz,`. */
const SPLIT_CLAUSE = new RegExp(`^\\s*,?\\s*(?:[^.!?“”"]{0,200}?\\b${SAYING}\\b[^.!?“”"]{0,200}?)[,:]\\s*$`, 'iu');
/** Words naming a kind of work, before a title in quotation marks. */
const WORK_BEFORE =
  /\b(?:article|articles|pamphlet|book|booklet|essay|letter|speech|address|resolution|theses|thesis|manifesto|poem|song|novel|play|report|programme|program|editorial|leaflet|brochure|chapter|journal|newspaper|magazine|review|study|story|film|entitled|titled|headed|headline|notes\s+to|preface\s+to|introduction\s+to|foreword\s+to)\b([^.!?“”"]{0,60})$/i;
/** Between a work's name and the quotation: a verb ("his speech spoke of") or "a" ("a 'Union of Hearts'") means a term, not a title. */
const NOT_TITLE_BETWEEN = new RegExp(`\\b(?:${SAYING}|spoke|speaks?|talk(?:s|ed)?|call(?:s|ed)?|refer(?:s|red)?|mention(?:s|ed)?)\\b|\\b(?:a|an)\\s$`, 'i');
const DETERMINER_BEFORE = /\b(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|whose|such|[A-Z][\p{L}-]*[’']s)\s$/u;
const SENTENCE_END = /[.!?][”’"')\]]*\s+(?=[^\s])/g;
const SOURCE_AFTER = /^[,.;:]?\s*\(((?:see|cf\.)\s[^()]{2,200}|[A-Z\p{Lu}][^()]{2,200})\)/u;
const STOPWORDS = new Set('a an and as at by de des du for from in into la le les of on or the to von with'.split(' '));

function words(text: string): string[] {
  return text.split(/[\s\u2014\u2013]+/).filter((word) => LETTER.test(word));
}

/** The start of the sentence that holds `offset` (never before `floor`). */
function sentenceStart(text: string, offset: number, floor = 0): number {
  let start = floor;
  SENTENCE_END.lastIndex = floor;
  for (let match = SENTENCE_END.exec(text); match && match.index + match[0].length <= offset; match = SENTENCE_END.exec(text)) {
    start = match.index + match[0].length;
  }
  return start;
}

/** True for a run of words written like a title ("The Question of Nationalities"). */
function looksLikeTitle(inner: string): boolean {
  const list = words(inner).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''));
  if (list.length === 0 || list.length > 20) return false;
  if (!/^\p{Lu}|^\d/u.test(list[0]!)) return false;
  if (/[.!?]\s+\p{Lu}/u.test(inner)) return false;
  const content = list.filter((word) => !STOPWORDS.has(word.toLowerCase()));
  const capitalised = content.filter((word) => /^[\p{Lu}\d]/u.test(word));
  return content.length > 0 && capitalised.length / content.length >= 0.6;
}

function cleanName(name: string): string {
  return name.replace(/[’']s$/, '').replace(/[,.]$/, '').trim();
}

/** The names in "Marx and Engels" / "Leon Trotsky". */
function splitNames(names: string): string[] {
  return names.split(/,?\s(?:and|&)\s/).map(cleanName).filter(Boolean);
}

/**
 * The person a pronoun most likely points to: the nearest name before
 * `offset` in the block that the register knows.
 */
function nearestPerson(text: string, offset: number, lookup: PersonLookup | undefined): string | undefined {
  if (!lookup) return undefined;
  const candidates = [...text.slice(0, offset).matchAll(/\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)*/gu)];
  for (let index = candidates.length - 1; index >= 0; index--) {
    const candidate = candidates[index]!;
    // "a letter to Lenin": the object of a preposition is seldom what a later "he" means ("by" marks the doer).
    if (/\b(?:to|from|with|for|against|of|about|at|on|under)\s$/i.test(text.slice(Math.max(0, candidate.index - 10), candidate.index))) continue;
    const name = cleanName(candidate[0]);
    if (lookup(name)) return name;
    const last = name.split(/\s/).pop()!;
    if (last !== name && lookup(last)) return last;
  }
  return undefined;
}

/** The speaker's names, resolved: pronouns are looked up by the nearest known person before. */
function resolveSpeaker(raw: string | undefined, text: string, offset: number, lookup: PersonLookup | undefined): { speaker?: string; who?: string[] } {
  if (!raw) return {};
  const trimmed = raw.trim();
  if (/^they$/i.test(trimmed)) return {};
  const names = /^(?:he|she)$/i.test(trimmed) ? [nearestPerson(text, offset, lookup)].filter((name): name is string => !!name) : splitNames(trimmed);
  if (names.length === 0) return {};
  const ids = lookup ? names.map((name) => lookup(name) ?? lookup(name.split(/\s/).pop()!)) : [];
  const who = ids.every((id): id is string => !!id) && ids.length > 0 ? ids : undefined;
  return { speaker: names.join(' and '), who };
}

/**
 * Classifies the quotation pairs of one block's text. The rules, in order:
 * a parenthesised source right after → `cit`; two quotations around a clause
 * of saying → linked `q`s; a work named just before and title-like words →
 * `title`; a short term after a determiner → `soCalled`; a verb or noun of
 * saying near, or a speaker after → `q`; six words or more, or a whole
 * sentence → `q`; otherwise → `soCalled`.
 *
 * Verbs of saying, determiners and names of works are English words: for a
 * text in another language (`english` false) only the source in parentheses
 * is read, and every other pair is a `q` with no speaker — marks are marks in
 * any language, but who speaks and what is a term cannot be told here.
 */
export function classifyQuotations(text: string, pairs: QuotePair[], lookup?: PersonLookup, english = true): Quotation[] {
  const quotations: Quotation[] = [];
  const used = new Set<number>();
  // Top-level and nested pairs are classified alike, but a nested pair only looks inside its parent.
  for (let index = 0; index < pairs.length; index++) {
    if (used.has(index)) continue;
    const around = pairContext(text, pairs, index, english);
    const { start, end, depth } = around;
    // 1. A source in parentheses right after a quotation of some length (not after the title of a work: that is the work's reference).
    const source = SOURCE_AFTER.exec(around.after);
    if (source && around.count >= 3 && !around.isTitle) {
      const open = end + around.after.indexOf('(');
      quotations.push({ kind: 'cit', start, end, source: { start: open, end: end + source[0].length }, depth });
      continue;
    }
    // Outside English, the rules below (words of saying, determiners, works) do not apply.
    if (!english) {
      quotations.push({ kind: 'q', start, end, depth });
      continue;
    }
    // 2. A quotation split around a clause of saying: “War,” said Clausewitz, “is …”.
    const split = splitAroundSaying(text, pairs, around, lookup, quotations.length);
    if (split) {
      quotations.push(...split.quotations);
      used.add(split.nextIndex);
      continue;
    }
    quotations.push(classifyAlone(text, around, lookup));
  }
  return quotations;
}

/** What the rules read around one pair of marks. */
interface PairContext {
  index: number;
  depth: number;
  /** The quotation with its marks: [start, end). */
  start: number;
  end: number;
  /** The words between the marks, and how many. */
  inner: string;
  count: number;
  /** The sentence before the quotation, its last few words, and the text after it up to the end of the parent quotation. */
  beforeText: string;
  nearBefore: string;
  after: string;
  ceiling: number;
  /** The words look like the title of a work, named as one. */
  isTitle: boolean;
}

function pairContext(text: string, pairs: QuotePair[], index: number, english: boolean): PairContext {
  const pair = pairs[index]!;
  const parent = pairs.slice(0, index).reverse().find((other) => other.open < pair.open && other.close > pair.close);
  const floor = parent ? parent.open + 1 : 0;
  const ceiling = parent ? parent.close : text.length;
  const inner = text.slice(pair.open + 1, pair.close);
  const count = words(inner).length;
  const start = pair.open;
  const end = pair.close + 1;
  const beforeText = text.slice(sentenceStart(text, start, floor), start);
  // A word or two in quotation marks is attributed only by a verb right before it; a longer quotation by one a little further back.
  const nearBefore = words(beforeText).slice(count <= 2 ? -3 : -8).join(' ');
  const work = WORK_BEFORE.exec(beforeText);
  const isTitle = english && ((work !== null && !NOT_TITLE_BETWEEN.test(work[1]!) && looksLikeTitle(inner)) || (count >= 6 && looksLikeTitle(inner) && !/[.!?]$/.test(inner.trim())));
  return { index, depth: pair.depth, start, end, inner, count, beforeText, nearBefore, after: text.slice(end, ceiling), ceiling, isTitle };
}

/** Rule 2: this pair and the next at its depth are one quotation split by a clause of saying; `first` is this pair's index in the list. */
function splitAroundSaying(text: string, pairs: QuotePair[], around: PairContext, lookup: PersonLookup | undefined, first: number): { quotations: Quotation[]; nextIndex: number } | undefined {
  const pair = pairs[around.index]!;
  const nextIndex = pairs.findIndex((other, at) => at > around.index && other.depth === pair.depth && other.open > pair.close);
  const next = nextIndex >= 0 ? pairs[nextIndex]! : undefined;
  if (!next || next.close >= around.ceiling) return undefined;
  const between = text.slice(around.end, next.open);
  const nextInner = text.slice(next.open + 1, next.close);
  const continues = /[,;:\u2014\u2013…]\s*$/.test(around.inner) || /^\s*,/.test(between) || /^\s*\p{Ll}/u.test(nextInner);
  if (!continues || !SPLIT_CLAUSE.test(between) || words(between).length > 40) return undefined;
  const clause = SPEAKER_AFTER.exec(between);
  const raw = clause ? clause.slice(1).find((group) => group !== undefined) : undefined;
  const speaker = resolveSpeaker(raw, text, around.start, lookup);
  return {
    nextIndex,
    quotations: [
      { kind: 'q', start: around.start, end: around.end, ...speaker, next: first + 1, depth: pair.depth },
      { kind: 'q', start: next.open, end: next.close + 1, ...speaker, prev: first, depth: next.depth },
    ],
  };
}

/** Rules 3–7: a pair on its own, as a title, a term held at a distance or a quotation (with its speaker when named). */
function classifyAlone(text: string, around: PairContext, lookup: PersonLookup | undefined): Quotation {
  const { start, end, depth, inner, count, beforeText, after } = around;
  // 3. A title: a kind of work named just before, and words written like a title.
  if (around.isTitle) return { kind: 'title', start, end, depth };
  // After a quoted sentence that ends in a full stop, a capital starts the next sentence, not a speaker.
  const speakerAfter = /\.\s*$/.test(inner) && /^\s*\p{Lu}/u.test(after) ? null : SPEAKER_AFTER.exec(after);
  // 4. A short term after a determiner ("the “glorious” generals") is held at a distance, not quoted,
  // unless a speaker follows ("the “point d’honneur,” in Marx’s words").
  if (count <= 4 && DETERMINER_BEFORE.test(beforeText) && !speakerAfter) return { kind: 'soCalled', start, end, depth };
  // 5. Words attributed by a verb or noun of saying, before or after.
  if (speakerAfter || SAYING_BEFORE.test(around.nearBefore)) {
    const raw = speakerAfter ? speakerAfter.slice(1).find((group) => group !== undefined) : speakerBefore(beforeText);
    return { kind: 'q', start, end, ...resolveSpeaker(raw, text, start, lookup), depth };
  }
  // 6. A long quotation or a whole quoted sentence is a quotation even without a speaker.
  if (count >= 6 || (count >= 3 && /^\p{Lu}/u.test(inner) && /[.!?]$/.test(inner.trim()))) return { kind: 'q', start, end, depth };
  // 7. Anything else is a term held at a distance (scare quotes, so-called).
  return { kind: 'soCalled', start, end, depth };
}

/** The speaker named before a quotation in its sentence: the nearest match of the first pattern that finds one. */
function speakerBefore(beforeText: string): string | undefined {
  for (const pattern of SPEAKER_BEFORE) {
    const found = [...beforeText.matchAll(pattern)].pop();
    if (found) return found.slice(1).find((group) => group !== undefined);
  }
  return undefined;
}

/** The text of a block as `textOf` gives it, with nested blocks and opaque elements masked. */
export function blockText(block: Element): string {
  let out = '';
  const visit = (node: ElementContent, masked: boolean): void => {
    if (node.type === 'text') out += masked ? MASK.repeat(node.value.length) : node.value;
    else if (node.type === 'element') {
      const hide = masked || BLOCKS.has(node.name) || OPAQUE.has(node.name);
      for (const child of node.children) visit(child, hide);
    }
  };
  for (const child of block.children) visit(child, false);
  return out;
}

/** What the quotation stage found, for tests and the review report. */
export interface QuotationsResult {
  quotations: Array<{ kind: QuotationKind; text: string; who?: string[]; speaker?: string; line?: number }>;
  unbalanced: Array<{ mark: string; problem: StrayMark['problem']; context: string; place?: Place }>;
  /** Quotations that could not be wrapped without cutting an element in two. */
  unwrapped: Array<{ text: string; place?: Place }>;
}

/** Options of {@link markQuotationsIn}. */
export interface QuotationOptions {
  /** Resolves speakers to register ids for `@who`; without it no `@who` is written. */
  persons?: PersonLookup;
  /** Whether the English rules apply; default: {@link englishRulesApply} to the document. */
  english?: boolean;
}

function placeIn(block: Element, offset: number): Place | undefined {
  const position = block.position;
  if (!position) return undefined;
  // A block read from one source line: the column is the offset within it (the reader trims the line).
  if (position.start.line === position.end.line) return { line: position.start.line, column: position.start.column + offset };
  return { line: position.start.line };
}

function contextAround(text: string, offset: number): string {
  const from = Math.max(0, offset - 40);
  const to = Math.min(text.length, offset + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replaceAll(MASK, '')}${to < text.length ? '…' : ''}`;
}

/**
 * Marks the quotations of every block in the TEI `body` and `back`, in document order.
 * Split quotations get `xml:id`s `q-1`, `q-2`, … (numbered in document order)
 * so that `@next`/`@prev` can point at them.
 */
export function markQuotationsIn(tei: Root, log?: MessageLog, options: QuotationOptions = {}): QuotationsResult {
  const result: QuotationsResult = { quotations: [], unbalanced: [], unwrapped: [] };
  const english = options.english ?? englishRulesApply(tei);
  let linkCounter = 0;
  const blocks: Element[] = [];
  // The body and the back (endnotes); the header and the title page are not running text.
  for (const part of [...findAll(tei, 'body'), ...findAll(tei, 'back')]) collectBlocks(part, blocks);
  const texts = blocks.map(blockText);
  blocks.forEach((block, blockIndex) => {
    const text = texts[blockIndex]!;
    if (!/["“”„«»‹›‚‘’']/.test(text)) return;
    const { pairs, stray } = pairQuoteMarks(text);
    for (const mark of stray) {
      // A quotation running on over paragraphs opens each one and closes only the last: not a fault.
      const nextText = texts[blockIndex + 1]?.trimStart() ?? '';
      if (mark.problem === 'unclosed' && /^["“„«»]/.test(nextText)) continue;
      const place = placeIn(block, mark.offset);
      const context = contextAround(text, mark.offset);
      result.unbalanced.push({ mark: mark.mark, problem: mark.problem, context, place });
      log?.warn(
        'quotes:unbalanced',
        mark.problem === 'unopened'
          ? `closing quotation mark ${mark.mark} has no opening mark in "${context}"; it is kept as it is — add the missing opening mark to the source if the transcription lost it`
          : `opening quotation mark ${mark.mark} is never closed in "${context}"; it is kept as it is — add the missing closing mark to the source if the transcription lost it`,
        place,
      );
    }
    const quotations = classifyQuotations(text, pairs, options.persons, english);
    const ids = new Map<number, string>();
    quotations.forEach((quotation, index) => {
      if (quotation.next !== undefined || quotation.prev !== undefined) ids.set(index, `q-${++linkCounter}`);
    });
    // Outer quotations first, so that nested ones are wrapped inside them.
    const order = quotations.map((_, index) => index).sort((a, b) => quotations[a]!.depth - quotations[b]!.depth || quotations[a]!.start - quotations[b]!.start);
    for (const index of order) {
      const quotation = quotations[index]!;
      const quoted = text.slice(quotation.start, quotation.end);
      const ok = wrapQuotation(block, quotation, ids.get(index), quotation.next !== undefined ? ids.get(quotation.next) : undefined, quotation.prev !== undefined ? ids.get(quotation.prev) : undefined);
      if (ok) {
        result.quotations.push({ kind: quotation.kind, text: quoted, who: quotation.who, speaker: quotation.speaker, line: block.position?.start.line });
      } else {
        const place = placeIn(block, quotation.start);
        result.unwrapped.push({ text: quoted, place });
        log?.warn('quotes:crossing', `the quotation ${quoted.slice(0, 60)} crosses the edge of other markup and cannot be wrapped without breaking it; it is left unmarked`, place);
      }
    }
  });
  result.quotations.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return result;
}

function collectBlocks(node: Element | Root, out: Element[]): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (BLOCKS.has(child.name)) out.push(child);
    if (!OPAQUE.has(child.name) || child.name === 'quote') collectBlocks(child, out);
  }
}

/** A bibliographic reference as TEI: `(The Soviet Power, page 305)` → `bibl` with `title` and `biblScope`. */
function biblOf(content: ElementContent[]): Element {
  const first = content[0];
  const only = content.length === 1 && first?.type === 'text' ? first.value : undefined;
  const match = only ? /^(\((?:see\s|cf\.\s)?)(.+?)(,\s*)((?:page|pages|p\.|pp\.)\s*(\d+)(?:\s*[–-]\s*(\d+))?)(\)?)$/.exec(only) : null;
  if (!match) return el('bibl', {}, content);
  const [, open, title, comma, scope, from, to, close] = match;
  return el(
    'bibl',
    {},
    open,
    el('title', {}, title),
    comma,
    el('biblScope', { unit: 'page', from, to: to ?? from }, scope),
    close,
  );
}

function wrapQuotation(block: Element, quotation: Quotation, id?: string, nextId?: string, prevId?: string): boolean {
  const who = quotation.who?.map((ref) => `#${ref}`).join(' ');
  if (quotation.kind === 'cit' && quotation.source) {
    const { start, end, source } = quotation;
    // The quote and its source are wrapped first, then the two together (with what stands between) in `cit`.
    const trial = structuredClone(block);
    const ok =
      wrapTextRange(trial, start, end, (content) => el('quote', {}, content)) &&
      wrapTextRange(trial, source.start, source.end, biblOf) &&
      wrapTextRange(trial, start, source.end, (content) => el('cit', {}, content));
    if (ok) block.children = trial.children;
    return ok;
  }
  const attrs: Attrs = { 'xml:id': id, who, next: nextId ? `#${nextId}` : undefined, prev: prevId ? `#${prevId}` : undefined };
  return wrapTextRange(block, quotation.start, quotation.end, (content) => el(quotation.kind, quotation.kind === 'q' ? attrs : {}, content));
}

/** One lookup per loaded register (registers are loaded once per process). */
const lookups = new WeakMap<object, PersonLookup>();

/**
 * Stage: marks quotations in the body and back. Runs before `markDates` and entity
 * recognition, so that their marks stay inside the quotation elements.
 */
export const markQuotations: Stage = (edition, settings) => {
  const register = loadRegisters(settings.registers);
  let persons = lookups.get(register);
  if (!persons) lookups.set(register, (persons = personLookupFrom(register.entries.values())));
  const result = markQuotationsIn(edition.tei!, edition.log, { persons });
  for (const stray of result.unbalanced) {
    addReviewItem(edition, {
      category: 'quotes:unbalanced',
      text: stray.mark,
      detail:
        stray.problem === 'unopened'
          ? 'a closing quotation mark with no opening mark; the text is kept as transcribed — check the source and add the missing mark'
          : 'an opening quotation mark that is never closed; the text is kept as transcribed — check the source and add the missing mark',
      line: stray.place?.line,
      context: stray.context,
    });
  }
  for (const unwrapped of result.unwrapped) {
    addReviewItem(edition, {
      category: 'quotes:unwrapped',
      text: unwrapped.text,
      detail: 'a quotation that crosses the edge of other markup; it is left unmarked — mark it by hand if it matters',
      line: unwrapped.place?.line,
    });
  }
};
