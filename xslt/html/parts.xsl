<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parts of a book and of a web page made from the TEI, in XHTML: title
  page, contents entries, back matter, colophon, index, critical apparatus.
  What goes into them (titles, authors, register glosses, locators, sigla)
  is decided in common/; which parts a rendering has, and in what order, is
  the drivers' business (html.xsl, epub.xsl, site.xsl).
  Hooks the EPUB driver fills: titlepage-type, colophon-type, index-type
  (epub:type), colophon-identifier (the book's identifier).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns:map="http://www.w3.org/2005/xpath-functions/map" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- ===== What the source page says besides the text ===== -->
  <!-- The source's title block: title, byline, dateline, imprint. -->
  <xsl:variable name="front-lead" as="element()*"
    select="/tei:TEI/tei:text/tei:front/(tei:docTitle | tei:byline | tei:docAuthor | tei:docDate | tei:docEdition | tei:docImprint)"/>
  <!-- The web page's furniture: the rest of its front (breadcrumbs, navigation, transcription and
       information lines) and its page footer ("Last updated …"). Not the book's: it goes into the
       colophon, under "From the source page", never on the title page or a page of its own. -->
  <xsl:variable name="page-furniture" as="node()*"
    select="/tei:TEI/tei:text/tei:front/(node() except $front-lead)[not(self::text()[not(normalize-space())])],
            /tei:TEI/tei:text/tei:back/tei:div[@type = 'pageFooter']"/>
  <!-- The source's own back matter (notes, appendices): what remains of the back. -->
  <xsl:variable name="back-matter" as="node()*"
    select="/tei:TEI/tei:text/tei:back/(node() except tei:div[@type = 'pageFooter'])[not(self::text()[not(normalize-space())])]"/>

  <!-- ===== Title page ===== -->
  <!-- The source's title block only (title, byline, dateline, imprint, each as the source has it), and the
       source line: a book's title page gives title, author, date and source. -->
  <xsl:template name="titlepage">
    <xsl:variable name="front" select="/tei:TEI/tei:text/tei:front"/>
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
    </section>
  </xsl:template>
  <!-- Hook for EPUB's epub:type="titlepage". -->
  <xsl:template name="titlepage-type"/>

  <!-- ===== Contents ===== -->
  <!-- Table of contents: every division, the first and the untitled included. -->
  <xsl:template match="tei:div" mode="toc" priority="1">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <li>
      <a href="{f:href(., $f:chunked)}"><xsl:value-of select="f:div-label(.)"/></a>
      <xsl:if test="tei:div">
        <ol><xsl:apply-templates select="tei:div" mode="toc"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ===== Back matter ===== -->
  <!-- The back matter of the source (its notes and appendices; its page footer is in the colophon): a section
       with an id for the contents, none when the back holds only the footer. -->
  <xsl:template match="tei:back" priority="2">
    <xsl:if test="exists($back-matter)">
      <section>
        <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template>
        <!-- Untitled back matter is headed by its name in contents, so that its page says what it is. -->
        <xsl:if test="not($back-matter[1]/self::tei:div/tei:head)">
          <xsl:attribute name="aria-labelledby" select="concat(f:id(.), '-head')"/>
          <h2 class="back-head" id="{f:id(.)}-head"><xsl:value-of select="$back-label"/></h2>
        </xsl:if>
        <xsl:apply-templates select="$back-matter"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- How the back matter is named in contents. -->
  <xsl:variable name="back-label" as="xs:string"
    select="if ($back-matter[1]/self::tei:div/tei:head) then f:plain($back-matter[1]/tei:head[1]) else 'Back matter of the source'"/>

  <!-- The web page's furniture in the colophon, in source order: front lines, then the footer. -->
  <xsl:template name="source-page">
    <xsl:param name="level" as="xs:integer" select="3"/>
    <xsl:if test="exists($page-furniture)">
      <section id="source-page" class="source-page" aria-labelledby="source-page-head">
        <xsl:element name="h{$level}" namespace="http://www.w3.org/1999/xhtml"><xsl:attribute name="id" select="'source-page-head'"/>From the source page</xsl:element>
        <xsl:apply-templates select="$page-furniture"/>
      </section>
    </xsl:if>
  </xsl:template>

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
      <xsl:call-template name="source-page"><xsl:with-param name="level" select="$level + 1"/></xsl:call-template>
    </section>
  </xsl:template>

  <!-- Hooks for EPUB: epub:type on the colophon, and the book's identifier. -->
  <xsl:template name="colophon-type"/>
  <xsl:template name="colophon-identifier"/>

  <!-- The printed source, as a reference: Author, “Title”, Journal, Vol. 2, No. 7, date, pp. 217–221. -->
  <xsl:template match="tei:biblStruct" mode="colophon" priority="1">
    <xsl:variable name="parts" as="item()*">
      <xsl:for-each select="tei:analytic/tei:title"><span class="tei-title">“<xsl:apply-templates/>”</span></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:title"><cite class="tei-title"><xsl:apply-templates/></cite></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:imprint/(tei:pubPlace | tei:publisher)"><xsl:apply-templates select="."/></xsl:for-each>
      <!-- "Vol." and "No." unless the source already says it ("Volume 1"). -->
      <xsl:for-each select="tei:monogr/tei:biblScope[@unit = ('volume', 'vol')]"><span><xsl:if test="not(matches(., '^\s*vol', 'i'))">Vol. </xsl:if><xsl:apply-templates/></span></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:biblScope[@unit = ('issue', 'number', 'no')]"><span><xsl:if test="not(matches(., '^\s*(no|number|issue)([^a-z]|$)', 'i'))">No. </xsl:if><xsl:apply-templates/></span></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:imprint/tei:date"><xsl:apply-templates select="."/></xsl:for-each>
      <xsl:for-each select="tei:monogr/tei:biblScope[not(@unit = ('volume', 'vol', 'issue', 'number', 'no'))]"><xsl:apply-templates select="."/></xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="$parts">
      <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
      <xsl:sequence select="."/>
    </xsl:for-each>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- ===== The index ===== -->

  <!-- The index of persons, places and organisations, as back matter. -->
  <xsl:template name="index">
    <xsl:param name="level" as="xs:integer" select="2"/>
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="exists($indexed-entries)">
      <section id="index" class="index" role="doc-index">
        <xsl:call-template name="index-type"/>
        <xsl:element name="h{$level}" namespace="http://www.w3.org/1999/xhtml">Index</xsl:element>
        <p class="index-intro">Persons, places and organisations named in the text, with what the edition's registers record of them.
          The numbers lead to each mention.</p>
        <xsl:for-each select="('person', 'place', 'org')[exists($index-order(.))]">
          <xsl:variable name="group" select="."/>
          <section class="index-group index-{$group}">
            <xsl:element name="h{$level + 1}" namespace="http://www.w3.org/1999/xhtml">
              <xsl:value-of select="map{'person': 'Persons', 'place': 'Places', 'org': 'Organisations'}($group)"/>
            </xsl:element>
            <ul class="index-entries">
              <xsl:choose>
                <!-- A driver of one rendering makes its items where they stand. -->
                <xsl:when test="not($index-items-shared)">
                  <xsl:for-each select="$index-order($group)"><xsl:call-template name="index-item"/></xsl:for-each>
                </xsl:when>
                <xsl:when test="not($f:chunked)"><xsl:sequence select="$index-items($group)"/></xsl:when>
                <xsl:otherwise>
                  <xsl:variable name="items" select="$index-items($group)"/>
                  <xsl:for-each select="$index-order($group)">
                    <xsl:variable name="i" select="position()"/>
                    <xsl:choose>
                      <!-- A cross-reference, or an entry whose language is marked (xml:lang is the EPUB's too): made anew. -->
                      <xsl:when test="self::f:see or @xml:lang"><xsl:call-template name="index-item"/></xsl:when>
                      <xsl:otherwise><xsl:apply-templates select="$items[$i]" mode="f:index-chunked"><xsl:with-param name="entry" select="."/></xsl:apply-templates></xsl:otherwise>
                    </xsl:choose>
                  </xsl:for-each>
                </xsl:otherwise>
              </xsl:choose>
            </ul>
          </section>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The index in its order, by kind of entry (person, place, org): the entries and their cross-references
       ("Kiev, see Kyiv", f:see) in one alphabet. Worked out once per transform: book.xsl's print HTML and
       EPUB both list it. -->
  <xsl:variable name="index-order" as="map(xs:string, element()*)">
    <xsl:map>
      <xsl:for-each-group select="$indexed-entries" group-by="local-name()">
        <xsl:variable name="see" as="element()*">
          <xsl:for-each select="current-group()">
            <xsl:variable name="entry" select="."/>
            <xsl:for-each select="f:cross-references(.)"><f:see name="{.}" ref="{$entry/@xml:id}"/></xsl:for-each>
          </xsl:for-each>
        </xsl:variable>
        <xsl:map-entry key="current-grouping-key()">
          <xsl:perform-sort select="current-group(), $see">
            <!-- Codepoints of a folded key: the same order in every engine (SaxonJS's default collation is not
                 Saxon-HE's), and "Élie" among the E's. -->
            <xsl:sort select="f:filing-key(if (self::f:see) then string(@name) else f:sort-key(.))" collation="http://www.w3.org/2005/xpath-functions/collation/codepoint"/>
            <xsl:sort select="string((@xml:id, @ref)[1])" collation="http://www.w3.org/2005/xpath-functions/collation/codepoint"/>
          </xsl:perform-sort>
        </xsl:map-entry>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>
  <!-- The index's items (entries and cross-references) of each kind, in its order, as the one-file outputs
       link them: made once per transform where $index-items-shared (book.xsl, which renders the index twice).
       An output split into files (f:chunked) then copies them with each mention's link leading into the file
       it is in (mode f:index-chunked), instead of making them again. -->
  <xsl:variable name="index-items-shared" as="xs:boolean" select="false()"/>
  <xsl:variable name="index-items" as="map(xs:string, element()*)">
    <xsl:map>
      <xsl:for-each select="map:keys($index-order)">
        <xsl:map-entry key=".">
          <xsl:for-each select="$index-order(current())"><xsl:call-template name="index-item"/></xsl:for-each>
        </xsl:map-entry>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <!-- One item of the index: a cross-reference ("Kiev, see Kyiv") or an entry. -->
  <xsl:template name="index-item">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="self::f:see">
        <li class="index-entry index-see">
          <span class="index-name"><xsl:value-of select="@name"/></span>
          <xsl:text>, </xsl:text><i>see</i><xsl:text> </xsl:text>
          <a href="{let $hrefs := f:entry-hrefs($f:chunked) return $hrefs(string(@ref))}"><xsl:value-of select="f:index-heading($index-entries-by-id(string(@ref))[1])"/></a>
        </li>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="index"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An entry's item made for one file, copied for an output split into files: its mentions' links lead
       into the files the mentions are in ($entry: the register entry; its mentions are the links, in order). -->
  <xsl:template match="*" mode="f:index-chunked">
    <xsl:param name="entry" as="element()"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="self::*:span[@class = 'index-mentions']">
            <xsl:variable name="mentions" select="key('mentions', string($entry/@xml:id), root($entry))"/>
            <xsl:copy>
              <xsl:copy-of select="@*"/>
              <xsl:for-each select="*:a">
                <xsl:variable name="i" select="position()"/>
                <xsl:if test="$i gt 1"><xsl:text>, </xsl:text></xsl:if>
                <a class="{@class}" href="{concat(f:chunk-file-of($mentions[$i]), @href)}" aria-label="{@aria-label}"><xsl:copy-of select="node()"/></a>
              </xsl:for-each>
            </xsl:copy>
          </xsl:when>
          <xsl:otherwise><xsl:copy-of select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <!-- Hook for EPUB's epub:type on the index. -->
  <xsl:template name="index-type"/>

  <!-- One index entry: the name, a short gloss of what the register records, and every mention. -->
  <xsl:template match="tei:person | tei:place | tei:org" mode="index" priority="1">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="name" select="f:entry-name(.)"/>
    <xsl:variable name="variants" select="distinct-values((tei:persName | tei:placeName | tei:orgName)/f:plain(.)[. ne $name])"/>
    <xsl:variable name="life" select="if (tei:birth or tei:death) then concat(f:event-date(tei:birth[1]), '–', f:event-date(tei:death[1]))
      else if (tei:floruit) then concat('fl. ', f:event-date(tei:floruit[1])) else ''"/>
    <li>
      <xsl:call-template name="tei-attributes"><xsl:with-param name="class" select="'index-entry'"/></xsl:call-template>
      <span class="index-name"><xsl:value-of select="f:index-heading(.)"/></span>
      <xsl:if test="$life ne ''"><xsl:text> </xsl:text><span class="index-dates">(<xsl:value-of select="$life"/>)</span></xsl:if>
      <xsl:if test="exists($variants)"><span class="index-variants"><xsl:text>; also </xsl:text><xsl:value-of select="string-join($variants, ', ')"/></span></xsl:if>
      <!-- The separator goes inside each part, so that print, which leaves out coordinates and ids, leaves no stray "; ". -->
      <xsl:for-each select="(tei:occupation | tei:roleName | tei:note | tei:desc | tei:country | tei:location/tei:geo)[f:plain(node()) ne '']">
        <span class="index-detail index-{local-name()}">
          <xsl:text>; </xsl:text>
          <xsl:if test="self::tei:geo">coordinates </xsl:if>
          <!-- The content's plain text: plain mode leaves a note out, and this one is the gloss. -->
          <xsl:value-of select="f:plain(node())"/>
        </span>
      </xsl:for-each>
      <xsl:for-each select="tei:idno[normalize-space()]">
        <xsl:variable name="url" select="f:idno-url(.)"/>
        <span class="index-idno" data-type="{@type}">
          <xsl:text>; </xsl:text>
          <xsl:value-of select="f:idno-label(@type)"/><xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="exists($url)"><a href="{$url}"><xsl:value-of select="normalize-space(.)"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
          </xsl:choose>
        </span>
      </xsl:for-each>
      <xsl:text>: </xsl:text>
      <span class="index-mentions">
        <xsl:for-each select="key('mentions', string(@xml:id))">
          <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
          <a class="index-mention pageref" href="{f:href(., $f:chunked)}" aria-label="{concat($name, ', mention ', position())}"><span class="mention-n"><xsl:value-of select="f:locator(., position())"/></span></a>
        </xsl:for-each>
      </span>
    </li>
  </xsl:template>

  <!-- ===== The critical apparatus ===== -->

  <!-- An entry: key and place, lemma], then each reading with its sigla. -->
  <xsl:template match="tei:app" mode="apparatus">
    <xsl:param name="element" as="xs:string" select="'p'"/>
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="'app-entry'"/>
      <!-- The print footnote repeats the entry: one id, on the apparatus section's. -->
      <xsl:if test="$element ne 'span'"><xsl:attribute name="id" select="concat('apparatus-', f:id(.))"/></xsl:if>
      <xsl:attribute name="data-type" select="@type"/>
      <xsl:call-template name="apparatus-type"/>
      <xsl:variable name="content">
        <a class="app-backlink" href="{concat(f:file(., $f:chunked), '#key-', f:id(.))}" role="doc-backlink"><xsl:value-of select="f:app-label(.)"/></a>
        <xsl:text> </xsl:text>
        <span class="app-place"><xsl:value-of select="f:app-place(.)"/></span>
        <xsl:text> </xsl:text>
        <span class="app-lemma"><xsl:value-of select="if (normalize-space(tei:lem) eq '') then '(nothing)' else f:abridge(f:plain(tei:lem))"/></span>
        <xsl:text>] </xsl:text>
        <xsl:for-each select="tei:rdg">
          <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
          <span class="app-reading" data-type="{@type}">
            <xsl:choose>
              <xsl:when test="normalize-space(.) eq ''"><i>om.</i></xsl:when>
              <xsl:otherwise><xsl:apply-templates mode="reading"/></xsl:otherwise>
            </xsl:choose>
          </span>
          <xsl:text> </xsl:text>
          <span class="app-sigla"><xsl:value-of select="f:sigla(.)"/></span>
          <xsl:if test="@type"><xsl:text> </xsl:text><span class="app-type">(<xsl:value-of select="@type"/>)</span></xsl:if>
        </xsl:for-each>
        <xsl:if test="tei:lem/@wit">
          <xsl:text>; lemma </xsl:text><span class="app-sigla"><xsl:value-of select="f:sigla(tei:lem)"/></span>
        </xsl:if>
      </xsl:variable>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <!-- A reading's content: its words and their emphasis; blocks run on, marked ¶; notes in brackets. -->
  <xsl:template match="tei:p | tei:head | tei:item | tei:l" mode="reading" priority="1">
    <xsl:if test="preceding-sibling::*"><xsl:text> ¶ </xsl:text></xsl:if>
    <xsl:apply-templates mode="reading"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="reading" priority="1">
    <span class="reading-note"><xsl:text> [</xsl:text><xsl:if test="@n"><xsl:value-of select="@n"/><xsl:text>: </xsl:text></xsl:if><xsl:apply-templates mode="reading"/><xsl:text>]</xsl:text></span>
  </xsl:template>
  <xsl:template match="tei:hi" mode="reading" priority="1">
    <xsl:variable name="rend" select="lower-case(normalize-space(@rend))"/>
    <xsl:element name="{if ($rend = ('italic', 'italics', 'i')) then 'i' else if ($rend = ('bold', 'b')) then 'b' else 'span'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:apply-templates mode="reading"/>
    </xsl:element>
  </xsl:template>

  <!-- The witnesses and the apparatus, after the text (print HTML; EPUB gives the entries per content document). -->
  <xsl:template name="apparatus">
    <xsl:if test="exists($apps)">
      <section id="apparatus" class="apparatus" aria-labelledby="apparatus-head">
        <h2 id="apparatus-head">Critical apparatus</h2>
        <xsl:call-template name="witness-list"/>
        <xsl:apply-templates select="$apps" mode="apparatus"/>
      </section>
    </xsl:if>
  </xsl:template>
  <xsl:template name="witness-list">
    <dl class="witnesses">
      <xsl:for-each select="$witnesses">
        <dt><xsl:value-of select="(@n, @xml:id)[1]"/></dt>
        <dd><xsl:value-of select="normalize-space(string-join(.//text(), ' '))"/></dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

</xsl:stylesheet>
