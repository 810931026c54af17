<?xml version="1.0" encoding="UTF-8"?>
<!--
  Driver: an edition's page of the static web edition (tei-press site). One
  HTML5 page per edition, linking the site's own style sheet and nothing
  outside the site: the reading text with its notes, every name a link to its
  register page, the header as a readable source description (the colophon
  of the common core), downloads, "cite this edition", build date and version.

  Beside the page it writes site-data.json (xsl:result-document): what the
  corpus pages need of this edition (its facts, its register entries, every
  mention with its id on the page and its words around it, its plain text for
  search). The ids are the ones this page gives (f:id), so the register pages
  link to the very place of each mention. pipeline/site/ gathers these over the
  corpus and writes the register, index and search pages.

  What a TEI element means is decided in common/; this driver decides the page.
  Parameters: see common/params.xsl (site-*).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:import href="html/all.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
  <xsl:output name="json" method="json" encoding="UTF-8" indent="no"/>
  <xsl:output name="css" method="text" encoding="UTF-8"/>

  <!-- The downloads offered (label, file name relative to the page), in order. -->
  <xsl:variable name="downloads" as="array(*)" select="parse-json($site-downloads)"/>

  <!-- True when the text names a place its register locates: the site then draws this edition's map (maps/SLUG.html). -->
  <xsl:variable name="has-map" as="xs:boolean"
    select="exists($register-entries[self::tei:place][normalize-space(tei:location/tei:geo[1])][exists(key('mentions', string(@xml:id)))])"/>

  <!-- The mentions of the text: names in persName, placeName, orgName, and rs or name pointing to an entry. -->
  <xsl:variable name="mentions" as="element()*"
    select="/tei:TEI/tei:text//(tei:persName | tei:placeName | tei:orgName | tei:rs[@ref] | tei:name[@ref])[normalize-space()][exists(f:mention-kind(.))]"/>

  <!-- The dates the text mentions with a machine-readable value (a year at least), for the timeline. -->
  <xsl:variable name="text-dates" as="element()*" select="/tei:TEI/tei:text//tei:date[matches(string((@when, @from)[1]), '^-?[0-9]{4}')]"/>

  <!-- What a mention names: person, place or org (an rs or name: what its entry is). -->
  <xsl:function name="f:mention-kind" as="xs:string?">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="
      if ($mention/self::tei:persName) then 'person' else if ($mention/self::tei:placeName) then 'place'
      else if ($mention/self::tei:orgName) then 'org'
      else (for $t in f:local-refs($mention/@ref) return key('register-entry', $t, root($mention))/local-name())[1]"/>
  </xsl:function>

  <!-- The register page a mention leads to (its name, without folder), the same for a name across the corpus:
       a register id's page (f:id-page), else "unverified-KIND-KEY", KEY the name in lower-case ASCII letters
       and digits. -->
  <xsl:function name="f:entity-page" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="refs" select="f:local-refs($mention/@ref)"/>
    <xsl:sequence select="if (exists($refs)) then f:id-page($refs[1])
      else concat('unverified-', f:mention-kind($mention), '-', f:name-key(string($mention)), '.html')"/>
  </xsl:function>

  <!-- A register id's page in registers/. Ids are the reader's URLs, so they stay as they are, but no two
       may share a file, even on a disk that ignores case, and none may take a page of the register's own
       (index.html, person.html, place.html, org.html) or an unverified name's (unverified-…): an upper-case
       letter is written "_" and the letter in lower case, an underscore "__", and a reserved name gets a last
       "_" (which the escapes never make alone, and an unverified name's key never holds). -->
  <xsl:function name="f:id-page" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="escaped" select="if (matches($id, '[_\p{Lu}\p{Lt}]')) then string-join(for $c in string-to-codepoints($id) ! codepoints-to-string(.)
      return if ($c eq '_') then '__' else if (lower-case($c) ne $c) then concat('_', lower-case($c)) else $c, '') else $id"/>
    <xsl:sequence select="concat($escaped, if ($escaped = ('index', 'person', 'place', 'org') or starts-with($escaped, 'unverified-')) then '_' else '', '.html')"/>
  </xsl:function>
  <xsl:function name="f:name-key" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <!-- Folded as the index files names (common/namesdates.xsl); what is left outside a-z and 0-9 becomes "-". -->
    <xsl:variable name="ascii" select="replace(replace(f:filing-key(normalize-space($name)), '[^a-z0-9]+', '-'), '^-|-$', '')"/>
    <!-- A name in another script keeps its characters as numbers. -->
    <xsl:sequence select="if ($ascii ne '') then $ascii else concat('u', string-join(string-to-codepoints(normalize-space($name)) ! string(.), '-'))"/>
  </xsl:function>

  <!-- A mention links to its register page; a nested one (a person in an organisation's name) makes the
       outer mention a plain span (HTML forbids a link in a link), which keeps its id. Unverified names
       (@cert="low") say so. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs[@ref] | tei:name[@ref]" priority="3">
    <xsl:variable name="kind" select="f:mention-kind(.)"/>
    <xsl:variable name="link" select="exists($kind) and normalize-space() ne '' and empty(ancestor::*[self::tei:ref or self::tei:ptr])
      and empty(descendant::*[self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:rs[@ref] or self::tei:name[@ref]][normalize-space()])"/>
    <xsl:element name="{if ($link) then 'a' else 'span'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="$link"><xsl:attribute name="href" select="concat($site-root, 'registers/', f:entity-page(.))"/></xsl:if>
      <xsl:call-template name="tei-attributes">
        <xsl:with-param name="id" select="f:id(.)"/>
        <xsl:with-param name="class" select="if (@cert = 'low') then 'unverified' else ()"/>
      </xsl:call-template>
      <xsl:if test="@cert = 'low'"><xsl:attribute name="title" select="'Unverified: found by the tool, in no register'"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A date of the text gets its id on the page, so that the timeline can link to the very place. -->
  <xsl:template match="tei:text//tei:date[@when or @from]" priority="2">
    <xsl:choose>
      <xsl:when test="f:is-html-date(@when)">
        <time><xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template><xsl:attribute name="datetime" select="@when"/><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise><span><xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/">
    <html lang="{$language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$full-title"/><xsl:if test="exists($authors)"> — <xsl:value-of select="string-join($authors, ', ')"/></xsl:if></title>
        <xsl:for-each select="$authors"><meta name="author" content="{.}"/></xsl:for-each>
        <meta name="generator" content="{normalize-space(concat('TEI Press ', $tool-version))}"/>
        <link rel="stylesheet" href="{$site-root}assets/site.css"/>
      </head>
      <body>
        <xsl:call-template name="site-header"/>
        <main id="main">
          <xsl:call-template name="titlepage"/>
          <xsl:call-template name="site-toc"/>
          <div id="text">
            <xsl:apply-templates select="/tei:TEI/tei:text/tei:body"/>
          </div>
          <xsl:apply-templates select="/tei:TEI/tei:text/tei:back"/>
          <xsl:if test="exists($text-notes)">
            <section id="notes" class="endnotes" role="doc-endnotes" aria-labelledby="notes-head">
              <h2 id="notes-head">Notes</h2>
              <xsl:apply-templates select="$text-notes" mode="notes"/>
            </section>
          </xsl:if>
          <!-- A critical edition's apparatus, which the keys in the text link to. -->
          <xsl:call-template name="apparatus"/>
          <xsl:call-template name="colophon"/>
          <xsl:call-template name="site-downloads"/>
          <xsl:call-template name="site-citation"/>
        </main>
        <xsl:call-template name="site-footer"/>
      </body>
    </html>
    <xsl:result-document href="site-data.json" format="json">
      <xsl:sequence select="f:site-data()"/>
    </xsl:result-document>
    <xsl:result-document href="assets/site.css" format="css">
      <xsl:value-of select="$css-reading"/>
      <xsl:value-of select="$css-site"/>
      <xsl:value-of select="$css-apparatus"/>
    </xsl:result-document>
  </xsl:template>

  <!-- The site's bar: home, registers, search (a form that works without script: the search page says so). -->
  <xsl:template name="site-header">
    <a class="skip" href="#main">Skip to the text</a>
    <header class="site-header">
      <nav aria-label="Site">
        <a href="{$site-root}index.html">Editions</a>
        <a href="{$site-root}registers/index.html">Registers</a>
        <a href="{$site-root}map.html">Map</a>
        <a href="{$site-root}timeline.html">Timeline</a>
        <a href="{$site-root}search.html">Search</a>
      </nav>
      <form class="site-search" action="{$site-root}search.html" method="get" role="search">
        <label for="site-q">Search the editions</label>
        <input id="site-q" name="q" type="search"/>
        <button type="submit">Search</button>
      </form>
    </header>
  </xsl:template>

  <xsl:template name="site-footer">
    <footer class="site-footer">
      <p>TEI Press<xsl:if test="$tool-version ne ''"> version <span class="version"><xsl:value-of select="$tool-version"/></span></xsl:if>
        · site built <time class="build-date" datetime="{$site-build-date}"><xsl:value-of select="$site-build-date"/></time></p>
    </footer>
  </xsl:template>

  <!-- Contents: the divisions, the source's back matter, notes, and the parts of this page. -->
  <xsl:template name="site-toc">
    <nav class="toc" id="toc" aria-labelledby="toc-head">
      <h2 id="toc-head">Contents</h2>
      <ol>
        <xsl:choose>
          <xsl:when test="/tei:TEI/tei:text/tei:body/tei:div">
            <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/tei:div" mode="toc"/>
          </xsl:when>
          <xsl:otherwise><li><a href="#text"><xsl:value-of select="$main-title"/></a></li></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="exists($back-matter)"><li><a href="#{f:id(/tei:TEI/tei:text/tei:back)}"><xsl:value-of select="$back-label"/></a></li></xsl:if>
        <xsl:if test="exists($text-notes)"><li><a href="#notes">Notes</a></li></xsl:if>
        <xsl:if test="$has-map"><li><a href="{$site-root}maps/{encode-for-uri($slug)}.html">Map of the places named</a></li></xsl:if>
        <li><a href="#colophon">About this edition</a></li>
        <li><a href="#downloads">Downloads</a></li>
        <li><a href="#cite">Cite this edition</a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- The source's back matter; its page footer is in the colophon, "From the source page". -->
  <xsl:template match="tei:back" priority="2">
    <xsl:if test="exists($back-matter)">
      <section class="tei-back">
        <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template>
        <xsl:if test="not($back-matter[1]/self::tei:div/tei:head)"><h2 class="back-head"><xsl:value-of select="$back-label"/></h2></xsl:if>
        <xsl:apply-templates select="$back-matter"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="site-downloads">
    <section id="downloads" class="downloads" aria-labelledby="downloads-head">
      <h2 id="downloads-head">Downloads</h2>
      <ul>
        <xsl:for-each select="1 to array:size($downloads)">
          <xsl:variable name="file" select="$downloads(.)"/>
          <li><a href="{$file?href}" download=""><xsl:value-of select="$file?label"/></a><xsl:text> </xsl:text><span class="file-name"><xsl:value-of select="$file?name"/></span></li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- Cite this edition: author, title, edition, version, build date, address. -->
  <xsl:template name="site-citation">
    <xsl:variable name="url" select="concat($site-url, 'editions/', encode-for-uri($slug), '.html')"/>
    <section id="cite" class="cite" aria-labelledby="cite-head">
      <h2 id="cite-head">Cite this edition</h2>
      <p class="citation">
        <xsl:if test="exists($authors)"><span class="cite-author"><xsl:value-of select="string-join($authors, '; ')"/></span>. </xsl:if>
        <span class="cite-title">“<xsl:value-of select="$full-title"/>.”</span>
        <xsl:text> TEI Press edition</xsl:text>
        <xsl:if test="$edition-date"> of <xsl:value-of select="substring($edition-date, 1, 10)"/></xsl:if>
        <xsl:if test="$tool-version ne ''">, version <xsl:value-of select="$tool-version"/></xsl:if>
        <xsl:text>, built </xsl:text><xsl:value-of select="$site-build-date"/><xsl:text>. </xsl:text>
        <span class="cite-url"><xsl:value-of select="$url"/></span>
      </p>
    </section>
  </xsl:template>

  <!-- ===== What the corpus pages need of this edition ===== -->

  <!-- The block a mention stands in, for its context: the nearest ancestor that is not running text. -->
  <xsl:function name="f:context-block" as="element()">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="($mention/ancestor::*[not(f:in-phrasing(.))])[last()]"/>
  </xsl:function>

  <!-- The last (first) words of a text, some $length characters, cut at a space. -->
  <xsl:function name="f:tail" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="length" as="xs:integer"/>
    <xsl:variable name="cut" select="substring($text, string-length($text) - $length + 1)"/>
    <xsl:sequence select="if (string-length($text) le $length) then $text
      else if (contains($cut, ' ')) then concat('… ', substring-after($cut, ' ')) else concat('…', $cut)"/>
  </xsl:function>
  <xsl:function name="f:head" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="length" as="xs:integer"/>
    <xsl:variable name="cut" select="substring($text, 1, $length)"/>
    <xsl:sequence select="if (string-length($text) le $length) then $text
      else if (contains($cut, ' ')) then concat(string-join(tokenize($cut, ' ')[position() lt last()], ' '), ' …') else concat($cut, '…')"/>
  </xsl:function>

  <!-- The reading text for search: the body without its notes. -->
  <xsl:variable name="search-text" as="xs:string" select="normalize-space(string-join(/tei:TEI/tei:text/tei:body//text()[not(ancestor::tei:note)], ''))"/>

  <xsl:function name="f:site-data" as="map(*)">
    <xsl:sequence select="map{
      'slug': $slug,
      'title': $full-title,
      'authors': array{ $authors },
      'date': string($source-date),
      'source': string(($source-line, $source-desc/tei:biblStruct/tei:monogr/tei:title)[1] ! normalize-space()),
      'periodical': string(($source-desc/tei:biblStruct/tei:monogr/tei:title)[1] ! normalize-space()),
      'language': $language,
      'entries': array{ $register-entries ! f:entry-data(.) },
      'mentions': array{ $mentions ! f:mention-data(.) },
      'dates': array{ $text-dates ! f:date-data(.) },
      'text': $search-text
    }"/>
  </xsl:function>

  <xsl:function name="f:entry-data" as="map(*)">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="f:entry-name($entry)"/>
    <xsl:sequence select="map{
      'id': string($entry/@xml:id),
      'kind': local-name($entry),
      'name': $name,
      'sort': f:sort-key($entry),
      'variants': array{ distinct-values($entry/(tei:persName | tei:placeName | tei:orgName)/f:plain(.)[. ne '' and . ne $name]) },
      'birth': f:event-date($entry/tei:birth[1]),
      'death': f:event-date($entry/tei:death[1]),
      'details': array{ ($entry/(tei:occupation | tei:roleName | tei:note | tei:desc | tei:country)[normalize-space()]) ! normalize-space(.) },
      'type': string(($entry/@type, $entry/@role)[1]),
      'geo': normalize-space(($entry/tei:location/tei:geo)[1]),
      'ids': array{ $entry/tei:idno[normalize-space()] ! map{ 'type': string(@type), 'label': f:idno-label(@type), 'value': normalize-space(.), 'url': string(f:idno-url(.)) } }
    }"/>
  </xsl:function>

  <!-- A date the text mentions, for the timeline: its value, words around it, and the places its block names. -->
  <xsl:function name="f:date-data" as="map(*)">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="block" select="f:context-block($date)"/>
    <xsl:variable name="inside" select="$date/descendant::text()"/>
    <xsl:variable name="left" select="string-join($block/descendant::text()[. &lt;&lt; $date], '')"/>
    <xsl:variable name="right" select="string-join($block/descendant::text()[. >> $date][not(. intersect $inside)], '')"/>
    <xsl:variable name="places" select="$mentions[f:mention-kind(.) eq 'place'][ancestor::* intersect $block]"/>
    <xsl:sequence select="map{
      'id': f:id($date),
      'when': string(($date/@when, $date/@from)[1]),
      'to': string($date/@to),
      'text': normalize-space($date),
      'left': f:tail(normalize-space($left), 60),
      'right': f:head(normalize-space($right), 60),
      'places': array{ for $page in distinct-values($places ! f:entity-page(.)) return map{ 'page': $page, 'name': normalize-space(($places[f:entity-page(.) eq $page])[1]) } }
    }"/>
  </xsl:function>

  <xsl:function name="f:mention-data" as="map(*)">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="block" select="f:context-block($mention)"/>
    <xsl:variable name="inside" select="$mention/descendant::text()"/>
    <xsl:variable name="left" select="string-join($block/descendant::text()[. &lt;&lt; $mention], '')"/>
    <xsl:variable name="right" select="string-join($block/descendant::text()[. >> $mention][not(. intersect $inside)], '')"/>
    <xsl:sequence select="map{
      'id': f:id($mention),
      'kind': f:mention-kind($mention),
      'page': f:entity-page($mention),
      'refs': array{ f:local-refs($mention/@ref) },
      'pages': array{ f:local-refs($mention/@ref) ! f:id-page(.) },
      'text': normalize-space($mention),
      'cert': string($mention/@cert),
      'left': f:tail(normalize-space($left), 90),
      'right': f:head(normalize-space($right), 90)
    }"/>
  </xsl:function>

</xsl:stylesheet>
