<?xml version="1.0" encoding="UTF-8"?>
<!--
  Driver: archival TEI, for deposit. An identity transform plus normalisation:
    - xml-model instructions naming the schemas the file is valid against:
      tei_all (TEI Consortium) and the project's tei-press.rng / tei-press.sch;
      earlier xml-model instructions are replaced, other instructions kept;
    - no pipeline-internal markup: attributes and elements in any namespace
      other than TEI and XML are removed (an element's content is kept);
    - a revisionDesc/change for this archival edition (revisionDesc is made
      when missing), dated by the build's fixed date, never the clock;
    - xml:ids are kept as they are, so references into the file stay stable.
  Parameters: see common/params.xsl.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:import href="common/params.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:mode on-no-match="shallow-copy"/>

  <xsl:variable name="tei-ns" select="'http://www.tei-c.org/ns/1.0'"/>
  <xsl:variable name="xml-ns" select="'http://www.w3.org/XML/1998/namespace'"/>

  <!-- The date of this archival edition: the build's fixed date, else the TEI edition's date. -->
  <xsl:variable name="archive-date" as="xs:string?"
    select="(substring($modified, 1, 10)[matches(., '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')],
             /tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date/@when[matches(., '^[0-9]{4}(-[0-9]{2}){0,2}$')])[1]"/>

  <xsl:template match="/">
    <xsl:text>&#10;</xsl:text>
    <xsl:processing-instruction name="xml-model">href="<xsl:value-of select="$tei-all-url"/>" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"</xsl:processing-instruction>
    <xsl:text>&#10;</xsl:text>
    <xsl:processing-instruction name="xml-model">href="<xsl:value-of select="$schema-rng"/>" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"</xsl:processing-instruction>
    <xsl:text>&#10;</xsl:text>
    <xsl:processing-instruction name="xml-model">href="<xsl:value-of select="$schema-sch"/>" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"</xsl:processing-instruction>
    <xsl:text>&#10;</xsl:text>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Schema references are written afresh above. -->
  <xsl:template match="/processing-instruction('xml-model')" priority="2"/>

  <!-- Copy TEI elements without namespace declarations the pipeline may have left.
       (Name tests, not namespace-uri() predicates: SaxonJS evaluates a predicate of a
       pattern as an expression for every node it tries, a name test costs it nothing.) -->
  <xsl:template match="tei:*" priority="1">
    <xsl:copy copy-namespaces="no">
      <!-- The attributes the template below keeps, copied without a template rule per attribute. -->
      <xsl:copy-of select="@*[namespace-uri() eq '' or namespace-uri() eq $xml-ns]"/>
      <xsl:apply-templates/>
    </xsl:copy>
  </xsl:template>

  <!-- Pipeline-internal markup: attributes in foreign namespaces go; foreign elements give way to their content. -->
  <xsl:template match="@*[namespace-uri() ne ''][namespace-uri() ne $xml-ns]" priority="2"/>
  <xsl:template match="*" priority="0">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The revision history records this archival edition first (TEI lists changes newest first). -->
  <xsl:template match="tei:revisionDesc" priority="3">
    <xsl:copy copy-namespaces="no">
      <xsl:apply-templates select="@*"/>
      <xsl:call-template name="archival-change"/>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="tei:teiHeader[not(tei:revisionDesc)]" priority="3">
    <xsl:copy copy-namespaces="no">
      <xsl:apply-templates select="@* | node()"/>
      <revisionDesc><xsl:call-template name="archival-change"/></revisionDesc>
    </xsl:copy>
  </xsl:template>
  <xsl:template name="archival-change">
    <change>
      <xsl:if test="$archive-date"><xsl:attribute name="when" select="$archive-date"/></xsl:if>
      <xsl:value-of select="concat('Archival TEI made for deposit by TEI Press', if ($tool-version ne '') then concat(' ', $tool-version) else '',
        ': schema references (tei_all, ', $schema-rng, ', ', $schema-sch, ') added, pipeline-internal markup removed, identifiers kept.')"/>
    </change>
  </xsl:template>
  <!-- A revisionDesc holding listChange keeps that shape. -->
  <xsl:template match="tei:revisionDesc[tei:listChange]" priority="4">
    <xsl:copy copy-namespaces="no">
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="tei:listChange[1]">
        <xsl:copy copy-namespaces="no">
          <xsl:apply-templates select="@*"/>
          <xsl:call-template name="archival-change"/>
          <xsl:apply-templates select="node()"/>
        </xsl:copy>
      </xsl:for-each>
      <xsl:apply-templates select="node() except tei:listChange[1]"/>
    </xsl:copy>
  </xsl:template>

</xsl:stylesheet>
