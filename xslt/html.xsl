<?xml version="1.0" encoding="UTF-8"?>
<!--
  Driver: print-ready HTML (html/print.xsl), alone. book.xsl makes the same
  document beside the EPUB in one transform, sharing the work both need.
  The EPUB and site drivers are its siblings, not its importers.
  Parameters: see common/params.xsl.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  exclude-result-prefixes="#all">

  <xsl:import href="html/all.xsl"/>
  <xsl:include href="html/print.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:template match="/">
    <xsl:call-template name="print-html"/>
  </xsl:template>

</xsl:stylesheet>
