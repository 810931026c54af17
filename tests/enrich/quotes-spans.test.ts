import { describe, expect, it } from 'vitest';
import { wrapTextRange } from '../../pipeline/enrich/spans.js';
import { el, textOf, type Element } from '../../pipeline/tei/tree.js';
import { toXml } from 'xast-util-to-xml';

const xml = (node: Element): string => toXml(node);

describe('wrapTextRange', () => {
  it('wraps a range over several text nodes and an inline element, keeping every character', () => {
    const p = el('p', {}, 'He said “first ', el('hi', { rend: 'italic' }, 'second'), ' third” and left.');
    const before = textOf(p);
    const start = before.indexOf('“');
    const end = before.indexOf('”') + 1;
    expect(wrapTextRange(p, start, end, (content) => el('q', {}, content))).toBe(true);
    expect(textOf(p)).toBe(before);
    expect(xml(p)).toBe('<p>He said <q>“first <hi rend="italic">second</hi> third”</q> and left.</p>');
  });

  it('wraps inside a child element when the range lies wholly within it', () => {
    const p = el('p', {}, 'See ', el('hi', {}, 'the “term” here'), '.');
    const text = textOf(p);
    expect(wrapTextRange(p, text.indexOf('“'), text.indexOf('”') + 1, (content) => el('soCalled', {}, content))).toBe(true);
    expect(xml(p)).toBe('<p>See <hi>the <soCalled>“term”</soCalled> here</hi>.</p>');
  });

  it('refuses a range that would cut an element in two, and changes nothing', () => {
    const p = el('p', {}, 'A “quote ', el('hi', {}, 'that ends” inside'), ' an element.');
    const before = xml(p);
    const text = textOf(p);
    expect(wrapTextRange(p, text.indexOf('“'), text.indexOf('”') + 1, (content) => el('q', {}, content))).toBe(false);
    expect(xml(p)).toBe(before);
  });

  it('wraps an outer range around elements wrapped before (cit around quote and bibl)', () => {
    const p = el('p', {}, 'x “a b c” (Book, page 3) y');
    const text = textOf(p);
    const q0 = text.indexOf('“');
    const q1 = text.indexOf('”') + 1;
    const b0 = text.indexOf('(');
    const b1 = text.indexOf(')') + 1;
    expect(wrapTextRange(p, q0, q1, (c) => el('quote', {}, c))).toBe(true);
    expect(wrapTextRange(p, b0, b1, (c) => el('bibl', {}, c))).toBe(true);
    expect(wrapTextRange(p, q0, b1, (c) => el('cit', {}, c))).toBe(true);
    expect(xml(p)).toBe('<p>x <cit><quote>“a b c”</quote> <bibl>(Book, page 3)</bibl></cit> y</p>');
  });
});
