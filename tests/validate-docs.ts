/**
 * Small TEI documents for the validation tests: one that uses everything the
 * pipeline writes or will write (it must pass the project schema, the rules and
 * tei_all), and variants that break one thing each.
 */

/** The header the pipeline writes, with every field the rules require. */
export const HEADER = `<teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">A Test Article</title>
        <title type="sub">With a Subtitle</title>
        <author>Jane Doe</author>
        <respStmt><resp>Transcription and markup</resp><name>Einde O’Callaghan</name></respStmt>
        <respStmt><resp>TEI encoding</resp><name>TEI Press</name></respStmt>
      </titleStmt>
      <editionStmt><edition>TEI Press edition</edition></editionStmt>
      <publicationStmt>
        <publisher>TEI Press</publisher>
        <date when="2016-05-28">2016-05-28</date>
        <availability status="unknown"><p>The rights are not known.</p></availability>
        <idno type="slug">doe-1941-test</idno>
      </publicationStmt>
      <sourceDesc>
        <biblStruct>
          <analytic><title level="a">A Test Article</title><author>Jane Doe</author></analytic>
          <monogr>
            <title level="j">Fourth International</title>
            <imprint><pubPlace>New York</pubPlace><publisher>Pioneer</publisher><date when="1941-08">August 1941</date></imprint>
            <biblScope unit="volume" from="2" to="2">2</biblScope>
            <biblScope unit="issue">7</biblScope>
            <biblScope unit="page" from="217" to="221">pp. 217–221</biblScope>
          </monogr>
        </biblStruct>
        <bibl type="transcription"><note type="breadcrumb">ETOL Main Page</note><publisher>ETOL</publisher><date type="lastUpdated" when="2016-05-28">Last updated: 28 May 2016</date></bibl>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <projectDesc><p>Made by TEI Press.</p></projectDesc>
      <editorialDecl>
        <correction><p>Not corrected.</p></correction>
        <normalization><p>Kept.</p></normalization>
        <quotation marks="all"><p>Kept.</p></quotation>
        <hyphenation eol="none"><p>None.</p></hyphenation>
      </editorialDecl>
      <appInfo><application ident="tei-press" version="0.1.0"><label>TEI Press</label></application></appInfo>
    </encodingDesc>
    <profileDesc>
      <creation><date when="1941-08">August 1941</date></creation>
      <langUsage><language ident="en">English</language></langUsage>
    </profileDesc>
    <revisionDesc>
      <change when="2016-05-28">TEI edition made with TEI Press.</change>
    </revisionDesc>
  </teiHeader>`;

/** Registers carried in the document, as the archival TEI does. */
export const STANDOFF = `<standOff>
    <listPerson>
      <person xml:id="pers-stalin" role="politician">
        <persName type="preferred">Joseph Stalin</persName>
        <persName type="variant">Stalin</persName>
        <birth when="1878-12-18"/>
        <death when="1953-03-05"/>
        <occupation>General Secretary</occupation>
        <note>Leader of the Soviet Union.</note>
        <idno type="Wikidata">Q855</idno>
        <idno type="VIAF">101787139</idno>
      </person>
    </listPerson>
    <listPlace>
      <place xml:id="place-kiev" type="city">
        <placeName type="preferred">Kyiv</placeName>
        <placeName type="variant">Kiev</placeName>
        <location><geo>50.45466 30.5238</geo></location>
        <idno type="GeoNames">703448</idno>
      </place>
    </listPlace>
    <listOrg>
      <org xml:id="org-red-army" type="military">
        <orgName type="preferred">Red Army</orgName>
        <note>The army of Soviet Russia and the USSR.</note>
      </org>
    </listOrg>
  </standOff>`;

/** A body using the enrichment markup: names, dates, quotations, notes, lists. */
export const BODY = `<body>
      <div type="section" xml:id="div1">
        <head xml:id="head1">Section</head>
        <p xml:id="p1"><persName ref="#pers-stalin" cert="high">Stalin’s</persName> <orgName ref="#org-red-army">Red Army</orgName> held <placeName ref="#place-kiev">Kiev</placeName> <date when="1941-08">last August</date>, <date from="1935" to="1938" cert="medium">1935–1938</date>; <persName cert="low">Smith</persName> was there.</p>
        <p xml:id="p2"><q xml:id="q1" who="#pers-stalin" next="#q2">“The first part,”</q> he said, <q xml:id="q2" prev="#q1">“and the second.”</q> The <soCalled>“democratic”</soCalled> press read <title level="m">The Soviet Power</title>.</p>
        <cit><quote source="#bibl1">“A cited passage.”</quote><bibl xml:id="bibl1"><title>The Soviet Power</title>, <biblScope unit="page">305</biblScope></bibl></cit>
        <p xml:id="p3">See <ref target="#n1">note 1</ref> and <hi rend="italic">emphasis</hi>. It [<supplied>capital</supplied>] grew [<gap reason="omitted"><desc>…</desc></gap>] by [<unclear>1964</unclear>?], <sic>Ghandi</sic> [sic].<note place="foot" n="1" xml:id="n1">A note.</note></p>
        <list rend="numbered" xml:id="list1"><item n="1" xml:id="item1">One.</item><item n="2">Two.</item></list>
        <p rend="pre" corresp="#p1">A <quote rend="block">quotation</quote>.</p>
      </div>
    </body>`;

/** A whole document; parts can be replaced to make variants. */
export function teiDocument(parts: { header?: string; standOff?: string; front?: string; body?: string; back?: string; root?: string } = {}): string {
  const front =
    parts.front ??
    `<front>
      <docTitle><titlePart type="main">A Test Article</titlePart><titlePart type="sub">With a Subtitle</titlePart></docTitle>
      <byline><docAuthor>Jane Doe</docAuthor></byline>
      <docDate when="1941-08">(August 1941)</docDate>
      <div type="sourceNote"><p>From Fourth International, Vol. 2 No. 7, August 1941, pp. 217–221.</p></div>
    </front>`;
  const back = parts.back ?? `<back><div type="pageFooter"><p>Last updated: 28 May 2016</p></div></back>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="tei-press.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href="tei-press.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
${parts.root ?? '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">'}
  ${parts.header ?? HEADER}
  ${parts.standOff ?? STANDOFF}
  <text>
    ${front}
    ${parts.body ?? BODY}
    ${back}
  </text>
</TEI>
`;
}

/** The full valid document. */
export const VALID = teiDocument();

/**
 * Documents valid against tei_all but not against the project schema: one
 * restriction each. The subset test checks each with Jing against tei_all.
 */
export const OUTSIDE_SUBSET: Record<string, string> = {
  'an element TEI Press does not use (said)': teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p3"><said>Spoken.</said> ') }),
  'an attribute TEI Press does not use on that element (p/@facs)': teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p3" facs="#page1">') }),
  'an idno type outside the closed list': teiDocument({ standOff: STANDOFF.replace('<idno type="VIAF">', '<idno type="ESTC">') }),
  'a biblScope unit outside the closed list': teiDocument({ body: BODY.replace('<biblScope unit="page">', '<biblScope unit="line">') }),
  'a TEI nested inside TEI': VALID.replace(/<\/TEI>\s*$/, `<TEI>${HEADER}<text><body><p>Inner.</p></body></text></TEI>\n</TEI>\n`),
  'a teiCorpus as the root': `<?xml version="1.0" encoding="UTF-8"?>\n<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">${HEADER}${VALID.slice(VALID.indexOf('<TEI '))}</teiCorpus>\n`,
};
