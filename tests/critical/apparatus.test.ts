/**
 * The apparatus on small TEI trees: an app never cuts through a name (the
 * location widens to the whole element in both witnesses), witness content is
 * copied with fresh ids, and each witness reads back exactly.
 */
import { describe, expect, it } from 'vitest';
import { writeApparatus, type WitnessTree } from '../../pipeline/critical/apparatus.js';
import { witnessBlockTexts } from '../../pipeline/critical/witness.js';
import { blocksOf, sliceContent } from '../../pipeline/critical/blocks.js';
import { el, findFirst, textOf, type Element, type Root } from '../../pipeline/tei/tree.js';
import { toXml } from 'xast-util-to-xml';

function tei(...paragraphs: Element[]): Root {
  return { type: 'root', children: [el('TEI', {}, el('text', {}, el('body', {}, el('div', { 'xml:id': 'd1' }, paragraphs))))] };
}

const witness = (id: string, tree: Root): WitnessTree => ({ id, siglum: id.slice(4), tei: tree, file: `${id}.txt` });

describe('writeApparatus', () => {
  it('widens a change inside a name to the whole name, keeps the text around it, and copies witness ids apart', () => {
    const base = tei(
      el('p', { 'xml:id': 'd1-p1' }, el('persName', { ref: '#pers-luxemburg' }, 'Rosa Luxemburg'), ' wrote that the party was made.'),
      el('p', { 'xml:id': 'd1-p2' }, 'Second paragraph.'),
    );
    const other = tei(
      el('p', { 'xml:id': 'd1-p1' }, el('persName', { ref: '#pers-luxemburg' }, 'Rosa Luxembourg'), ' wrote that the party was not made.'),
      el('p', { 'xml:id': 'd1-p2', n: 'x' }, el('note', { 'xml:id': 'n1' }, 'A note.'), el('ref', { target: '#n1' }, 'see'), ' Second paragraph.'),
    );
    const originals = [base, other].map((tree) => blocksOf(findFirst(tree, 'text')!).map((block) => textOf(block.element)));
    const entries = writeApparatus([witness('wit-A', base), witness('wit-B', other)], 0);
    const xml = toXml(findFirst(base, 'div')!);
    expect(xml).toContain(
      '<p xml:id="d1-p1"><app xml:id="app1" type="substantive"><lem wit="#wit-A"><persName ref="#pers-luxemburg">Rosa Luxemburg</persName></lem><rdg wit="#wit-B" type="substantive"><persName ref="#pers-luxemburg">Rosa Luxembourg</persName></rdg></app> wrote',
    );
    expect(xml).toContain(' was<app xml:id="app2" type="addition"><lem wit="#wit-A"></lem><rdg wit="#wit-B" type="addition"> not</rdg></app> made.');
    // The note and the pointer to it are copied with ids of the witness, so ids stay unique.
    expect(xml).toContain('<lem wit="#wit-A">Second</lem><rdg wit="#wit-B" type="substantive"><note xml:id="wit-B-n1">A note.</note><ref target="#wit-B-n1">see</ref> Second</rdg></app> paragraph.');
    expect(entries.map((entry) => [entry.type, entry.lemma.text, entry.readings.map((reading) => reading.text)])).toEqual([
      ['substantive', 'Rosa Luxemburg', ['Rosa Luxembourg']],
      ['addition', '', [' not']],
      ['substantive', 'Second', ['A note.see Second']],
    ]);
    const text = findFirst(base, 'text')!;
    expect(witnessBlockTexts(text, 'wit-A')).toEqual(originals[0]);
    expect(witnessBlockTexts(text, 'wit-B')).toEqual(originals[1]);
  });
});

describe('writeApparatus and split quotations', () => {
  it('drops a copied part’s link to a part the reading does not hold (the base’s pair keeps theirs)', () => {
    const quoted = (last: string) =>
      tei(el('p', { 'xml:id': 'd1-p1' }, el('q', { 'xml:id': 'q-1', next: '#q-2' }, '“We hold,”'), ' he said, ', el('q', { 'xml:id': 'q-2', prev: '#q-1' }, `“the ${last} line.”`)));
    const base = quoted('front');
    writeApparatus([witness('wit-A', base), witness('wit-B', quoted('second'))], 0);
    expect(toXml(findFirst(base, 'p')!)).toBe(
      '<p xml:id="d1-p1"><q xml:id="q-1" next="#q-2">“We hold,”</q> he said,<app xml:id="app1" type="substantive"><lem wit="#wit-A"> <q xml:id="q-2" prev="#q-1">“the front line.”</q></lem><rdg wit="#wit-B" type="substantive"> <q xml:id="wit-B-q-2">“the second line.”</q></rdg></app></p>',
    );
  });
});

describe('sliceContent', () => {
  it('cuts text nodes, takes elements whole, and gives a milestone to one slice only', () => {
    const children = el('p', {}, 'ab', el('pb', { n: '2' }), 'cd', el('hi', {}, 'ef'), 'g').children;
    const slices = [sliceContent(children, 0, 1, 7), sliceContent(children, 1, 4, 7), sliceContent(children, 4, 7, 7)];
    expect(slices.map((slice) => slice.map((node) => (node.type === 'text' ? node.value : `<${(node as Element).name}>`)).join('|'))).toEqual(['a', 'b|<pb>|cd', '<hi>|g']);
  });
});
