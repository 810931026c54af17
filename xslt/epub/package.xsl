<?xml version="1.0" encoding="UTF-8"?>
<!--
  The EPUB 3 package (the epub.xsl driver's files, also made by book.xsl
  beside the print HTML): XHTML content documents (title page, one per
  top-level section, back matter, index, colophon), nav.xhtml (toc with every
  section, and landmarks), content.opf (Dublin Core and schema.org
  accessibility metadata derived from the content) and style.css. All are
  xsl:result-documents with paths relative to the EPUB root; the writer
  (pipeline/writers/epub.ts) adds mimetype and META-INF and zips them.

  Notes are EPUB footnotes: a noteref link at the reference point and an
  <aside epub:type="footnote"> at the end of the same content document.
  Its overrides of the shared markup (epub:type, xml:lang, page breaks, the
  content document a node is in) act only while its templates render: they
  carry the tunnel parameter f:chunked (true), so that one transform can
  render the one-file print HTML beside it. Parameters: see common/params.xsl.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns="http://www.w3.org/1999/xhtml"
  xmlns:epub="http://www.idpf.org/2007/ops"
  exclude-result-prefixes="xs tei f">

  <!-- The cover is part of the package (it writes with its "page"), kept in a file of its own. -->
  <xsl:include href="cover.xsl"/>

  <xsl:output name="xhtml" method="xhtml" html-version="5" encoding="UTF-8" indent="no" omit-xml-declaration="no" include-content-type="no"/>
  <xsl:output name="opf" method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:output name="css" method="text" encoding="UTF-8"/>

  <xsl:variable name="oebps" select="'OEBPS/'"/>
  <xsl:variable name="has-back" select="exists($back-matter)"/>
  <xsl:variable name="has-index" select="exists($indexed-entries)"/>
  <!-- Page breaks of the print source, where the TEI records them (the plain-text and HTML
       transcriptions we read give none, so today's editions have no page list). -->
  <xsl:variable name="page-breaks" as="element()*" select="/tei:TEI/tei:text//tei:pb[normalize-space(@n)][ancestor::tei:body or ancestor::tei:back]"/>
  <!-- Endnotes standing as blocks (a notes section in the back, or a note typed as such). -->
  <xsl:variable name="block-endnotes" as="element()*"
    select="/tei:TEI/tei:text//tei:note[not(f:in-phrasing(.))][exists(ancestor::tei:back) or @type = ('endnote', 'footnote')]"/>

  <!-- The content document of a reading unit (text-01.xhtml …): units are numbered in document order. -->
  <xsl:function name="f:chunk-file" as="xs:string">
    <xsl:param name="chunk" as="element()"/>
    <!-- Two digits at least, as format-number(…, '00') gives them, without parsing a picture at every call. -->
    <xsl:variable name="n" select="if ($chunk/self::tei:div) then $chunk/accumulator-before('f:chunk-number') else 1"/>
    <xsl:sequence select="concat('text-', if ($n lt 10) then '0' else '', $n, '.xhtml')"/>
  </xsl:function>
  <!-- A reading unit's number: the body's divisions counted once in document order, not by counting each
       one's preceding siblings at every link into it. A unit is a division of the text's body, so its
       number is its position among the body's divisions (count(preceding-sibling::tei:div) + 1). -->
  <xsl:accumulator name="f:chunk-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="/tei:TEI/tei:text/tei:body/tei:div" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:variable name="chunks-are-divs" as="xs:boolean" select="exists($chunks[1]/self::tei:div)"/>

  <!-- Which content document a node is rendered in (overrides f:chunk-file-of of the common core, which
       f:file asks while the EPUB's templates render, f:chunked true).
       The reading unit is found by the node's ancestors, not by comparing them with $chunks:
       node identity tests cost SaxonJS a walk up the tree. -->
  <xsl:function name="f:chunk-file-of" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <!-- The outermost candidate is the reading unit when any is: only that one is tested for being the text's own. -->
    <xsl:variable name="chunk" select="if ($node/self::tei:person or $node/self::tei:place or $node/self::tei:org) then () else if ($chunks-are-divs)
      then ($node/ancestor-or-self::tei:div[parent::tei:body])[1][parent::tei:body/parent::tei:text/parent::tei:TEI/parent::document-node()]
      else ($node/ancestor-or-self::tei:body)[1][parent::tei:text/parent::tei:TEI/parent::document-node()]"/>
    <xsl:sequence select="if ($node/self::tei:person or $node/self::tei:place or $node/self::tei:org) then 'index.xhtml'
      else if (empty($node/self::tei:*)) then ''
      else if (exists($chunk)) then f:chunk-file($chunk[1])
      else if ($node/ancestor-or-self::tei:div[@type = 'pageFooter'][parent::tei:back]) then 'colophon.xhtml'
      else if ($node/ancestor-or-self::tei:front) then (if (exists($node/ancestor-or-self::*[parent::tei:front] intersect $front-lead)) then 'titlepage.xhtml' else 'colophon.xhtml')
      else if ($node/ancestor-or-self::tei:back) then 'back.xhtml'
      else ''"/>
  </xsl:function>

  <!-- EPUB semantics on the shared markup (hooks of the common core). -->
  <xsl:template name="lang-attributes">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:attribute name="lang" select="$lang"/>
    <xsl:if test="$f:chunked"><xsl:attribute name="xml:lang" select="$lang"/></xsl:if>
  </xsl:template>
  <xsl:template name="noteref-type">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$f:chunked"><xsl:attribute name="epub:type" select="'noteref'"/></xsl:if>
  </xsl:template>
  <xsl:template name="note-type">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$f:chunked">
      <xsl:attribute name="epub:type" select="'footnote'"/>
      <xsl:attribute name="role" select="'doc-footnote'"/>
    </xsl:if>
  </xsl:template>
  <xsl:template name="apparatus-type">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$f:chunked">
      <xsl:attribute name="epub:type" select="'footnote'"/>
      <xsl:attribute name="role" select="'doc-footnote'"/>
    </xsl:if>
  </xsl:template>
  <xsl:template name="endnote-type">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$f:chunked"><xsl:attribute name="epub:type" select="'endnote'"/></xsl:if>
  </xsl:template>
  <xsl:template name="index-type">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$f:chunked"><xsl:attribute name="epub:type" select="'index'"/></xsl:if>
  </xsl:template>
  <xsl:template name="titlepage-type">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$f:chunked"><xsl:attribute name="epub:type" select="'titlepage'"/></xsl:if>
  </xsl:template>
  <xsl:template name="colophon-type">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$f:chunked"><xsl:attribute name="epub:type" select="'colophon'"/></xsl:if>
  </xsl:template>
  <xsl:template name="endnotes-type">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$f:chunked"><xsl:attribute name="epub:type" select="'endnotes'"/></xsl:if>
  </xsl:template>
  <!-- A numbered page break of the print source: a page-list target (DPUB-ARIA doc-pagebreak, named by its number). -->
  <!-- (The pattern says what $page-breaks selects: "intersect $page-breaks" compared each page break with all of them.) -->
  <xsl:template match="/tei:TEI/tei:text//tei:pb[normalize-space(@n)][ancestor::tei:body or ancestor::tei:back]" priority="3">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$f:chunked">
        <span>
          <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template>
          <xsl:attribute name="epub:type" select="'pagebreak'"/>
          <xsl:attribute name="role" select="'doc-pagebreak'"/>
          <xsl:attribute name="aria-label" select="normalize-space(@n)"/>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="colophon-identifier">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$f:chunked"><xsl:text>; identifier </xsl:text><xsl:value-of select="$book-id"/></xsl:if>
  </xsl:template>

  <!-- The book's identifier: a UUID derived by the writer from the TEI. -->
  <xsl:variable name="uuid-id" as="xs:string"
    select="if (matches($uuid, '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')) then concat('urn:uuid:', $uuid)
            else concat('urn:tei-press:', $slug)"/>
  <!-- The edition settings may make the edition's address its identifier; the UUID is then a second one. -->
  <xsl:variable name="book-id" as="xs:string" select="if ($identifier-scheme eq 'url' and $edition-url ne '') then $edition-url else $uuid-id"/>

  <!-- The EPUB's files, each an xsl:result-document; the templates that render them carry f:chunked. -->
  <xsl:template name="epub-package">
    <xsl:param name="font-faces" as="xs:string"/>
    <xsl:param name="f:chunked" as="xs:boolean" required="yes" tunnel="yes"/>
    <xsl:if test="$uuid-id eq concat('urn:tei-press:', $slug)">
      <xsl:message select="concat('epub:no-uuid: no valid $uuid was given (', $uuid, '); the identifier falls back to ', $book-id, '.')"/>
    </xsl:if>
    <xsl:call-template name="cover"/>
    <xsl:call-template name="page">
      <xsl:with-param name="file" select="'titlepage.xhtml'"/>
      <xsl:with-param name="title" select="$full-title"/>
      <xsl:with-param name="matter" select="'frontmatter'"/>
      <xsl:with-param name="content">
        <xsl:call-template name="titlepage"/>
        <xsl:apply-templates select="/tei:TEI/tei:text/tei:front//tei:note[f:in-phrasing(.)][not(ancestor::tei:rdg)]" mode="notes"/>
        <xsl:apply-templates select="/tei:TEI/tei:text/tei:front//tei:app" mode="apparatus"><xsl:with-param name="element" select="'aside'"/></xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$chunks">
      <xsl:call-template name="page">
        <xsl:with-param name="file" select="f:chunk-file(.)"/>
        <xsl:with-param name="title" select="if (self::tei:div) then f:div-label(.) else $full-title"/>
        <xsl:with-param name="matter" select="'bodymatter'"/>
        <xsl:with-param name="content">
          <xsl:apply-templates select="."/>
          <xsl:apply-templates select=".//tei:note[f:in-phrasing(.)][not(ancestor::tei:rdg)]" mode="notes"/>
          <xsl:apply-templates select=".//tei:app" mode="apparatus"><xsl:with-param name="element" select="'aside'"/></xsl:apply-templates>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$has-back">
      <xsl:call-template name="page">
        <xsl:with-param name="file" select="'back.xhtml'"/>
        <xsl:with-param name="title" select="$back-label"/>
        <xsl:with-param name="matter" select="'backmatter'"/>
        <xsl:with-param name="content">
          <xsl:apply-templates select="/tei:TEI/tei:text/tei:back"/>
          <xsl:apply-templates select="/tei:TEI/tei:text/tei:back//tei:note[f:in-phrasing(.)][not(ancestor::tei:rdg)]" mode="notes"/>
          <xsl:apply-templates select="/tei:TEI/tei:text/tei:back//tei:app" mode="apparatus"><xsl:with-param name="element" select="'aside'"/></xsl:apply-templates>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$has-index">
      <xsl:call-template name="page">
        <xsl:with-param name="file" select="'index.xhtml'"/>
        <xsl:with-param name="title" select="'Index'"/>
        <xsl:with-param name="matter" select="'backmatter'"/>
        <xsl:with-param name="content"><xsl:call-template name="index"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="page">
      <xsl:with-param name="file" select="'colophon.xhtml'"/>
      <xsl:with-param name="title" select="'About this edition'"/>
      <xsl:with-param name="matter" select="'backmatter'"/>
      <xsl:with-param name="content">
        <xsl:call-template name="colophon"/>
        <!-- The notes and apparatus entries of the source page's furniture, which the colophon shows. -->
        <xsl:apply-templates select="$page-furniture/descendant-or-self::tei:note[f:in-phrasing(.)][not(ancestor::tei:rdg)]" mode="notes"/>
        <xsl:apply-templates select="$page-furniture/descendant-or-self::tei:app" mode="apparatus"><xsl:with-param name="element" select="'aside'"/></xsl:apply-templates>
        <xsl:if test="exists($witnesses)">
          <section class="apparatus" id="witnesses" aria-labelledby="witnesses-head"><h2 id="witnesses-head">Witnesses of the critical apparatus</h2><xsl:call-template name="witness-list"/></section>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="nav"/>
    <xsl:call-template name="opf"/>
    <xsl:result-document href="{$oebps}style.css" format="css">
      <xsl:value-of select="$font-faces"/>
      <xsl:value-of select="$css-reading-resolved"/>
      <xsl:if test="exists($apps)"><xsl:value-of select="$css-apparatus"/></xsl:if>
      <xsl:text>body { max-width: 40em; }&#10;aside[epub|type~="footnote"] { border-top: 1px solid #bbb; margin-top: 1.5em; padding-top: 0.3em; }&#10;section.cover { text-align: center; }&#10;section.cover img { max-width: 100%; max-height: 95vh; }&#10;</xsl:text>
    </xsl:result-document>
  </xsl:template>

  <!-- One XHTML content document. -->
  <xsl:template name="page">
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="matter" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:result-document href="{$oebps}{$file}" format="xhtml">
      <html lang="{$language}" xml:lang="{$language}">
        <head>
          <meta charset="utf-8"/>
          <title><xsl:value-of select="$title"/></title>
          <link rel="stylesheet" type="text/css" href="style.css"/>
        </head>
        <body epub:type="{$matter}">
          <xsl:sequence select="$content"/>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

  <!-- The navigation document: table of contents (every section, the first included) and landmarks. -->
  <xsl:template name="nav">
    <xsl:variable name="first-text" select="f:chunk-file($chunks[1])"/>
    <xsl:result-document href="{$oebps}nav.xhtml" format="xhtml">
      <html lang="{$language}" xml:lang="{$language}">
        <head>
          <meta charset="utf-8"/>
          <title>Contents</title>
          <link rel="stylesheet" type="text/css" href="style.css"/>
        </head>
        <body epub:type="frontmatter">
          <nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-head">
            <h2 id="toc-head">Contents</h2>
            <ol>
              <li><a href="cover.xhtml">Cover</a></li>
              <li><a href="titlepage.xhtml">Title page</a></li>
              <xsl:choose>
                <xsl:when test="$chunks/self::tei:div">
                  <xsl:apply-templates select="$chunks" mode="toc"/>
                </xsl:when>
                <xsl:otherwise><li><a href="{$first-text}"><xsl:value-of select="$main-title"/></a></li></xsl:otherwise>
              </xsl:choose>
              <xsl:if test="$has-back"><li><a href="back.xhtml"><xsl:value-of select="$back-label"/></a></li></xsl:if>
              <xsl:if test="$has-index"><li><a href="index.xhtml">Index</a></li></xsl:if>
              <li><a href="colophon.xhtml">About this edition</a></li>
            </ol>
          </nav>
          <xsl:if test="exists($page-breaks)">
            <nav epub:type="page-list" id="page-list" role="doc-pagelist" aria-labelledby="page-list-head" hidden="hidden">
              <h2 id="page-list-head">Pages of the print source</h2>
              <ol>
                <xsl:for-each select="$page-breaks"><li><a href="{f:href(., true())}"><xsl:value-of select="normalize-space(@n)"/></a></li></xsl:for-each>
              </ol>
            </nav>
          </xsl:if>
          <nav epub:type="landmarks" id="landmarks" hidden="hidden">
            <h2>Landmarks</h2>
            <ol>
              <li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
              <li><a epub:type="titlepage" href="titlepage.xhtml">Title page</a></li>
              <li><a epub:type="toc" href="nav.xhtml#toc">Contents</a></li>
              <li><a epub:type="bodymatter" href="{$first-text}">Text</a></li>
              <xsl:if test="$has-index"><li><a epub:type="index" href="index.xhtml">Index</a></li></xsl:if>
              <li><a epub:type="colophon" href="colophon.xhtml">About this edition</a></li>
            </ol>
          </nav>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

  <!-- The accessibility summary, said from what the book contains. No WCAG conformance is claimed
       (no dcterms:conformsTo): automated checks (epubcheck, Ace) cover part of WCAG 2 AA only, and
       no person has evaluated the rest (e.g. whether section labels made from opening words are
       descriptive, or whether foreign words the transcription does not mark carry their language). -->
  <xsl:variable name="accessibility-summary" as="xs:string"
    select="string-join((
      'A text publication whose one image is its cover, which carries only words and has them as its text alternative; no audio or video. It holds the article',
      if (exists(/tei:TEI/tei:text/tei:body//tei:div/tei:head)) then ' with its section headings' else ' as continuous text',
      if (exists($text-notes)) then ', notes linked to and from their references' else '',
      if (exists($block-endnotes)) then ', the notes of the source at the back' else '',
      ', a table of contents',
      if ($has-index) then ', an index of the persons, places and organisations named, linked to every mention' else '',
      ', and a colophon on its source. Reading order follows the source; headings and navigation mark its structure. ',
      if (exists($page-breaks))
      then concat('The page breaks of the print source (', $source-page-label, ') are marked in the text and listed in a page list. ')
      else 'The transcription records no page breaks of the print source, so there is no page list; the table of contents and the index link to sections and mentions instead. ',
      'No known hazards. Not evaluated by a person against WCAG 2 AA, so no conformance is claimed.'), '')"/>
  <xsl:variable name="source-page-label" as="xs:string" select="let $s := f:plain($source-line/node()) return if ($s ne '') then $s else 'as transcribed'"/>

  <!-- A printed source as one line of plain text: its authors, then the reference the colophon gives
       ("John G. Wright, “The Soviet Union at War”, Fourth International, Vol. 2, No. 7, August 1941, pp. 217–221."). -->
  <xsl:function name="f:citation" as="xs:string">
    <xsl:param name="bibl" as="element()"/>
    <xsl:variable name="reference"><xsl:apply-templates select="$bibl" mode="colophon"/></xsl:variable>
    <xsl:variable name="by" select="string-join($bibl/tei:analytic/tei:author/f:plain(.)[. ne ''], ' and ')"/>
    <xsl:sequence select="normalize-space(concat(if ($by ne '') then concat($by, ', ') else '', string($reference)))"/>
  </xsl:function>

  <!-- The package document. -->
  <xsl:template name="opf">
    <xsl:variable name="source-text" select="f:plain($source-line/node())"/>
    <xsl:variable name="transcribers" select="distinct-values($source-desc//tei:respStmt[matches(f:plain(tei:resp), 'transcri', 'i')]/tei:name/f:plain(.))"/>
    <xsl:variable name="rights" select="normalize-space(string-join($header/tei:fileDesc/tei:publicationStmt/tei:availability/(tei:p | tei:licence)/f:plain(.), ' '))"/>
    <!-- Only what the book really has: no images are rendered but the generated cover (its words are its
         alternative text); page navigation only where the TEI records the print source's page breaks. -->
    <xsl:variable name="features" select="('alternativeText', 'tableOfContents', 'readingOrder', 'structuralNavigation',
      if ($has-index) then 'index' else (), if (exists($page-breaks)) then ('pageBreakMarkers', 'pageNavigation') else ())"/>
    <xsl:result-document href="{$oebps}content.opf" format="opf">
      <package xmlns="http://www.idpf.org/2007/opf" xsl:exclude-result-prefixes="#all" version="3.0" unique-identifier="uid" xml:lang="{$language}">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:identifier id="uid"><xsl:value-of select="$book-id"/></dc:identifier>
          <dc:title id="title"><xsl:value-of select="$main-title"/></dc:title>
          <meta refines="#title" property="title-type">main</meta>
          <xsl:if test="$subtitle ne ''">
            <dc:title id="subtitle"><xsl:value-of select="$subtitle"/></dc:title>
            <meta refines="#subtitle" property="title-type">subtitle</meta>
          </xsl:if>
          <xsl:for-each select="$authors">
            <dc:creator id="creator-{position()}"><xsl:value-of select="."/></dc:creator>
            <meta refines="#creator-{position()}" property="role" scheme="marc:relators">aut</meta>
            <xsl:if test="f:file-as(.) ne ''">
              <meta refines="#creator-{position()}" property="file-as"><xsl:value-of select="f:file-as(.)"/></meta>
            </xsl:if>
          </xsl:for-each>
          <xsl:if test="$book-id ne $uuid-id"><dc:identifier><xsl:value-of select="$uuid-id"/></dc:identifier></xsl:if>
          <xsl:for-each select="$transcribers">
            <dc:contributor id="transcriber-{position()}"><xsl:value-of select="."/></dc:contributor>
            <meta refines="#transcriber-{position()}" property="role" scheme="marc:relators">trc</meta>
          </xsl:for-each>
          <!-- Translators the source names, and the editors of the edition settings, each with its MARC role. -->
          <xsl:for-each select="distinct-values($title-stmt/tei:respStmt[matches(f:plain(tei:resp), '^Translat', 'i')]/tei:name/f:plain(.))">
            <dc:contributor id="translator-{position()}"><xsl:value-of select="."/></dc:contributor>
            <meta refines="#translator-{position()}" property="role" scheme="marc:relators">trl</meta>
          </xsl:for-each>
          <xsl:for-each select="$header/tei:fileDesc/tei:editionStmt/tei:editor">
            <dc:contributor id="editor-{position()}"><xsl:value-of select="f:plain(.)"/></dc:contributor>
            <meta refines="#editor-{position()}" property="role" scheme="marc:relators"><xsl:value-of select="(@role[matches(., '^[a-z]{3}$')], 'edt')[1]"/></meta>
          </xsl:for-each>
          <xsl:for-each select="$header/tei:fileDesc/tei:seriesStmt[tei:title]">
            <meta property="belongs-to-collection" id="series"><xsl:value-of select="f:plain(tei:title[1])"/></meta>
            <meta refines="#series" property="collection-type">series</meta>
            <xsl:for-each select="tei:biblScope[matches(normalize-space(.), '^[0-9]+(\.[0-9]+)?$')][1]">
              <meta refines="#series" property="group-position"><xsl:value-of select="normalize-space(.)"/></meta>
            </xsl:for-each>
          </xsl:for-each>
          <dc:language><xsl:value-of select="$language"/></dc:language>
          <xsl:if test="$source-date"><dc:date><xsl:value-of select="$source-date"/></dc:date></xsl:if>
          <!-- The printed source as a citation (author, “title”, journal, volume, issue, date, pages) where the
               header records it, else the source page's own line. -->
          <xsl:variable name="citation" select="string(($source-desc/tei:biblStruct)[1] ! f:citation(.))"/>
          <xsl:if test="exists(($citation, $source-text)[. ne ''])"><dc:source><xsl:value-of select="($citation[. ne ''], $source-text)[1]"/></dc:source></xsl:if>
          <!-- The transcription's address, when the source page gives it, as a second source. -->
          <xsl:for-each select="distinct-values($source-desc/tei:bibl//(tei:ref/@target, tei:ptr/@target, tei:idno[@type = ('URI', 'URL')])[matches(normalize-space(.), '^https?://')]/normalize-space(.))">
            <dc:source><xsl:value-of select="."/></dc:source>
          </xsl:for-each>
          <dc:description><xsl:value-of select="$description"/></dc:description>
          <xsl:for-each select="$subjects"><dc:subject><xsl:value-of select="."/></dc:subject></xsl:for-each>
          <xsl:for-each select="distinct-values($header/tei:fileDesc/tei:publicationStmt/tei:publisher/f:plain(.))">
            <dc:publisher><xsl:value-of select="."/></dc:publisher>
          </xsl:for-each>
          <xsl:if test="$rights ne ''"><dc:rights><xsl:value-of select="$rights"/></dc:rights></xsl:if>
          <meta property="dcterms:modified"><xsl:value-of select="$modified-datetime"/></meta>
          <meta property="schema:accessMode">textual</meta>
          <meta property="schema:accessMode">visual</meta>
          <meta property="schema:accessModeSufficient">textual</meta>
          <xsl:for-each select="$features"><meta property="schema:accessibilityFeature"><xsl:value-of select="."/></meta></xsl:for-each>
          <meta property="schema:accessibilityHazard">none</meta>
          <meta property="schema:accessibilitySummary"><xsl:value-of select="$accessibility-summary"/></meta>
        </metadata>
        <manifest>
          <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
          <item id="css" href="style.css" media-type="text/css"/>
          <!-- The bundled face and its licence (SIL OFL), added by the writer (pipeline/render/fonts.ts). -->
          <xsl:for-each select="$font-files">
            <item id="font-{position()}" href="{.}" media-type="{if (ends-with(., '.woff2')) then 'font/woff2' else 'text/plain'}"/>
          </xsl:for-each>
          <item id="cover-image" href="cover.svg" media-type="image/svg+xml" properties="cover-image"/>
          <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
          <item id="titlepage" href="titlepage.xhtml" media-type="application/xhtml+xml"/>
          <xsl:for-each select="$chunks">
            <item id="{substring-before(f:chunk-file(.), '.xhtml')}" href="{f:chunk-file(.)}" media-type="application/xhtml+xml"/>
          </xsl:for-each>
          <xsl:if test="$has-back"><item id="back" href="back.xhtml" media-type="application/xhtml+xml"/></xsl:if>
          <xsl:if test="$has-index"><item id="index" href="index.xhtml" media-type="application/xhtml+xml"/></xsl:if>
          <item id="colophon" href="colophon.xhtml" media-type="application/xhtml+xml"/>
        </manifest>
        <spine>
          <itemref idref="cover"/>
          <itemref idref="titlepage"/>
          <itemref idref="nav"/>
          <xsl:for-each select="$chunks"><itemref idref="{substring-before(f:chunk-file(.), '.xhtml')}"/></xsl:for-each>
          <xsl:if test="$has-back"><itemref idref="back"/></xsl:if>
          <xsl:if test="$has-index"><itemref idref="index"/></xsl:if>
          <itemref idref="colophon"/>
        </spine>
      </package>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
