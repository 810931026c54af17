/**
 * Book-length texts for the benchmark's size series (issue 13, item 2): one
 * plain-text page of a chosen number of paragraphs or a chosen size, made
 * deterministically from the seed (and `../shared/corpus` when present), with
 * what a long text has: section headings, numbered note references and an
 * endnotes section, names, dates and quotations (the seed's own sentences).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageLog } from '../messages.js';
import { PROJECT_ROOT } from '../settings.js';
import { readText } from '../readers/text.js';
import { textOf, type Element } from '../tei/tree.js';

const SEED = path.join(PROJECT_ROOT, 'seeds', 'wright-1941-soviet-union-at-war.txt');
const CORPUS = path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus');

/** A section heading every this many paragraphs. */
const PARAGRAPHS_PER_SECTION = 40;
/** A note reference in every this many paragraphs. */
const PARAGRAPHS_PER_NOTE = 25;

/** What a generated book is made of. */
export interface BookSpec {
  /** Paragraphs of one sentence each (40–120 characters), as in a long text's short paragraphs. */
  paragraphs?: number;
  /** Whole paragraphs of the sources until the text reaches this many bytes. */
  bytes?: number;
  /** A section heading every 40 paragraphs (default); false: one run of paragraphs, as a text whose sections are not marked. */
  sections?: boolean;
}

/** A small deterministic PRNG (mulberry32): every run makes the same book. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Material {
  paragraphs: string[];
  sentences: string[];
  heads: string[];
}

let material: Material | undefined;

/** Long plain paragraphs, their sentences and the headings of the seed and corpus texts. */
function sourceMaterial(): Material {
  if (material) return material;
  const files = [SEED, ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(CORPUS, name)) : [])];
  const paragraphs: string[] = [];
  const heads: string[] = [];
  for (const file of files) {
    const { body } = readText(readFileSync(file, 'utf8'), new MessageLog(file));
    const visit = (element: Element) => {
      if (element.name === 'p') {
        const text = textOf(element).replace(/\s+/g, ' ').trim();
        // No note markers or list numbers, so that every paragraph reads cleanly wherever it lands.
        if (text.length > 200 && !/\[\d+\]|\{#|\]\(|^\d+\)/.test(text)) paragraphs.push(text);
      } else if (element.name === 'head') heads.push(textOf(element).replace(/\s+/g, ' ').trim());
      for (const child of element.children) if (child.type === 'element') visit(child);
    };
    body.forEach(visit);
  }
  // Sentences that stand alone: a capital first, balanced quotation marks and parentheses.
  const sentences = paragraphs
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+(?=[A-Z])/))
    .filter((sentence) => sentence.length >= 40 && sentence.length <= 120 && /^[A-Z]/.test(sentence) && balanced(sentence));
  material = { paragraphs, sentences, heads: heads.filter((head) => head.length > 0 && head.length < 80) };
  return material;
}

function balanced(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  return count(/“/g) === count(/”/g) && count(/\(/g) === count(/\)/g) && count(/"/g) % 2 === 0;
}

/**
 * A plain-text page in the archive's layout: breadcrumb, author, title,
 * dateline, source and transcription lines, the body (sections, note
 * references `[^[n]^](#fn)`), an endnotes section and the last-update line.
 */
export function makeBook(spec: BookSpec): string {
  const { paragraphs, sentences, heads } = sourceMaterial();
  const next = random(spec.paragraphs ?? spec.bytes ?? 1);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const body: string[] = [];
  const notes: string[] = [];
  let size = 0;
  for (let count = 0; spec.paragraphs !== undefined ? count < spec.paragraphs : size < (spec.bytes ?? 0); count++) {
    if (spec.sections !== false && count > 0 && count % PARAGRAPHS_PER_SECTION === 0) {
      const head = `${pick(heads)} (${count / PARAGRAPHS_PER_SECTION + 1})`;
      body.push(`\u00A0\n\n${head}`);
      size += head.length + 5;
    }
    let text = spec.paragraphs !== undefined ? pick(sentences) : pick(paragraphs);
    if (count % PARAGRAPHS_PER_NOTE === PARAGRAPHS_PER_NOTE - 1) {
      const n = notes.length + 1;
      text += `[^[${n}]^](#fn${n}){#fr${n}}`;
      const note = `[[${n}]](#fr${n}){#fn${n}} ${pick(sentences)}`;
      notes.push(note);
      size += note.length + 2;
    }
    body.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  const header = [
    'Wright Archive   |   Trotskyist Writers Index   |   ETOL Main Page',
    'John G. Wright',
    `The Soviet Union at War, a Long Edition (${spec.paragraphs !== undefined ? `${spec.paragraphs} paragraphs` : `${spec.bytes} bytes`})`,
    '(August 1941)',
  ].join('\n\n');
  const info = [
    'From Fourth International, Vol. 2 No. 7, August 1941, pp. 217–221.',
    'Transcribed & marked up by Einde O’Callaghan for the Encyclopaedia of Trotskyism On-Line (ETOL).',
  ].join('\n');
  const endnotes = notes.length ? `\n\nEndnotes\n\n${notes.join('\n\n')}` : '';
  return `${header}\n\n\n${info}\n\n\n${body.join('\n\n')}${endnotes}\n\n\nLast updated on: 15 May 2009\n`;
}
