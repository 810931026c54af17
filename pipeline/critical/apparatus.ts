/**
 * The apparatus: witnesses' TEI trees merged into one edition in parallel
 * segmentation. The base witness's tree is the reading text; every variant
 * location becomes an `app` whose `lem` holds the base's own nodes (their
 * entity, date and quotation markup untouched) and whose `rdg`s hold copies
 * of the other witnesses' nodes, so markup stays inside readings. A location
 * that changes the blocks (paragraphs split, merged, added) is an `app` of
 * whole blocks between its neighbours; any other is an `app` inside its
 * block, cut only between inline elements (an `app` never splits a name).
 */
import { collate, tokenizeBlocks, type Normalization, type Token, type VariantLocation, type VariantType } from '../collate/index.js';
import { InputError } from '../messages.js';
import { el, findFirst, isElement, textOf, type Element, type ElementContent, type Root } from '../tei/tree.js';
import { blocksOf, inlineSpans, sliceContent, type Block } from './blocks.js';

/** One witness: its TEI tree (as the usual stages made it) and how the edition names it. */
export interface WitnessTree {
  /** The `xml:id` of its `witness` element (`wit-1959`). */
  id: string;
  /** The siglum shown in the apparatus (`1959`). */
  siglum: string;
  tei: Root;
  /** The input file, for messages. */
  file: string;
}

/** One entry of the apparatus, for the review report and tests. */
export interface ApparatusEntry {
  id: string;
  type: VariantType;
  structural: boolean;
  /** The base's text and each other reading with the ids of its witnesses. */
  lemma: { text: string; wit: string[] };
  readings: Array<{ text: string; wit: string[]; type: VariantType }>;
  /** The `xml:id` of the block the variant is in (or the first block it replaces). */
  block?: string;
  /** The base's source line of that block, where the reader recorded it. */
  line?: number;
}

/** How strongly a type of reading changes the text: an `app`'s type is its strongest reading's. */
const TYPE_RANK: VariantType[] = ['substantive', 'transposition', 'omission', 'addition', 'paragraphing', 'punctuation', 'orthographic'];

interface Stream {
  blocks: Block[];
  texts: string[];
  tokens: Token[];
  blockOf: number[];
  spans: Array<Array<[number, number]>>;
}

function streamOf(text: Element, normalization: Normalization): Stream {
  const blocks = blocksOf(text);
  const texts = blocks.map((block) => textOf(block.element));
  const { tokens, blockOf } = tokenizeBlocks(texts, normalization);
  return { blocks, texts, tokens, blockOf, spans: blocks.map((block) => inlineSpans(block.element)) };
}

function textElementOf(witness: WitnessTree): Element {
  const text = findFirst(witness.tei, 'text');
  if (!text) throw new InputError('critical:no-text', `the witness ${witness.file} has no TEI text`);
  return text;
}

/** A token boundary as a block and an offset in its text; `index` may be a break (then: the end of the block before it). */
function placeOf(stream: Stream, index: number): { block: number; offset: number } {
  if (index < stream.tokens.length && stream.tokens[index]!.kind !== 'break') return { block: stream.blockOf[index]!, offset: stream.tokens[index]!.start };
  const block = index > 0 ? stream.blockOf[index - 1]! : 0;
  return { block, offset: stream.texts[block]?.length ?? 0 };
}

/** Blocks whose tokens lie in the range (break tokens at its edges excluded). */
function blocksIn(stream: Stream, start: number, end: number): number[] {
  const found = new Set<number>();
  for (let k = start; k < end; k++) if (stream.tokens[k]!.kind !== 'break') found.add(stream.blockOf[k]!);
  // Empty blocks between two breaks of the range have no tokens; they are part of it too.
  const list = [...found].sort((x, y) => x - y);
  if (list.length) for (let b = list[0]!; b <= list[list.length - 1]!; b++) found.add(b);
  return [...found].sort((x, y) => x - y);
}

/** Renames `xml:id`s in copied witness content (`wit-1969-d1-p3`) and the pointers to them within it, so ids stay unique. */
function renameIds(nodes: ElementContent[], prefix: string): ElementContent[] {
  const renamed = new Map<string, string>();
  const collect = (node: ElementContent) => {
    if (node.type !== 'element') return;
    const id = node.attributes['xml:id'];
    if (id) {
      renamed.set(id, `${prefix}-${id}`);
      node.attributes['xml:id'] = `${prefix}-${id}`;
    }
    node.children.forEach(collect);
  };
  nodes.forEach(collect);
  const repoint = (node: ElementContent) => {
    if (node.type !== 'element') return;
    for (const name of ['target', 'corresp', 'next', 'prev', 'who', 'source']) {
      const value = node.attributes[name];
      if (!value) continue;
      // A split quotation whose other part is not in the reading: the link belongs to the base's pair, which keeps it.
      if ((name === 'next' || name === 'prev') && !(value.startsWith('#') && renamed.has(value.slice(1)))) {
        delete node.attributes[name];
        continue;
      }
      node.attributes[name] = value.split(/\s+/).map((pointer) => (pointer.startsWith('#') && renamed.has(pointer.slice(1)) ? `#${renamed.get(pointer.slice(1))}` : pointer)).join(' ');
    }
    node.children.forEach(repoint);
  };
  nodes.forEach(repoint);
  return nodes;
}

const wits = (witnesses: readonly WitnessTree[], indices: readonly number[]) => indices.map((w) => `#${witnesses[w]!.id}`).join(' ');

/** The strongest of some reading types. */
function strongest(types: readonly VariantType[]): VariantType {
  return TYPE_RANK.find((type) => types.includes(type)) ?? 'substantive';
}

interface Built {
  app: Element;
  entry: ApparatusEntry;
}

/**
 * Makes the `app` of one location: `lemma` is the base's content (moved, not
 * copied), `readingOf(w)` a witness's content (copied) and its text.
 */
function makeApp(
  number: number,
  location: VariantLocation,
  witnesses: readonly WitnessTree[],
  baseIndex: number,
  lemma: ElementContent[],
  lemmaText: string,
  readingOf: (w: number) => { content: ElementContent[]; text: string },
): Built {
  const lemmaWits = [baseIndex];
  const groups: Array<{ text: string; content: ElementContent[]; wits: number[]; type: VariantType }> = [];
  // Other witnesses in siglum order, so the apparatus is the same whatever order they were given in.
  const others = witnesses.map((_, w) => w).filter((w) => w !== baseIndex).sort((x, y) => witnesses[x]!.id.localeCompare(witnesses[y]!.id));
  for (const w of others) {
    const type = location.types[w];
    if (type === null || type === undefined) {
      lemmaWits.push(w);
      continue;
    }
    const { content, text } = readingOf(w);
    const group = groups.find((candidate) => candidate.text === text && candidate.type === type);
    if (group) group.wits.push(w);
    else groups.push({ text, content: renameIds(content, witnesses[w]!.id), wits: [w], type });
  }
  const type = strongest(groups.map((group) => group.type));
  const id = `app${number}`;
  const app = el(
    'app',
    { 'xml:id': id, type },
    el('lem', { wit: wits(witnesses, lemmaWits) }, lemma),
    groups.map((group) => el('rdg', { wit: wits(witnesses, group.wits), type: group.type }, group.content)),
  );
  return {
    app,
    entry: {
      id,
      type,
      structural: location.structural,
      lemma: { text: lemmaText, wit: lemmaWits.map((w) => witnesses[w]!.id) },
      readings: groups.map((group) => ({ text: group.text, wit: group.wits.map((w) => witnesses[w]!.id), type: group.type })),
    },
  };
}

/**
 * Collates the witnesses and writes the apparatus into the base's tree (which
 * it changes). Returns the entries in text order.
 */
export function writeApparatus(witnesses: readonly WitnessTree[], baseIndex: number, normalization: Normalization = {}): ApparatusEntry[] {
  const streams = witnesses.map((witness) => streamOf(textElementOf(witness), normalization));
  const cuttable = (w: number, index: number): boolean => {
    const stream = streams[w]!;
    const tokens = stream.tokens;
    if (index <= 0 || index >= tokens.length || tokens[index]!.kind === 'break' || tokens[index - 1]!.kind === 'break') return true;
    const offset = tokens[index]!.start;
    return !stream.spans[stream.blockOf[index]!]!.some(([start, end]) => start < offset && offset < end);
  };
  const locations = collate(
    streams.map((stream) => stream.tokens),
    { base: baseIndex, cuttable },
  );
  const base = streams[baseIndex]!;
  const entries: ApparatusEntry[] = [];
  /** Inline locations per base block, applied together once every location is known. */
  const inline = new Map<number, Array<{ from: number; to: number; build: (lemma: ElementContent[], lemmaText: string) => Built }>>();
  let number = 0;
  for (const location of locations) {
    number++;
    const range = location.ranges[baseIndex]!;
    if (location.structural) {
      const baseBlocks = blocksIn(base, range.start, range.end);
      const readingOf = (w: number) => {
        const stream = streams[w]!;
        const { start, end } = location.ranges[w]!;
        const found = blocksIn(stream, start, end);
        return { content: found.map((b) => structuredClone(stream.blocks[b]!.element) as ElementContent), text: found.map((b) => stream.texts[b]!).join('\n') };
      };
      const lemmaText = baseBlocks.map((b) => base.texts[b]!).join('\n');
      if (baseBlocks.length) {
        const parent = base.blocks[baseBlocks[0]!]!.parent;
        const elements = baseBlocks.map((b) => base.blocks[b]!.element);
        const at = parent.children.indexOf(elements[0]!);
        const contiguous = elements.every((element, k) => base.blocks[baseBlocks[k]!]!.parent === parent && parent.children.indexOf(element) >= at);
        if (!contiguous) {
          throw new InputError(
            'critical:structure',
            `a variant changes blocks that lie in different sections of the base (${elements.map((element) => element.attributes['xml:id'] ?? element.name).join(', ')}); it cannot be one app. Choose another --base`,
            undefined,
          );
        }
        const built = makeApp(number, location, witnesses, baseIndex, elements, lemmaText, readingOf);
        const last = parent.children.indexOf(elements[elements.length - 1]!);
        parent.children.splice(at, last - at + 1, built.app);
        built.entry.block = elements[0]!.attributes['xml:id'] ?? undefined;
        built.entry.line = elements[0]!.position?.start.line;
        entries.push(built.entry);
      } else {
        // Blocks only a witness has: the app stands after the base block before them (or before the first).
        const before = range.start > 0 ? base.blockOf[range.start - 1] ?? -1 : -1;
        const anchorIndex = before >= 0 ? before : base.blockOf.find((b) => b >= 0) ?? 0;
        const anchor = base.blocks[anchorIndex]!;
        const built = makeApp(number, location, witnesses, baseIndex, [], '', readingOf);
        const at = anchor.parent.children.indexOf(anchor.element);
        anchor.parent.children.splice(before >= 0 ? at + 1 : at, 0, built.app);
        built.entry.block = anchor.element.attributes['xml:id'] ?? undefined;
        built.entry.line = anchor.element.position?.start.line;
        entries.push(built.entry);
      }
      continue;
    }
    const from = placeOf(base, range.start);
    const to = range.end > range.start ? placeOf(base, range.end) : from;
    const list = inline.get(from.block) ?? [];
    const appNumber = number;
    list.push({
      from: from.offset,
      to: to.block === from.block ? to.offset : base.texts[from.block]!.length,
      build: (lemma, lemmaText) =>
        makeApp(appNumber, location, witnesses, baseIndex, lemma, lemmaText, (w) => {
          const stream = streams[w]!;
          const { start, end } = location.ranges[w]!;
          const wFrom = placeOf(stream, start);
          const wTo = end > start ? placeOf(stream, end) : wFrom;
          const block = stream.blocks[wFrom.block]!.element;
          const total = stream.texts[wFrom.block]!.length;
          const toOffset = wTo.block === wFrom.block ? wTo.offset : total;
          return { content: sliceContent(block.children, wFrom.offset, toOffset, total), text: stream.texts[wFrom.block]!.slice(wFrom.offset, toOffset) };
        }),
    });
    inline.set(from.block, list);
  }
  for (const [b, list] of inline) {
    const block = base.blocks[b]!.element;
    const total = base.texts[b]!.length;
    const children: ElementContent[] = [];
    let at = 0;
    for (const item of list.sort((x, y) => x.from - y.from)) {
      children.push(...sliceContent(block.children, at, item.from, total));
      const built = item.build(sliceContent(block.children, item.from, item.to, total), base.texts[b]!.slice(item.from, item.to));
      built.entry.block = block.attributes['xml:id'] ?? undefined;
      built.entry.line = block.position?.start.line;
      children.push(built.app);
      entries.push(built.entry);
      at = item.to;
    }
    children.push(...sliceContent(block.children, at, total, total));
    block.children = children;
  }
  return entries.sort((x, y) => Number(x.id.slice(3)) - Number(y.id.slice(3)));
}

/** True for an `app` element. */
export function isApp(node: unknown): node is Element {
  return isElement(node, 'app');
}
