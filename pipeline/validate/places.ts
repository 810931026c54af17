/**
 * Turns what validators report (an element's position in document order, or a
 * line and an element name) into line:column places in the XML text, so that
 * messages point at the start tag.
 */
import type { Place } from '../messages.js';

/**
 * Offsets of the start tags of all elements, in document order. Skips
 * comments, processing instructions, CDATA sections, the doctype and end tags
 * (the text is well-formed by the time this runs).
 */
export function elementStarts(xml: string): number[] {
  const starts: number[] = [];
  let at = xml.indexOf('<');
  while (at !== -1) {
    const next = xml[at + 1];
    if (next === '!') {
      if (xml.startsWith('<!--', at)) at = xml.indexOf('-->', at + 4);
      else if (xml.startsWith('<![CDATA[', at)) at = xml.indexOf(']]>', at + 9);
      else at = xml.indexOf('>', at + 2);
    } else if (next === '?') {
      at = xml.indexOf('?>', at + 2);
    } else if (next !== '/') {
      starts.push(at);
    }
    if (at === -1) break;
    at = xml.indexOf('<', at + 1);
  }
  return starts;
}

/** Line and column (1-based) of an offset. */
export function placeAt(xml: string, offset: number): Required<Place> {
  let line = 1;
  let lineStart = 0;
  for (let i = xml.indexOf('\n'); i !== -1 && i < offset; i = xml.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The place of the `position`-th element (1-based, document order); 1:1 for 0 or out of range. */
export function placeOf(xml: string, starts: readonly number[], position: number): Required<Place> {
  const offset = starts[position - 1];
  return offset === undefined ? { line: 1, column: 1 } : placeAt(xml, offset);
}

/** The column of the first start tag of `element` on `line` (1 if there is none). */
export function columnOfElement(xml: string, line: number, element?: string): number {
  if (!element) return 1;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const newline = xml.indexOf('\n', start);
    if (newline === -1) return 1;
    start = newline + 1;
  }
  const end = xml.indexOf('\n', start);
  const text = xml.slice(start, end === -1 ? undefined : end);
  const match = new RegExp(`<(?:[\\w.-]+:)?${element.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s/>])`).exec(text);
  return match ? match.index + 1 : 1;
}

/**
 * Maps places in an XML document back to the places in the source file its
 * elements came from. `sources[i]` is the source place of the i-th element in
 * document order (the order of {@link elementStarts}), or undefined when the
 * element was made by the tool. Returns undefined when the element at the
 * place has no source.
 */
export function sourcePlaceMapper(xml: string, sources: readonly (Place | undefined)[]): (place: Place) => Place | undefined {
  let lines: number[] | undefined;
  return (place) => {
    if (!lines) {
      const starts = elementStarts(xml);
      lines = [];
      let line = 1;
      let from = 0;
      for (const start of starts) {
        for (let i = xml.indexOf('\n', from); i !== -1 && i < start; i = xml.indexOf('\n', i + 1)) {
          line++;
          from = i + 1;
        }
        lines.push(line);
      }
    }
    // The last element starting on or before the reported line.
    let low = 0;
    let high = lines.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (lines[middle]! <= place.line) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found === -1 ? undefined : sources[found];
  };
}
