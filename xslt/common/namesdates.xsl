<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "namesdates": mentions of persons, places and organisations,
  dates, and the register entries (listPerson, listPlace, listOrg in standOff)
  as an index. Register entries are never rendered in the body: they appear
  only as index entries (mode "index"), for the entries the text mentions.

  A mention keeps every attribute (@ref as data-ref, @cert as data-cert …);
  it links to its index entry when @ref="#id" names an entry this document
  carries. Nested mentions ("Trotsky's Red Army") cannot both be links (HTML
  forbids a link in a link): the innermost ones link, the outer one keeps its
  id and data-ref and is still listed in the index.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns:map="http://www.w3.org/2005/xpath-functions/map" xmlns="http://www.w3.org/1999/xhtml"
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
    select="map:merge($indexed-entries ! map{string(@xml:id): f:href(.)}, map{'duplicates': 'use-first'})"/>

  <!-- A mention. Most have one "#id" in @ref and no other attribute: that path makes no function
       call but the made id's, and writes its attributes without tei-attributes' general loop. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name" priority="1">
    <xsl:variable name="refs" select="normalize-space(@ref)"/>
    <xsl:variable name="href" as="xs:string?" select="
      if (contains($refs, ' ')) then (for $t in f:local-refs(@ref) return $entry-hrefs($t))[1]
      else if (starts-with($refs, '#')) then $entry-hrefs(substring($refs, 2)) else ()"/>
    <xsl:variable name="only-ref" select="exists(@ref) and count(@*) eq 1"/>
    <xsl:choose>
      <xsl:when test="exists($href)
        and (empty(*) or empty(descendant::*[@ref][exists(f:entries-of(.))]))
        and empty(ancestor::*[self::tei:ref or self::tei:ptr])">
        <a href="{$href}">
          <xsl:choose>
            <xsl:when test="$only-ref">
              <xsl:attribute name="class" select="concat('tei-', local-name())"/>
              <xsl:attribute name="id" select="f:id(.)"/>
              <xsl:attribute name="data-ref" select="@ref"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="if (exists($href)) then f:id(.) else @xml:id"/></xsl:call-template>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Dates: <time datetime> only for values HTML accepts (a year, month or day);
       ranges and other values keep their attributes as data-when/data-from/data-to. -->
  <xsl:template match="tei:date" priority="1">
    <!-- Literal elements, and the value tested once: a computed element name costs SaxonJS a name check. -->
    <xsl:choose>
      <xsl:when test="f:is-html-date(@when)">
        <time><xsl:call-template name="tei-attributes"/><xsl:attribute name="datetime" select="@when"/><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise><span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- The source's own dateline keeps its date machine-readable too. -->
  <xsl:template match="tei:docDate[f:is-html-date(@when)]" priority="3">
    <xsl:element name="{if (f:in-phrasing(.)) then 'span' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"/>
      <time datetime="{@when}"><xsl:apply-templates/></time>
    </xsl:element>
  </xsl:template>

  <!-- Register entries are not reading text. -->
  <xsl:template match="tei:standOff | tei:listPerson | tei:listPlace | tei:listOrg" priority="1"/>

  <!-- ===== The index ===== -->

  <!-- The index of persons, places and organisations, as back matter. -->
  <xsl:template name="index">
    <xsl:param name="level" as="xs:integer" select="2"/>
    <xsl:if test="exists($indexed-entries)">
      <section id="index" class="index" role="doc-index">
        <xsl:call-template name="index-type"/>
        <xsl:element name="h{$level}" namespace="http://www.w3.org/1999/xhtml">Index</xsl:element>
        <p class="index-intro">Persons, places and organisations named in the text, with what the edition's registers record of them.
          The numbers lead to each mention.</p>
        <xsl:for-each-group select="$indexed-entries" group-by="local-name()">
          <xsl:sort select="index-of(('person', 'place', 'org'), current-grouping-key())"/>
          <section class="index-group index-{current-grouping-key()}">
            <xsl:element name="h{$level + 1}" namespace="http://www.w3.org/1999/xhtml">
              <xsl:value-of select="map{'person': 'Persons', 'place': 'Places', 'org': 'Organisations'}(current-grouping-key())"/>
            </xsl:element>
            <ul class="index-entries">
              <xsl:apply-templates select="current-group()" mode="index">
                <xsl:sort select="lower-case(f:sort-key(.))"/>
                <xsl:sort select="@xml:id"/>
              </xsl:apply-templates>
            </ul>
          </section>
        </xsl:for-each-group>
      </section>
    </xsl:if>
  </xsl:template>
  <!-- Hook for EPUB's epub:type on the index. -->
  <xsl:template name="index-type"/>

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
    <xsl:variable name="name" select="f:entry-name($entry)"/>
    <xsl:variable name="words" select="tokenize($name, ' ')[. ne '']"/>
    <xsl:variable name="particle" select="count($words) ge 3 and matches($words[last() - 1], '^(de|da|di|du|del|der|van|von|la|le)$')"/>
    <xsl:variable name="surname-words" select="if ($particle) then 2 else 1"/>
    <xsl:sequence select="if ($entry/self::tei:person and count($words) gt $surname-words and not(contains($name, ',')))
      then concat(string-join(subsequence($words, count($words) - $surname-words + 1), ' '), ', ', string-join(subsequence($words, 1, count($words) - $surname-words), ' '))
      else $name"/>
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

  <!-- One index entry: the name, a short gloss of what the register records, and every mention. -->
  <xsl:template match="tei:person | tei:place | tei:org" mode="index" priority="1">
    <xsl:variable name="name" select="f:entry-name(.)"/>
    <xsl:variable name="variants" select="distinct-values((tei:persName | tei:placeName | tei:orgName)/f:plain(.)[. ne $name])"/>
    <xsl:variable name="life" select="if (tei:birth or tei:death) then concat(f:event-date(tei:birth[1]), '–', f:event-date(tei:death[1]))
      else if (tei:floruit) then concat('fl. ', f:event-date(tei:floruit[1])) else ''"/>
    <li>
      <xsl:call-template name="tei-attributes"><xsl:with-param name="class" select="'index-entry'"/></xsl:call-template>
      <span class="index-name"><xsl:value-of select="f:index-heading(.)"/></span>
      <xsl:if test="$life ne ''"><xsl:text> </xsl:text><span class="index-dates">(<xsl:value-of select="$life"/>)</span></xsl:if>
      <xsl:if test="exists($variants)"><span class="index-variants"><xsl:text>; also </xsl:text><xsl:value-of select="string-join($variants, ', ')"/></span></xsl:if>
      <!-- The separator goes inside each part, so that print, which leaves out coordinates and ids, leaves no stray "; ". -->
      <xsl:for-each select="(tei:occupation | tei:roleName | tei:note | tei:desc | tei:country | tei:location/tei:geo)[normalize-space()]">
        <span class="index-detail index-{local-name()}">
          <xsl:text>; </xsl:text>
          <xsl:if test="self::tei:geo">coordinates </xsl:if>
          <xsl:value-of select="f:plain(.)"/>
        </span>
      </xsl:for-each>
      <xsl:for-each select="tei:idno[normalize-space()]">
        <xsl:variable name="url" select="f:idno-url(.)"/>
        <span class="index-idno" data-type="{@type}">
          <xsl:text>; </xsl:text>
          <xsl:value-of select="f:idno-label(@type)"/><xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="exists($url)"><a href="{$url}"><xsl:value-of select="normalize-space(.)"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
          </xsl:choose>
        </span>
      </xsl:for-each>
      <xsl:text>: </xsl:text>
      <span class="index-mentions">
        <xsl:for-each select="key('mentions', string(@xml:id))">
          <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
          <a class="index-mention pageref" href="{f:href(.)}" aria-label="{concat($name, ', mention ', position())}"><span class="mention-n"><xsl:value-of select="f:locator(., position())"/></span></a>
        </xsl:for-each>
      </span>
    </li>
  </xsl:template>

</xsl:stylesheet>
