/**
 * Editorial interventions from the editor's errata file (`--errata FILE`):
 * corrections (`choice` of `sic` and `corr`), regularisations (`orig`/`reg`)
 * and editorial notes (`note type="editorial"`), each placed by a quoted
 * passage of the text and carrying who made it (`@resp`) and how sure they
 * are (`@cert`). Nothing is corrected without the file: suspected slips are
 * only listed for review (slips.ts). A passage that is not in the text, or is
 * in it more than once, is an error at the file's line, never a silent skip.
 *
 * The file: entries separated by blank lines, one `field: value` a line;
 * `#` starts a comment line.
 *
 *     at: revolutions are net made by propaganda
 *     sic: net
 *     corr: not
 *     why: the sense requires the negation
 *     who: Jane Editor
 *     cert: high
 *
 * `at` (required): words of the text, enough to occur once; `sic`/`corr` or
 * `orig`/`reg`: the words in `at` to change and their replacement; `note`: an
 * editorial note placed after `at` (alone, or beside a correction); `why`:
 * the reason, kept as a note inside `corr`'s choice; `who`: the editor
 * (default "the editor"); `cert`: high, medium or low (default high); `in`: the
 * input file name the entry is for (default every input).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, type MessageLog } from '../messages.js';
import type { Edition, Stage } from '../edition.js';
import type { Settings } from '../settings.js';
import { el, findFirst, type Element, type ElementContent, type Root } from '../tei/tree.js';
import { blocksOf } from '../critical/blocks.js';
import { addReviewItem } from './review.js';

/** One entry of an errata file. */
export interface ErrataEntry {
  /** 1-based line of the entry's first field, for messages. */
  line: number;
  at: string;
  sic?: string;
  corr?: string;
  orig?: string;
  reg?: string;
  note?: string;
  why?: string;
  who: string;
  cert: 'high' | 'medium' | 'low';
  in?: string;
}

const FIELDS = new Set(['at', 'sic', 'corr', 'orig', 'reg', 'note', 'why', 'who', 'cert', 'in']);

/** Parses an errata file; a malformed entry throws an InputError naming its line (`errata:syntax`). */
export function parseErrata(text: string, file: string): ErrataEntry[] {
  const entries: ErrataEntry[] = [];
  let fields: Record<string, string> = {};
  let start = 0;
  const fail = (line: number, reason: string): never => {
    throw new InputError('errata:syntax', `${file}:${line}: ${reason}`, { line, column: 1 });
  };
  const close = () => {
    if (Object.keys(fields).length === 0) return;
    if (!fields.at) fail(start, 'the entry has no "at:" (the words of the text it applies to)');
    const changes = ['sic', 'corr', 'orig', 'reg'].filter((name) => fields[name] !== undefined);
    const pair = (changes.includes('sic') && changes.includes('corr') && changes.length === 2) || (changes.includes('orig') && changes.includes('reg') && changes.length === 2);
    if (changes.length && !pair) fail(start, 'give "sic:" with "corr:", or "orig:" with "reg:"');
    if (!changes.length && !fields.note) fail(start, 'the entry changes nothing: give "sic:" and "corr:", "orig:" and "reg:", or "note:"');
    const wrong = fields.sic ?? fields.orig;
    if (wrong !== undefined && !fields.at!.includes(wrong)) fail(start, `"${wrong}" is not in the passage "${fields.at}"`);
    const cert = fields.cert ?? 'high';
    if (!['high', 'medium', 'low'].includes(cert)) fail(start, `cert must be high, medium or low, not "${cert}"`);
    entries.push({ line: start, at: fields.at!, sic: fields.sic, corr: fields.corr, orig: fields.orig, reg: fields.reg, note: fields.note, why: fields.why, who: fields.who ?? 'the editor', cert: cert as ErrataEntry['cert'], in: fields.in });
    fields = {};
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return close();
    if (raw.trimStart().startsWith('#')) return;
    const match = /^\s*([a-z]+)\s*:\s?(.*)$/.exec(raw);
    if (!match || !FIELDS.has(match[1]!)) fail(line, `expected "field: value" with a field among ${[...FIELDS].join(', ')}; found "${raw.trim()}"`);
    if (Object.keys(fields).length === 0) start = line;
    if (fields[match![1]!] !== undefined) fail(line, `"${match![1]}:" is given twice in one entry; separate entries with a blank line`);
    fields[match![1]!] = match![2]!.trim();
  });
  close();
  return entries;
}

/** Reads and parses an errata file. */
export function loadErrata(file: string): ErrataEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('errata:unreadable', `the errata file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path`);
  }
  return parseErrata(text, file);
}

/**
 * The text a reader reads: in a critical edition, each `app` as its lemma
 * (the other witnesses' readings, `rdg`, are not part of the reading text).
 */
function readingTextOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || node.name === 'rdg') return '';
  let out = '';
  for (const child of node.children) out += readingTextOf(child);
  return out;
}

/** The blocks of the reading text: an `app` of whole blocks counts as the blocks of its lemma. */
function readingBlocksOf(text: Element): Element[] {
  return blocksOf(text).flatMap((block) => {
    if (block.element.name !== 'app') return [block.element];
    const lemma = block.element.children.find((child): child is Element => child.type === 'element' && child.name === 'lem');
    return lemma ? readingBlocksOf(lemma) : [];
  });
}

/** The text node holding [from, to) of an element's reading text, with the offset of its start; none when the range crosses markup. */
function textNodeAt(element: Element, from: number, to: number): { parent: Element; index: number; start: number } | undefined {
  let at = 0;
  for (let index = 0; index < element.children.length; index++) {
    const child = element.children[index]!;
    if (child.type === 'element' && child.name === 'rdg') continue;
    const length = readingTextOf(child).length;
    if (from >= at && to <= at + length) {
      if (child.type === 'text') return { parent: element, index, start: at };
      if (child.type === 'element') {
        const inner = textNodeAt(child, from - at, to - at);
        return inner && { ...inner, start: inner.start + at };
      }
      return undefined;
    }
    at += length;
  }
  return undefined;
}

const slugOf = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'editor';

/**
 * Applies the entries to the TEI tree: returns how many were applied; an
 * entry whose passage is missing, repeated or crosses markup is an error on
 * the log (at the errata file's line) and changes nothing.
 */
export function applyErrataTo(tei: Root, entries: readonly ErrataEntry[], log: MessageLog, errataFile: string, inputName: string, onApplied: (entry: ErrataEntry, block: Element) => void = () => {}): number {
  const text = findFirst(tei, 'text');
  if (!text) return 0;
  const blocks = readingBlocksOf(text);
  const editors = new Map<string, string>();
  /** Editorial notes are numbered apart from the author's: `ed. 1`, `ed. 2`. */
  let notes = 0;
  let applied = 0;
  for (const entry of entries) {
    if (entry.in !== undefined && entry.in !== inputName) continue;
    const where = `${path.basename(errataFile)}:${entry.line}`;
    const hits: Array<{ element: Element; offset: number }> = [];
    for (const block of blocks) {
      const blockText = readingTextOf(block);
      for (let offset = blockText.indexOf(entry.at); offset !== -1; offset = blockText.indexOf(entry.at, offset + 1)) hits.push({ element: block, offset });
    }
    if (hits.length !== 1) {
      log.error(
        hits.length ? 'errata:ambiguous' : 'errata:not-found',
        hits.length
          ? `the errata entry at ${where} quotes "${entry.at}", which occurs ${hits.length} times in the text; quote more words so that it occurs once`
          : `the errata entry at ${where} quotes "${entry.at}", which is not in the text (any more); check the words or remove the entry`,
      );
      continue;
    }
    const hit = hits[0]!;
    const editorId = `resp-${slugOf(entry.who)}`;
    editors.set(editorId, entry.who);
    const wrong = entry.sic ?? entry.orig;
    if (wrong !== undefined) {
      const from = hit.offset + entry.at.indexOf(wrong);
      const place = textNodeAt(hit.element, from, from + wrong.length);
      if (!place) {
        log.error('errata:crosses-markup', `the errata entry at ${where} changes "${wrong}", which runs across marked-up words (a name, a quotation); quote a change inside one of them`);
        continue;
      }
      const node = place.parent.children[place.index] as { type: 'text'; value: string };
      const local = from - place.start;
      const [orig, reg] = entry.sic !== undefined ? ['sic', 'corr'] : ['orig', 'reg'];
      const choice = el(
        'choice',
        {},
        el(orig, {}, wrong),
        el(reg, { resp: `#${editorId}`, cert: entry.cert }, entry.corr ?? entry.reg ?? ''),
      );
      const replacement: ElementContent[] = [];
      if (local > 0) replacement.push({ type: 'text', value: node.value.slice(0, local) });
      replacement.push(choice);
      if (entry.why) replacement.push(el('note', { type: 'editorial', resp: `#${editorId}`, n: `ed. ${++notes}` }, entry.why));
      if (local + wrong.length < node.value.length) replacement.push({ type: 'text', value: node.value.slice(local + wrong.length) });
      place.parent.children.splice(place.index, 1, ...replacement);
    }
    if (entry.note !== undefined) {
      const end = hit.offset + entry.at.length;
      const place = textNodeAt(hit.element, end, end) ?? textNodeAt(hit.element, end - 1, end);
      if (!place) {
        log.error('errata:crosses-markup', `the errata entry at ${where} places a note after "${entry.at}", inside marked-up words; quote words that end outside them`);
        continue;
      }
      const node = place.parent.children[place.index] as { type: 'text'; value: string };
      const local = end - place.start;
      const parts: ElementContent[] = [];
      if (local > 0) parts.push({ type: 'text', value: node.value.slice(0, local) });
      parts.push(el('note', { type: 'editorial', resp: `#${editorId}`, n: `ed. ${++notes}` }, entry.note));
      if (local < node.value.length) parts.push({ type: 'text', value: node.value.slice(local) });
      place.parent.children.splice(place.index, 1, ...parts);
    }
    applied++;
    onApplied(entry, hit.element);
  }
  if (applied) recordInHeader(tei, editors, applied, path.basename(errataFile));
  return applied;
}

/** The editors as `respStmt`s the interventions point at, and the correction policy in `editorialDecl`. */
function recordInHeader(tei: Root, editors: ReadonlyMap<string, string>, applied: number, file: string): void {
  const titleStmt = findFirst(tei, 'titleStmt');
  if (titleStmt) {
    for (const [id, name] of [...editors].sort()) {
      titleStmt.children.push(el('respStmt', { 'xml:id': id }, el('resp', {}, 'Emendations and editorial notes'), el('name', {}, name)));
    }
  }
  const correction = findFirst(tei, 'correction');
  correction?.children.push(
    el('p', {}, `${applied} ${applied === 1 ? 'intervention' : 'interventions'} from the editor's errata file ${file}: corrections as choice of sic and corr (regularisations as orig and reg) with the editor (@resp) and certainty (@cert); editorial notes as note type="editorial". Suspected slips not in the file are only listed for review.`),
  );
}

/**
 * Applies the `--errata` file to an edition's tree (nothing without one),
 * listing each applied entry in its review report. `inputName` is the file
 * name the entries' `in` is compared with (default: the edition's own).
 */
export function applyErrataFile(edition: Edition, settings: Settings, inputName = path.basename(edition.path)): void {
  if (!settings.errata) return;
  const entries = loadErrata(settings.errata);
  applyErrataTo(edition.tei!, entries, edition.log, settings.errata, inputName, (entry, block) =>
    addReviewItem(edition, {
      category: 'emendation:applied',
      text: entry.sic !== undefined ? `${entry.sic} → ${entry.corr}` : entry.orig !== undefined ? `${entry.orig} → ${entry.reg}` : `note: ${entry.note}`,
      detail: `from the errata file (${path.basename(settings.errata!)}:${entry.line}), by ${entry.who}, certainty ${entry.cert}${entry.why ? `: ${entry.why}` : ''}`,
      context: entry.at,
      line: block.position?.start.line,
      anchor: block.attributes['xml:id'] ?? undefined,
    }),
  );
}

/**
 * The stage: applies `--errata` when given (nothing otherwise). A critical
 * edition skips it for its witnesses and applies the file to the reading
 * text once the apparatus is written (critical/build.ts).
 */
export const applyErrata: Stage = (edition, settings) => applyErrataFile(edition, settings);
