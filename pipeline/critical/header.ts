/**
 * The header of a critical edition: the base's header, plus a `listWit`
 * describing each witness from its own header (its `sourceDesc` bibliographic
 * records and the file it was read from: nothing invented), the
 * `variantEncoding`, and the registers every witness's names point at.
 */
import { el, findFirst, isElement, type Element, type Root } from '../tei/tree.js';
import type { WitnessTree } from './apparatus.js';

function child(parent: Element | Root, name: string): Element | undefined {
  return (parent.children as readonly unknown[]).find((node): node is Element => isElement(node, name));
}

/** The `witness` element of one witness. */
function witnessElement(witness: WitnessTree): Element {
  const sourceDesc = findFirst(witness.tei, 'sourceDesc');
  const records = sourceDesc ? sourceDesc.children.filter((node): node is Element => isElement(node, 'bibl') || isElement(node, 'biblStruct')) : [];
  return el('witness', { 'xml:id': witness.id, n: witness.siglum }, records.map((record) => structuredClone(record)), el('note', { type: 'file' }, witness.file));
}

/** Adds `listWit`, `variantEncoding` and the other witnesses' register entries to the base's tree. */
export function writeCriticalHeader(base: Root, witnesses: readonly WitnessTree[], baseIndex: number, collated: string): void {
  const sourceDesc = findFirst(base, 'sourceDesc')!;
  const ordered = [witnesses[baseIndex]!, ...witnesses.filter((_, w) => w !== baseIndex).sort((x, y) => x.id.localeCompare(y.id))];
  sourceDesc.children.push(el('listWit', {}, ordered.map(witnessElement)));
  const encodingDesc = findFirst(base, 'encodingDesc')!;
  encodingDesc.children.push(el('variantEncoding', { method: 'parallel-segmentation', location: 'internal' }));
  const projectDesc = child(encodingDesc, 'projectDesc');
  projectDesc?.children.push(
    el('p', {}, `A critical edition: ${collated} The reading text is witness ${witnesses[baseIndex]!.siglum}; every other witness's differences are given as readings (app, lem, rdg) in parallel segmentation.`),
  );
  mergeRegisters(base, witnesses, baseIndex);
}

/** Register entries (`person`, `place`, `org`) the other witnesses point at and the base lacks. */
function mergeRegisters(base: Root, witnesses: readonly WitnessTree[], baseIndex: number): void {
  const teiElement = base.children.find((node): node is Element => isElement(node, 'TEI'))!;
  let standOff = child(teiElement, 'standOff');
  const known = new Set<string>();
  if (standOff) for (const list of standOff.children) if (isElement(list)) for (const entry of list.children) if (isElement(entry) && entry.attributes['xml:id']) known.add(entry.attributes['xml:id']);
  witnesses.forEach((witness, w) => {
    if (w === baseIndex) return;
    const theirs = findFirst(witness.tei, 'standOff');
    if (!theirs) return;
    for (const list of theirs.children) {
      if (!isElement(list)) continue;
      const missing = list.children.filter((entry): entry is Element => isElement(entry) && !!entry.attributes['xml:id'] && !known.has(entry.attributes['xml:id']));
      if (missing.length === 0) continue;
      if (!standOff) {
        standOff = el('standOff', {});
        const header = teiElement.children.findIndex((node) => isElement(node, 'teiHeader'));
        teiElement.children.splice(header + 1, 0, standOff);
      }
      let ours = child(standOff, list.name);
      if (!ours) standOff.children.push((ours = el(list.name, { ...list.attributes })));
      for (const entry of missing) {
        known.add(entry.attributes['xml:id']!);
        ours.children.push(structuredClone(entry));
      }
    }
  });
}
