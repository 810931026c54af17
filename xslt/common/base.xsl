<?xml version="1.0" encoding="UTF-8"?>
<!--
  The shared ground of the common core: modes, keys and functions that decide
  what a TEI node *is* (its id, its label, whether it sits in running text),
  independent of the markup a driver makes of it.

  Modes (each is one rendering of a node; no boolean parameters):
    #default  the node as reading text (HTML flow/phrasing content)
    plain     the node as plain text, without notes (titles in nav, OPF, <title>)
    toc       a division as an entry of a table of contents
    notes     a note as the note body (EPUB aside / print endnote)
    index     a register entry (person, place, org) as an index entry
    colophon  header parts as the colophon's account of source and edition
    footnote  a note's content inside a print footnote (phrasing content only)
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:mode on-no-match="text-only-copy"/>
  <xsl:mode name="plain" on-no-match="text-only-copy"/>
  <xsl:mode name="toc" on-no-match="shallow-skip"/>
  <xsl:mode name="notes" on-no-match="shallow-skip"/>
  <xsl:mode name="index" on-no-match="shallow-skip"/>
  <xsl:mode name="colophon" on-no-match="text-only-copy"/>
  <xsl:mode name="footnote" on-no-match="text-only-copy"/>

  <!-- Elements carrying an xml:id, to tell whether a pointer resolves inside this document. -->
  <xsl:key name="xml-id" match="*[@xml:id]" use="string(@xml:id)"/>
  <!-- Register entries by id. -->
  <xsl:key name="register-entry" match="tei:listPerson/tei:person | tei:listPlace/tei:place | tei:listOrg/tei:org" use="string(@xml:id)"/>
  <!-- Mentions of register entries, by the entry's id: every text element whose @ref points at "#id". -->
  <xsl:key name="mentions" match="tei:text//*[@ref]"
    use="f:local-refs(@ref)"/>
  <!-- The ids a @ref points to in this document ("#id" tokens, without the "#"). Most @ref hold one
       token: they are not tokenized (SaxonJS compiles the regular expression at every call). -->
  <xsl:function name="f:local-refs" as="xs:string*">
    <xsl:param name="ref" as="attribute()?"/>
    <xsl:variable name="value" select="normalize-space($ref)"/>
    <xsl:sequence select="if (contains($value, ' ')) then tokenize($value, ' ')[starts-with(., '#')] ! substring(., 2)
      else if (starts-with($value, '#')) then substring($value, 2) else ()"/>
  </xsl:function>

  <!-- The register entries this document carries: the lists in standOff, in
       the header or in the back matter. Only those parts are searched, not
       the whole text (a tenth of the elements); the order (persons, places,
       organisations, each in document order) is the one the index sorts. -->
  <xsl:variable name="register-entries" as="element()*"
    select="for $part in (/tei:TEI/tei:teiHeader, /tei:TEI/tei:standOff, /tei:TEI/tei:text/tei:back)
            return ($part/descendant::tei:person[parent::tei:listPerson], $part/descendant::tei:place[parent::tei:listPlace],
                    $part/descendant::tei:org[parent::tei:listOrg])[@xml:id]"/>

  <!-- Entries that make it into the index: those mentioned in the text. -->
  <xsl:variable name="indexed-entries" as="element()*"
    select="$register-entries[count(key('mentions', string(@xml:id))) ge $index-min-mentions]"/>

  <!-- The units the body is divided into for reading: its top-level divisions,
       or the whole body when it holds anything else beside them. -->
  <xsl:variable name="chunks" as="element()*"
    select="let $body := /tei:TEI/tei:text/tei:body
            return if ($body/* and empty($body/*[not(self::tei:div)])) then $body/tei:div else $body"/>

  <!-- Notes of the text placed at their reference point (not those of the header,
       nor endnotes standing as blocks in the back), in document order. -->
  <xsl:variable name="text-notes" as="element()*" select="/tei:TEI/tei:text//tei:note[f:in-phrasing(.)]"/>

  <!-- The id a node has in the output: its xml:id, else one made from its
       name and its position among the text's elements of that name (stable
       across builds, and unaffected by changes to the header or registers).
       The made ids are computed once, in one pass, into a map, for the
       elements the outputs link to (divisions, the back, notes, page breaks,
       mentions): a map entry costs SaxonJS some 10 µs to make, and the text's
       other elements never need one. An element of another name (say an
       unusual one with @ref, listed in the index) is counted when asked. -->
  <xsl:variable name="made-ids" as="map(xs:string, xs:string)">
    <!-- One scan per name (*:name, as local-name() = 'name' counted them), merged from one-entry maps:
         in SaxonJS this costs about half of an xsl:map of xsl:map-entry over a for-each-group by local-name(). -->
    <xsl:variable name="text" select="/tei:TEI/tei:text"/>
    <xsl:sequence select="map:merge((
        $text/descendant::*:persName ! (if (@xml:id) then () else map{generate-id(): concat('tp-persName-', position())}),
        $text/descendant::*:placeName ! (if (@xml:id) then () else map{generate-id(): concat('tp-placeName-', position())}),
        $text/descendant::*:orgName ! (if (@xml:id) then () else map{generate-id(): concat('tp-orgName-', position())}),
        $text/descendant::*:note ! (if (@xml:id) then () else map{generate-id(): concat('tp-note-', position())}),
        $text/descendant::*:div ! (if (@xml:id) then () else map{generate-id(): concat('tp-div-', position())}),
        $text/descendant::*:back ! (if (@xml:id) then () else map{generate-id(): concat('tp-back-', position())}),
        $text/descendant::*:pb ! (if (@xml:id) then () else map{generate-id(): concat('tp-pb-', position())}),
        $text/descendant::*:rs ! (if (@xml:id) then () else map{generate-id(): concat('tp-rs-', position())}),
        $text/descendant::*:name ! (if (@xml:id) then () else map{generate-id(): concat('tp-name-', position())})))"/>
  </xsl:variable>
  <xsl:function name="f:id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <!-- One attribute step (SaxonJS makes the attribute nodes anew at each). -->
    <xsl:variable name="xml-id" select="$node/@xml:id"/>
    <xsl:variable name="made" select="if (exists($xml-id)) then () else $made-ids(generate-id($node))"/>
    <xsl:sequence select="if (exists($xml-id)) then string($xml-id)
      else if (exists($made)) then $made
      else if ($node/ancestor::tei:text[parent::tei:TEI/parent::document-node()])
      then concat('tp-', local-name($node), '-', index-of(root($node)/tei:TEI/tei:text//*[local-name() eq local-name($node)] ! (. is $node), true()))
      else concat('tp-', local-name($node), '-', count($node/preceding::*) + count($node/ancestor::*) + 1)"/>
  </xsl:function>

  <!-- The output file a node is rendered in: '' in one-file outputs. A driver
       that writes several files overrides this function (an xsl:function of
       higher import precedence replaces it everywhere). -->
  <xsl:function name="f:file" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="''"/>
  </xsl:function>

  <!-- A link to a node from anywhere in the output. -->
  <xsl:function name="f:href" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="concat(f:file($node), '#', f:id($node))"/>
  </xsl:function>

  <!-- Plain text of nodes: no notes, no markup, white space normalised. -->
  <xsl:function name="f:plain" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*"><xsl:apply-templates select="$nodes" mode="plain"/></xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts, ''))"/>
  </xsl:function>

  <!-- The label of a division: its heading, else (an untitled opening section)
       the first words of its text, so that every section has a TOC entry. -->
  <xsl:function name="f:div-label" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="head" select="f:plain($div/tei:head[1])"/>
    <xsl:variable name="first" select="f:plain(($div//tei:p)[1])"/>
    <xsl:variable name="words" select="tokenize($first, ' ')[. ne '']"/>
    <!-- A run-in heading in capitals ("THE YOUTH. The youth constitutes …") names its section. -->
    <!-- SaxonJS compiles a regular expression at every call, and one with \p{Lu} costs it about
         a millisecond: the words before the first full stop are tested as ASCII first (A-Z are
         all the ASCII upper-case letters, 0-9 all the ASCII digits), and only other text
         goes to the Unicode expression. The first full stop ends any match, as the class
         holds no full stop. -->
    <xsl:variable name="before-stop" select="substring-before($first, '.')"/>
    <xsl:variable name="run-in" select="
      if ($before-stop eq '' or upper-case($before-stop) ne $before-stop) then ''
      else if (matches($before-stop, '^[\p{IsBasicLatin}’]*$'))
      then (if (matches($before-stop, '^[A-Z][A-Z0-9 ,’''\-]*[A-Z]$') and starts-with(substring-after($first, '.'), ' ')) then $before-stop else '')
      else if (matches($first, '^\p{Lu}[\p{Lu}\d ,’''\-]*\p{Lu}\.\s')) then substring-before($first, '. ') else ''"/>
    <xsl:sequence select="if ($head ne '') then $head
      else if ($run-in ne '') then $run-in
      else if (exists($words)) then concat(string-join(subsequence($words, 1, 8), ' '), if (count($words) gt 8) then ' …' else '')
      else concat('Section ', count($div/preceding-sibling::tei:div) + 1)"/>
  </xsl:function>

  <!-- True when an HTML datetime attribute may carry the value: a year, year-month or date.
       ASCII digits only, as HTML requires ([0-9], not \d, which also takes other scripts' digits
       and costs SaxonJS the Unicode digit tables at every call). -->
  <xsl:function name="f:is-html-date" as="xs:boolean">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="matches(string($value), '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$')"/>
  </xsl:function>

  <!-- True when a node sits inside running text (HTML phrasing content), so it
       must render inline: its parent renders as a paragraph-like element, or
       is itself in running text, or mixes text with elements. -->
  <xsl:function name="f:in-phrasing" as="xs:boolean">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="parent" select="$node/parent::*"/>
    <xsl:sequence select="
      if (empty($parent)) then false()
      else if ($parent[self::tei:div or self::tei:body or self::tei:front or self::tei:back or self::tei:text
                      or self::tei:list or self::tei:table or self::tei:row or self::tei:lg or self::tei:standOff]) then false()
      else if ($parent[self::tei:p or self::tei:head or self::tei:l or self::tei:label or self::tei:titlePart
                      or self::tei:docAuthor or self::tei:docDate or self::tei:byline or self::tei:trailer
                      or self::tei:dateline or self::tei:salute or self::tei:signed or self::tei:speaker]) then true()
      else exists($parent/text()[normalize-space()]) or f:in-phrasing($parent)"/>
  </xsl:function>

  <!-- A TEI attribute name as an HTML data-* name: data attributes take no upper case (notBefore → data-not-before). -->
  <xsl:function name="f:data-name" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <!-- Most names are lower case already: no regular expression for them. -->
    <xsl:sequence select="concat('data-', if (lower-case($name) eq $name) then $name else lower-case(replace($name, '([a-z])([A-Z])', '$1-$2')))"/>
  </xsl:function>

  <!-- "John G. Wright" → "Wright, John G." for sorting (EPUB file-as); empty
       when the name does not look like a person's (corporate authors). -->
  <xsl:function name="f:file-as" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="words" select="tokenize(normalize-space($name), ' ')"/>
    <!-- Every word capitalised: one regular expression over the whole name, not one per word
         (SaxonJS compiles it at every call, and \p{L} is a large table). -->
    <xsl:sequence select="
      if (count($words) lt 2 or count($words) gt 5
          or not(matches(normalize-space($name), '^\p{Lu}[\p{L}.’''\-]*( \p{Lu}[\p{L}.’''\-]*)*$'))
          or $words = ('Committee', 'Party', 'Board', 'Bureau', 'Council', 'League', 'Union', 'International', 'Editor', 'Editors',
                       'Staff', 'Group', 'Executive', 'Congress', 'Conference', 'Secretariat', 'Society', 'Federation', 'Association'))
      then ''
      else concat($words[last()], ', ', string-join($words[position() lt last()], ' '))"/>
  </xsl:function>

  <!-- Label of an authority id type, shown with the id (users find bare ids confusing). -->
  <xsl:function name="f:idno-label" as="xs:string">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:variable name="t" select="lower-case(string($type))"/>
    <xsl:sequence select="
      if ($t eq 'wikidata') then 'Wikidata' else if ($t eq 'viaf') then 'VIAF'
      else if ($t eq 'geonames') then 'GeoNames' else if ($t eq 'gnd') then 'GND'
      else if ($t = ('lc', 'lcnaf', 'loc')) then 'Library of Congress' else if ($t eq 'isni') then 'ISNI'
      else if ($t eq 'orcid') then 'ORCID' else if ($t eq 'tgn') then 'Getty TGN'
      else if ($t eq '') then 'ID' else string($type)"/>
  </xsl:function>

</xsl:stylesheet>
