<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every XHTML rendering imports: the output-neutral common core (what
  TEI means), then the XHTML behaviours it calls, the parts of a book made
  from them, and the style sheets. Imported in this order, so that a module
  here overrides the ones before it (parts.xsl's back matter over the
  common block), and a driver overrides them all.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/base.xsl"/>
  <xsl:import href="../common/core.xsl"/>
  <xsl:import href="../common/textstructure.xsl"/>
  <xsl:import href="../common/header.xsl"/>
  <xsl:import href="../common/namesdates.xsl"/>
  <xsl:import href="../common/linking.xsl"/>
  <xsl:import href="../common/textcrit.xsl"/>
  <xsl:import href="behaviours.xsl"/>
  <xsl:import href="parts.xsl"/>
  <xsl:import href="css.xsl"/>

</xsl:stylesheet>
