/** Shared by the entity tests: TEI for a few paragraphs, and precision/recall over mention multisets. */
import { el, type Root } from '../../pipeline/tei/tree.js';

/** A minimal TEI document whose body holds one `p` per paragraph. */
export function teiOf(paragraphs: string[]): Root {
  return {
    type: 'root',
    children: [el('TEI', {}, el('teiHeader', {}), el('text', {}, el('body', {}, paragraphs.map((text, index) => {
      const p = el('p', {}, text);
      p.position = { start: { line: index + 1, column: 1 }, end: { line: index + 1, column: text.length + 1 } };
      return p;
    }))))],
  };
}

export interface Score {
  truePositives: number;
  gold: number;
  system: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of `system` against `gold`, both lists of keys compared as multisets. */
export function score(gold: readonly string[], system: readonly string[]): Score {
  const counts = new Map<string, number>();
  for (const key of gold) counts.set(key, (counts.get(key) ?? 0) + 1);
  let truePositives = 0;
  for (const key of system) {
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      truePositives++;
      counts.set(key, left - 1);
    }
  }
  const precision = system.length ? truePositives / system.length : gold.length ? 0 : 1;
  const recall = gold.length ? truePositives / gold.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePositives, gold: gold.length, system: system.length, precision, recall, f1 };
}

/** The keys of `gold` not matched by `system` and the reverse, for failure messages. */
export function differences(gold: readonly string[], system: readonly string[]): { missed: string[]; extra: string[] } {
  const left = [...system];
  const missed: string[] = [];
  for (const key of gold) {
    const index = left.indexOf(key);
    if (index >= 0) left.splice(index, 1);
    else missed.push(key);
  }
  return { missed, extra: left };
}

export const percent = (value: number): string => `${(100 * value).toFixed(1)} %`;
