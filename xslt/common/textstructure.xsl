<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "textstructure": divisions and their headings, the front matter
  of the source (its title block), the back matter, and divisions as entries
  of a table of contents (mode "toc").
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- A division is a section; every one gets an id, the TOC links to it. -->
  <xsl:template match="tei:div" priority="1">
    <section>
      <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template>
      <xsl:if test="tei:head"><xsl:attribute name="aria-labelledby" select="concat(f:id(.), '-head')"/></xsl:if>
      <!-- A section of the source's notes is the endnotes of DPUB-ARIA. -->
      <xsl:if test="@type = 'notes'">
        <xsl:attribute name="role" select="'doc-endnotes'"/>
        <xsl:call-template name="endnotes-type"/>
      </xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>
  <!-- Hook for EPUB's epub:type="endnotes". -->
  <xsl:template name="endnotes-type"/>

  <!-- Headings: the level follows the depth of divisions (a top-level section is h2, under the title's h1). -->
  <xsl:template match="tei:div/tei:head" priority="2">
    <xsl:variable name="level" select="min((count(ancestor::tei:div) + 1, 6))"/>
    <xsl:element name="h{$level}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes">
        <xsl:with-param name="id" select="if (preceding-sibling::tei:head) then @xml:id else concat(f:id(..), '-head')"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <!-- A heading run into the opening paragraph of an untitled section ("THE YOUTH. The youth …", the label
       f:div-label finds): set apart as a run-in head, the text unchanged. -->
  <xsl:template match="tei:div[not(tei:head)]/tei:p[not(preceding-sibling::tei:p)]/text()[not(preceding-sibling::node())]" priority="2">
    <xsl:variable name="label" select="f:div-label(../..)"/>
    <xsl:variable name="lead" select="replace(., '^\s+', '')"/>
    <xsl:choose>
      <xsl:when test="not(ends-with($label, '…')) and starts-with($lead, concat($label, '. '))">
        <xsl:value-of select="substring(., 1, string-length(.) - string-length($lead))"/>
        <span class="run-in-head"><xsl:value-of select="concat($label, '.')"/></span>
        <xsl:value-of select="substring($lead, string-length($label) + 2)"/>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Any other heading (of a quotation, a note, a figure): a paragraph marked as heading. -->
  <xsl:template match="tei:head" priority="1">
    <xsl:element name="{if (f:in-phrasing(.)) then 'span' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:body | tei:back | tei:front" priority="1">
    <div><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></div>
  </xsl:template>

  <!-- The source's title block. -->
  <xsl:template match="tei:docTitle" priority="1">
    <h1><xsl:call-template name="tei-attributes"><xsl:with-param name="class" select="'doc-title'"/></xsl:call-template>
      <xsl:for-each select="tei:titlePart">
        <!-- The space keeps the parts apart where the heading is read as text (running heads, plain text). -->
        <xsl:if test="position() gt 1"><xsl:text> </xsl:text><br/></xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </h1>
  </xsl:template>
  <xsl:template match="tei:titlePart" priority="1">
    <span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:byline | tei:docDate | tei:docImprint | tei:docEdition" priority="1">
    <p><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:docDate[f:in-phrasing(.)] | tei:docImprint[f:in-phrasing(.)] | tei:docEdition[f:in-phrasing(.)]" priority="2">
    <span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:docAuthor" priority="1">
    <span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:titlePage" priority="1">
    <div><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></div>
  </xsl:template>

  <!-- Table of contents: every division, the first and the untitled included. -->
  <xsl:template match="tei:div" mode="toc" priority="1">
    <li>
      <a href="{f:href(.)}"><xsl:value-of select="f:div-label(.)"/></a>
      <xsl:if test="tei:div">
        <ol><xsl:apply-templates select="tei:div" mode="toc"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- Plain text of a title block: its parts joined. -->
  <xsl:template match="tei:titlePart" mode="plain" priority="1">
    <xsl:if test="preceding-sibling::tei:titlePart">
      <xsl:value-of select="if (@type eq 'sub' and not(preceding-sibling::tei:titlePart[1]/@type eq 'sub')) then ': ' else ' '"/>
    </xsl:if>
    <xsl:apply-templates mode="plain"/>
  </xsl:template>

</xsl:stylesheet>
