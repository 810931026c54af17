<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "namesdates": mentions of persons, places and organisations,
  dates, and the register entries (listPerson, listPlace, listOrg in standOff)
  as an index. Register entries are never rendered in the body: they appear
  only as index entries (html/parts.xsl, mode "index"), for the entries the text
  mentions; this module says what an entry holds (name, sort key, gloss, locators).

  A mention keeps every attribute (@ref as data-ref, @cert as data-cert …);
  it links to its index entry when @ref="#id" names an entry this document
  carries. Nested mentions ("Trotsky's Red Army") cannot both be links (HTML
  forbids a link in a link): the innermost ones link, the outer one keeps its
  id and data-ref and is still listed in the index.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- The indexed register entries a mention points to (in @ref order). -->
  <xsl:function name="f:entries-of" as="element()*">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="for $t in f:local-refs($mention/@ref) return $index-entries-by-id($t)"/>
  </xsl:function>
  <!-- The register entries with enough mentions to be indexed, by id (as key('register-entry') gives them):
       made once, since every mention asks for its entries several times. -->
  <xsl:variable name="index-entries-by-id" as="map(xs:string, element()*)"
    select="map:merge($indexed-entries ! map{string(@xml:id): .}, map{'duplicates': 'combine'})"/>

  <!-- True when a mention renders as a link to its entry (see the note on nesting above). -->
  <xsl:function name="f:mention-links" as="xs:boolean">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="f:mention-links($mention, f:entries-of($mention))"/>
  </xsl:function>
  <!-- The same, for a mention whose entries are known (they cost a lookup per @ref token). -->
  <xsl:function name="f:mention-links" as="xs:boolean">
    <xsl:param name="mention" as="element()"/>
    <xsl:param name="entries" as="element()*"/>
    <xsl:sequence select="exists($entries)
      and (empty($mention/*) or empty($mention/descendant::*[@ref][exists(f:entries-of(.))]))
      and empty($mention/ancestor::*[self::tei:ref or self::tei:ptr])"/>
  </xsl:function>

  <!-- Where each indexed entry's link leads, by id (the first entry of a duplicated id, as
       f:entries-of gives them): made once, so that a mention costs one lookup, not a call
       of f:href (and in the EPUB of f:file's ancestor walk) per mention. -->
  <xsl:variable name="entry-hrefs" as="map(xs:string, xs:string)"
    select="map:merge($indexed-entries ! map{string(@xml:id): f:href(., false())}, map{'duplicates': 'use-first'})"/>
  <!-- The same in an output split into files (f:file): each made only when asked for. -->
  <xsl:variable name="entry-hrefs-chunked" as="map(xs:string, xs:string)"
    select="map:merge($indexed-entries ! map{string(@xml:id): f:href(., true())}, map{'duplicates': 'use-first'})"/>
  <!-- The links to entries of the output being rendered ($chunked: see f:file). -->
  <xsl:function name="f:entry-hrefs" as="map(xs:string, xs:string)">
    <xsl:param name="chunked" as="xs:boolean"/>
    <xsl:sequence select="if ($chunked) then $entry-hrefs-chunked else $entry-hrefs"/>
  </xsl:function>

  <!-- A mention: a link to its index entry when it has one (an outer mention of nested ones is not a link,
       but keeps its made id, so that the index can point to it). Most have one "#id" in @ref: that
       path makes no function call but the lookup. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name" priority="1">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="refs" select="normalize-space(@ref)"/>
    <xsl:variable name="entry-hrefs" select="f:entry-hrefs($f:chunked)"/>
    <xsl:variable name="href" as="xs:string?" select="
      if (contains($refs, ' ')) then (for $t in f:local-refs(@ref) return $entry-hrefs($t))[1]
      else if (starts-with($refs, '#')) then $entry-hrefs(substring($refs, 2)) else ()"/>
    <xsl:variable name="links" select="exists($href)
        and (empty(*) or empty(descendant::*[@ref][exists(f:entries-of(.))]))
        and empty(ancestor::*[self::tei:ref or self::tei:ptr])"/>
    <xsl:call-template name="mention">
      <xsl:with-param name="href" select="if ($links) then $href else ()"/>
      <xsl:with-param name="id" select="if (exists($href)) then f:id(.) else @xml:id"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Dates: <time datetime> only for values HTML accepts (a year, month or day);
       ranges and other values keep their attributes as data-when/data-from/data-to. -->
  <xsl:template match="tei:date" priority="1">
    <xsl:call-template name="date"><xsl:with-param name="datetime" select="if (f:is-html-date(@when)) then string(@when) else ()"/></xsl:call-template>
  </xsl:template>
  <!-- The source's own dateline keeps its date machine-readable too. -->
  <xsl:template match="tei:docDate[f:is-html-date(@when)]" priority="3">
    <xsl:call-template name="dated-block"><xsl:with-param name="datetime" select="string(@when)"/></xsl:call-template>
  </xsl:template>

  <!-- Register entries are not reading text. -->
  <xsl:template match="tei:standOff | tei:listPerson | tei:listPlace | tei:listOrg" priority="1"><xsl:call-template name="omit"/></xsl:template>

  <!-- ===== The index ===== -->


  <!-- The preferred name of an entry. -->
  <xsl:function name="f:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName)"/>
    <xsl:sequence select="(f:plain(($names[@type = ('preferred', 'reg', 'main', 'standard')], $names)[1]), string($entry/@xml:id))[. ne ''][1]"/>
  </xsl:function>

  <!-- Sorting key: a person's surname when the register gives it, else the last word of the name. -->
  <xsl:function name="f:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="f:entry-name($entry)"/>
    <xsl:variable name="surname" select="f:plain(($entry/tei:persName//tei:surname)[1])"/>
    <xsl:sequence select="if ($surname ne '') then concat($surname, ' ', $name)
      else if ($entry/self::tei:person) then concat(tokenize($name, ' ')[last()], ' ', $name)
      else if (starts-with($name, 'The ') or starts-with($name, 'the ')) then substring($name, 5) else $name"/>
  </xsl:function>

  <!-- A year or date of a register event (birth, death, floruit, founding). -->
  <xsl:function name="f:event-date" as="xs:string">
    <xsl:param name="event" as="element()?"/>
    <xsl:variable name="value" select="($event/@when, $event/@from, $event/@notBefore)[1]"/>
    <xsl:sequence select="if (empty($event)) then ''
      else if (exists($value)) then f:year-of(string($value))
      else f:plain($event)"/>
  </xsl:function>
  <!-- A value's leading year ("-0044", "1917"), else the value itself: what replace(., '^(-?[0-9]{4}).*$', '$1')
       gives, without a regular expression per call (the "." of that expression matches no line end). -->
  <xsl:function name="f:year-of" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="sign" select="if (starts-with($value, '-')) then '-' else ''"/>
    <xsl:variable name="year" select="substring($value, string-length($sign) + 1, 4)"/>
    <xsl:sequence select="if (string-length($year) eq 4 and translate($year, '0123456789', '') eq ''
      and not(contains($value, '&#10;')) and not(contains($value, '&#13;'))) then concat($sign, $year) else $value"/>
  </xsl:function>

  <!-- A link to the authority an id belongs to, where its address is known. -->
  <xsl:function name="f:idno-url" as="xs:string?">
    <xsl:param name="idno" as="element()"/>
    <xsl:variable name="v" select="normalize-space($idno)"/>
    <xsl:variable name="t" select="lower-case(string($idno/@type))"/>
    <xsl:sequence select="
      if (matches($v, '^https?://')) then $v
      else if ($t eq 'wikidata' and matches($v, '^Q[0-9]+$')) then concat('https://www.wikidata.org/wiki/', $v)
      else if ($t eq 'viaf' and matches($v, '^[0-9]+$')) then concat('https://viaf.org/viaf/', $v)
      else if ($t eq 'geonames' and matches($v, '^[0-9]+$')) then concat('https://www.geonames.org/', $v)
      else ()"/>
  </xsl:function>

  <!-- The heading of an index entry: a person inverted, surname first ("Trotsky, Leon"; a lower-case
       particle stays with the surname: "de Gaulle, Charles"); places and organisations as named. -->
  <xsl:function name="f:index-heading" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:person) then f:inverted-name(f:entry-name($entry)) else f:entry-name($entry)"/>
  </xsl:function>
  <!-- A personal name surname first. A name with a comma is already inverted; one with a lower-case word
       that is no particle ("Dean of Canterbury") is a title, not a name, and stays as it is. -->
  <xsl:function name="f:inverted-name" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="words" select="tokenize($name, ' ')[. ne '']"/>
    <xsl:variable name="particle" select="count($words) ge 3 and matches($words[last() - 1], '^(de|da|di|du|del|der|van|von|la|le)$')"/>
    <xsl:variable name="surname-words" select="if ($particle) then 2 else 1"/>
    <xsl:variable name="a-title" select="some $word in $words satisfies ($word eq lower-case($word) and not(matches($word, '^(de|da|di|du|del|der|van|von|la|le)$')))"/>
    <xsl:sequence select="if (count($words) gt $surname-words and not(contains($name, ',')) and not($a-title))
      then concat(string-join(subsequence($words, count($words) - $surname-words + 1), ' '), ', ', string-join(subsequence($words, 1, count($words) - $surname-words), ' '))
      else $name"/>
  </xsl:function>

  <!-- The other names of an entry a reader may look up elsewhere in the index, as its cross-references
       show them ("Kiev", for "Kiev, see Kyiv"; "Dzhugashvili, Iosif", for Stalin): variants that sort
       under another word than the entry does. Variants that sort beside it ("Lavrenti Beria",
       "L.P. Beria" for "Beria, Lavrentiy") need none. -->
  <xsl:function name="f:cross-references" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="f:entry-name($entry)"/>
    <xsl:variable name="key" select="lower-case(tokenize(f:sort-key($entry), ' ')[1])"/>
    <xsl:variable name="forms" as="xs:string*"
      select="distinct-values($entry/(tei:persName | tei:placeName | tei:orgName)/f:plain(.)[. ne ''][. ne $name] ! (if ($entry/self::tei:person) then f:inverted-name(.) else .))"/>
    <!-- One reference per word a reader looks under, the shortest form ("Dzhugashvili", not also
         "Dzhugashvili, Iosif Vissarionovich"); none under the entry's own word. -->
    <xsl:for-each-group select="$forms" group-by="f:filing-word(.)">
      <xsl:if test="current-grouping-key() ne $key">
        <!-- xsl:perform-sort, not sort() with a key function: Saxon-HE 9.9 has no higher-order functions. -->
        <xsl:variable name="shortest-first" as="xs:string*">
          <xsl:perform-sort select="current-group()"><xsl:sort select="string-length(.)"/></xsl:perform-sort>
        </xsl:variable>
        <xsl:sequence select="$shortest-first[1]"/>
      </xsl:if>
    </xsl:for-each-group>
  </xsl:function>
  <!-- A name as the index files it, to be compared by codepoints: lower case, accents and other marks
       dropped ("Élie" files as "elie"), typographic apostrophes and quotation marks as plain ones. -->
  <xsl:function name="f:filing-key" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="replace(replace(replace(normalize-unicode(lower-case($name), 'NFKD'), '\p{M}', ''), '[’‘ʼ]', ''''), '[“”]', '&quot;')"/>
  </xsl:function>
  <!-- The word a name is filed under, in lower case: its first word after "The" and a lower-case particle. -->
  <xsl:function name="f:filing-word" as="xs:string">
    <xsl:param name="form" as="xs:string"/>
    <xsl:variable name="words" select="tokenize(replace($form, '^(The|the) ', ''), '[ ,]+')[. ne '']"/>
    <xsl:sequence select="lower-case(string(($words[not(matches(., '^(de|da|di|du|del|der|van|von|la|le)$'))], $words)[1]))"/>
  </xsl:function>

  <!-- A mention's place, named for a reader: the section's number and the paragraph's ("2.1 ¶3"), else its position. -->
  <xsl:function name="f:locator" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:param name="position" as="xs:integer"/>
    <xsl:variable name="divs" select="$mention/ancestor::tei:div[ancestor::tei:body]"/>
    <xsl:variable name="block" select="($mention/ancestor::*[self::tei:p or self::tei:item or self::tei:head][parent::tei:div])[last()]"/>
    <xsl:variable name="section" select="string-join($divs ! string(count(preceding-sibling::tei:div) + 1), '.')"/>
    <xsl:sequence select="if (empty($divs) or empty($block)) then string($position)
      else concat($section, ' ¶', count($block/preceding-sibling::*[self::tei:p or self::tei:item or self::tei:head]) + 1)"/>
  </xsl:function>


</xsl:stylesheet>
