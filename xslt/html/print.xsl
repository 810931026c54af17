<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print HTML (the html.xsl driver's document, also made by book.xsl beside
  the EPUB): one self-contained HTML5 document (CSS inlined, no external file)
  with CSS paged media: title page, table of contents with page numbers
  (target-counter), the text, notes as endnotes, the index of persons, places
  and organisations, and the colophon.

  What a TEI element means is decided in common/, how it is written in
  html/; this module decides the page: which parts, in what order, and
  what print alone has (notes at the page foot, a contents page with page
  numbers). Its overrides of the shared markup (footnotes, the apparatus
  entry at the page foot) act only outside an output split into files
  (the tunnel parameter f:chunked, which the EPUB's templates carry), so
  that one transform can render the EPUB beside it. Parameters: see
  common/params.xsl.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- The print HTML document. -->
  <xsl:template name="print-html">
    <html lang="{$language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$full-title"/></title>
        <xsl:for-each select="$authors"><meta name="author" content="{.}"/></xsl:for-each>
        <meta name="description" content="{$description}"/>
        <xsl:if test="exists($subjects)"><meta name="keywords" content="{string-join($subjects, ', ')}"/></xsl:if>
        <meta name="generator" content="{normalize-space(concat('TEI Press ', $tool-version))}"/>
        <meta name="tei-press:slug" content="{$slug}"/>
        <!-- The bundled face, inlined; Paged.js need not parse its data: URLs (data-pagedjs-ignore), the browser still loads it. -->
        <xsl:if test="$font-faces ne ''"><style data-pagedjs-ignore=""><xsl:value-of select="$font-faces"/></style></xsl:if>
        <style>
          <xsl:value-of select="$css-reading-resolved"/>
          <xsl:value-of select="f:fill-css($css-print, 'RUNNING-TITLE', f:css-string($main-title))"/>
          <xsl:if test="exists($apps)"><xsl:value-of select="$css-apparatus"/></xsl:if>
        </style>
      </head>
      <body>
        <xsl:call-template name="titlepage"/>
        <xsl:if test="$wants-toc"><xsl:call-template name="print-toc"/></xsl:if>
        <main id="text">
          <!-- Empty: ends the running head of the pages before (contents) where the text opens without a heading. -->
          <span class="running-head-reset" aria-hidden="true"/>
          <xsl:apply-templates select="/tei:TEI/tei:text/tei:body"/>
        </main>
        <xsl:apply-templates select="/tei:TEI/tei:text/tei:back"/>
        <xsl:call-template name="endnotes"/>
        <xsl:call-template name="apparatus"/>
        <xsl:call-template name="index"/>
        <xsl:call-template name="colophon"/>
      </body>
    </html>
  </xsl:template>

  <!-- A contents page only for a text with sections to find: at least two, in some 3,000 characters or more
       (a four-paragraph article gets none; the PDF's bookmarks and the EPUB's navigation still list it). -->
  <xsl:variable name="wants-toc" as="xs:boolean"
    select="count(/tei:TEI/tei:text/tei:body//tei:div) ge 2 and string-length(/tei:TEI/tei:text/tei:body) ge 3000"/>

  <!-- Contents: every division, then the back matter; page numbers come from target-counter in print. -->
  <xsl:template name="print-toc">
    <nav class="toc" id="toc" role="doc-toc" aria-labelledby="toc-head">
      <h2 id="toc-head">Contents</h2>
      <ol>
        <xsl:choose>
          <xsl:when test="/tei:TEI/tei:text/tei:body/tei:div">
            <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/tei:div" mode="toc"/>
          </xsl:when>
          <xsl:otherwise><li><a href="#text"><xsl:value-of select="$main-title"/></a></li></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="exists($back-matter)"><li><a href="#{f:id(/tei:TEI/tei:text/tei:back)}"><xsl:value-of select="$back-label"/></a></li></xsl:if>
        <xsl:if test="exists($text-notes)"><li class="toc-notes"><a href="#notes">Notes</a></li></xsl:if>
        <xsl:if test="exists($apps)"><li><a href="#apparatus">Critical apparatus</a></li></xsl:if>
        <xsl:if test="exists($indexed-entries)"><li><a href="#index">Index</a></li></xsl:if>
        <li><a href="#colophon">About this edition</a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- Notes in print: the reference link (screen) and, right after it, the note
       itself as a span that Paged.js floats to the foot of the page
       (float: footnote); on screen the span is hidden and the endnotes serve. -->
  <xsl:template match="tei:note[f:in-phrasing(.)]" priority="3">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:next-match/>
    <xsl:if test="not($f:chunked)"><xsl:call-template name="inline-footnote"/></xsl:if>
  </xsl:template>
  <xsl:template name="inline-footnote">
    <span class="footnote" id="{concat('fn-', f:id(.))}"><xsl:apply-templates mode="footnote"/></span>
  </xsl:template>
  <!-- Inside a footnote span only phrasing content may stand: paragraphs become block spans. -->
  <xsl:template match="tei:p | tei:list | tei:item | tei:quote | tei:head | tei:lg | tei:l" mode="footnote" priority="1">
    <span class="tei-{local-name()} block"><xsl:apply-templates mode="footnote"/></span>
  </xsl:template>
  <xsl:template match="*" mode="footnote" priority="0">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- The apparatus entry of a variant, again at the foot of its page in print (a series of its own: letters);
       on screen it opens beside its key when the key is pointed at or focused (CSS only, apparatus.css), and
       is the key's description for screen readers. -->
  <xsl:template name="app-footnote">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not($f:chunked)"><span class="app-footnote" id="note-{f:id(.)}"><xsl:apply-templates select="." mode="apparatus"><xsl:with-param name="element" select="'span'"/></xsl:apply-templates></span></xsl:if>
  </xsl:template>
  <xsl:template name="apparatus-key-description">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not($f:chunked)"><xsl:attribute name="aria-describedby" select="concat('note-', f:id(.))"/></xsl:if>
  </xsl:template>

  <!-- Notes of the text as endnotes, each linking back to its reference. -->
  <xsl:template name="endnotes">
    <xsl:if test="exists($text-notes)">
      <section id="notes" class="endnotes" role="doc-endnotes">
        <h2>Notes</h2>
        <xsl:apply-templates select="$text-notes" mode="notes"/>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
