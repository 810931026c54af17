/**
 * Suspected slips of the transcription, found and listed for review, never
 * corrected: a correction needs the editor's errata file (errata.ts), and
 * each item gives the entry to add to it. Three kinds, chosen to be rare in
 * correct prose:
 *
 * - a word doubled ("the the"; not "had had", "that that");
 * - a known word where the grammar wants another it is one key from ("are net
 *   made": `net` after a verb like "are" reads as `not`; "away form" → `from`);
 * - a word no dictionary lists one letter from a common short word ("tbe" → `the`).
 */
import type { Stage } from '../edition.js';
import { findFirst, type Element, type ElementContent } from '../tei/tree.js';
import { blocksOf } from '../critical/blocks.js';
import { isCommonWord, isKnownProperNoun } from './entities-lexicon.js';
import { addReviewItem, contextOf } from './review.js';

/** One suspected slip in a text. */
export interface Slip {
  start: number;
  end: number;
  /** The words as transcribed. */
  text: string;
  /** The word to change, and what to. */
  sic: string;
  corr: string;
  why: string;
}

const AUXILIARY = '(?:is|are|was|were|be|been|being|am|has|have|had|do|does|did|can|could|will|would|shall|should|may|might|must)';
/** A known word after a context where another, one key away, belongs. */
const CONFUSIONS: Array<{ pattern: RegExp; sic: string; corr: string; why: string }> = [
  { pattern: new RegExp(`\\b${AUXILIARY}\\s+(net)\\b(?!\\s+(?:income|profit|loss|result|gain|effect|amount|weight|worth|total))`, 'giu'), sic: 'net', corr: 'not', why: '“net” after a verb such as “are” reads as a slip for “not”' },
  { pattern: /\b(?:away|far|apart|aside|derived|different|differs?|came|comes|coming|taken|free|freed)\s+(form)\b/giu, sic: 'form', corr: 'from', why: '“form” after a word that takes “from” reads as a slip for “from”' },
  { pattern: /\b(?:of|in|to|for|by|with)\s+(teh|hte)\b/giu, sic: '', corr: 'the', why: 'a misspelling of “the”' },
];
const DOUBLED = /\b(\p{L}+)(\s+)(\1)\b/giu;
/** Doubled words that are English. */
const FINE_DOUBLES = new Set(['had', 'that', 'is', 'bye', 'no', 'very', 'far', 'again', 'so', 'ha', 'go', 'more', 'on', 'over', 'round', 'by', 'out']);
/** Common short words a one-letter slip is most often made from. */
const COMMON = ['the', 'and', 'not', 'of', 'to', 'in', 'that', 'is', 'was', 'for', 'with', 'as', 'by', 'on', 'are', 'from', 'this', 'be', 'which', 'or', 'it', 'at', 'have', 'has', 'had', 'they', 'their', 'them', 'were', 'been', 'but', 'his', 'her', 'its', 'our', 'an', 'will', 'would', 'can', 'all', 'who', 'one', 'there', 'what', 'when', 'more', 'into', 'only', 'other', 'such', 'than', 'then', 'these', 'those', 'upon', 'also', 'must', 'now'];

/** Short words of the languages English texts quote most (German, French, Latin, Spanish, Italian, Russian in transliteration), which are not slips. */
const FOREIGN = new Set(['der', 'die', 'das', 'und', 'des', 'dem', 'den', 'ein', 'eine', 'mit', 'von', 'auf', 'les', 'une', 'aux', 'est', 'pour', 'par', 'sur', 'qui', 'que', 'dans', 'pas', 'del', 'los', 'las', 'por', 'con', 'una', 'che', 'non', 'per', 'sub', 'pro', 'tov', 'ili', 'nie', 'kak', 'chto', 'bez']);

function oneLetterFrom(word: string): string | undefined {
  return COMMON.find((common) => common.length === word.length && [...common].filter((c, k) => c !== word[k]).length === 1);
}

/** The suspected slips of a text, in order. */
export function findSlips(text: string): Slip[] {
  const slips: Slip[] = [];
  for (const match of text.matchAll(DOUBLED)) {
    if (FINE_DOUBLES.has(match[1]!.toLowerCase())) continue;
    const start = match.index!;
    slips.push({ start, end: start + match[0].length, text: match[0], sic: match[0], corr: match[1]!, why: `“${match[1]}” is written twice` });
  }
  for (const confusion of CONFUSIONS) {
    for (const match of text.matchAll(confusion.pattern)) {
      const word = match[1]!;
      const start = match.index! + match[0].length - word.length;
      slips.push({ start, end: start + word.length, text: match[0], sic: word, corr: confusion.corr, why: confusion.why });
    }
  }
  for (const match of text.matchAll(/(?<![\p{L}’'-])([a-z]{3,4})(?![\p{L}’'-])/gu)) {
    const word = match[1]!;
    if (FOREIGN.has(word) || isCommonWord(word) || isKnownProperNoun(word)) continue;
    const common = oneLetterFrom(word);
    if (!common) continue;
    const start = match.index!;
    slips.push({ start, end: start + word.length, text: word, sic: word, corr: common, why: `“${word}” is in no dictionary and one letter from “${common}”` });
  }
  return slips.sort((a, b) => a.start - b.start || a.end - b.end).filter((slip, k, all) => k === 0 || slip.start >= all[k - 1]!.end);
}

/** A block's text as the edition reads: corrected words (corr, reg) instead of the original, without notes. */
function readingText(nodes: readonly ElementContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element' && !['sic', 'orig', 'note', 'rdg'].includes(node.name)) out += readingText(node.children);
  }
  return out;
}

/** The stage: lists the slips of the body for review (changes nothing in the text). */
export const listSlips: Stage = (edition) => {
  const body = findFirst(edition.tei!, 'body');
  // The rules are English ones: a text in another language (or of unknown language) is not searched.
  const language = findFirst(edition.tei!, 'TEI')?.attributes['xml:lang'] ?? '';
  if (!body || !/^en\b/.test(language)) return;
  for (const block of blocksOf(body as Element)) {
    const text = readingText(block.element.children);
    for (const slip of findSlips(text)) {
      const at = contextOf(text, slip.start, slip.end, 24).replace(/^…|…$/g, '');
      addReviewItem(edition, {
        category: 'slip:suspected',
        text: slip.text,
        detail: `${slip.why}; suggestion: “${slip.corr}”. Kept as transcribed: to correct it, add to the errata file — at: ${at} / sic: ${slip.sic} / corr: ${slip.corr}`,
        context: contextOf(text, slip.start, slip.end),
        line: block.element.position?.start.line,
        anchor: block.element.attributes['xml:id'] ?? undefined,
      });
    }
  }
};
