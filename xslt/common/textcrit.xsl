<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text criticism (TEI's textcrit module): what an apparatus in parallel
  segmentation means in a reading edition. The reading text is each app's
  lemma; a key (a letter series of its own, apart from the author's numbered
  notes) links to the app's entry in the critical apparatus, which gives the
  lemma (abridged), every other reading in full with its witnesses' sigla,
  and links back. Readings are never part of the running text, so their
  notes and names are rendered inside the entry (mode "reading"), without ids.

  Modes:
    #default   an app in the text: the lemma, then its key
    apparatus  an app as its apparatus entry
    reading    a reading's content inside an entry (phrasing only, no ids)
  Hooks for drivers: app-footnote (print: the entry again, floated to the
  page foot), apparatus-type (EPUB: epub:type).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:mode name="apparatus" on-no-match="shallow-skip"/>
  <xsl:mode name="reading" on-no-match="text-only-copy"/>

  <!-- The apparatus of the text, in text order, and the witnesses it cites. -->
  <xsl:variable name="apps" as="element()*" select="/tei:TEI/tei:text//tei:app"/>
  <xsl:variable name="witnesses" as="element()*" select="/tei:TEI/tei:teiHeader//tei:listWit/tei:witness"/>

  <!-- Apps and the text's paragraphs before a node, counted once in document order (a count of the
       preceding axis at every app grew with the square of a long text). -->
  <xsl:accumulator name="f:apps-before" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:app" phase="end" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:accumulator name="f:text-paragraphs" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:body//tei:p[not(ancestor::tei:rdg or ancestor::tei:note)]" select="$value + 1"/>
  </xsl:accumulator>

  <!-- An app's key: a, b, … z, aa, ab … by its place among the apps. -->
  <xsl:function name="f:app-label" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="n" select="$app/accumulator-before('f:apps-before') + 1"/>
    <xsl:sequence select="if ($n le 26) then codepoints-to-string(96 + $n)
      else concat(codepoints-to-string(96 + (($n - 1) idiv 26)), codepoints-to-string(97 + (($n - 1) mod 26)))"/>
  </xsl:function>

  <!-- Where an app is: the number of its paragraph in the text (its own, or the first it replaces), else the part it is in. -->
  <xsl:function name="f:app-place" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="block" select="($app/ancestor::tei:p[not(ancestor::tei:note)][1], $app/tei:lem/tei:p[1])[1]"/>
    <xsl:sequence select="if ($block/ancestor::tei:body) then concat('¶ ', $block/accumulator-before('f:text-paragraphs'))
      else if ($app/ancestor::tei:back) then 'back' else if ($app/ancestor::tei:front) then 'front' else ''"/>
  </xsl:function>

  <!-- The sigla of a reading: the witnesses' @n (else their ids), from @wit. -->
  <xsl:function name="f:sigla" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join(for $id in tokenize(normalize-space($reading/@wit), ' ') ! substring(., 2)
      return string(($witnesses[@xml:id = $id]/@n, $id)[1]), ' ')"/>
  </xsl:function>

  <!-- A long lemma as its first and last words (the entry's key to it in the text). -->
  <xsl:function name="f:abridge" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="words" select="tokenize(normalize-space($text), ' ')[. ne '']"/>
    <xsl:sequence select="if (count($words) le 8) then string-join($words, ' ')
      else concat(string-join(subsequence($words, 1, 4), ' '), ' … ', string-join(subsequence($words, count($words) - 2), ' '))"/>
  </xsl:function>

  <!-- In the text: the lemma, then the key to its entry. -->
  <xsl:template match="tei:app" priority="1">
    <xsl:choose>
      <xsl:when test="f:in-phrasing(.)">
        <span class="tei-app" id="{f:id(.)}" data-type="{@type}"><xsl:apply-templates select="tei:lem/node()"/></span>
        <xsl:call-template name="app-key"/>
        <xsl:call-template name="app-footnote"/>
      </xsl:when>
      <xsl:otherwise>
        <div class="tei-app" id="{f:id(.)}" data-type="{@type}">
          <xsl:apply-templates select="tei:lem/node()"/>
          <p class="app-key-block"><xsl:call-template name="app-key"/><xsl:call-template name="app-footnote"/></p>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="app-key">
    <a class="app-key" id="key-{f:id(.)}" href="{concat(f:file(.), '#apparatus-', f:id(.))}" role="doc-noteref"
       title="{string-join(for $r in tei:rdg return concat(if (normalize-space($r) eq '') then 'om.' else f:abridge(f:plain($r/node())), ' ', f:sigla($r)), '; ')}">
      <xsl:call-template name="noteref-type"/>
      <sup><xsl:value-of select="f:app-label(.)"/></sup>
    </a>
  </xsl:template>
  <!-- Hook: the print driver floats the entry to the page foot; elsewhere nothing. -->
  <xsl:template name="app-footnote"/>

  <!-- Readings are not running text: plain text (titles, labels) is the lemma's. -->
  <xsl:template match="tei:rdg" mode="plain" priority="1"/>

  <!-- An entry: key and place, lemma], then each reading with its sigla. -->
  <xsl:template match="tei:app" mode="apparatus">
    <xsl:param name="element" as="xs:string" select="'p'"/>
    <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="'app-entry'"/>
      <!-- The print footnote repeats the entry: one id, on the apparatus section's. -->
      <xsl:if test="$element ne 'span'"><xsl:attribute name="id" select="concat('apparatus-', f:id(.))"/></xsl:if>
      <xsl:attribute name="data-type" select="@type"/>
      <xsl:call-template name="apparatus-type"/>
      <xsl:variable name="content">
        <a class="app-backlink" href="{concat(f:file(.), '#key-', f:id(.))}" role="doc-backlink"><xsl:value-of select="f:app-label(.)"/></a>
        <xsl:text> </xsl:text>
        <span class="app-place"><xsl:value-of select="f:app-place(.)"/></span>
        <xsl:text> </xsl:text>
        <span class="app-lemma"><xsl:value-of select="if (normalize-space(tei:lem) eq '') then '(nothing)' else f:abridge(f:plain(tei:lem))"/></span>
        <xsl:text>] </xsl:text>
        <xsl:for-each select="tei:rdg">
          <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
          <span class="app-reading" data-type="{@type}">
            <xsl:choose>
              <xsl:when test="normalize-space(.) eq ''"><i>om.</i></xsl:when>
              <xsl:otherwise><xsl:apply-templates mode="reading"/></xsl:otherwise>
            </xsl:choose>
          </span>
          <xsl:text> </xsl:text>
          <span class="app-sigla"><xsl:value-of select="f:sigla(.)"/></span>
          <xsl:if test="@type"><xsl:text> </xsl:text><span class="app-type">(<xsl:value-of select="@type"/>)</span></xsl:if>
        </xsl:for-each>
        <xsl:if test="tei:lem/@wit">
          <xsl:text>; lemma </xsl:text><span class="app-sigla"><xsl:value-of select="f:sigla(tei:lem)"/></span>
        </xsl:if>
      </xsl:variable>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>
  <!-- Hook for EPUB's epub:type on entries. -->
  <xsl:template name="apparatus-type"/>

  <!-- A reading's content: its words and their emphasis; blocks run on, marked ¶; notes in brackets. -->
  <xsl:template match="tei:p | tei:head | tei:item | tei:l" mode="reading" priority="1">
    <xsl:if test="preceding-sibling::*"><xsl:text> ¶ </xsl:text></xsl:if>
    <xsl:apply-templates mode="reading"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="reading" priority="1">
    <span class="reading-note"><xsl:text> [</xsl:text><xsl:if test="@n"><xsl:value-of select="@n"/><xsl:text>: </xsl:text></xsl:if><xsl:apply-templates mode="reading"/><xsl:text>]</xsl:text></span>
  </xsl:template>
  <xsl:template match="tei:hi" mode="reading" priority="1">
    <xsl:variable name="rend" select="lower-case(normalize-space(@rend))"/>
    <xsl:element name="{if ($rend = ('italic', 'italics', 'i')) then 'i' else if ($rend = ('bold', 'b')) then 'b' else 'span'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:apply-templates mode="reading"/>
    </xsl:element>
  </xsl:template>

  <!-- The witnesses and the apparatus, after the text (print HTML; EPUB gives the entries per content document). -->
  <xsl:template name="apparatus">
    <xsl:if test="exists($apps)">
      <section id="apparatus" class="apparatus" aria-labelledby="apparatus-head">
        <h2 id="apparatus-head">Critical apparatus</h2>
        <xsl:call-template name="witness-list"/>
        <xsl:apply-templates select="$apps" mode="apparatus"/>
      </section>
    </xsl:if>
  </xsl:template>
  <xsl:template name="witness-list">
    <dl class="witnesses">
      <xsl:for-each select="$witnesses">
        <dt><xsl:value-of select="(@n, @xml:id)[1]"/></dt>
        <dd><xsl:value-of select="normalize-space(string-join(.//text(), ' '))"/></dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- Styles of the apparatus, added only to editions that have one. -->
  <xsl:variable name="css-apparatus" as="xs:string"><![CDATA[
a.app-key { text-decoration: none; font-style: italic; }
.tei-app { background: rgba(255, 220, 120, 0.25); }
div.tei-app { padding: 0 0.2em; }
.app-key-block { margin: 0; text-align: right; }
.apparatus { margin-top: 3em; border-top: 1px solid #ccc; padding-top: 1em; font-size: 0.9em; }
.app-entry { margin: 0.3em 0; }
.app-lemma, .app-sigla { font-weight: bold; }
.app-type { color: #555; font-size: 0.9em; }
.witnesses dt { font-weight: bold; float: left; margin-right: 0.6em; }
.app-footnote { display: none; }
@media print {
  .tei-app { background: none; }
  .app-footnote { display: block; float: footnote; font-size: 8pt; line-height: 1.3; text-align: left; border-left: 2px solid #999; padding-left: 0.4em; }
  .app-footnote::footnote-call { content: none; }
  .app-footnote::footnote-marker { content: none; }
}
]]></xsl:variable>

</xsl:stylesheet>
