<?xml version="1.0" encoding="UTF-8"?>
<!--
  Compiles an ISO Schematron schema (query binding xslt2 or xslt3) into an
  XSLT 3.0 stylesheet that SaxonJS runs on each document. The compiled
  stylesheet returns a JSON array with one object per failed assert or
  successful report:
    { "pattern", "rule", "id", "role", "message", "location", "element" }
  where "element" is the 1-based position, in document order, of the element
  the rule fired on (its parent for an attribute), which pipeline/validate
  turns into a line and column.

  Supported: sch:ns, sch:let (schema, pattern and rule level), sch:pattern,
  sch:rule (first matching rule in a pattern wins, as ISO Schematron says),
  sch:assert and sch:report with @id, @role and text with sch:name and
  sch:value-of; xsl:key and xsl:function at the top level; sch:phase with
  sch:active, chosen by the parameter $phase (#ALL, the default: every
  pattern). Anything else (abstract patterns, phase-level let, diagnostics,
  includes) stops the compilation with a message rather than being silently
  ignored.

  Why not the ISO skeleton or SchXslt: neither is on the npm registry, and the
  pipeline needs only this subset; the tests run each rule of tei/tei-press.sch.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:axsl="urn:tei-press:alias-xsl"
  exclude-result-prefixes="xs sch"
  expand-text="yes">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes"/>

  <!-- The phase to compile: the id of an sch:phase (only its active patterns), or #ALL (every pattern). -->
  <xsl:param name="phase" as="xs:string" select="'#ALL'"/>

  <xsl:template match="/sch:schema">
    <xsl:if test="$phase ne '#ALL' and not(sch:phase[@id = $phase])">
      <xsl:message terminate="yes">schematron: no phase "{$phase}" in the schema</xsl:message>
    </xsl:if>
    <xsl:variable name="patterns" select="if ($phase eq '#ALL') then sch:pattern else sch:pattern[@id = current()/sch:phase[@id = $phase]/sch:active/@pattern]"/>
    <xsl:if test="not(@queryBinding = ('xslt2', 'xslt3'))">
      <xsl:message terminate="yes">schematron: queryBinding must be xslt2 or xslt3, found "{@queryBinding}"</xsl:message>
    </xsl:if>
    <xsl:for-each select="descendant::*[self::sch:phase[sch:let] or self::sch:diagnostics or self::sch:include or self::sch:extends
                                         or self::sch:pattern[@abstract = 'true' or @is-a] or self::sch:rule[@abstract = 'true']]">
      <xsl:message terminate="yes">schematron: &lt;{name()}&gt; is not supported by pipeline/tools/schematron-to-xslt.xsl</xsl:message>
    </xsl:for-each>
    <axsl:stylesheet version="3.0" exclude-result-prefixes="#all">
      <xsl:for-each select="sch:ns">
        <xsl:namespace name="{@prefix}" select="@uri"/>
      </xsl:for-each>
      <!-- The compiled code itself uses xs: types. -->
      <xsl:if test="not(sch:ns/@prefix = 'xs')">
        <xsl:namespace name="xs" select="'http://www.w3.org/2001/XMLSchema'"/>
      </xsl:if>
      <axsl:output method="json" indent="no"/>
      <xsl:copy-of select="xsl:key | xsl:function"/>
      <xsl:apply-templates select="sch:let"/>
      <xsl:apply-templates select="$patterns/sch:let"/>

      <axsl:template match="/">
        <!--
          Where the rule contexts are evaluated from. ISO Schematron fires a rule
          on every node its context (an XSLT pattern) matches, i.e. the nodes that
          descendant-or-self::node()/(context) selects. Text, comment and
          processing-instruction nodes have no children, attributes or
          descendants, so a context whose steps start with the child, attribute
          or descendant axis selects nothing from them: evaluating it from the
          document node and the elements only, collected once for all patterns,
          selects the same nodes. That cost SaxonJS a third of the rules' time
          (one walk over every node per pattern). A context starting with another
          axis (self::, parent::, ., ancestor, following, preceding) keeps the
          walk over every node.
        -->
        <axsl:variable name="Q{{urn:tei-press:schematron}}elements" select="(/ | descendant::*)"/>
        <axsl:variable name="results" as="map(*)*">
          <xsl:for-each select="$patterns">
            <xsl:variable name="contexts" select="string-join(sch:rule/@context ! ('(' || . || ')'), ' | ')"/>
            <xsl:variable name="from" select="if (some $context in sch:rule/@context satisfies matches($context, '(^|\|)[\s(]*(\.|self::|parent::|ancestor|following|preceding|/)')) then 'descendant-or-self::node()' else '$Q{urn:tei-press:schematron}elements'"/>
            <axsl:apply-templates select="{$from}/({$contexts})" mode="pattern-{position()}"/>
          </xsl:for-each>
        </axsl:variable>
        <axsl:sequence select="array {{ $results }}"/>
      </axsl:template>

      <!-- Where a rule fired, as an element position in document order (0 for the document node): the
           elements started before it, its ancestors and preceding elements, counted once for the document by
           an accumulator (counting them at each problem grew with problems × elements). -->
      <axsl:mode use-accumulators="#all"/>
      <axsl:accumulator name="Q{{urn:tei-press:schematron}}element-count" as="Q{{http://www.w3.org/2001/XMLSchema}}integer" initial-value="0">
        <axsl:accumulator-rule match="*" select="$value + 1"/>
      </axsl:accumulator>
      <axsl:function name="Q{{urn:tei-press:schematron}}element-position" as="Q{{http://www.w3.org/2001/XMLSchema}}integer">
        <axsl:param name="node" as="node()"/>
        <axsl:variable name="element" select="$node/ancestor-or-self::*[1]"/>
        <axsl:sequence select="if ($element) then $element/accumulator-before('Q{{urn:tei-press:schematron}}element-count') else 0"/>
      </axsl:function>

      <xsl:for-each select="$patterns">
        <xsl:variable name="mode" select="'pattern-' || position()"/>
        <xsl:variable name="pattern-id" select="string((@id, 'pattern-' || position())[1])"/>
        <!--
          Rules fire only on the nodes their contexts select: the main template
          selects them for each pattern in one path expression (in document order,
          each node once) and hands them to the rule templates, which do not recurse. Walking the whole
          tree through apply-templates for every pattern cost several times more.
          The first rule of a pattern that matches a node wins (by priority).
        -->
        <xsl:for-each select="sch:rule">
          <axsl:template match="{@context}" mode="{$mode}" priority="{1000 - position()}">
            <xsl:apply-templates select="sch:let"/>
            <xsl:apply-templates select="sch:assert | sch:report">
              <xsl:with-param name="pattern-id" select="$pattern-id"/>
            </xsl:apply-templates>
          </axsl:template>
        </xsl:for-each>
      </xsl:for-each>
    </axsl:stylesheet>
  </xsl:template>

  <xsl:template match="sch:let">
    <axsl:variable name="{@name}" select="{(@value, '()')[1]}"/>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report">
    <xsl:param name="pattern-id" as="xs:string"/>
    <axsl:if test="{if (self::sch:assert) then 'not(' || @test || ')' else @test}">
      <axsl:variable name="message" as="xs:string*">
        <xsl:apply-templates select="node()" mode="message"/>
      </axsl:variable>
      <axsl:sequence select="map {{
        'pattern': '{$pattern-id}',
        'rule': '{string(../@id)}',
        'id': '{string(@id)}',
        'role': '{string((@role, 'error')[1])}',
        'message': normalize-space(string-join($message, '')),
        'location': path(.),
        'element': Q{{urn:tei-press:schematron}}element-position(.)
      }}"/>
    </axsl:if>
  </xsl:template>

  <xsl:template match="text()" mode="message">
    <axsl:sequence select="{'''' || replace(., '''', '''''') || ''''}"/>
  </xsl:template>
  <xsl:template match="sch:value-of" mode="message">
    <axsl:sequence select="string-join(({@select}) ! string(), ' ')"/>
  </xsl:template>
  <xsl:template match="sch:name" mode="message">
    <axsl:sequence select="name({(@path, '.')[1]})"/>
  </xsl:template>
  <xsl:template match="sch:emph | sch:dir | sch:span" mode="message">
    <xsl:apply-templates select="node()" mode="message"/>
  </xsl:template>
  <xsl:template match="*" mode="message">
    <xsl:message terminate="yes">schematron: &lt;{name()}&gt; inside an assertion is not supported</xsl:message>
  </xsl:template>
</xsl:stylesheet>
