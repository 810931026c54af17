<?xml version="1.0" encoding="UTF-8"?>
<!-- FIRST VERSION: identity transform; normalisation for deposit comes next. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-copy"/>
</xsl:stylesheet>
