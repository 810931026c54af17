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
  exclude-result-prefixes="#all">

  <!-- The accumulators below apply to the source document (Saxon-HE applies none unless the initial mode says so). -->
  <xsl:mode on-no-match="text-only-copy" use-accumulators="#all"/>
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
  <xsl:key name="mentions" match="tei:text//*[@ref][not(ancestor::tei:rdg)]"
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
       nor endnotes standing as blocks in the back, nor those inside a variant reading,
       which its apparatus entry gives), in document order. -->
  <xsl:variable name="text-notes" as="element()*" select="/tei:TEI/tei:text//tei:note[f:in-phrasing(.)][not(ancestor::tei:rdg)]"/>

  <!-- The id a node has in the output: its xml:id, else one made from its
       name and its position among the text's elements of that name (stable
       across builds, and unaffected by changes to the header or registers);
       outside the text, its position among the document's elements.
       Positions come from accumulators, each computed in one walk over the
       tree the first time it is asked for (the made ids were a map keyed by
       generate-id(), which costs SaxonJS a count of the preceding siblings of
       the node and of each ancestor: that grew with the square of a long text
       whose paragraphs are siblings). -->
  <!-- Elements of the names the outputs link to (divisions, the back, notes, page breaks, mentions), counted
       by name tests alone (a pattern with a path or a map-valued rule costs SaxonJS far more per node):
       the position in the text is the count at the node less the count before the text. -->
  <xsl:accumulator name="f:n-persName" as="xs:integer" initial-value="0"><xsl:accumulator-rule match="*:persName" select="$value + 1"/></xsl:accumulator>
  <xsl:accumulator name="f:n-placeName" as="xs:integer" initial-value="0"><xsl:accumulator-rule match="*:placeName" select="$value + 1"/></xsl:accumulator>
  <xsl:accumulator name="f:n-orgName" as="xs:integer" initial-value="0"><xsl:accumulator-rule match="*:orgName" select="$value + 1"/></xsl:accumulator>
  <xsl:accumulator name="f:n-note" as="xs:integer" initial-value="0"><xsl:accumulator-rule match="*:note" select="$value + 1"/></xsl:accumulator>
  <xsl:accumulator name="f:n-div" as="xs:integer" initial-value="0"><xsl:accumulator-rule match="*:div" select="$value + 1"/></xsl:accumulator>
  <xsl:accumulator name="f:n-back" as="xs:integer" initial-value="0"><xsl:accumulator-rule match="*:back" select="$value + 1"/></xsl:accumulator>
  <xsl:accumulator name="f:n-pb" as="xs:integer" initial-value="0"><xsl:accumulator-rule match="*:pb" select="$value + 1"/></xsl:accumulator>
  <xsl:accumulator name="f:n-rs" as="xs:integer" initial-value="0"><xsl:accumulator-rule match="*:rs" select="$value + 1"/></xsl:accumulator>
  <xsl:accumulator name="f:n-name" as="xs:integer" initial-value="0"><xsl:accumulator-rule match="*:name" select="$value + 1"/></xsl:accumulator>
  <!-- Any other name (an unusual element with @ref, listed in the index), counted only when one is asked for. -->
  <xsl:accumulator name="f:name-counts" as="map(xs:string, xs:integer)" initial-value="map{}">
    <xsl:accumulator-rule match="/tei:TEI/tei:text//*"
      select="let $name := local-name() return map:put($value, $name, ($value($name), 0)[1] + 1)"/>
  </xsl:accumulator>
  <!-- Elements outside the text: how many start before this one in document order, plus one (its ancestors and preceding elements). -->
  <xsl:accumulator name="f:element-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="*" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:function name="f:id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <!-- One attribute step (SaxonJS makes the attribute nodes anew at each). -->
    <xsl:variable name="xml-id" select="$node/@xml:id"/>
    <xsl:variable name="text" select="if (exists($xml-id)) then () else $node/ancestor::tei:text[parent::tei:TEI/parent::document-node()]"/>
    <xsl:sequence select="if (exists($xml-id)) then string($xml-id)
      else if (exists($text)) then concat('tp-', local-name($node), '-', f:position-in-text($node, $text/../tei:text[1]))
      else concat('tp-', local-name($node), '-', $node/accumulator-before('f:element-count'))"/>
  </xsl:function>
  <!-- The position of an element among the elements of its name in the text. -->
  <xsl:function name="f:position-in-text" as="xs:integer">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="text" as="element()"/>
    <xsl:variable name="name" select="local-name($node)"/>
    <xsl:sequence select="if ($name eq 'persName') then $node/accumulator-before('f:n-persName') - $text/accumulator-before('f:n-persName')
      else if ($name eq 'placeName') then $node/accumulator-before('f:n-placeName') - $text/accumulator-before('f:n-placeName')
      else if ($name eq 'orgName') then $node/accumulator-before('f:n-orgName') - $text/accumulator-before('f:n-orgName')
      else if ($name eq 'note') then $node/accumulator-before('f:n-note') - $text/accumulator-before('f:n-note')
      else if ($name eq 'div') then $node/accumulator-before('f:n-div') - $text/accumulator-before('f:n-div')
      else if ($name eq 'back') then $node/accumulator-before('f:n-back') - $text/accumulator-before('f:n-back')
      else if ($name eq 'pb') then $node/accumulator-before('f:n-pb') - $text/accumulator-before('f:n-pb')
      else if ($name eq 'rs') then $node/accumulator-before('f:n-rs') - $text/accumulator-before('f:n-rs')
      else if ($name eq 'name') then $node/accumulator-before('f:n-name') - $text/accumulator-before('f:n-name')
      else $node/accumulator-before('f:name-counts')($name)"/>
  </xsl:function>

  <!-- The output file a node is rendered in: '' while rendering one-file outputs; while rendering an output
       split into files ($chunked: the tunnel parameter f:chunked that the EPUB's templates carry, which one
       transform may render beside the one-file print HTML), the file f:chunk-file-of names. -->
  <xsl:function name="f:file" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="chunked" as="xs:boolean"/>
    <xsl:sequence select="if ($chunked) then f:chunk-file-of($node) else ''"/>
  </xsl:function>
  <!-- The file a node is in when the output is split into files: a driver that writes several files
       overrides this function (an xsl:function of higher import precedence replaces it everywhere). -->
  <xsl:function name="f:chunk-file-of" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="''"/>
  </xsl:function>

  <!-- A link to a node from anywhere in the output ($chunked: as for f:file). -->
  <xsl:function name="f:href" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="chunked" as="xs:boolean"/>
    <xsl:sequence select="concat(f:file($node, $chunked), '#', f:id($node))"/>
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
