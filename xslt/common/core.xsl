<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "core": paragraphs, highlighting, quotation, lists, notes at
  their reference point, bibliographic references, editorial elements; plus
  the attribute mapping every rendered element shares and the catch-all that
  keeps the text of elements nobody planned for.

  Quotation marks: the team's TEI keeps them in the text
  (editorialDecl/quotation/@marks="all"), so q, quote and soCalled add none.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

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

  <!-- The language of an element: lang (HTML); the EPUB driver adds xml:lang for XML reading systems. -->
  <xsl:template name="lang-attributes">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:attribute name="lang" select="$lang"/>
  </xsl:template>

  <!-- Paragraphs. A TEI p may hold a list or table, which an HTML p may not: then a div. -->
  <xsl:template match="tei:p" priority="1">
    <p><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:p[tei:list or tei:table or tei:lg or tei:figure or tei:quote[tei:p] or tei:cit[.//tei:p]]" priority="2">
    <div><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></div>
  </xsl:template>

  <!-- Highlighting: the rendition the source showed, as the nearest HTML element. -->
  <xsl:template match="tei:hi" priority="1">
    <xsl:variable name="rend" select="tokenize(lower-case(normalize-space(@rend)), ' ')"/>
    <xsl:variable name="element" select="
      if ($rend = ('italic', 'italics', 'i')) then 'i' else if ($rend = ('bold', 'b')) then 'b'
      else if ($rend = ('sup', 'superscript')) then 'sup' else if ($rend = ('sub', 'subscript')) then 'sub'
      else if ($rend = ('underline', 'u')) then 'u' else 'span'"/>
    <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:emph" priority="1"><em><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="tei:foreign | tei:mentioned | tei:term" priority="1"><i><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></i></xsl:template>

  <!-- Quotation. Marks stay in the text; q and soCalled are spans. A quote is a
       blockquote where it stands between paragraphs, a span inside running text. -->
  <xsl:template match="tei:q | tei:soCalled | tei:said" priority="1">
    <span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:quote" priority="1">
    <span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:quote[not(f:in-phrasing(.))]" priority="2">
    <blockquote><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></blockquote>
  </xsl:template>
  <!-- A citation: a quotation with its reference. -->
  <xsl:template match="tei:cit" priority="1">
    <span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:cit[not(f:in-phrasing(.))]" priority="2">
    <div><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:cit[not(f:in-phrasing(.))]/tei:bibl" priority="3">
    <p><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- Bibliographic references and their parts. -->
  <xsl:template match="tei:bibl | tei:biblScope | tei:citedRange | tei:author | tei:editor | tei:publisher | tei:pubPlace | tei:idno" priority="1">
    <span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:title" priority="1">
    <cite><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></cite>
  </xsl:template>
  <xsl:template match="tei:bibl[not(f:in-phrasing(.))]" priority="2">
    <p><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- Lists: numbered when the source numbered them; an item's @n becomes the
       number shown when it is one, else a visible label (the source's own). -->
  <xsl:template match="tei:list" priority="1">
    <xsl:variable name="numbered" select="tokenize(@rend, ' ') = ('numbered', 'ordered', 'decimal') or @type = ('ordered', 'numbered')"/>
    <!-- Labelled: the items carry the source's own numbers (a label, or an @n that is no integer), so no list marker is added. -->
    <xsl:variable name="labelled" select="exists(tei:item[@n][not(@n castable as xs:integer)]) or exists(tei:item/(tei:label | tei:p/tei:label))"/>
    <xsl:apply-templates select="tei:head"/>
    <xsl:element name="{if ($numbered) then 'ol' else 'ul'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes">
        <xsl:with-param name="id" select="if (tei:head) then () else @xml:id"/>
        <xsl:with-param name="class" select="if ($labelled) then 'labelled' else ()"/>
      </xsl:call-template>
      <xsl:apply-templates select="node() except tei:head"/>
    </xsl:element>
  </xsl:template>
  <!-- A list heading (TEI Publisher drops these: we keep them). -->
  <xsl:template match="tei:list/tei:head" priority="2">
    <p><xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="(@xml:id, ../@xml:id)[1]"/></xsl:call-template><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:item" priority="1">
    <li>
      <xsl:call-template name="tei-attributes"/>
      <xsl:choose>
        <xsl:when test="../tei:item[@n][not(@n castable as xs:integer)] and @n and not(tei:label | tei:p/tei:label)">
          <span class="item-n"><xsl:value-of select="@n"/>. </span>
        </xsl:when>
        <xsl:when test="@n castable as xs:integer and (tokenize(../@rend, ' ') = ('numbered', 'ordered', 'decimal') or ../@type = ('ordered', 'numbered'))">
          <xsl:attribute name="value" select="xs:integer(@n)"/>
        </xsl:when>
      </xsl:choose>
      <xsl:apply-templates/>
    </li>
  </xsl:template>
  <!-- A gloss list (label + item pairs) as a description list. -->
  <xsl:template match="tei:list[tei:label]" priority="2">
    <xsl:apply-templates select="tei:head"/>
    <dl><xsl:call-template name="tei-attributes"/><xsl:apply-templates select="node() except tei:head"/></dl>
  </xsl:template>
  <xsl:template match="tei:list[tei:label]/tei:label" priority="2"><dt><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></dt></xsl:template>
  <xsl:template match="tei:list[tei:label]/tei:item" priority="2"><dd><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></dd></xsl:template>

  <!-- Tables. -->
  <xsl:template match="tei:table" priority="1">
    <table><xsl:call-template name="tei-attributes"/>
      <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()"/></caption></xsl:if>
      <tbody><xsl:apply-templates select="tei:row"/></tbody>
    </table>
  </xsl:template>
  <xsl:template match="tei:row" priority="1"><tr><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></tr></xsl:template>
  <xsl:template match="tei:cell" priority="1">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Verse. -->
  <xsl:template match="tei:lg" priority="1"><div><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="tei:l" priority="1"><span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span><br/></xsl:template>

  <!-- Line and page breaks; page breaks keep their number as data. -->
  <xsl:template match="tei:lb" priority="1"><br/></xsl:template>
  <xsl:template match="tei:pb | tei:milestone | tei:cb | tei:anchor" priority="1">
    <span><xsl:call-template name="tei-attributes"/></span>
  </xsl:template>

  <!-- An editor's correction or regularisation (the errata file): the corrected reading, with the
       original recorded beside it. -->
  <xsl:template match="tei:choice[tei:sic and tei:corr] | tei:choice[tei:orig and tei:reg]" priority="2">
    <xsl:variable name="original" select="(tei:sic, tei:orig)[1]"/>
    <xsl:variable name="new" select="(tei:corr, tei:reg)[1]"/>
    <span class="tei-choice emendation">
      <span><xsl:for-each select="$new"><xsl:call-template name="tei-attributes"/></xsl:for-each><xsl:apply-templates select="$new/node()"/></span>
      <span><xsl:for-each select="$original"><xsl:call-template name="tei-attributes"/></xsl:for-each> [<i><xsl:value-of select="if ($original/self::tei:sic) then 'orig.' else 'spelt'"/></i><xsl:text> </xsl:text><xsl:apply-templates select="$original/node()"/>]</span>
    </span>
  </xsl:template>
  <!-- Editorial interventions: both readings stay visible. -->
  <xsl:template match="tei:choice" priority="1"><span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:reg | tei:choice/tei:expan" priority="2">
    <span><xsl:call-template name="tei-attributes"/> [<xsl:apply-templates/>]</span>
  </xsl:template>
  <xsl:template match="tei:sic | tei:corr | tei:reg | tei:orig | tei:abbr | tei:expan | tei:unclear | tei:seg | tei:num | tei:measure
                       | tei:distinct | tei:gloss | tei:w | tei:pc | tei:c | tei:s | tei:phr | tei:cl | tei:roleName
                       | tei:forename | tei:surname | tei:addName | tei:genName | tei:nameLink | tei:settlement | tei:country
                       | tei:region | tei:district | tei:bloc | tei:geogName | tei:address | tei:addrLine | tei:email | tei:time" priority="1">
    <span><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:supplied" priority="1"><span><xsl:call-template name="tei-attributes"/>[<xsl:apply-templates/>]</span></xsl:template>
  <xsl:template match="tei:gap" priority="1"><span><xsl:call-template name="tei-attributes"/>[…]</span></xsl:template>
  <xsl:template match="tei:del" priority="1"><del><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></del></xsl:template>
  <xsl:template match="tei:add" priority="1"><ins><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></ins></xsl:template>

  <!-- Blocks of letters and speeches that stand between paragraphs. -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:epigraph | tei:argument | tei:floatingText | tei:sp | tei:figure" priority="1">
    <div><xsl:call-template name="tei-attributes"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:salute | tei:signed | tei:dateline | tei:trailer | tei:speaker | tei:stage | tei:figDesc | tei:label" priority="1">
    <xsl:element name="{if (f:in-phrasing(.)) then 'span' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A note standing between blocks: an endnote the source gathered in its
       back matter (pointed to by a ref), or a line of the source page kept as
       a note (breadcrumbs, transcription lines in front). Rendered where it stands. -->
  <xsl:template match="tei:note[not(f:in-phrasing(.))]" priority="2">
    <xsl:variable name="endnote" select="exists(ancestor::tei:back) or @type = ('endnote', 'footnote')"/>
    <div>
      <xsl:call-template name="tei-attributes"><xsl:with-param name="class" select="if ($endnote) then 'endnote' else ()"/></xsl:call-template>
      <xsl:if test="$endnote"><xsl:call-template name="endnote-type"/></xsl:if>
      <xsl:choose>
        <xsl:when test="tei:p | tei:list | tei:quote | tei:table | tei:lg"><xsl:apply-templates/></xsl:when>
        <xsl:otherwise><p><xsl:apply-templates/></p></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>
  <!-- Hook for EPUB's epub:type on such notes. -->
  <xsl:template name="endnote-type"/>

  <!-- Notes at their reference point: a numbered link; the body goes where the
       driver puts notes (mode "notes"). -->
  <xsl:template match="tei:note" priority="1">
    <xsl:variable name="label" select="f:note-label(.)"/>
    <a class="tei-note-ref noteref" id="{concat('ref-', f:id(.))}" href="{f:href(.)}" role="doc-noteref">
      <xsl:call-template name="noteref-type"/>
      <sup><xsl:value-of select="$label"/></sup>
    </a>
  </xsl:template>
  <!-- Hook for EPUB's epub:type on note references; print HTML adds nothing. -->
  <xsl:template name="noteref-type"/>

  <!-- A note's number: its @n, else its position among the notes of the text. -->
  <xsl:function name="f:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <!-- The notes of $text-notes that end before it starts (its preceding ones, not those it sits in), plus one. -->
    <xsl:sequence select="if ($note/@n) then string($note/@n) else string($note/accumulator-before('f:text-notes-ended') + 1)"/>
  </xsl:function>
  <!-- How many of $text-notes end before a node: counted once in document order, not by comparing
       a note with every other note (that grew with the square of the number of notes). -->
  <xsl:accumulator name="f:text-notes-ended" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="/tei:TEI/tei:text//tei:note[f:in-phrasing(.)][not(ancestor::tei:rdg)][not(@type = 'editorial')]" phase="end" select="$value + 1"/>
  </xsl:accumulator>

  <!-- The note's body, with a link back to its reference. -->
  <xsl:template match="tei:note" mode="notes" priority="1">
    <xsl:variable name="backlink"><a class="note-backlink" href="{concat(f:file(.), '#ref-', f:id(.))}" role="doc-backlink"><xsl:value-of select="f:note-label(.)"/></a><xsl:text> </xsl:text></xsl:variable>
    <aside>
      <xsl:call-template name="tei-attributes"><xsl:with-param name="id" select="f:id(.)"/></xsl:call-template>
      <xsl:call-template name="note-type"/>
      <xsl:choose>
        <xsl:when test="tei:p | tei:list | tei:quote[not(f:in-phrasing(.))] | tei:table">
          <p class="note-label"><xsl:sequence select="$backlink"/></p>
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise><p><xsl:sequence select="$backlink"/><xsl:apply-templates/></p></xsl:otherwise>
      </xsl:choose>
    </aside>
  </xsl:template>
  <!-- Hook for the role of the note's aside: print endnotes vs EPUB footnotes. -->
  <xsl:template name="note-type"/>

  <!-- Plain text: notes and breaks leave no trace in titles. -->
  <xsl:template match="tei:note" mode="plain" priority="1"/>
  <xsl:template match="tei:lb" mode="plain" priority="1"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:reg | tei:choice/tei:expan" mode="plain" priority="1"/>

  <!-- Anything else: the text is never dropped. The content is rendered in a
       span (a div where it stands between blocks) and the writer reports it. -->
  <xsl:template match="tei:*" priority="-10">
    <xsl:message select="concat('render:unknown-element: no template for TEI element &lt;', local-name(), '&gt;; its content is rendered as plain ', if (f:in-phrasing(.)) then 'inline text' else 'block', '. Add a template in xslt/common/ to give it a meaning.')"/>
    <xsl:element name="{if (f:in-phrasing(.) or empty(*[not(f:in-phrasing(.))])) then 'span' else 'div'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="tei-attributes"><xsl:with-param name="class" select="'tei-unknown'"/></xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
