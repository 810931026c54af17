<?xml version="1.0" encoding="UTF-8"?>
<!-- FIRST VERSION: placeholder print HTML driver, replaced by the common core + driver. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="tei">
  <xsl:output method="html" html-version="5" encoding="UTF-8"/>
  <xsl:param name="slug" as="xs:string" select="'edition'" xmlns:xs="http://www.w3.org/2001/XMLSchema"/>
  <xsl:template match="/">
    <html lang="en"><head><meta charset="utf-8"/><title><xsl:value-of select="//tei:titleStmt/tei:title[1]"/></title></head>
    <body><xsl:apply-templates select="//tei:body"/></body></html>
  </xsl:template>
  <xsl:template match="tei:div"><section><xsl:apply-templates/></section></xsl:template>
  <xsl:template match="tei:head"><h2><xsl:apply-templates/></h2></xsl:template>
  <xsl:template match="tei:p"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:list"><ol><xsl:apply-templates/></ol></xsl:template>
  <xsl:template match="tei:item"><li><xsl:apply-templates/></li></xsl:template>
</xsl:stylesheet>
