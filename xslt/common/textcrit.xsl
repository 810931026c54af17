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
  xmlns:f="urn:tei-press:functions"
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

  <!-- The number a paragraph of a critical edition's text shows for citation, the one the apparatus
       gives its entries (¶ 12); none outside a critical edition, in readings and in notes. -->
  <xsl:function name="f:paragraph-number" as="xs:integer?">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="if (exists($apps) and $p/ancestor::tei:body and not($p/ancestor::tei:rdg or $p/ancestor::tei:note))
      then $p/accumulator-before('f:text-paragraphs') else ()"/>
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

  <!-- In the text: the lemma, then the key to its entry (behaviour "variant"). -->
  <xsl:template match="tei:app" priority="1">
    <xsl:call-template name="variant">
      <xsl:with-param name="lemma" select="tei:lem/node()"/>
      <xsl:with-param name="inline" select="f:in-phrasing(.)"/>
    </xsl:call-template>
  </xsl:template>
  <!-- The readings of an app in brief, for its key's title: each reading (abridged; "om." for none) with its sigla. -->
  <xsl:function name="f:readings-summary" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="string-join(for $r in $app/tei:rdg return concat(if (normalize-space($r) eq '') then 'om.' else f:abridge(f:plain($r/node())), ' ', f:sigla($r)), '; ')"/>
  </xsl:function>

  <!-- Readings are not running text: plain text (titles, labels) is the lemma's. -->
  <xsl:template match="tei:rdg" mode="plain" priority="1"/>




</xsl:stylesheet>
