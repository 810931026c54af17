/** A speaker named only by `q/@who` (set by the quotations stage) must still be carried in the standOff. */
import { describe, expect, it } from 'vitest';
import { recognizeEntities } from '../../pipeline/enrich/entities.js';
import { loadRegisters } from '../../pipeline/enrich/registers.js';
import { el, findAll, type Root } from '../../pipeline/tei/tree.js';

describe('standOff and q/@who', () => {
  it('carries the register entry of a speaker who is not named in the text', () => {
    const tei: Root = {
      type: 'root',
      children: [
        el('TEI', {}, el('teiHeader', {}), el('text', {}, el('body', {}, el('p', {}, el('q', { who: '#pers-lenin' }, '“All power to the Soviets,”'), ' he said.')))),
      ],
    };
    recognizeEntities(tei, loadRegisters());
    const ids = findAll(tei, 'person').map((person) => person.attributes['xml:id']);
    expect(ids).toContain('pers-lenin');
  });

  it('adds nothing for a pointer that is not in the register', () => {
    const tei: Root = {
      type: 'root',
      children: [el('TEI', {}, el('teiHeader', {}), el('text', {}, el('body', {}, el('p', {}, el('q', { who: '#nobody-known' }, '“Words.”')))))],
    };
    recognizeEntities(tei, loadRegisters());
    expect(findAll(tei, 'person')).toEqual([]);
  });
});
