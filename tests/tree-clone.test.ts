/** cloneTree, the entity stage's copy of register entries (issue 15): structuredClone's result, with nothing shared. */
import { describe, expect, it } from 'vitest';
import { cloneTree, type Element } from '../pipeline/tei/tree.js';
import { loadRegisters } from '../pipeline/enrich/registers.js';
import { teiOfText } from './readers/tei-of-text.js';
import { readFileSync } from 'node:fs';

/** True when no object or array of `copy` is one of `original`. */
function sharesNothing(original: unknown, copy: unknown): boolean {
  if (original === null || typeof original !== 'object') return true;
  if (original === copy) return false;
  return Object.keys(original).every((key) => sharesNothing((original as Record<string, unknown>)[key], (copy as Record<string, unknown>)[key]));
}

describe('cloneTree', () => {
  it('copies every register entry and the seed’s TEI as structuredClone does, sharing nothing', () => {
    const entries = [...loadRegisters([]).entries.values()].map((entry) => entry.element);
    expect(entries.length).toBeGreaterThan(100);
    const tei = teiOfText(readFileSync('seeds/wright-1941-soviet-union-at-war.txt', 'utf8')).tei;
    const odd = { type: 'element', name: 'x', attributes: { a: '1', b: undefined }, children: [], position: { start: { line: 1, column: 2, offset: undefined } }, extra: [1, null, 'x', true, [2]] };
    for (const tree of [...entries, tei, odd as unknown as Element]) {
      const copy = cloneTree(tree);
      expect(copy).toStrictEqual(structuredClone(tree));
      expect(sharesNothing(tree, copy)).toBe(true);
    }
  });
});
