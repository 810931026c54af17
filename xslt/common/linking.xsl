<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "linking" (and the pointer elements of "core"): ref and ptr.
  A pointer to "#id" becomes a link only when the target is rendered (in the
  text or the index): a dangling link would make the EPUB invalid. External
  targets stay links. The target always survives as data-target.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions"
  exclude-result-prefixes="#all">

  <!-- Where a pointer leads in the output, or () when it leads nowhere we render ($chunked: see f:file). -->
  <xsl:function name="f:target-href" as="xs:string?">
    <xsl:param name="pointer" as="element()"/>
    <xsl:param name="chunked" as="xs:boolean"/>
    <xsl:variable name="target" select="tokenize(normalize-space($pointer/@target), ' ')[1]"/>
    <xsl:variable name="node" select="if (starts-with($target, '#')) then key('xml-id', substring($target, 2), root($pointer)) else ()"/>
    <xsl:sequence select="
      if (matches(string($target), '^(https?|mailto):')) then $target
      else if ($node[ancestor::tei:text] or $node intersect $indexed-entries) then f:href($node[1], $chunked)
      else ()"/>
  </xsl:function>

  <xsl:template match="tei:ref | tei:ptr" priority="1">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="href" select="f:target-href(., $f:chunked)"/>
    <xsl:variable name="is-link" select="exists($href) and empty(ancestor::tei:ref) and empty(.//*[self::tei:ref or self::tei:ptr or (@ref and f:mention-links(.))])"/>
    <xsl:call-template name="link">
      <xsl:with-param name="href" select="if ($is-link) then $href else ()"/>
      <xsl:with-param name="noteref" select="@type = ('noteRef', 'noteref', 'note')"/>
      <xsl:with-param name="show-target" select="exists(self::tei:ptr)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
