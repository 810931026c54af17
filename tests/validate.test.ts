/**
 * validateTei on small inline documents: the full valid document passes, and
 * each Schematron rule and each schema restriction catches the one thing a
 * variant breaks, with its rule id and the place of the offending element.
 * Needs `npm run build` (the compiled Schematron).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { InputError, MessageLog, type Message } from '../pipeline/messages.js';
import { JING_FROM_LENGTH, validateTei } from '../pipeline/validate/index.js';
import { saxonJsEngine } from '../pipeline/xslt-engine/saxon-js.js';
import { elementStarts, placeAt } from '../pipeline/validate/places.js';
import { BODY, HEADER, OUTSIDE_SUBSET, STANDOFF, VALID, teiDocument } from './validate-docs.js';

const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;

/** Validates and returns the messages (the closing schema:invalid included). */
async function check(xml: string, label?: string): Promise<Message[]> {
  const log = new MessageLog('doc.tei.xml');
  try {
    await validateTei(xml, log, { label });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    log.error(error.ruleId, error.message, error.place);
  }
  return log.messages;
}

function rules(messages: Message[]): string[] {
  return [...new Set(messages.filter((message) => message.severity === 'error').map((message) => message.ruleId))].sort();
}

/** The line:col of the first start tag matching `pattern` in `xml`. */
function placeOfTag(xml: string, pattern: RegExp): { line: number; column: number } {
  const match = pattern.exec(xml);
  if (!match) throw new Error(`no ${pattern} in the document`);
  return placeAt(xml, match.index);
}

describe('validateTei: the full document', () => {
  it('passes the project schema and every rule', async () => {
    expect(await check(VALID)).toEqual([]);
  });
});

describe('validateTei: Schematron rules', () => {
  const cases: [string, string, string][] = [
    ['unique-id', 'a duplicate xml:id', teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p1">') })],
    ['pointer-resolves', 'a @ref to a missing register entry', teiDocument({ body: BODY.replace('ref="#org-red-army"', 'ref="#org-white-army"') })],
    ['pointer-resolves', 'a @who to nobody', teiDocument({ body: BODY.replace('who="#pers-stalin"', 'who="#pers-nobody"') })],
    ['pointer-resolves', 'a @target to a missing note', teiDocument({ body: BODY.replace('target="#n1"', 'target="#n9"') })],
    ['pointer-resolves', 'a @corresp to a missing paragraph', teiDocument({ body: BODY.replace('corresp="#p1"', 'corresp="#p99"') })],
    ['pointer-resolves', 'a @source to a missing bibl', teiDocument({ body: BODY.replace('source="#bibl1"', 'source="#bibl2"') })],
    ['pointer-resolves', 'a register left out (archival TEI must stand alone)', teiDocument({ standOff: '' })],
    ['pointer-resolves', 'a second pointer in the same @who to nobody', teiDocument({ body: BODY.replace('who="#pers-stalin"', 'who="#pers-stalin  #pers-nobody"') })],
    ['name-ref-kind', 'a persName whose second pointer leads to a place', teiDocument({ body: BODY.replace('<persName ref="#pers-stalin"', '<persName ref="#pers-stalin #place-kiev"') })],
    ['name-ref-local', 'a name pointing outside the document', teiDocument({ body: BODY.replace('ref="#pers-stalin"', 'ref="https://www.wikidata.org/wiki/Q855"') })],
    ['name-ref-kind', 'a persName pointing to a place', teiDocument({ body: BODY.replace('ref="#pers-stalin"', 'ref="#place-kiev"') })],
    ['iso-date', 'a date TEI allows but TEI Press does not write (--08-15)', teiDocument({ body: BODY.replace('<date when="1941-08">', '<date when="--08-15">') })],
    ['date-range-order', 'a date range that runs backwards', teiDocument({ body: BODY.replace('from="1935" to="1938"', 'from="1938" to="1935"') })],
    ['date-bounds-order', 'notBefore after notAfter', teiDocument({ body: BODY.replace('from="1935" to="1938"', 'notBefore="1938-05" notAfter="1938-04-30"') })],
    ['page-range-order', 'a page range that runs backwards', teiDocument({ header: HEADER.replace('from="217" to="221"', 'from="221" to="217"') })],
    ['header-main-title', 'no main title', teiDocument({ header: HEADER.replace('<title type="main">', '<title>') })],
    ['header-publisher', 'an empty publisher', teiDocument({ header: HEADER.replace('<publisher>TEI Press</publisher>', '<publisher> </publisher>') })],
    ['header-source', 'a sourceDesc without a bibliographic description', teiDocument({ header: HEADER.replace(/<sourceDesc>[\s\S]*<\/sourceDesc>/, '<sourceDesc><p>From the web.</p></sourceDesc>') })],
    ['header-language', 'no langUsage', teiDocument({ header: HEADER.replace(/<langUsage>[\s\S]*<\/langUsage>/, '') })],
    ['header-revision', 'no revisionDesc', teiDocument({ header: HEADER.replace(/<revisionDesc>[\s\S]*<\/revisionDesc>/, '') })],
    ['next-prev-symmetric', 'a @next without the matching @prev', teiDocument({ body: BODY.replace('<q xml:id="q2" prev="#q1">', '<q xml:id="q2">') })],
    ['next-prev-symmetric', 'a @prev whose target does not point back', teiDocument({ body: BODY.replace('<q xml:id="q1" who="#pers-stalin" next="#q2">', '<q xml:id="q1" who="#pers-stalin">') })],
  ];
  for (const [rule, what, xml] of cases) {
    it(`${rule}: ${what}`, async () => {
      const messages = await check(xml);
      expect(rules(messages)).toContain(`schema:sch:${rule}`);
      expect(rules(messages)).toContain('schema:invalid');
      // Only this rule (and the RELAX NG schema, where the variant also breaks it) fired.
      expect(rules(messages).filter((id) => id.startsWith('schema:sch:'))).toEqual([`schema:sch:${rule}`]);
    });
  }

  it('places a Schematron message at the start tag of the element', async () => {
    const xml = teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p1">') });
    const messages = (await check(xml)).filter((message) => message.ruleId === 'schema:sch:unique-id');
    expect(messages.map((message) => message.place)).toEqual([placeOfTag(xml, /<p xml:id="p1">/), placeOfTag(xml, /<p xml:id="p1">(?![\s\S]*<p xml:id="p1">)/)]);
    expect(messages[0]!.reason).toMatch(/xml:id "p1" is used 2 times/);
  });

  it('accepts the date forms TEI Press writes and ordered ranges', async () => {
    const dates = '<date when="1941">a</date> <date when="-0044-03-15">b</date> <date when="1941-08-31T12:00:00Z">c</date> <date from="1941-08" to="1941-08-05">d</date> <date from="1940-12" to="1941">e</date>';
    expect(await check(teiDocument({ body: BODY.replace('<p xml:id="p1">', `<p xml:id="p1">${dates} `) }))).toEqual([]);
  });
});

describe('validateTei: the project schema', () => {
  for (const [what, xml] of Object.entries(OUTSIDE_SUBSET)) {
    it(`refuses ${what} (valid in tei_all)`, async () => {
      expect(rules(await check(xml))).toContain('schema:rng');
    });
  }

  it('refuses an element outside TEI altogether, at its line and column', async () => {
    const xml = teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p3"><blink>x</blink>') });
    const messages = (await check(xml)).filter((message) => message.ruleId === 'schema:rng');
    expect(messages.length).toBeGreaterThan(0);
    if (hasJing) {
      // Jing explains libxml2's verdict: it names the element, at the end of its start tag.
      const tag = placeOfTag(xml, /<blink>/);
      expect(messages[0]!.reason).toMatch(/element "blink" not allowed/);
      expect(messages[0]!.place).toEqual({ line: tag.line, column: tag.column + '<blink>'.length });
    }
  });

  it('refuses a document in no namespace', async () => {
    expect(rules(await check(VALID.replace(' xmlns="http://www.tei-c.org/ns/1.0"', '')))).toContain('schema:rng');
  });

  it('refuses XML that is not well-formed, at its place, before anything else', async () => {
    const messages = await check('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <teiHeader>\n</TEI>\n');
    expect(rules(messages)).toEqual(['schema:invalid', 'schema:well-formed']);
    expect(messages[0]!.place?.line).toBe(3);
  });

  it('refuses XML that SaxonJS refuses and fast-xml-parser lets through (an undeclared entity), at its line', async () => {
    const xml = VALID.replace('<p xml:id="p3">See', '<p xml:id="p3">See &nbsp;');
    const messages = await check(xml);
    expect(rules(messages)).toEqual(['schema:invalid', 'schema:well-formed']);
    expect(messages[0]!.reason).toMatch(/unknown entity &nbsp;/i);
    expect(messages[0]!.place?.line).toBe(placeOfTag(xml, /<p xml:id="p3">/).line);
  });

  it('refuses XML that SaxonJS lets through and fast-xml-parser refuses (a repeated attribute) with only that message', async () => {
    const xml = VALID.replace('<p xml:id="p3">', '<p xml:id="p3" n="1" n="2">');
    const messages = await check(xml);
    expect(rules(messages)).toEqual(['schema:invalid', 'schema:well-formed']);
    expect(messages[0]!.reason).toMatch(/Attribute 'n' is repeated/);
    expect(messages[0]!.place?.line).toBe(placeOfTag(xml, /<p xml:id="p3"/).line);
  });

  it('gives the same messages when the caller hands over SaxonJS\'s tree of the text', async () => {
    const xml = teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p1">') });
    const shared = new MessageLog('doc.tei.xml');
    await expect(validateTei(xml, shared, { document: () => saxonJsEngine.document(xml) })).rejects.toThrow(InputError);
    const own = new MessageLog('doc.tei.xml');
    await expect(validateTei(xml, own)).rejects.toThrow(InputError);
    expect(shared.messages.map((message) => [message.ruleId, message.reason, message.place])).toEqual(own.messages.map((message) => [message.ruleId, message.reason, message.place]));
    expect(rules(own.messages)).toEqual(['schema:rng', 'schema:sch:unique-id']);
  });

  it('with a label, names the document and puts its positions in the text', async () => {
    const messages = await check(teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p1">') }), 'x.archive.tei.xml');
    const unique = messages.find((message) => message.ruleId === 'schema:sch:unique-id')!;
    expect(unique.place).toBeUndefined();
    expect(unique.reason).toMatch(/^x\.archive\.tei\.xml:\d+:\d+: xml:id "p1"/);
  });
});

describe('validateTei: a long document (checked by Jing, whose time does not grow with the square of one element\'s children)', () => {
  /** The valid document with `count` more plain paragraphs in its first div, past JING_FROM_LENGTH. */
  const long = (paragraph: (i: number) => string) => {
    const count = Math.ceil(JING_FROM_LENGTH / 60);
    let more = '';
    for (let i = 0; i < count; i++) more += paragraph(i);
    return teiDocument({ body: BODY.replace('<p rend="pre"', `${more}<p rend="pre"`) });
  };
  it.skipIf(!hasJing)('passes when valid', async () => {
    const xml = long((i) => `<p xml:id="long${i}">A plain paragraph of a long text, number ${i}.</p>\n`);
    expect(xml.length).toBeGreaterThanOrEqual(JING_FROM_LENGTH);
    expect(await check(xml)).toEqual([]);
  }, 240_000);
  it.skipIf(!hasJing)('refuses an element the schema does not allow there, at its line and column', async () => {
    const xml = long((i) => (i === 20_000 ? '<p><div>not here</div></p>\n' : `<p>A plain paragraph of a long text, number ${i}.</p>\n`));
    const messages = await check(xml);
    expect(rules(messages)).toEqual(['schema:invalid', 'schema:rng']);
    const rng = messages.find((message) => message.ruleId === 'schema:rng')!;
    expect(rng.reason).toMatch(/element "div" not allowed/);
    const place = placeOfTag(xml, /<div>not here/);
    expect(rng.place?.line).toBe(place.line);
  }, 240_000);
});

it('a process that started the RELAX NG worker and gave it no document (all went to Jing) still exits by itself', () => {
  const index = new URL('../build/validate/index.js', import.meta.url).href;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', `import { prepareValidation } from '${index}'; prepareValidation();`], { encoding: 'utf8', timeout: 100_000 });
  expect(child.signal).toBeNull();
  expect(child.status).toBe(0);
}, 120_000);

describe('elementStarts', () => {
  it('finds start tags in document order, skipping comments, PIs, CDATA and end tags', () => {
    const xml = '<?xml version="1.0"?><!-- <no> --><a><![CDATA[<no/>]]><b/><?pi <no>?></a>';
    expect(elementStarts(xml).map((offset) => xml.slice(offset, offset + 2))).toEqual(['<a', '<b']);
  });
});

// Keep the registers in the example honest: they are what the standOff tests remove.
it('the example document carries its registers', () => {
  expect(VALID).toContain(STANDOFF);
});
