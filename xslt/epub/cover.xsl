<?xml version="1.0" encoding="UTF-8"?>
<!--
  EPUB cover, made at build time from the header: the series (edition
  settings) at the top, the title (and subtitle), the author, the text's date,
  and the publisher at the foot when the edition settings name one. Nothing
  else is said: no image, no claim the header does not make.

  OEBPS/cover.svg is the cover image (manifest property cover-image);
  OEBPS/cover.xhtml shows it as the first page of the spine, with the same
  words as its text alternative. The face is named, not embedded: an SVG
  shown as an image loads no fonts, so a reading system sets it in its own
  serif when the bundled face is not installed.

  Lines are broken by counting characters against a measure that shrinks as
  the title grows (a long title gets a smaller size, never a cut).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:output name="svg" method="xml" encoding="UTF-8" indent="yes"/>

  <!-- The cover's words, each a plain string ('' when the header has none). -->
  <xsl:variable name="cover-series" as="xs:string" select="string(($header/tei:fileDesc/tei:seriesStmt/tei:title)[1] ! f:plain(.))"/>
  <xsl:variable name="cover-date" as="xs:string"
    select="let $date := (($source-desc/tei:biblStruct/tei:monogr/tei:imprint/tei:date, /tei:TEI/tei:text/tei:front//tei:docDate)
                          [matches(@when, '^[0-9]{4}')])[1]
            return if (empty($date)) then '' else (normalize-space(f:plain($date))[. ne ''], substring($date/@when, 1, 4))[1]"/>
  <xsl:variable name="cover-publisher" as="xs:string" select="string(($header/tei:fileDesc/tei:publicationStmt/tei:publisher)[1] ! f:plain(.))"/>
  <!-- What the cover says, in words: its text alternative. -->
  <xsl:variable name="cover-alt" as="xs:string"
    select="string-join(('Cover: ' || $full-title, if (exists($authors)) then 'by ' || string-join($authors, ' and ') else (), $cover-date[. ne ''],
                         if ($cover-series ne '') then 'series ' || $cover-series else (), $cover-publisher[. ne '']), ', ')"/>

  <!-- Words into lines of at most $measure characters (a longer word stands alone on its line). -->
  <xsl:function name="f:cover-lines" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="measure" as="xs:integer"/>
    <xsl:iterate select="tokenize(normalize-space($text), ' ')[. ne '']">
      <xsl:param name="line" as="xs:string" select="''"/>
      <xsl:on-completion><xsl:sequence select="$line[. ne '']"/></xsl:on-completion>
      <xsl:choose>
        <xsl:when test="$line eq ''"><xsl:next-iteration><xsl:with-param name="line" select="."/></xsl:next-iteration></xsl:when>
        <xsl:when test="string-length($line) + 1 + string-length(.) le $measure">
          <xsl:next-iteration><xsl:with-param name="line" select="$line || ' ' || ."/></xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$line"/>
          <xsl:next-iteration><xsl:with-param name="line" select="."/></xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- Lines of SVG text, centred, from $y down by $leading. -->
  <xsl:template name="cover-text-lines">
    <xsl:param name="lines" as="xs:string*"/>
    <xsl:param name="y" as="xs:double"/>
    <xsl:param name="size" as="xs:double"/>
    <xsl:param name="leading" as="xs:double" select="$size * 1.2"/>
    <xsl:param name="style" as="xs:string" select="'normal'"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:for-each select="$lines">
      <text xmlns="http://www.w3.org/2000/svg" class="{$class}" x="300" y="{round($y + (position() - 1) * $leading)}" font-size="{$size}" font-style="{$style}" text-anchor="middle"><xsl:value-of select="."/></text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="cover">
    <!-- The title's size by its length: 56 units for a few words, down to 34 for a long one. -->
    <xsl:variable name="title-length" select="string-length($main-title)"/>
    <xsl:variable name="title-size" as="xs:double" select="if ($title-length le 30) then 56 else if ($title-length le 60) then 46 else if ($title-length le 110) then 38 else 32"/>
    <xsl:variable name="title-lines" select="f:cover-lines($main-title, xs:integer(floor(520 div ($title-size * 0.5))))"/>
    <xsl:variable name="subtitle-lines" select="f:cover-lines($subtitle, 30)"/>
    <xsl:variable name="title-top" as="xs:double" select="250"/>
    <xsl:variable name="title-bottom" as="xs:double" select="$title-top + (count($title-lines) - 1) * $title-size * 1.15"/>
    <xsl:variable name="subtitle-top" as="xs:double" select="$title-bottom + 60"/>
    <xsl:variable name="author-top" as="xs:double" select="max((560, $subtitle-top + count($subtitle-lines) * 34 + 50))"/>
    <xsl:result-document href="{$oebps}cover.svg" format="svg">
      <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 600 900" width="600" height="900" role="img" aria-labelledby="cover-title">
        <title id="cover-title"><xsl:value-of select="$cover-alt"/></title>
        <style>text { font-family: 'Source Serif 4', Georgia, 'DejaVu Serif', serif; fill: #1b1b1b; }</style>
        <rect x="0" y="0" width="600" height="900" fill="#f3efe6"/>
        <rect x="30" y="30" width="540" height="840" fill="none" stroke="#7a1f1f" stroke-width="2"/>
        <xsl:if test="$cover-series ne ''">
          <xsl:call-template name="cover-text-lines">
            <xsl:with-param name="lines" select="f:cover-lines(upper-case($cover-series), 34)"/>
            <xsl:with-param name="y" select="100"/>
            <xsl:with-param name="size" select="18"/>
            <xsl:with-param name="class" select="'series'"/>
          </xsl:call-template>
        </xsl:if>
        <line x1="200" y1="{$title-top - $title-size - 30}" x2="400" y2="{$title-top - $title-size - 30}" stroke="#7a1f1f" stroke-width="2"/>
        <xsl:call-template name="cover-text-lines">
          <xsl:with-param name="lines" select="$title-lines"/>
          <xsl:with-param name="y" select="$title-top"/>
          <xsl:with-param name="size" select="$title-size"/>
          <xsl:with-param name="leading" select="$title-size * 1.15"/>
          <xsl:with-param name="class" select="'title'"/>
        </xsl:call-template>
        <xsl:call-template name="cover-text-lines">
          <xsl:with-param name="lines" select="$subtitle-lines"/>
          <xsl:with-param name="y" select="$subtitle-top"/>
          <xsl:with-param name="size" select="28"/>
          <xsl:with-param name="style" select="'italic'"/>
          <xsl:with-param name="class" select="'subtitle'"/>
        </xsl:call-template>
        <xsl:call-template name="cover-text-lines">
          <xsl:with-param name="lines" select="for $author in $authors return f:cover-lines($author, 30)"/>
          <xsl:with-param name="y" select="$author-top"/>
          <xsl:with-param name="size" select="32"/>
          <xsl:with-param name="class" select="'author'"/>
        </xsl:call-template>
        <xsl:if test="$cover-date ne ''">
          <xsl:call-template name="cover-text-lines">
            <xsl:with-param name="lines" select="$cover-date"/>
            <xsl:with-param name="y" select="$author-top + count($authors) * 40 + 20"/>
            <xsl:with-param name="size" select="24"/>
            <xsl:with-param name="style" select="'italic'"/>
            <xsl:with-param name="class" select="'date'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$cover-publisher ne ''">
          <xsl:call-template name="cover-text-lines">
            <xsl:with-param name="lines" select="f:cover-lines($cover-publisher, 40)"/>
            <xsl:with-param name="y" select="820"/>
            <xsl:with-param name="size" select="18"/>
            <xsl:with-param name="class" select="'publisher'"/>
          </xsl:call-template>
        </xsl:if>
      </svg>
    </xsl:result-document>
    <xsl:call-template name="page">
      <xsl:with-param name="file" select="'cover.xhtml'"/>
      <xsl:with-param name="title" select="'Cover'"/>
      <xsl:with-param name="matter" select="'cover'"/>
      <xsl:with-param name="content">
        <section class="cover"><img src="cover.svg" alt="{$cover-alt}" role="doc-cover"/></section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
