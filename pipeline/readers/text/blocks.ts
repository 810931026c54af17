/** The body of a plain-text page: sections, headings, paragraphs and (numbered) lists, and their stable ids. */
import type { SourceLine } from '../../model.js';
import { el, type Element } from '../../tei/tree.js';
import { isDateOnly } from '../header-lines.js';
import { blocksOf, clean, positioned, titleCased, type TextLine } from './lines.js';
import type { RefMaker } from './notes.js';

// ---------------------------------------------------------------------------
// 4b. Body

/** A numbered line: `  1. text`, `1) text`. Groups: indent, number, punctuation, rest. Not `1\.` (a Markdown-escaped heading). */
const NUMBERED = /^(\s*)(\d+)([.)])\s+(\S.*)$/;

/** A numbered heading as Markdown conversions escape it (`1\. The Road Forward`) or plain (`2. Fragmentation`). */
const NUMBERED_HEAD = /^\d+\\?\.\s+\p{Lu}/u;


/** Longest heading the reader accepts. */
const HEAD_MAX = 80;

/**
 * True when a line can be a section heading: short, starting with a capital
 * or a number, not ending in sentence punctuation (a `?` only when the line
 * is title-cased), not a date, not a note heading. `strict` (no separator
 * before the line) also asks for title case.
 */
export function headCandidate(value: string, strict: boolean): boolean {
  if (value.length > HEAD_MAX || value.split(/\s+/).length > 12) return false;
  if (!/^[\p{Lu}\d]/u.test(value)) return false;
  if (/[.,;:!"”’)\]]$/.test(value)) return false;
  if (isDateOnly(value)) return false;
  if (/\?$/.test(value) && !titleCased(value)) return false;
  if (strict && !titleCased(value)) return false;
  return true;
}

type Unit =
  | { kind: 'line'; line: TextLine }
  | { kind: 'list'; lines: TextLine[]; intro?: TextLine; numbered: boolean };

/** Splits a block of consecutive lines into units: a numbered or `;`-list (with an intro line ending in `:`) or single lines. */
function unitsOf(block: TextLine[]): Unit[] {
  if (block.length >= 2) {
    const intro = clean(block[0]!).endsWith(':') ? block[0] : undefined;
    const items = intro ? block.slice(1) : block;
    if (items.length >= 2 && items.every((line) => NUMBERED.test(line.text))) return [{ kind: 'list', lines: items, intro, numbered: true }];
    const shortItems = items.every((line) => clean(line).length <= 120);
    const separated = items.slice(0, -1).every((line) => /[;,]$/.test(clean(line)) || !/[.!?]$/.test(clean(line)));
    if (items.length >= 2 && shortItems && separated && items.slice(0, -1).some((line) => /;$/.test(clean(line)))) {
      return [{ kind: 'list', lines: items, intro, numbered: false }];
    }
  }
  return block.map((line) => ({ kind: 'line', line }));
}

function numberOf(line: TextLine): { n: number; style: string } | undefined {
  const match = NUMBERED.exec(line.text);
  return match ? { n: Number(match[2]), style: match[3]! } : undefined;
}

/**
 * Reads the body lines into `div`s. One line is one block. The rules, in order:
 * - a block of consecutive lines all numbered (`  1. …`), or short lines ending in `;`,
 *   optionally after a line ending in `:`, is a `list` (the intro line a `p`);
 * - a short line after a separator (lone no-break space) with no final punctuation is a `head`
 *   opening a new section; without a separator it must also be title-cased and followed by a long
 *   paragraph (or, for a numbered heading such as `6\. What Then?`, by a non-heading line);
 * - a separator before a paragraph opens a `div type="subsection"` of the current section;
 * - `1) …` with a later `2) …` starts a list of theses: paragraphs between two numbers belong to
 *   the first (as `p`s of its `item`); the list ends after the last number or at a heading;
 * - anything else is a `p`. Numbers stay in the text as `label`.
 */
export function readBody(lines: TextLine[], refs: RefMaker): Element[] {
  const units = blocksOf(lines).flatMap(unitsOf);
  const divs: Element[] = [];
  let top: Element | undefined;
  /** Where paragraphs go: the top div or its current subsection. */
  let target: Element | undefined;
  const ensureTarget = (line: SourceLine): Element => {
    if (!target) {
      top = positioned(el('div', { type: 'section' }), line);
      divs.push(top);
      target = top;
    }
    return target;
  };
  const paragraph = (line: TextLine) => positioned(el('p', {}, ...refs.inline(clean(line))), line);
  const isLong = (unit: Unit | undefined, than: number) => unit?.kind === 'line' && clean(unit.line).length >= Math.max(80, than * 1.5);

  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.kind === 'list') {
      const parent = ensureTarget(unit.intro ?? unit.lines[0]!);
      if (unit.intro) parent.children.push(paragraph(unit.intro));
      const list = positioned(el('list', { type: unit.numbered ? 'ordered' : 'simple' }), unit.lines[0]!);
      for (const line of unit.lines) {
        const match = unit.numbered ? NUMBERED.exec(line.text) : null;
        const item = match
          ? el('item', { n: match[2] }, el('label', {}, `${match[2]}${match[3]}`), ' ', ...refs.inline(clean({ text: match[4]!, line: line.line })))
          : el('item', {}, ...refs.inline(clean(line)));
        list.children.push(positioned(item, line));
      }
      parent.children.push(list);
      continue;
    }
    const { line } = unit;
    const value = clean(line);
    const next = units[u + 1];
    const separatorHead = line.afterSeparator && headCandidate(value, false) && !NUMBERED.test(line.text);
    // Without a separator a heading needs title case and a paragraph after it: a long one, or any
    // non-heading line after a numbered heading (`6\. What Then?` / `If the road … what then?`).
    const nextLine = next?.kind === 'line' ? clean(next.line) : undefined;
    const plainHead =
      headCandidate(value, true) &&
      nextLine !== undefined &&
      (isLong(next, value.length) || (NUMBERED_HEAD.test(value) && !headCandidate(nextLine, true) && !isDateOnly(nextLine)));
    if (separatorHead || plainHead) {
      top = positioned(el('div', { type: 'section' }), line);
      top.children.push(positioned(el('head', {}, ...refs.inline(value)), line));
      divs.push(top);
      target = top;
      continue;
    }
    if (line.afterSeparator && top) {
      // A separator before a paragraph opens a subsection of the current section (the seed's `THE YOUTH. …` parts).
      const sub = positioned(el('div', { type: 'subsection' }), line);
      top.children.push(sub);
      target = sub;
    }
    const parent = ensureTarget(line);
    // Theses: `1) …` paragraphs with 2), 3) … later; the paragraphs between two numbers belong to the first.
    const number = numberOf(line);
    if (number?.n === 1 && hasSuccessor(units, u, number.style)) {
      const list = positioned(el('list', { type: 'ordered' }), line);
      parent.children.push(list);
      let expected = 1;
      let item: Element | undefined;
      for (; u < units.length; u++) {
        const current = units[u]!;
        if (current.kind !== 'line') break;
        const found = numberOf(current.line);
        if (found && found.n === expected && found.style === number.style) {
          const match = NUMBERED.exec(current.line.text)!;
          item = positioned(el('item', { n: match[2] }), current.line);
          item.children.push(
            positioned(el('p', {}, el('label', {}, `${match[2]}${match[3]}`), ' ', ...refs.inline(clean({ text: match[4]!, line: current.line.line }))), current.line),
          );
          list.children.push(item);
          expected++;
          continue;
        }
        // After the last number, or at a heading, the list ends.
        if (!hasSuccessor(units, u - 1, number.style, expected) || current.line.afterSeparator) break;
        item!.children.push(paragraph(current.line));
      }
      u--;
      continue;
    }
    parent.children.push(paragraph(line));
  }
  return divs;
}

/** True when a numbered line with number `expected` (default 2) and the same style follows unit `from` before any heading-like break. */
function hasSuccessor(units: Unit[], from: number, style: string, expected = 2): boolean {
  for (let u = from + 1; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.kind !== 'line') return false;
    if (unit.line.afterSeparator) return false;
    const found = numberOf(unit.line);
    if (found && found.style === style) return found.n === expected;
    // A heading before the next number ends the list.
    const next = units[u + 1];
    if (headCandidate(clean(unit.line), true) && next?.kind === 'line' && clean(next.line).length >= 80) return false;
  }
  return false;
}

/** Gives body elements stable ids from their place: `d2`, `d2.1`, `d2-h`, `d2-p3`, `d2-l1`, `d2-l1-i4`, `d2-l1-i4-p2`. */
export function assignIds(divs: Element[]): void {
  const visit = (element: Element, id: string) => {
    element.attributes = { 'xml:id': id, ...element.attributes };
    const counters: Record<string, number> = {};
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      const kind = { div: '.', head: '-h', p: '-p', list: '-l', item: '-i' }[child.name];
      if (!kind) continue;
      const count = (counters[child.name] ?? 0) + 1;
      counters[child.name] = count;
      const childId = child.name === 'head' ? `${id}-h${count > 1 ? count : ''}` : `${id}${kind}${count}`;
      visit(child, childId);
    }
  };
  divs.forEach((div, index) => visit(div, `d${index + 1}`));
}
