<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "header": what the teiHeader says, as plain metadata (titles,
  authors, language, dates for the OPF and <title>, subjects, a description).
  The pages made from it (title page, colophon) are in html/parts.xsl.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions"
  exclude-result-prefixes="#all">

  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="title-stmt" select="$header/tei:fileDesc/tei:titleStmt"/>
  <xsl:variable name="source-desc" select="$header/tei:fileDesc/tei:sourceDesc"/>
  <!-- The source page's own line on where the text was first printed ("From Fourth International, …"). -->
  <xsl:variable name="source-line" as="element()?" select="($source-desc//*[@type = 'sourceLine'])[1]"/>

  <!-- Main title (several main lines are one title), subtitle, and both. -->
  <xsl:variable name="main-title" as="xs:string"
    select="(string-join($title-stmt/tei:title[not(@type = ('sub', 'alt', 'short'))]/f:plain(.), ' ')[. ne ''], '[Untitled]')[1]"/>
  <xsl:variable name="subtitle" as="xs:string" select="string-join($title-stmt/tei:title[@type = 'sub']/f:plain(.), ' ')"/>
  <xsl:variable name="full-title" as="xs:string" select="if ($subtitle ne '') then concat($main-title, ': ', $subtitle) else $main-title"/>
  <xsl:variable name="authors" as="xs:string*" select="$title-stmt/tei:author/f:plain(.)[. ne '']"/>
  <xsl:variable name="language" as="xs:string"
    select="($header/tei:profileDesc/tei:langUsage/tei:language/@ident, /tei:TEI/@xml:lang, 'en')[normalize-space()][1]"/>

  <!-- The text's date in W3CDTF (YYYY, YYYY-MM or YYYY-MM-DD), for the one dc:date:
       the issue of the periodical that printed it; else when it was written
       (profileDesc/creation); else its dateline; else the imprint of the book
       that holds it (a 1965 Collected Works is not the date of a 1920 text).
       Never the page's update date. -->
  <xsl:variable name="source-date" as="xs:string?">
    <xsl:variable name="imprint-dates" select="$source-desc/tei:biblStruct/tei:monogr/tei:imprint/tei:date"/>
    <xsl:sequence select="(($imprint-dates[../../tei:title[@level = 'j']],
                             $header/tei:profileDesc/tei:creation//tei:date,
                             /tei:TEI/tei:text/tei:front//tei:docDate,
                             $imprint-dates) ! (@when, @from, @notBefore))
                           [matches(., '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')][1]"/>
  </xsl:variable>

  <!-- The edition's fixed date, as an xs:dateTime string for dcterms:modified. -->
  <xsl:variable name="edition-date" as="xs:string?"
    select="($header/tei:fileDesc/tei:publicationStmt/tei:date/@when)[matches(., '^[0-9]{4}-[0-9]{2}-[0-9]{2}')][1]"/>
  <xsl:variable name="modified-datetime" as="xs:string"
    select="if (matches($modified, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$')) then $modified
            else if (matches($modified, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')) then concat($modified, 'T00:00:00Z')
            else if ($edition-date) then concat(substring($edition-date, 1, 10), 'T00:00:00Z')
            else error(xs:QName('f:no-date'), 'The TEI has no edition date (publicationStmt/date/@when) and no $modified was given; a build date is needed for dcterms:modified.')"/>

  <!-- What the text is about, for metadata (HTML meta keywords, EPUB dc:subject, PDF Keywords): the
       persons, places and organisations it mentions most (at least twice), at most eight, most mentioned first. -->
  <xsl:variable name="subjects" as="xs:string*">
    <xsl:variable name="ranked" as="element()*">
      <xsl:perform-sort select="$indexed-entries[count(key('mentions', string(@xml:id))) ge 2]">
        <xsl:sort select="count(key('mentions', string(@xml:id)))" order="descending"/>
        <xsl:sort select="string(@xml:id)" collation="http://www.w3.org/2005/xpath-functions/collation/codepoint"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="names" select="distinct-values(for $entry in $ranked return f:entry-name($entry))"/>
    <xsl:sequence select="subsequence($names, 1, 8)"/>
  </xsl:variable>
  <!-- One sentence on the text, for metadata (HTML meta description, EPUB dc:description, PDF Subject):
       what it is, by whom, where it was first printed; made only from the header. -->
  <xsl:variable name="description" as="xs:string">
    <xsl:variable name="source" select="normalize-space(f:plain($source-line/node()))"/>
    <xsl:sequence select="concat($full-title,
      if (exists($authors)) then concat(', by ', string-join($authors, ' and ')) else '',
      if ($source ne '') then concat('. ', replace($source, '\.$', '')) else '',
      '.')"/>
  </xsl:variable>


  <!-- The words for a MARC relator code of the edition settings (edition-config.ts EDITOR_ROLES). -->
  <xsl:function name="f:role-label" as="xs:string">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:sequence select="(map { 'edt': 'Editor', 'trl': 'Translator', 'trc': 'Transcriber', 'ann': 'Annotator',
      'aui': 'Author of introduction', 'cwt': 'Commentator', 'com': 'Compiler', 'pfr': 'Proofreader',
      'mrk': 'Markup editor', 'ctb': 'Contributor' }($code), 'Contributor')[1]"/>
  </xsl:function>



</xsl:stylesheet>
