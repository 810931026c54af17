<?xml version="1.0" encoding="UTF-8"?>
<!-- FIRST VERSION: placeholder EPUB driver. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="tei">
  <xsl:template match="/">
    <xsl:result-document href="OEBPS/text.xhtml" method="xhtml">
      <html><head><title>x</title></head><body><xsl:for-each select="//tei:p"><p><xsl:value-of select="."/></p></xsl:for-each></body></html>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
