<?xml version="1.0" encoding="UTF-8"?>
<!--
  Driver: EPUB 3 (epub/package.xsl), alone. Imports the common core with its
  XHTML behaviours and parts (html/all.xsl, as the print driver html.xsl
  does). book.xsl makes the same files beside the print HTML in one
  transform, sharing the work both need. Parameters: see common/params.xsl.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:tei-press:functions"
  exclude-result-prefixes="#all">

  <xsl:import href="html/all.xsl"/>
  <xsl:include href="epub/package.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="epub-package">
      <xsl:with-param name="font-faces" select="$font-faces"/>
      <xsl:with-param name="f:chunked" select="true()" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
