/**
 * What each template of the XSLT core means, tested with small inline TEI
 * (issue 2 item 4, issue 3 item 6, issue 5 item 2). Needs `npm run build`
 * (the compiled SEF files in build/xslt).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render, strings, teiDoc, textOf } from './helpers.js';

/** The EPUB content document holding the body of a one-section TEI. */
function epubText(tei: string, params: Record<string, string> = {}): string {
  return render('epub', tei, params).documents.get('OEBPS/text-01.xhtml')!;
}

describe('attributes stay traceable to the TEI', () => {
  it('maps xml:id to id, xml:lang to lang, every other attribute to data-*, and the element name to a class', () => {
    const xhtml = epubText(teiDoc({ body: '<div><p xml:id="p1" xml:lang="de" rend="indent" n="4">Text</p></div>' }));
    expect(strings(xhtml, '//h:p[@id="p1"] ! (@lang, @xml:lang, @class, @data-n, @data-rend)')).toEqual(['de', 'de', 'tei-p rend-indent', '4', 'indent']);
  });
  it('writes data-* names without upper case (notBefore → data-not-before)', () => {
    const xhtml = epubText(teiDoc({ body: '<div><p><date notBefore="1940" notAfter="1941">around 1940</date></p></div>' }));
    expect(strings(xhtml, '//h:span[@class="tei-date"] ! (@data-not-before, @data-not-after)')).toEqual(['1940', '1941']);
  });
});

describe('names and registers (namesdates)', () => {
  const standOff = `<listPerson><person xml:id="pers-stalin"><persName type="preferred">Joseph Stalin</persName><persName>Stalin</persName>
      <birth when="1878-12-18"/><death when="1953-03-05"/><idno type="wikidata">Q855</idno></person>
    <person xml:id="pers-nobody"><persName>Nobody Named</persName></person></listPerson>
    <listPlace><place xml:id="place-moscow"><placeName>Moscow</placeName><location><geo>55.75 37.62</geo></location><idno type="geonames">524901</idno></place></listPlace>
    <listOrg><org xml:id="org-red-army"><orgName>Red Army</orgName></org></listOrg>`;
  const body = `<div><p><persName ref="#pers-stalin" cert="high">Stalin</persName> went to <placeName ref="#place-moscow">Moscow</placeName>;
    <orgName ref="#org-red-army"><persName ref="#pers-stalin">Stalin</persName>’s Red Army</orgName>; <persName cert="low">Smith</persName>.</p></div>`;
  const tei = teiDoc({ body, standOff });
  const output = render('epub', tei);
  const text = output.documents.get('OEBPS/text-01.xhtml')!;
  const index = output.documents.get('OEBPS/index.xhtml')!;

  it('links a mention to its register entry and keeps @ref and @cert', () => {
    expect(strings(text, '(//h:a[@class="tei-persName"])[1] ! (@href, @data-ref, @data-cert)')).toEqual(['index.xhtml#pers-stalin', '#pers-stalin', 'high']);
  });
  it('keeps a mention without @ref as a span with its @cert, not a link', () => {
    expect(strings(text, '//h:span[@class="tei-persName"] ! (., @data-cert)')).toEqual(['Smith', 'low']);
  });
  it('never nests links: in a nested mention the inner name links, the outer keeps its ref as data', () => {
    expect(strings(text, 'count(//h:a//h:a)')).toEqual(['0']);
    expect(strings(text, '//h:span[@class="tei-orgName"] ! (@data-ref, h:a/@href)')).toEqual(['#org-red-army', 'index.xhtml#pers-stalin']);
  });
  it('does not render register entries in the body', () => {
    expect(textOf(text)).not.toContain('Joseph Stalin');
    expect(textOf(text)).not.toContain('55.75');
  });
  it('lists mentioned entries in the index with labelled ids, life dates and links back to every mention', () => {
    // The separator is inside the part, so that print can leave ids out without a stray "; ".
    expect(strings(index, '//h:li[@id="pers-stalin"]//h:span[@class="index-idno"]/normalize-space()')).toEqual(['; Wikidata Q855']);
    // A person is listed surname first; a mention is located by section and paragraph, not by a bare count.
    expect(strings(index, '//h:li[@id="pers-stalin"]/h:span[@class="index-name"]')).toEqual(['Stalin, Joseph']);
    expect(strings(index, '//h:li[@id="pers-stalin"]//h:span[@class="mention-n"]').every((locator) => /^\d+(\.\d+)* ¶\d+$/.test(locator))).toBe(true);
    expect(strings(index, '//h:li[@id="pers-stalin"]/h:span[@class="index-dates"]')).toEqual(['(1878–1953)']);
    const mentionIds = strings(text, '//*[@data-ref="#pers-stalin"]/@id').map((id) => `text-01.xhtml#${id}`);
    expect(mentionIds).toHaveLength(2);
    expect(strings(index, '//h:li[@id="pers-stalin"]//h:a[contains(@class, "index-mention")]/@href')).toEqual(mentionIds);
    expect(strings(index, '//h:li[@id="place-moscow"]//h:span[@class="index-idno"]/normalize-space()')).toEqual(['; GeoNames 524901']);
    // The outer mention of a nested pair is indexed too.
    expect(strings(index, '//h:li[@id="org-red-army"]//h:a/@href')).toEqual([`text-01.xhtml#${strings(text, '//h:span[@class="tei-orgName"]/@id')[0]}`]);
  });
  it('makes a book index: variants filed elsewhere as cross-references ("Kiev, see Kyiv"), a note as the gloss, no variant list in print', () => {
    const registers = `<listPlace><place xml:id="place-kyiv"><placeName type="preferred">Kyiv</placeName><placeName type="variant">Kiev</placeName>
        <location><geo>50.45 30.52</geo></location><note>capital of Ukraine</note></place></listPlace>
      <listPerson><person xml:id="pers-stalin"><persName type="preferred">Joseph Stalin</persName><persName>Stalin</persName><persName>Josef Stalin</persName>
        <persName>Iosif Vissarionovich Dzhugashvili</persName><persName>Dzhugashvili</persName><persName>Dean of Nowhere</persName></person></listPerson>`;
    const doc = teiDoc({ body: '<div><p><placeName ref="#place-kyiv">Kiev</placeName> and <persName ref="#pers-stalin">Stalin</persName>.</p></div>', standOff: registers });
    const epub = render('epub', doc).documents.get('OEBPS/index.xhtml')!;
    const entries = strings(epub, '//h:section[@id = "index"]//h:li/normalize-space()');
    // Filed where a reader looks: one reference per other word (the shortest form), none beside the entry.
    expect(entries).toEqual([
      'Dean of Nowhere, see Stalin, Joseph',
      'Dzhugashvili, see Stalin, Joseph',
      'Stalin, Joseph; also Stalin, Josef Stalin, Iosif Vissarionovich Dzhugashvili, Dzhugashvili, Dean of Nowhere: 1 ¶1',
      'Kiev, see Kyiv',
      'Kyiv; also Kiev; coordinates 50.45 30.52; capital of Ukraine: 1 ¶1',
    ]);
    // The reference leads to the entry: in the EPUB's index document, in the print HTML on its page.
    expect(strings(epub, '//h:li[contains(@class, "index-see")]/h:a/@href')).toEqual(['index.xhtml#pers-stalin', 'index.xhtml#pers-stalin', 'index.xhtml#place-kyiv']);
    const print = render('html', doc).principal;
    expect(print).toContain('<li class="index-entry index-see"><span class="index-name">Kiev</span>, <i>see</i> <a href="#place-kyiv">Kyiv</a></li>');
    // Print leaves out what a printed index does not give: the list of other names, coordinates, ids.
    expect(print).toMatch(/\.index-geo, \.index-idno, \.index-variants \{ display: none; \}/);
  });
  it('leaves out entries the text never mentions', () => {
    expect(index).not.toContain('Nobody Named');
  });
  it('groups the index: persons, places, organisations (h3 under the index\'s h2: the book\'s outline has the title alone at h1)', () => {
    expect(strings(index, '//h:section[@id = "index"]/h:h2')).toEqual(['Index']);
    expect(strings(index, '//h:section[contains(@class, "index-group")]/h:h3')).toEqual(['Persons', 'Places', 'Organisations']);
  });
  it('gives the print index page references by target-counter', () => {
    const html = render('html', tei).principal;
    expect(html).toMatch(/<a class="index-mention pageref" href="#tp-persName-1" aria-label="Joseph Stalin, mention 1">/);
    expect(html).toMatch(/\.index-mention::after \{ content: target-counter\(attr\(href\), page\)/);
  });
  it('has no index when there are no registers', () => {
    const plain = render('epub', teiDoc({ body: '<div><p><persName>Smith</persName></p></div>' }));
    expect(plain.documents.has('OEBPS/index.xhtml')).toBe(false);
    expect(plain.documents.get('OEBPS/content.opf')).not.toContain('>index<');
  });
  it('declares the index as an accessibility feature when there is one', () => {
    expect(strings(output.documents.get('OEBPS/content.opf')!, '//opf:meta[@property="schema:accessibilityFeature"]')).toContain('index');
  });
});

describe('dates', () => {
  const xhtml = epubText(teiDoc({
    body: `<div><p><date when="1917">1917</date>, <date when="1941-08" cert="medium">last August</date>,
      <date from="1935" to="1938">1935–1938</date>, <date when="1941-8">odd</date></p></div>`,
  }));
  it('gives a year or month as <time datetime>, keeping @when and @cert', () => {
    expect(strings(xhtml, '//h:time/(@datetime || "|" || @data-when)')).toEqual(['1917|1917', '1941-08|1941-08']);
    expect(strings(xhtml, '//h:time[2]/@data-cert')).toEqual(['medium']);
  });
  it('gives a range as data-from/data-to, never as a datetime', () => {
    expect(strings(xhtml, '//h:span[@data-from] ! (@data-from, @data-to, string(.))')).toEqual(['1935', '1938', '1935–1938']);
  });
  it('keeps a value HTML does not accept as data-when only', () => {
    expect(strings(xhtml, '//*[@data-when="1941-8"]/local-name()')).toEqual(['span']);
  });
});

describe('quotation (core)', () => {
  const xhtml = epubText(teiDoc({
    body: `<div><p>He said <q who="#x">“we shall win,”</q> and the <soCalled>“democratic”</soCalled> camp.</p>
      <quote><p>A block quotation.</p></quote>
      <cit><quote>“The power is strong”</quote> <bibl>(<title level="m">The Soviet Power</title>, <biblScope unit="page" from="305" to="305">page 305</biblScope>)</bibl></cit>
      <p>Inline <quote>quoted words</quote> here.</p></div>`,
  }));
  it('adds no quotation marks: the marks stay as the text has them', () => {
    expect(strings(xhtml, '//h:span[@class="tei-q"]')).toEqual(['“we shall win,”']);
    expect(strings(xhtml, '//h:span[@class="tei-soCalled"]')).toEqual(['“democratic”']);
    expect(strings(xhtml, '//h:span[@class="tei-q"]/@data-who')).toEqual(['#x']);
  });
  it('makes a quote between paragraphs a blockquote, one inside a paragraph a span', () => {
    expect(strings(xhtml, '//h:blockquote[h:p]/normalize-space()')).toEqual(['A block quotation.']);
    expect(strings(xhtml, '//h:p/h:span[@class="tei-quote"]')).toEqual(['quoted words']);
  });
  it('renders a citation with its reference: title as cite, page range kept', () => {
    expect(strings(xhtml, '//h:div[@class="tei-cit"]/h:blockquote')).toEqual(['“The power is strong”']);
    expect(strings(xhtml, '//h:div[@class="tei-cit"]/h:p[@class="tei-bibl"]/h:cite')).toEqual(['The Soviet Power']);
    expect(strings(xhtml, '//h:span[@class="tei-biblScope"] ! (@data-unit, @data-from, @data-to)')).toEqual(['page', '305', '305']);
  });
});

describe('lists, headings, highlighting (core, textstructure)', () => {
  const xhtml = epubText(teiDoc({
    body: `<div><head>A <hi rend="italic">Head</hi></head>
      <list rend="numbered"><head>Three demands</head><item n="1">One.</item><item n="2">Two.</item></list>
      <list type="ordered"><item n="1"><label>1.</label> Labelled.</item></list>
      <list rend="numbered"><item n="a">Lettered.</item></list>
      <list><item>Bullet.</item></list></div>`,
  }));
  it('gives a section heading as h2 and highlighting as the nearest HTML element', () => {
    expect(strings(xhtml, '//h:h2/normalize-space()')).toEqual(['A Head']);
    expect(strings(xhtml, '//h:h2/h:i/@class')).toEqual(['tei-hi rend-italic']);
  });
  it('numbers a numbered list from the items’ @n and keeps its heading', () => {
    expect(strings(xhtml, '(//h:ol)[1]/h:li/@value')).toEqual(['1', '2']);
    expect(strings(xhtml, '//h:p[@class="tei-head"]')).toEqual(['Three demands']);
  });
  it('adds no second number when items carry their own label', () => {
    expect(strings(xhtml, '(//h:ol)[2]/@class')).toEqual(['tei-list labelled']);
    expect(strings(xhtml, '(//h:ol)[2]/h:li/normalize-space()')).toEqual(['1. Labelled.']);
  });
  it('shows an @n that is no number as the label', () => {
    expect(strings(xhtml, '(//h:ol)[3]/h:li/normalize-space()')).toEqual(['a. Lettered.']);
  });
  it('makes a list without numbering a ul', () => {
    expect(strings(xhtml, '//h:ul/h:li')).toEqual(['Bullet.']);
  });
});

describe('notes', () => {
  const tei = teiDoc({ body: '<div><p>Text.<note place="foot">A <hi rend="italic">note</hi>.</note> More.</p></div>' });
  it('EPUB: a noteref at the reference point and an aside epub:type="footnote" in the same document, linked both ways', () => {
    const xhtml = epubText(tei);
    expect(strings(xhtml, '//h:p/h:a[@epub:type="noteref"] ! (@href, @role, normalize-space())')).toEqual(['text-01.xhtml#tp-note-1', 'doc-noteref', '1']);
    expect(strings(xhtml, '//h:aside[@epub:type="footnote"] ! (@id, @role, h:p/h:a/@href, normalize-space())')).toEqual(['tp-note-1', 'doc-footnote', 'text-01.xhtml#ref-tp-note-1', '1 A note.']);
    // The note's text is not inside the paragraph.
    expect(strings(xhtml, '//h:section/h:p/normalize-space()')).toEqual(['Text.1 More.']);
  });
  it('print: a footnote for Paged.js at the reference point, endnotes for the screen', () => {
    const html = render('html', tei).principal;
    expect(html).toContain('<span class="footnote" id="fn-tp-note-1">A <i class="tei-hi rend-italic" data-rend="italic">note</i>.</span>');
    expect(html).toMatch(/<section id="notes" class="endnotes" role="doc-endnotes"><h2>Notes<\/h2><aside class="tei-note" id="tp-note-1"/);
    expect(html).toMatch(/\.footnote \{ float: footnote;/);
  });
  it('renders a note standing between blocks (an endnote of the source) in place, and links refs to it', () => {
    const output = render('epub', teiDoc({
      body: '<div><p>See<ref type="noteRef" target="#n1">1</ref>.</p></div>',
      back: '<div type="notes"><head>Notes</head><note xml:id="n1" n="1"><p>The note.</p></note></div>',
    }));
    expect(strings(output.documents.get('OEBPS/back.xhtml')!, '//h:div[@id="n1"] ! (@epub:type, normalize-space())')).toEqual(['endnote', 'The note.']);
    expect(strings(output.documents.get('OEBPS/text-01.xhtml')!, '//h:a[@data-type="noteRef"] ! (@href, @epub:type)')).toEqual(['back.xhtml#n1', 'noteref']);
  });
});

describe('links (linking)', () => {
  it('links a ref to a rendered element, leaves a dangling one a span with its target as data', () => {
    const xhtml = epubText(teiDoc({ body: '<div xml:id="d1"><p><ref target="#d1">here</ref>, <ref target="#nowhere">there</ref>, <ref target="https://example.org/">web</ref></p></div>' }));
    expect(strings(xhtml, '//h:a[@class="tei-ref"]/@href')).toEqual(['text-01.xhtml#d1', 'https://example.org/']);
    expect(strings(xhtml, '//h:span[@class="tei-ref"] ! (@data-target, string(.))')).toEqual(['#nowhere', 'there']);
  });
});

describe('elements nobody planned for', () => {
  it('keeps their text in a span and reports them as render:unknown-element', () => {
    const output = render('epub', teiDoc({ body: '<div><p>An <eventName>unplanned</eventName> thing.</p></div>' }));
    expect(strings(output.documents.get('OEBPS/text-01.xhtml')!, '//h:p/normalize-space()')).toEqual(['An unplanned thing.']);
    expect(output.messages).toHaveLength(1);
    expect(output.messages[0]).toMatch(/^render:unknown-element: no template for TEI element <eventName>/);
  });
});

describe('EPUB package and navigation', () => {
  const tei = teiDoc({
    title: 'The <hi rend="italic">War</hi>',
    author: 'John G. Wright',
    sourceDate: '1941-08',
    body: '<div><p>The opening words of an untitled first section go on.</p></div><div><head>Second</head><p>x</p></div><div><p>THE YOUTH. The youth is a force.</p></div>',
  });
  const output = render('epub', tei, { modified: '2016-05-28' });
  const opf = output.documents.get('OEBPS/content.opf')!;
  const nav = output.documents.get('OEBPS/nav.xhtml')!;
  it('writes Dublin Core from the header: plain title, creator with a plain file-as, one W3CDTF dc:date', () => {
    expect(strings(opf, '//dc:title')).toEqual(['The War']);
    expect(strings(opf, '//opf:meta[@property="file-as"]')).toEqual(['Wright, John G.']);
    expect(strings(opf, '//opf:meta[@property="file-as"]/count(*)')).toEqual(['0']);
    expect(strings(opf, '//dc:date')).toEqual(['1941-08']);
    expect(strings(opf, '//dc:identifier')).toEqual(['urn:uuid:00000000-0000-5000-8000-000000000000']);
    expect(strings(opf, '//opf:meta[@property="dcterms:modified"]')).toEqual(['2016-05-28T00:00:00Z']);
    expect(strings(opf, '//dc:rights')).toEqual(['Rights unknown.']);
  });
  it('dates a text from a book by when it was written, not by the book’s imprint', () => {
    const book = teiDoc({ sourceDate: '1965', body: '<div><p>x</p></div>' })
      .replace('level="j"', 'level="m"')
      .replace('<profileDesc>', '<profileDesc><creation><date when="1920-06-05">5 June, 1920</date></creation>');
    expect(strings(render('epub', book).documents.get('OEBPS/content.opf')!, '//dc:date')).toEqual(['1920-06-05']);
  });
  it('gives no file-as for a corporate author', () => {
    const corporate = render('epub', teiDoc({ author: 'The Editors', body: '<div><p>x</p></div>' })).documents.get('OEBPS/content.opf')!;
    expect(strings(corporate, '//opf:meta[@property="file-as"]')).toEqual([]);
  });
  it('takes dcterms:modified from the TEI edition date when no build date is given', () => {
    expect(strings(render('epub', tei).documents.get('OEBPS/content.opf')!, '//opf:meta[@property="dcterms:modified"]')).toEqual(['2001-02-03T00:00:00Z']);
  });
  it('names every contributor with its MARC role: the source\'s translator trl, the transcriber trc', () => {
    const doc = teiDoc({ body: '<div><p>Text.</p></div>' })
      .replace('</author></titleStmt>', '</author><respStmt><resp>Translated by</resp><name>Brian Pearce</name></respStmt></titleStmt>')
      .replace('<bibl type="sourceLine">', '<bibl type="online"><respStmt><resp>Transcription</resp><name>Einde O’Callaghan</name></respStmt></bibl><bibl type="sourceLine">');
    const packageDoc = render('epub', doc).documents.get('OEBPS/content.opf')!;
    expect(strings(packageDoc, '//dc:contributor ! (string(.) || " " || (let $id := @id return //opf:meta[@refines = "#" || $id][@property = "role"]))')).toEqual(['Einde O’Callaghan trc', 'Brian Pearce trl']);
  });
  it('declares schema.org accessibility metadata', () => {
    // The generated cover is an image (visual) whose words are its alternative text.
    expect(strings(opf, '//opf:meta[starts-with(@property, "schema:")] ! (@property || "=" || .)').slice(0, 9)).toEqual([
      'schema:accessMode=textual',
      'schema:accessMode=visual',
      'schema:accessModeSufficient=textual',
      'schema:accessibilityFeature=alternativeText',
      'schema:accessibilityFeature=tableOfContents',
      'schema:accessibilityFeature=readingOrder',
      'schema:accessibilityFeature=structuralNavigation',
      'schema:accessibilityHazard=none',
      'schema:accessibilitySummary=' + strings(opf, '//opf:meta[@property="schema:accessibilitySummary"]')[0],
    ]);
  });
  it('lists every section in the toc, the untitled first one by its first words', () => {
    expect(strings(nav, '//h:nav[@epub:type="toc"]//h:a/normalize-space()')).toEqual([
      'Cover', 'Title page', 'The opening words of an untitled first section …', 'Second', 'THE YOUTH', 'About this edition',
    ]);
    expect(strings(nav, '//h:nav[@epub:type="landmarks"]//h:a/@epub:type')).toEqual(['cover', 'titlepage', 'toc', 'bodymatter', 'colophon']);
  });
  it('writes every content document it lists in the manifest', () => {
    for (const href of strings(opf, '//opf:item/@href')) expect(output.documents.has(`OEBPS/${href}`), href).toBe(true);
  });
});

const TEI_ALL = path.resolve('../shared/schemas/tei_all.rng');
const haveJing = existsSync(TEI_ALL) && spawnSync('jing', []).error === undefined;

describe('archival TEI', () => {
  const rich = readFileSync('tests/xslt/rich.tei.xml', 'utf8');
  const archive = render('archive', rich.replace('<TEI ', '<TEI xmlns:tp="urn:tei-press:internal" tp:line="3" '), { modified: '2020-02-04', 'tool-version': '9.9' }).principal;
  it('names tei_all and the project schemas in xml-model instructions', () => {
    const models = [...archive.matchAll(/<\?xml-model href="([^"]+)"/g)].map((match) => match[1]);
    expect(models).toEqual(['https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng', 'tei-press.rng', 'tei-press.sch']);
  });
  it('removes pipeline-internal attributes and namespaces', () => {
    expect(archive).not.toContain('tp:line');
    expect(archive).not.toContain('urn:tei-press:internal');
  });
  it('records this archival edition first in revisionDesc, dated by the build', () => {
    expect(strings(archive, '//tei:revisionDesc/tei:change[1]/@when')).toEqual(['2020-02-04']);
    expect(strings(archive, '//tei:revisionDesc/tei:change[1]')[0]).toContain('TEI Press 9.9');
    expect(strings(archive, 'count(//tei:revisionDesc/tei:change)')).toEqual(['2']);
  });
  it.skipIf(!haveJing)(`stays valid against tei_all (Jing)${haveJing ? '' : ' — skipped: jing or ../shared/schemas/tei_all.rng missing'}`, () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tei-press-archive-')), 'rich.archive.tei.xml');
    writeFileSync(file, archive);
    const run = spawnSync('jing', [TEI_ALL, file], { encoding: 'utf8' });
    expect(run.stdout, run.stdout).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
  it('keeps every xml:id and the text', () => {
    expect(strings(archive, '//@xml:id')).toEqual(strings(rich, '//@xml:id'));
    expect(strings(archive, 'normalize-space(//tei:text)')).toEqual(strings(rich, 'normalize-space(//tei:text)'));
  });
});
