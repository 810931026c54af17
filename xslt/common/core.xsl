<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "core": paragraphs, highlighting, quotation, lists, notes at
  their reference point, bibliographic references, editorial elements, and
  the catch-all that keeps the text of elements nobody planned for. Each
  template decides what its element is and calls a behaviour (a named
  template, html/behaviours.xsl) to render it; no output markup here.

  Quotation marks: the team's TEI keeps them in the text
  (editorialDecl/quotation/@marks="all"), so q, quote and soCalled add none.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:f="urn:tei-press:functions"
  exclude-result-prefixes="#all">

  <!-- Paragraphs. A TEI p may hold a list or table, which an HTML p may not: then a div. -->
  <xsl:template match="tei:p" priority="1"><xsl:call-template name="paragraph"><xsl:with-param name="number" select="f:paragraph-number(.)"/></xsl:call-template></xsl:template>
  <xsl:template match="tei:p[tei:list or tei:table or tei:lg or tei:figure or tei:quote[tei:p] or tei:cit[.//tei:p]]" priority="2">
    <xsl:call-template name="block"><xsl:with-param name="number" select="f:paragraph-number(.)"/></xsl:call-template>
  </xsl:template>

  <!-- Highlighting: the rendition the source showed, by its @rend (one of the names highlight knows, or none). -->
  <xsl:template match="tei:hi" priority="1">
    <xsl:call-template name="highlight"><xsl:with-param name="rend" select="f:rendition(@rend)"/></xsl:call-template>
  </xsl:template>
  <!-- The rendition a @rend names, as one of italic, bold, sup, sub, underline (in that order of precedence), or (). -->
  <xsl:function name="f:rendition" as="xs:string?">
    <xsl:param name="rend" as="attribute()?"/>
    <xsl:variable name="tokens" select="tokenize(lower-case(normalize-space($rend)), ' ')"/>
    <xsl:sequence select="
      if ($tokens = ('italic', 'italics', 'i')) then 'italic' else if ($tokens = ('bold', 'b')) then 'bold'
      else if ($tokens = ('sup', 'superscript')) then 'sup' else if ($tokens = ('sub', 'subscript')) then 'sub'
      else if ($tokens = ('underline', 'u')) then 'underline' else ()"/>
  </xsl:function>
  <xsl:template match="tei:emph" priority="1"><xsl:call-template name="emphasis"/></xsl:template>
  <xsl:template match="tei:foreign | tei:mentioned | tei:term" priority="1"><xsl:call-template name="italic"/></xsl:template>

  <!-- Quotation. Marks stay in the text; q and soCalled are spans. A quote is a
       blockquote where it stands between paragraphs, a span inside running text. -->
  <xsl:template match="tei:q | tei:soCalled | tei:said" priority="1"><xsl:call-template name="inline"/></xsl:template>
  <xsl:template match="tei:quote" priority="1"><xsl:call-template name="inline"/></xsl:template>
  <xsl:template match="tei:quote[not(f:in-phrasing(.))]" priority="2"><xsl:call-template name="block-quotation"/></xsl:template>
  <!-- A citation: a quotation with its reference. -->
  <xsl:template match="tei:cit" priority="1"><xsl:call-template name="inline"/></xsl:template>
  <xsl:template match="tei:cit[not(f:in-phrasing(.))]" priority="2"><xsl:call-template name="block"/></xsl:template>
  <xsl:template match="tei:cit[not(f:in-phrasing(.))]/tei:bibl" priority="3"><xsl:call-template name="paragraph"/></xsl:template>

  <!-- Bibliographic references and their parts. -->
  <xsl:template match="tei:bibl | tei:biblScope | tei:citedRange | tei:author | tei:editor | tei:publisher | tei:pubPlace | tei:idno" priority="1">
    <xsl:call-template name="inline"/>
  </xsl:template>
  <xsl:template match="tei:title" priority="1"><xsl:call-template name="title-reference"/></xsl:template>
  <xsl:template match="tei:bibl[not(f:in-phrasing(.))]" priority="2"><xsl:call-template name="paragraph"/></xsl:template>

  <!-- Lists: numbered when the source numbered them; an item's @n becomes the
       number shown when it is one, else a visible label (the source's own). -->
  <xsl:template match="tei:list" priority="1">
    <xsl:variable name="numbered" select="tokenize(@rend, ' ') = ('numbered', 'ordered', 'decimal') or @type = ('ordered', 'numbered')"/>
    <!-- Labelled: the items carry the source's own numbers (a label, or an @n that is no integer), so no list marker is added. -->
    <xsl:variable name="labelled" select="exists(tei:item[@n][not(@n castable as xs:integer)]) or exists(tei:item/(tei:label | tei:p/tei:label))"/>
    <xsl:apply-templates select="tei:head"/>
    <xsl:call-template name="list">
      <xsl:with-param name="ordered" select="$numbered"/>
      <xsl:with-param name="labelled" select="$labelled"/>
      <xsl:with-param name="items" select="node() except tei:head"/>
    </xsl:call-template>
  </xsl:template>
  <!-- A list heading (TEI Publisher drops these: we keep them), with the list's id when it has none. -->
  <xsl:template match="tei:list/tei:head" priority="2">
    <xsl:call-template name="paragraph"><xsl:with-param name="id" select="(@xml:id, ../@xml:id)[1]"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:item" priority="1">
    <xsl:call-template name="list-item">
      <xsl:with-param name="label" select="if (../tei:item[@n][not(@n castable as xs:integer)] and @n and not(tei:label | tei:p/tei:label)) then string(@n) else ()"/>
      <xsl:with-param name="value" select="if (@n castable as xs:integer and (tokenize(../@rend, ' ') = ('numbered', 'ordered', 'decimal') or ../@type = ('ordered', 'numbered')))
        then xs:integer(@n) else ()"/>
    </xsl:call-template>
  </xsl:template>
  <!-- A gloss list (label + item pairs). -->
  <xsl:template match="tei:list[tei:label]" priority="2">
    <xsl:apply-templates select="tei:head"/>
    <xsl:call-template name="gloss-list"><xsl:with-param name="items" select="node() except tei:head"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:list[tei:label]/tei:label" priority="2"><xsl:call-template name="gloss-term"/></xsl:template>
  <xsl:template match="tei:list[tei:label]/tei:item" priority="2"><xsl:call-template name="gloss-definition"/></xsl:template>

  <!-- Tables. -->
  <xsl:template match="tei:table" priority="1">
    <xsl:call-template name="table">
      <xsl:with-param name="caption" select="tei:head/node()"/>
      <xsl:with-param name="rows" select="tei:row"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:row" priority="1"><xsl:call-template name="table-row"/></xsl:template>
  <xsl:template match="tei:cell" priority="1">
    <xsl:call-template name="table-cell"><xsl:with-param name="header" select="@role = 'label' or ../@role = 'label'"/></xsl:call-template>
  </xsl:template>

  <!-- Verse. -->
  <xsl:template match="tei:lg" priority="1"><xsl:call-template name="block"/></xsl:template>
  <xsl:template match="tei:l" priority="1"><xsl:call-template name="verse-line"/></xsl:template>

  <!-- Line and page breaks; page breaks keep their number as data. -->
  <xsl:template match="tei:lb" priority="1"><xsl:call-template name="line-break"/></xsl:template>
  <xsl:template match="tei:pb | tei:milestone | tei:cb | tei:anchor" priority="1"><xsl:call-template name="milestone"/></xsl:template>

  <!-- An editor's correction or regularisation (the errata file): the corrected reading, with the
       original recorded beside it. -->
  <xsl:template match="tei:choice[tei:sic and tei:corr] | tei:choice[tei:orig and tei:reg]" priority="2">
    <xsl:variable name="original" select="(tei:sic, tei:orig)[1]"/>
    <xsl:call-template name="emendation">
      <xsl:with-param name="new" select="(tei:corr, tei:reg)[1]"/>
      <xsl:with-param name="original" select="$original"/>
      <xsl:with-param name="label" select="if ($original/self::tei:sic) then 'orig.' else 'spelt'"/>
    </xsl:call-template>
  </xsl:template>
  <!-- Editorial interventions: both readings stay visible. -->
  <xsl:template match="tei:choice" priority="1"><xsl:call-template name="inline"/></xsl:template>
  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:reg | tei:choice/tei:expan" priority="2">
    <xsl:call-template name="bracketed"><xsl:with-param name="open" select="' ['"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:sic | tei:corr | tei:reg | tei:orig | tei:abbr | tei:expan | tei:unclear | tei:seg | tei:num | tei:measure
                       | tei:distinct | tei:gloss | tei:w | tei:pc | tei:c | tei:s | tei:phr | tei:cl | tei:roleName
                       | tei:forename | tei:surname | tei:addName | tei:genName | tei:nameLink | tei:settlement | tei:country
                       | tei:region | tei:district | tei:bloc | tei:geogName | tei:address | tei:addrLine | tei:email | tei:time" priority="1">
    <xsl:call-template name="inline"/>
  </xsl:template>
  <xsl:template match="tei:supplied" priority="1"><xsl:call-template name="bracketed"/></xsl:template>
  <xsl:template match="tei:gap" priority="1"><xsl:call-template name="gap"/></xsl:template>
  <!-- The transcription's own signs (enrich/editorial-signs.ts): the page's brackets are text around
       the element, so none are added, and a gap shows the page's words for it (its desc). -->
  <xsl:template match="tei:supplied[f:in-page-brackets(.)] | tei:gap[f:in-page-brackets(.)]" priority="2"><xsl:call-template name="inline"/></xsl:template>
  <xsl:function name="f:in-page-brackets" as="xs:boolean">
    <xsl:param name="sign" as="element()"/>
    <xsl:sequence select="ends-with($sign/preceding-sibling::node()[1][self::text()], '[') and starts-with($sign/following-sibling::node()[1][self::text()], ']')"/>
  </xsl:function>
  <xsl:template match="tei:del" priority="1"><xsl:call-template name="deletion"/></xsl:template>
  <xsl:template match="tei:add" priority="1"><xsl:call-template name="addition"/></xsl:template>

  <!-- Blocks of letters and speeches that stand between paragraphs. -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:epigraph | tei:argument | tei:floatingText | tei:sp | tei:figure" priority="1">
    <xsl:call-template name="block"/>
  </xsl:template>
  <xsl:template match="tei:salute | tei:signed | tei:dateline | tei:trailer | tei:speaker | tei:stage | tei:figDesc | tei:label" priority="1">
    <xsl:call-template name="inline-or-paragraph"/>
  </xsl:template>

  <!-- A note standing between blocks: an endnote the source gathered in its
       back matter (pointed to by a ref), or a line of the source page kept as
       a note (breadcrumbs, transcription lines in front). Rendered where it stands. -->
  <xsl:template match="tei:note[not(f:in-phrasing(.))]" priority="2">
    <xsl:call-template name="note-block">
      <xsl:with-param name="endnote" select="exists(ancestor::tei:back) or @type = ('endnote', 'footnote')"/>
      <xsl:with-param name="wrap" select="empty(tei:p | tei:list | tei:quote | tei:table | tei:lg)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Notes at their reference point: a numbered link; the body goes where the
       driver puts notes (mode "notes"). -->
  <xsl:template match="tei:note" priority="1">
    <xsl:call-template name="note-reference"><xsl:with-param name="label" select="f:note-label(.)"/></xsl:call-template>
  </xsl:template>

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
    <xsl:call-template name="note-body">
      <xsl:with-param name="label" select="f:note-label(.)"/>
      <xsl:with-param name="blocks" select="exists(tei:p | tei:list | tei:quote[not(f:in-phrasing(.))] | tei:table)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Plain text: notes and breaks leave no trace in titles. -->
  <xsl:template match="tei:note" mode="plain" priority="1"/>
  <xsl:template match="tei:lb" mode="plain" priority="1"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:reg | tei:choice/tei:expan" mode="plain" priority="1"/>

  <!-- Anything else: the text is never dropped. The content is rendered inline
       (a block where it stands between blocks) and the writer reports it. -->
  <xsl:template match="tei:*" priority="-10">
    <xsl:message select="concat('render:unknown-element: no template for TEI element &lt;', local-name(), '&gt;; its content is rendered as plain ', if (f:in-phrasing(.)) then 'inline text' else 'block', '. Add a template in xslt/common/ to give it a meaning.')"/>
    <xsl:call-template name="unknown"/>
  </xsl:template>

</xsl:stylesheet>
