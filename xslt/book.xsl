<?xml version="1.0" encoding="UTF-8"?>
<!--
  Driver: the print HTML and the EPUB 3 in one transform, for a build that
  makes both: the print HTML (html/print.xsl) is the principal result, the
  EPUB's files (epub/package.xsl) are xsl:result-documents, as html.xsl and
  epub.xsl make them alone, byte for byte. What both need is worked out once:
  the global variables of the common core (titles, registers, the entries
  the index lists), its keys and accumulators (mentions, made ids), the
  index's order and its items, which the EPUB copies with links into its
  files. Between the two a message "book:part-print" tells the
  writers whose messages follow (the EPUB's come first, as its writer runs
  first). Parameters: see common/params.xsl (font-faces is the print HTML's,
  epub-font-faces the EPUB's).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:tei-press:functions"
  exclude-result-prefixes="#all">

  <xsl:import href="html/all.xsl"/>
  <xsl:include href="html/print.xsl"/>
  <xsl:include href="epub/package.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- The index is rendered twice here: its items are made once and copied (html/parts.xsl). -->
  <xsl:variable name="index-items-shared" as="xs:boolean" select="true()"/>

  <xsl:template match="/">
    <xsl:call-template name="epub-package">
      <xsl:with-param name="font-faces" select="$epub-font-faces"/>
      <xsl:with-param name="f:chunked" select="true()" tunnel="yes"/>
    </xsl:call-template>
    <xsl:message select="'book:part-print'"/>
    <xsl:call-template name="print-html"/>
  </xsl:template>

</xsl:stylesheet>
