/**
 * The first pass of entity recognition: every register name and variant in
 * one token trie, built once per register and matched by longest match from
 * each word of a text. Tokens are runs of letters and digits and single
 * punctuation marks; white space between tokens is ignored, so "I.N. Smirnov"
 * and "I. N. Smirnov" are the same name, and a possessive ("Stalin’s") or a
 * derived word ("Stalinist", "Trotskyists") never matches a shorter name:
 * a match must end where a word ends.
 */
import type { EntityKind, Register, RegisterName } from './registers.js';

/** A register name found in a text: [start, end) offsets, and every entry that bears the name. */
export interface NameMatch {
  start: number;
  end: number;
  candidates: NameCandidate[];
}

export interface NameCandidate {
  id: string;
  kind: EntityKind;
  nameKind: RegisterName['kind'];
}

interface Token {
  value: string;
  start: number;
  end: number;
  isWord: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  candidates?: NameCandidate[];
}

const WORD = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Splits a text into word and punctuation tokens with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const value = match[0];
    tokens.push({ value, start: match.index, end: match.index + value.length, isWord: /[\p{L}\p{M}\p{N}]/u.test(value[0]!) });
  }
  return tokens;
}

/** Normalises typographic variants so that ’ and ' or – and - match alike. */
function normalizeToken(value: string): string {
  if (value === '’' || value === 'ʼ' || value === '‘') return "'";
  if (value === '‐' || value === '‑') return '-';
  return value;
}

/** True when token `index` is a full stop after a single letter written against it ("R." in "U.S.S.R."). */
function isAbbreviationStop(tokens: Token[], index: number): boolean {
  const previous = tokens[index - 1];
  return tokens[index]!.value === '.' && previous !== undefined && previous.isWord && previous.value.length === 1 && previous.end === tokens[index]!.start;
}

function isAllCaps(value: string): boolean {
  return value.length >= 2 && /^\p{Lu}+$/u.test(value);
}

function titleCase(value: string): string {
  return value[0]! + value.slice(1).toLowerCase();
}

/** A compiled register: the trie and the kinds of its single-word person names (for hyphenated pairs). */
export class NameMatcher {
  private readonly root: TrieNode = { next: new Map() };

  constructor(register: Register) {
    for (const entry of register.entries.values()) {
      for (const name of entry.names) {
        const candidate: NameCandidate = { id: entry.id, kind: entry.kind, nameKind: name.kind };
        const tokens = tokenize(name.text).map((token) => normalizeToken(token.value));
        this.insert(tokens, candidate);
        // Organisations are named in the plural too ("the Komsomols"); persons and places are not.
        const last = tokens[tokens.length - 1]!;
        if (entry.kind === 'org' && /\p{Ll}$/u.test(last) && !last.endsWith('s')) this.insert([...tokens.slice(0, -1), `${last}s`], candidate);
      }
    }
  }

  private insert(tokens: string[], candidate: NameCandidate): void {
    let node = this.root;
    for (const token of tokens) {
      let next = node.next.get(token);
      if (!next) {
        next = { next: new Map() };
        node.next.set(token, next);
      }
      node = next;
    }
    node.candidates ??= [];
    if (!node.candidates.some((known) => known.id === candidate.id && known.nameKind === candidate.nameKind)) node.candidates.push(candidate);
  }

  /**
   * Finds register names in `text`, longest first, without overlaps. A word in
   * capitals among other capitalised words (a heading such as "THE BOLSHEVIK
   * PARTY") is also tried in title case. `only` limits the kinds looked for.
   */
  match(text: string, only?: ReadonlySet<EntityKind>): NameMatch[] {
    const tokens = tokenize(text);
    // The title-case reading of a word in capitals among capitals, computed only for such words.
    const alternative = (index: number): string | undefined => {
      const token = tokens[index]!;
      if (!token.isWord || !isAllCaps(token.value)) return undefined;
      const neighbourCaps = [tokens[index - 1], tokens[index + 1]].some((other) => other?.isWord && isAllCaps(other.value));
      return neighbourCaps ? titleCase(token.value) : undefined;
    };
    const keysAt = (index: number): string[] => {
      const value = normalizeToken(tokens[index]!.value);
      const other = alternative(index);
      return other ? [value, other] : [value];
    };
    const found: NameMatch[] = [];
    let index = 0;
    while (index < tokens.length) {
      // Most words begin no name: test the first step before walking.
      if (!tokens[index]!.isWord || (!this.root.next.has(tokens[index]!.value) && alternative(index) === undefined)) {
        index++;
        continue;
      }
      let best: { end: number; candidates: NameCandidate[] } | undefined;
      let frontier: TrieNode[] = [this.root];
      for (let cursor = index; cursor < tokens.length && frontier.length; cursor++) {
        const nextFrontier: TrieNode[] = [];
        for (const node of frontier) {
          for (const key of keysAt(cursor)) {
            const next = node.next.get(key);
            if (next) nextFrontier.push(next);
          }
        }
        frontier = nextFrontier;
        for (const node of frontier) {
          const candidates = node.candidates?.filter((candidate) => !only || only.has(candidate.kind));
          // A name ends where a word ends, or with the full stop of an abbreviation ("U.S.S.R.").
          if (candidates?.length && (tokens[cursor]!.isWord || isAbbreviationStop(tokens, cursor))) best = { end: cursor, candidates };
        }
      }
      if (best) {
        found.push({ start: tokens[index]!.start, end: tokens[best.end]!.end, candidates: best.candidates });
        index = best.end + 1;
      } else {
        index++;
      }
    }
    return found;
  }

  /** True when `word` alone is a person's name in the register (for "the Stalin-Bukharin bloc"). */
  isPersonWord(word: string): boolean {
    return this.root.next.get(word)?.candidates?.some((candidate) => candidate.kind === 'person') ?? false;
  }
}

const matchers = new WeakMap<Register, NameMatcher>();

/** The matcher of a register, compiled once per process. */
export function matcherFor(register: Register): NameMatcher {
  let matcher = matchers.get(register);
  if (!matcher) {
    matcher = new NameMatcher(register);
    matchers.set(register, matcher);
  }
  return matcher;
}
