<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "header": what the teiHeader says, as plain metadata (titles,
  authors, language, dates for the OPF and <title>) and as the two pages made
  from it: the title page and the colophon (source, transcriber, last update,
  rights as known, how this edition was made, revision history).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns="http://www.w3.org/1999/xhtml"
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
        <xsl:sort select="string(@xml:id)"/>
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

  <!-- ===== Title page ===== -->
  <!-- The source's title block leads (title, byline, dateline, imprint, each
       as the source has it); the rest of the front (breadcrumbs, transcription
       and information lines) follows in source order, smaller. -->
  <xsl:template name="titlepage">
    <xsl:variable name="front" select="/tei:TEI/tei:text/tei:front"/>
    <xsl:variable name="lead" select="$front/(tei:docTitle | tei:byline | tei:docAuthor | tei:docDate | tei:docEdition | tei:docImprint)"/>
    <section id="titlepage" class="titlepage">
      <xsl:call-template name="titlepage-type"/>
      <xsl:choose>
        <xsl:when test="$front/tei:docTitle">
          <xsl:apply-templates select="$front/tei:docTitle, $front/(tei:byline | tei:docAuthor), $front/(tei:docDate | tei:docEdition | tei:docImprint)"/>
        </xsl:when>
        <xsl:otherwise>
          <h1 class="doc-title"><xsl:value-of select="$full-title"/></h1>
          <xsl:if test="exists($authors) and empty($front/(tei:byline | tei:docAuthor))"><p class="tei-byline"><xsl:value-of select="string-join($authors, ', ')"/></p></xsl:if>
          <xsl:apply-templates select="$front/(tei:byline | tei:docAuthor), $front/(tei:docDate | tei:docEdition | tei:docImprint)"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$source-line and not(contains(normalize-space($front), normalize-space($source-line)))">
        <p class="source-line"><xsl:apply-templates select="$source-line/node()"/></p>
      </xsl:if>
      <xsl:if test="$front/(* except $lead)">
        <div class="front-matter"><xsl:apply-templates select="$front/(node() except $lead)"/></div>
      </xsl:if>
    </section>
  </xsl:template>
  <!-- Hook for EPUB's epub:type="titlepage". -->
  <xsl:template name="titlepage-type"/>

  <!-- ===== Colophon ===== -->
  <xsl:template name="colophon">
    <xsl:param name="level" as="xs:integer" select="2"/>
    <section id="colophon" class="colophon" role="doc-colophon">
      <xsl:call-template name="colophon-type"/>
      <xsl:element name="h{$level}" namespace="http://www.w3.org/1999/xhtml">About this edition</xsl:element>
      <!-- Each field (dt) with its value (dd) in a div, so that print can keep them together. -->
      <xsl:variable name="fields" as="element()*">
        <dt>Title</dt><dd><xsl:value-of select="$full-title"/></dd>
        <xsl:if test="exists($authors)"><dt>Author</dt><dd><xsl:value-of select="string-join($authors, '; ')"/></dd></xsl:if>
        <xsl:for-each select="$source-desc/tei:biblStruct">
          <dt>First published</dt><dd><xsl:apply-templates select="." mode="colophon"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$source-line">
          <dt>Source line</dt><dd><xsl:apply-templates/></dd>
        </xsl:for-each>
        <xsl:for-each select="$source-desc/tei:bibl[not(@type = 'sourceLine')]">
          <dt>Transcribed from</dt>
          <dd>
            <xsl:for-each select="tei:publisher"><xsl:apply-templates/>. </xsl:for-each>
            <xsl:for-each select="tei:note[not(@type = 'sourceLine')]"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:for-each>
          </dd>
          <xsl:for-each select="tei:respStmt[tei:name]">
            <dt><xsl:value-of select="(f:plain(tei:resp)[. ne ''], 'Transcription')[1]"/></dt><dd><xsl:value-of select="string-join(tei:name/f:plain(.), ', ')"/></dd>
          </xsl:for-each>
          <xsl:for-each select="tei:date">
            <dt>Source page last updated</dt><dd><xsl:apply-templates select="."/></dd>
          </xsl:for-each>
          <xsl:for-each select="(tei:ref, tei:ptr, tei:idno)">
            <dt>Address</dt><dd><xsl:apply-templates select="."/></dd>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="$title-stmt/tei:respStmt">
          <dt><xsl:value-of select="f:plain(tei:resp)"/></dt><dd><xsl:value-of select="string-join(tei:name/f:plain(.), ', ')"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$header/tei:fileDesc/tei:editionStmt/tei:editor">
          <dt><xsl:value-of select="f:role-label(@role)"/></dt><dd><xsl:value-of select="f:plain(.)"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$header/tei:fileDesc/tei:seriesStmt">
          <dt>Series</dt><dd><xsl:value-of select="string-join((f:plain(tei:title[1]), tei:biblScope/f:plain(.)), ', ')"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt">
          <dt>This edition</dt>
          <dd>
            <xsl:value-of select="string-join((tei:publisher, tei:authority, tei:pubPlace)/f:plain(.), ', ')"/>
            <xsl:for-each select="tei:date"><xsl:text>, </xsl:text><xsl:apply-templates select="."/></xsl:for-each>
            <xsl:if test="$edition-url ne ''"><xsl:text>; </xsl:text><a href="{$edition-url}"><xsl:value-of select="$edition-url"/></a></xsl:if>
            <xsl:for-each select="tei:idno"><xsl:text>; </xsl:text><xsl:apply-templates select="."/></xsl:for-each>
            <xsl:call-template name="colophon-identifier"/>
          </dd>
          <xsl:for-each select="tei:availability">
            <dt>Rights</dt><dd><xsl:for-each select="tei:p | tei:licence"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:for-each></dd>
          </xsl:for-each>
        </xsl:for-each>
        <dt>How this edition was made</dt>
        <dd>
          <xsl:for-each select="$header/tei:encodingDesc/tei:projectDesc/tei:p"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:for-each>
          <xsl:for-each select="$header/tei:encodingDesc/tei:editorialDecl/*/tei:p"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:for-each>
          <xsl:text>The reading editions (EPUB and print HTML) were made from the TEI by XSLT 3.0 stylesheets run in SaxonJS</xsl:text>
          <xsl:if test="$tool-version ne ''"> (TEI Press <xsl:value-of select="$tool-version"/>)</xsl:if>
          <xsl:text>.</xsl:text>
        </dd>
        <xsl:if test="$header/tei:revisionDesc/tei:change">
          <dt>Revision history</dt>
          <dd>
            <ul class="revisions">
              <xsl:for-each select="$header/tei:revisionDesc/tei:change">
                <li>
                  <xsl:if test="f:is-html-date(@when)"><time datetime="{@when}"><xsl:value-of select="@when"/></time>: </xsl:if>
                  <xsl:apply-templates/>
                </li>
              </xsl:for-each>
            </ul>
          </dd>
        </xsl:if>
      </xsl:variable>
      <dl>
        <xsl:for-each-group select="$fields" group-starting-with="*[local-name() eq 'dt']">
          <!-- A value of more than some ten lines may break across pages rather than leave a gap. -->
          <div class="{if (string-length(string-join(current-group()/string(.))) gt 600) then 'colophon-entry long' else 'colophon-entry'}">
            <xsl:sequence select="current-group()"/>
          </div>
        </xsl:for-each-group>
      </dl>
    </section>
  </xsl:template>
  <!-- The words for a MARC relator code of the edition settings (edition-config.ts EDITOR_ROLES). -->
  <xsl:function name="f:role-label" as="xs:string">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:sequence select="(map { 'edt': 'Editor', 'trl': 'Translator', 'trc': 'Transcriber', 'ann': 'Annotator',
      'aui': 'Author of introduction', 'cwt': 'Commentator', 'com': 'Compiler', 'pfr': 'Proofreader',
      'mrk': 'Markup editor', 'ctb': 'Contributor' }($code), 'Contributor')[1]"/>
  </xsl:function>

  <!-- Hooks for EPUB: epub:type on the colophon, and the book's identifier. -->
  <xsl:template name="colophon-type"/>
  <xsl:template name="colophon-identifier"/>

  <!-- The printed source, as a reference: Author, “Title”, Journal, Vol. 2, No. 7, date, pp. 217–221. -->
  <xsl:template match="tei:biblStruct" mode="colophon" priority="1">
    <xsl:variable name="parts" as="item()*">
      <xsl:for-each select="tei:analytic/tei:title"><span class="tei-title">“<xsl:apply-templates/>”</span></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:title"><cite class="tei-title"><xsl:apply-templates/></cite></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:imprint/(tei:pubPlace | tei:publisher)"><xsl:apply-templates select="."/></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:biblScope[@unit = ('volume', 'vol')]"><span>Vol. <xsl:apply-templates/></span></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:biblScope[@unit = ('issue', 'number', 'no')]"><span>No. <xsl:apply-templates/></span></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:imprint/tei:date"><xsl:apply-templates select="."/></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:biblScope[not(@unit = ('volume', 'vol', 'issue', 'number', 'no'))]"><xsl:apply-templates select="."/></xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="$parts">
      <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
      <xsl:sequence select="."/>
    </xsl:for-each>
    <xsl:text>.</xsl:text>
  </xsl:template>

</xsl:stylesheet>
