<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "textstructure": divisions and their headings, the front matter
  of the source (its title block) and the back matter, each rendered by a
  behaviour (html/behaviours.xsl).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions"
  exclude-result-prefixes="#all">

  <!-- A division is a section; every one gets an id, the TOC links to it. -->
  <!-- A section of the source's notes is its endnotes. -->
  <xsl:template match="tei:div" priority="1">
    <xsl:call-template name="section"><xsl:with-param name="endnotes" select="@type = 'notes'"/></xsl:call-template>
  </xsl:template>

  <!-- Headings: the level follows the depth of divisions (a top-level section is h2, under the title's h1). -->
  <xsl:template match="tei:div/tei:head" priority="2">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="min((count(ancestor::tei:div) + 1, 6))"/>
      <xsl:with-param name="id" select="if (preceding-sibling::tei:head) then @xml:id else concat(f:id(..), '-head')"/>
    </xsl:call-template>
  </xsl:template>
  <!-- A heading run into the opening paragraph of an untitled section ("THE YOUTH. The youth …", the label
       f:div-label finds): set apart as a run-in head, the text unchanged. -->
  <xsl:template match="tei:div[not(tei:head)]/tei:p[not(preceding-sibling::tei:p)]/text()[not(preceding-sibling::node())]" priority="2">
    <xsl:variable name="label" select="f:div-label(../..)"/>
    <xsl:variable name="lead" select="replace(., '^\s+', '')"/>
    <xsl:choose>
      <xsl:when test="not(ends-with($label, '…')) and starts-with($lead, concat($label, '. '))">
        <xsl:call-template name="run-in-head">
          <xsl:with-param name="before" select="substring(., 1, string-length(.) - string-length($lead))"/>
          <xsl:with-param name="label" select="concat($label, '.')"/>
          <xsl:with-param name="rest" select="substring($lead, string-length($label) + 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Any other heading (of a quotation, a note, a figure): a paragraph marked as heading. -->
  <xsl:template match="tei:head" priority="1"><xsl:call-template name="inline-or-paragraph"/></xsl:template>

  <xsl:template match="tei:body | tei:back | tei:front" priority="1"><xsl:call-template name="block"/></xsl:template>

  <!-- The source's title block. -->
  <xsl:template match="tei:docTitle" priority="1">
    <xsl:call-template name="title-block"><xsl:with-param name="parts" select="tei:titlePart"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:titlePart" priority="1"><xsl:call-template name="inline"/></xsl:template>
  <xsl:template match="tei:byline | tei:docDate | tei:docImprint | tei:docEdition" priority="1"><xsl:call-template name="paragraph"/></xsl:template>
  <xsl:template match="tei:docDate[f:in-phrasing(.)] | tei:docImprint[f:in-phrasing(.)] | tei:docEdition[f:in-phrasing(.)]" priority="2">
    <xsl:call-template name="inline"/>
  </xsl:template>
  <xsl:template match="tei:docAuthor" priority="1"><xsl:call-template name="inline"/></xsl:template>
  <xsl:template match="tei:titlePage" priority="1"><xsl:call-template name="block"/></xsl:template>

  <!-- Plain text of a title block: its parts joined. -->
  <xsl:template match="tei:titlePart" mode="plain" priority="1">
    <xsl:if test="preceding-sibling::tei:titlePart">
      <xsl:value-of select="if (@type eq 'sub' and not(preceding-sibling::tei:titlePart[1]/@type eq 'sub')) then ': ' else ' '"/>
    </xsl:if>
    <xsl:apply-templates mode="plain"/>
  </xsl:template>

</xsl:stylesheet>
