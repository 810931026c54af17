<?xml version="1.0" encoding="UTF-8"?>
<!--
  The behaviours of the common core, made XHTML. common/ decides what a TEI
  element means and calls one of these named templates (as the TEI
  Stylesheets' makeBlock/makeInline and TEI Publisher's pmf:* models do);
  this module alone decides which HTML element carries it. Each behaviour
  renders the context element: its attributes by tei-attributes, its content
  by xsl:apply-templates unless said otherwise.

    Blocks      paragraph, block, block-quotation, section, heading, title-block,
                note-block, omit
    Inline      inline, inline-or-paragraph, emphasis, italic, highlight,
                title-reference, deletion, addition, bracketed, gap, milestone,
                line-break, verse-line, run-in-head, date, dated-block
    Lists       list, list-heading, list-item, gloss-list, gloss-term, gloss-definition
    Tables      table, table-row, table-cell
    Links       link, mention, note-reference, note-body, emendation
    Apparatus   variant (an app in the text), apparatus-key
    Fallback    unknown

  Hooks the drivers fill (empty here): lang-attributes (EPUB adds xml:lang),
  noteref-type, apparatus-key-description (print: aria-describedby), note-type, apparatus-type, endnote-type, endnotes-type
  (EPUB: epub:type), app-footnote (print: the entry at the page foot).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- ===== Attributes ===== -->

  <!-- Attributes every rendered TEI element carries, so the output stays traceable
       to the TEI: class="tei-NAME (rend-X)*", xml:id → id, xml:lang → lang, and
       every other TEI attribute as data-* (never dropped: @ref, @when, @from, @to, @cert …). -->
  <xsl:template name="tei-attributes">
    <xsl:param name="id" as="xs:string?" select="@xml:id"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <!-- Most elements have neither @rend nor an extra class: their class is made without tokenizing and joining. -->
    <xsl:attribute name="class" select="if (empty(@rend) and empty($class)) then concat('tei-', local-name())
      else string-join((concat('tei-', local-name()), for $r in tokenize(normalize-space(@rend), ' ') return concat('rend-', $r), $class), ' ')"/>
    <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:call-template name="lang-attributes"><xsl:with-param name="lang" select="string(@xml:lang)"/></xsl:call-template></xsl:if>
    <!-- The attributes the pipeline writes on most elements get their data-* name written out:
         a computed attribute name costs SaxonJS a parse of the name and of the namespace context. -->
    <xsl:for-each select="@*[not(namespace-uri() eq 'http://www.w3.org/XML/1998/namespace')]">
      <xsl:variable name="name" select="local-name()"/>
      <xsl:choose>
        <xsl:when test="$name eq 'ref'"><xsl:attribute name="data-ref" select="."/></xsl:when>
        <xsl:when test="$name eq 'type'"><xsl:attribute name="data-type" select="."/></xsl:when>
        <xsl:when test="$name eq 'when'"><xsl:attribute name="data-when" select="."/></xsl:when>
        <xsl:when test="$name eq 'cert'"><xsl:attribute name="data-cert" select="."/></xsl:when>
        <xsl:otherwise><xsl:attribute name="{f:data-name($name)}" select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A TEI attribute name as an HTML data-* name: data attributes take no upper case (notBefore → data-not-before). -->
  <xsl:function name="f:data-name" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <!-- Most names are lower case already: no regular expression for them. -->
    <xsl:sequence select="concat('data-', if (lower-case($name) eq $name) then $name else lower-case(replace($name, '([a-z])([A-Z])', '$1-$2')))"/>
  </xsl:function>

  <!-- The language of an element: lang (HTML); the EPUB driver adds xml:lang for XML reading systems. -->
  <xsl:template name="lang-attributes">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:attribute name="lang" select="$lang"/>
  </xsl:template>

  <!-- Hooks for EPUB's epub:type (and roles) on shared markup; print and the site add nothing. -->
  <xsl:template name="noteref-type"/>
  <!-- Hook: the print driver points a variant's key at the entry it shows beside it on screen (aria-describedby). -->
  <xsl:template name="apparatus-key-description"/>
  <xsl:template name="note-type"/>
  <xsl:template name="endnote-type"/>
  <xsl:template name="endnotes-type"/>
  <xsl:template name="apparatus-type"/>
  <!-- Hook: the print driver floats an apparatus entry to the page foot; elsewhere nothing. -->
  <xsl:template name="app-footnote"/>

  <!-- ===== Blocks ===== -->

  <xsl:template name="paragraph">
    <xsl:param name="id" as="xs:string?" select="@xml:id"/>
    <xsl:param name="number" as="xs:integer?" select="()"/>
    <p><xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="$id"/></xsl:call-template><xsl:call-template name="paragraph-number"><xsl:with-param name="number" select="$number"/></xsl:call-template><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A block that holds blocks (a paragraph with a list, a letter's closer, a figure). -->
  <xsl:template name="block">
    <xsl:param name="number" as="xs:integer?" select="()"/>
    <div><xsl:call-template name="tei-attributes"/><xsl:call-template name="paragraph-number"><xsl:with-param name="number" select="$number"/></xsl:call-template><xsl:apply-templates/></div>
  </xsl:template>

  <!-- A paragraph's number for citation (critical editions: the apparatus cites it), in the margin. -->
  <xsl:template name="paragraph-number">
    <xsl:param name="number" as="xs:integer?"/>
    <xsl:if test="exists($number)"><span class="p-number">¶ <xsl:value-of select="$number"/></span><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template name="block-quotation">
    <blockquote><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></blockquote>
  </xsl:template>

  <!-- A section of the text; $endnotes: it is the source's notes (DPUB-ARIA doc-endnotes). -->
  <xsl:template name="section">
    <xsl:param name="endnotes" as="xs:boolean" select="false()"/>
    <section>
      <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template>
      <xsl:if test="tei:head"><xsl:attribute name="aria-labelledby" select="concat(f:id(.), '-head')"/></xsl:if>
      <xsl:if test="$endnotes">
        <xsl:attribute name="role" select="'doc-endnotes'"/>
        <xsl:call-template name="endnotes-type"/>
      </xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <!-- A section's heading at a level (1–6). -->
  <xsl:template name="heading">
    <xsl:param name="level" as="xs:integer"/>
    <xsl:param name="id" as="xs:string?"/>
    <xsl:element name="h{$level}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="$id"/></xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- The source's title: its parts ($parts) on lines of their own. -->
  <xsl:template name="title-block">
    <xsl:param name="parts" as="element()*"/>
    <h1><xsl:call-template name="tei-attributes"><xsl:with-param name="class" select="'doc-title'"/></xsl:call-template>
      <xsl:for-each select="$parts">
        <!-- The space keeps the parts apart where the heading is read as text (running heads, plain text). -->
        <xsl:if test="position() gt 1"><xsl:text> </xsl:text><br/></xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </h1>
  </xsl:template>

  <!-- A note standing between blocks, rendered where it stands; $endnote: one of the source's endnotes.
       $wrap: its content is phrasing, wrapped in a paragraph. -->
  <xsl:template name="note-block">
    <xsl:param name="endnote" as="xs:boolean"/>
    <xsl:param name="wrap" as="xs:boolean"/>
    <div>
      <xsl:call-template name="tei-attributes"><xsl:with-param name="class" select="if ($endnote) then 'endnote' else ()"/></xsl:call-template>
      <xsl:if test="$endnote"><xsl:call-template name="endnote-type"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$wrap"><p><xsl:apply-templates/></p></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- Not reading text: nothing. -->
  <xsl:template name="omit"/>

  <!-- ===== Inline ===== -->

  <xsl:template name="inline">
    <xsl:param name="id" as="xs:string?" select="@xml:id"/>
    <span><xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="$id"/></xsl:call-template><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Inline in running text, else a paragraph of its own (a label, a salute, a dateline). -->
  <xsl:template name="inline-or-paragraph">
    <xsl:element name="{if (f:in-phrasing(.)) then 'span' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="emphasis"><em><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></em></xsl:template>
  <!-- Set apart in italics (a foreign word, a word mentioned, a term). -->
  <xsl:template name="italic"><i><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></i></xsl:template>
  <xsl:template name="title-reference"><cite><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></cite></xsl:template>
  <xsl:template name="deletion"><del><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></del></xsl:template>
  <xsl:template name="addition"><ins><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></ins></xsl:template>

  <!-- The rendition the source showed ($rend: italic, bold, sup, sub, underline), as the nearest HTML element. -->
  <xsl:template name="highlight">
    <xsl:param name="rend" as="xs:string?"/>
    <xsl:variable name="element" select="
      if ($rend eq 'italic') then 'i' else if ($rend eq 'bold') then 'b'
      else if ($rend eq 'sup') then 'sup' else if ($rend eq 'sub') then 'sub'
      else if ($rend eq 'underline') then 'u' else 'span'"/>
    <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- The content in square brackets, after $open (an editor's addition or expansion). -->
  <xsl:template name="bracketed">
    <xsl:param name="open" as="xs:string" select="'['"/>
    <span><xsl:call-template name="tei-attributes"/><xsl:value-of select="$open"/><xsl:apply-templates/>]</span>
  </xsl:template>

  <!-- Text left out of the transcription. -->
  <xsl:template name="gap"><span><xsl:call-template name="tei-attributes"/>[…]</span></xsl:template>

  <!-- A point in the text (a page break, an anchor): an empty element that keeps the attributes. -->
  <xsl:template name="milestone"><span><xsl:call-template name="tei-attributes"/></span></xsl:template>

  <xsl:template name="line-break"><br/></xsl:template>
  <xsl:template name="verse-line"><span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span><br/></xsl:template>

  <!-- A heading run into its paragraph: $before (white space), the $label set apart, then $rest. -->
  <xsl:template name="run-in-head">
    <xsl:param name="before" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="rest" as="xs:string"/>
    <xsl:value-of select="$before"/>
    <span class="run-in-head"><xsl:value-of select="$label"/></span>
    <xsl:value-of select="$rest"/>
  </xsl:template>

  <!-- A date; $datetime: its machine-readable value where HTML takes one (a year, month or day). -->
  <xsl:template name="date">
    <xsl:param name="datetime" as="xs:string?"/>
    <!-- Literal elements: a computed element name costs SaxonJS a name check. -->
    <xsl:choose>
      <xsl:when test="exists($datetime)">
        <time><xsl:call-template name="tei-attributes"/><xsl:attribute name="datetime" select="$datetime"/><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise><span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A block or phrase (the source's dateline) that is a date as a whole, with its $datetime. -->
  <xsl:template name="dated-block">
    <xsl:param name="datetime" as="xs:string"/>
    <xsl:element name="{if (f:in-phrasing(.)) then 'span' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"/>
      <time datetime="{$datetime}"><xsl:apply-templates/></time>
    </xsl:element>
  </xsl:template>

  <!-- ===== Lists and tables ===== -->

  <!-- A list: $ordered when the source numbered it; $labelled when its items carry their own numbers. -->
  <xsl:template name="list">
    <xsl:param name="ordered" as="xs:boolean"/>
    <xsl:param name="labelled" as="xs:boolean"/>
    <xsl:param name="items" as="node()*"/>
    <xsl:element name="{if ($ordered) then 'ol' else 'ul'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes">
        <xsl:with-param name="id" select="if (tei:head) then () else @xml:id"/>
        <xsl:with-param name="class" select="if ($labelled) then 'labelled' else ()"/>
      </xsl:call-template>
      <xsl:apply-templates select="$items"/>
    </xsl:element>
  </xsl:template>

  <!-- A list item; $label: its number shown as the source printed it; $value: its number in an ordered list. -->
  <xsl:template name="list-item">
    <xsl:param name="label" as="xs:string?"/>
    <xsl:param name="value" as="xs:integer?"/>
    <li>
      <xsl:call-template name="tei-attributes"/>
      <xsl:choose>
        <xsl:when test="exists($label)"><span class="item-n"><xsl:value-of select="$label"/>. </span></xsl:when>
        <xsl:when test="exists($value)"><xsl:attribute name="value" select="$value"/></xsl:when>
      </xsl:choose>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- A list of terms and glosses ($items: its labels and items). -->
  <xsl:template name="gloss-list">
    <xsl:param name="items" as="node()*"/>
    <dl><xsl:call-template name="tei-attributes"/><xsl:apply-templates select="$items"/></dl>
  </xsl:template>
  <xsl:template name="gloss-term"><dt><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></dt></xsl:template>
  <xsl:template name="gloss-definition"><dd><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></dd></xsl:template>

  <!-- A table with its $caption (content nodes) and $rows. -->
  <xsl:template name="table">
    <xsl:param name="caption" as="node()*"/>
    <xsl:param name="rows" as="element()*"/>
    <table><xsl:call-template name="tei-attributes"/>
      <xsl:if test="exists($caption)"><caption><xsl:apply-templates select="$caption"/></caption></xsl:if>
      <tbody><xsl:apply-templates select="$rows"/></tbody>
    </table>
  </xsl:template>
  <xsl:template name="table-row"><tr><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></tr></xsl:template>
  <!-- A cell; $header when it labels a row or column. -->
  <xsl:template name="table-cell">
    <xsl:param name="header" as="xs:boolean"/>
    <xsl:element name="{if ($header) then 'th' else 'td'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ===== Links and notes ===== -->

  <!-- A pointer: a link to $href when there is one, else the text alone; $noteref: it points to a note;
       $show-target: the target is the link's text (an empty pointer). -->
  <xsl:template name="link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="noteref" as="xs:boolean" select="false()"/>
    <xsl:param name="show-target" as="xs:boolean" select="false()"/>
    <xsl:element name="{if (exists($href)) then 'a' else 'span'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="exists($href)">
        <xsl:attribute name="href" select="$href"/>
        <xsl:if test="$noteref">
          <xsl:attribute name="role" select="'doc-noteref'"/>
          <xsl:call-template name="noteref-type"/>
        </xsl:if>
      </xsl:if>
      <xsl:call-template name="tei-attributes"/>
      <xsl:apply-templates/>
      <xsl:if test="$show-target"><xsl:value-of select="@target"/></xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- A name of a person, place or organisation: a link to its index entry ($href), else the name alone
       ($id: the id it keeps when it is listed in the index without being a link). -->
  <xsl:template name="mention">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="id" as="xs:string?"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a href="{$href}">
          <xsl:choose>
            <!-- Most mentions carry @ref alone: their attributes are written without tei-attributes' general loop. -->
            <xsl:when test="exists(@ref) and count(@*) eq 1">
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
          <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="$id"/></xsl:call-template>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note's reference point: its $label, linking to where the driver puts the note's body. -->
  <xsl:template name="note-reference">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <a class="tei-note-ref noteref" id="{concat('ref-', f:id(.))}" href="{f:href(., $f:chunked)}" role="doc-noteref">
      <xsl:call-template name="noteref-type"/>
      <sup><xsl:value-of select="$label"/></sup>
    </a>
  </xsl:template>

  <!-- A note's body with its $label linking back to the reference; $blocks: its content is blocks. -->
  <xsl:template name="note-body">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="blocks" as="xs:boolean"/>
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="backlink"><a class="note-backlink" href="{concat(f:file(., $f:chunked), '#ref-', f:id(.))}" role="doc-backlink"><xsl:value-of select="$label"/></a><xsl:text> </xsl:text></xsl:variable>
    <aside>
      <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template>
      <xsl:call-template name="note-type"/>
      <xsl:choose>
        <xsl:when test="$blocks">
          <p class="note-label"><xsl:sequence select="$backlink"/></p>
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise><p><xsl:sequence select="$backlink"/><xsl:apply-templates/></p></xsl:otherwise>
      </xsl:choose>
    </aside>
  </xsl:template>

  <!-- An editor's correction or regularisation: the $new reading, with the $original recorded beside it
       after a $label ("orig.", "spelt"). -->
  <xsl:template name="emendation">
    <xsl:param name="new" as="element()"/>
    <xsl:param name="original" as="element()"/>
    <xsl:param name="label" as="xs:string"/>
    <span class="tei-choice emendation">
      <span><xsl:for-each select="$new"><xsl:call-template name="tei-attributes"/></xsl:for-each><xsl:apply-templates select="$new/node()"/></span>
      <span><xsl:for-each select="$original"><xsl:call-template name="tei-attributes"/></xsl:for-each> [<i><xsl:value-of select="$label"/></i><xsl:text> </xsl:text><xsl:apply-templates select="$original/node()"/>]</span>
    </span>
  </xsl:template>

  <!-- ===== Apparatus ===== -->

  <!-- A place where the witnesses differ: the $lemma's content, then the key to its apparatus entry;
       inline in running text, else a block. -->
  <xsl:template name="variant">
    <xsl:param name="lemma" as="node()*"/>
    <xsl:param name="inline" as="xs:boolean"/>
    <xsl:choose>
      <xsl:when test="$inline">
        <span class="tei-app" id="{f:id(.)}" data-type="{@type}"><xsl:apply-templates select="$lemma"/></span>
        <xsl:call-template name="apparatus-key"/>
        <xsl:call-template name="app-footnote"/>
      </xsl:when>
      <xsl:otherwise>
        <div class="tei-app" id="{f:id(.)}" data-type="{@type}">
          <xsl:apply-templates select="$lemma"/>
          <p class="app-key-block"><xsl:call-template name="apparatus-key"/><xsl:call-template name="app-footnote"/></p>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- The key of an app: its letter, linking to its entry, the readings in the link's title. -->
  <xsl:template name="apparatus-key">
    <xsl:param name="f:chunked" as="xs:boolean" select="false()" tunnel="yes"/>
    <a class="app-key" id="key-{f:id(.)}" href="{concat(f:file(., $f:chunked), '#apparatus-', f:id(.))}" role="doc-noteref"
       title="{f:readings-summary(.)}">
      <xsl:call-template name="noteref-type"/>
      <xsl:call-template name="apparatus-key-description"/>
      <sup><xsl:value-of select="f:app-label(.)"/></sup>
    </a>
  </xsl:template>

  <!-- ===== Fallback ===== -->

  <!-- An element no template gives a meaning: its content, inline or as a block. -->
  <xsl:template name="unknown">
    <xsl:element name="{if (f:in-phrasing(.) or empty(*[not(f:in-phrasing(.))])) then 'span' else 'div'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"><xsl:with-param name="class" select="'tei-unknown'"/></xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
