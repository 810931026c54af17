/**
 * The gate in front of every XML tool (pipeline/validate/external.ts): what
 * it refuses, where it says the problem is, and what it lets through.
 */
import { describe, expect, it } from 'vitest';
import { findExternalReferences, MAX_ENTITY_EXPANSION, MAX_XML_DEPTH } from '../../pipeline/validate/external.js';

const rules = (xml: string) => findExternalReferences(xml).map((found) => found.ruleId);

describe('findExternalReferences', () => {
  it('lets plain documents, internal subsets without entities and small internal entities through', () => {
    expect(rules('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>a &amp; b &#233;</p></TEI>')).toEqual([]);
    expect(rules('<!DOCTYPE TEI>\n<TEI/>')).toEqual([]);
    expect(rules('<!DOCTYPE TEI [\n<!ELEMENT TEI ANY>\n<!ENTITY mdash "&#x2014;">\n<!ENTITY sig "Jane &mdash; Doe">\n]>\n<TEI>&sig;</TEI>')).toEqual([]);
    // A processing instruction is not followed; the text "<!DOCTYPE" escaped in content is text.
    expect(rules('<?xml-model href="http://example.org/x.rng"?>\n<TEI><p>&lt;!DOCTYPE x SYSTEM "y"&gt;</p></TEI>')).toEqual([]);
  });

  it('refuses an external DTD, SYSTEM or PUBLIC, at the DOCTYPE', () => {
    const found = findExternalReferences('<?xml version="1.0"?>\n<!-- a comment -->\n  <!DOCTYPE TEI SYSTEM "http://127.0.0.1/x.dtd">\n<TEI/>');
    expect(found).toEqual([expect.objectContaining({ ruleId: 'security:external-dtd', place: { line: 3, column: 3 } })]);
    expect(rules("<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'xhtml1.dtd'><html/>")).toEqual(['security:external-dtd']);
    expect(rules('<!DOCTYPE TEI SYSTEM "local.dtd" [ <!ENTITY a "b"> ]><TEI/>')).toEqual(['security:external-dtd']);
  });

  it('refuses parameter entities and their references, and external entities, each at its place', () => {
    const xml = '<!DOCTYPE TEI [\n  <!ENTITY % file SYSTEM "file:///etc/passwd">\n  <!ENTITY % local "<!ENTITY x \'y\'>">\n  %local;\n  <!ENTITY xxe SYSTEM "file:///etc/hostname">\n  <!ENTITY pub PUBLIC "-//X//EN" "http://example.org/x">\n]>\n<TEI>&xxe;</TEI>';
    expect(findExternalReferences(xml).map((found) => [found.ruleId, found.place.line, found.place.column])).toEqual([
      ['security:parameter-entity', 2, 3],
      ['security:parameter-entity', 3, 3],
      ['security:parameter-entity', 4, 3],
      ['security:external-entity', 5, 3],
      ['security:external-entity', 6, 3],
    ]);
  });

  it('reads quoted ">" and "]" inside declarations without losing its place', () => {
    expect(rules('<!DOCTYPE TEI [ <!ENTITY a "x > ] y"> <!ENTITY b SYSTEM "z"> ]><TEI/>')).toEqual(['security:external-entity']);
    expect(rules('<!DOCTYPE TEI [ <!-- <!ENTITY % c SYSTEM "x"> --> ]><TEI/>')).toEqual([]);
  });

  it('refuses entity bombs and loops, and bounds what references in the text expand to', () => {
    const laughs = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('\n');
    const bomb = findExternalReferences(`<!DOCTYPE lolz [\n${laughs}\n]>\n<lolz>&lol9;</lolz>`);
    expect(bomb.map((found) => found.ruleId)).toContain('security:entity-expansion');
    expect(bomb.every((found) => found.ruleId === 'security:entity-expansion')).toBe(true);
    expect(rules('<!DOCTYPE a [ <!ENTITY x "&y;"> <!ENTITY y "&x;"> ]><a>&x;</a>')).toContain('security:entity-expansion');
    // Each entity small, the references many: the total is bounded too.
    const kilo = 'k'.repeat(1024 * 1024);
    expect(rules(`<!DOCTYPE a [ <!ENTITY m "${kilo}"> ]><a>${'&m;'.repeat(MAX_ENTITY_EXPANSION / kilo.length + 1)}</a>`)).toEqual(['security:entity-expansion']);
    expect(rules(`<!DOCTYPE a [ <!ENTITY m "${kilo}"> ]><a>${'&m;'.repeat(3)}</a>`)).toEqual([]);
  });

  it('refuses xi:include under any prefix, and a DOCTYPE after the prolog', () => {
    expect(rules('<TEI xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd" parse="text"/></TEI>')).toEqual(['security:xinclude']);
    expect(rules('<TEI><inc:include xmlns:inc="http://www.w3.org/2001/XInclude" href="x"/></TEI>')).toEqual(['security:xinclude']);
    expect(rules('<TEI><include xmlns="http://www.w3.org/2001/XInclude" href="x"/></TEI>')).toEqual(['security:xinclude']);
    expect(rules('<TEI xmlns:xi="http://www.w3.org/2001/XInclude"><p>no include here</p></TEI>')).toEqual([]);
    expect(rules('stray text <!DOCTYPE TEI SYSTEM "x.dtd"><TEI/>')).toEqual(['security:doctype']);
  });

  it(`refuses elements nested more than ${MAX_XML_DEPTH} deep, at the element that goes past, not counting empty elements, comments or CDATA`, () => {
    const nest = (depth: number) => `<TEI>${'<div n="a>b">'.repeat(depth - 1)}<p/><!-- <x> --><![CDATA[<y>]]>${'</div>'.repeat(depth - 1)}</TEI>`;
    expect(rules(nest(MAX_XML_DEPTH))).toEqual([]);
    const found = findExternalReferences(`<?xml version="1.0"?>\n${nest(10_000)}`);
    expect(found.map((problem) => problem.ruleId)).toEqual(['security:too-deep']);
    // <TEI> is level 1, so the div that goes past is the 256th: after "<TEI>" and 255 divs.
    expect(found[0]!.place).toEqual({ line: 2, column: '<TEI>'.length + (MAX_XML_DEPTH - 1) * '<div n="a>b">'.length + 1 });
  });
});
