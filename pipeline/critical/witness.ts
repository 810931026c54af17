/**
 * One witness read back out of a critical edition: every `app` replaced by
 * the reading that witness has (the `lem` for the base and for witnesses
 * that agree with it). The blocks' texts then equal, character for
 * character, those of the witness built on its own (tests/critical).
 */
import { isElement, textOf, type Element, type ElementContent, type Root } from '../tei/tree.js';
import { blocksOf } from './blocks.js';

function witnessesOf(reading: Element): string[] {
  return (reading.attributes.wit ?? '').split(/\s+/).filter(Boolean).map((pointer) => pointer.replace(/^#/, ''));
}

/** The content a witness has at an `app`. */
function readingOf(app: Element, witness: string): ElementContent[] {
  const readings = app.children.filter((child): child is Element => isElement(child, 'lem') || isElement(child, 'rdg'));
  const chosen = readings.find((reading) => witnessesOf(reading).includes(witness)) ?? readings.find((reading) => reading.name === 'lem');
  return chosen ? chosen.children : [];
}

/** A copy of `node` with every `app` resolved to `witness`'s reading. */
export function resolveWitness<T extends Element | Root>(node: T, witness: string): T {
  const resolveChildren = (children: readonly ElementContent[]): ElementContent[] =>
    children.flatMap((child) => {
      if (!isElement(child)) return [structuredClone(child)];
      if (child.name === 'app') return resolveChildren(readingOf(child, witness));
      return [{ ...child, attributes: { ...child.attributes }, children: resolveChildren(child.children) }];
    });
  return { ...node, children: resolveChildren(node.children as ElementContent[]) } as T;
}

/** The texts of a witness's blocks as the edition gives them (see {@link resolveWitness}). */
export function witnessBlockTexts(text: Element, witness: string): string[] {
  return blocksOf(resolveWitness(text, witness)).map((block) => textOf(block.element));
}
