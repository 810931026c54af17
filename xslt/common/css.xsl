<?xml version="1.0" encoding="UTF-8"?>
<!--
  The style sheets (CSS) of the reading editions, kept here as text so that
  the print HTML can inline them (it must reference no external file) and the
  EPUB can write them to OEBPS/style.css.
    $css-reading  type and layout for screens and e-readers (both outputs)
    $css-print    CSS paged media for the print HTML (pagedjs and Chromium print)
    $css-site     the web edition's pages (tei-press site), after $css-reading
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:tei-press:functions"
  exclude-result-prefixes="#all">

  <!-- A CSS string literal holding any text. -->
  <xsl:function name="f:css-string" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="concat('&quot;', replace(replace($text, '\\', '\\\\'), '&quot;', '\\&quot;'), '&quot;')"/>
  </xsl:function>

  <xsl:variable name="css-reading" as="xs:string"><![CDATA[
/* Reading systems own the root: no colours, fonts or sizes on html, so night modes and the reader's settings win. */
body { font-family: /*FONT-FAMILY*/; line-height: 1.45; }
h1, h2, h3, h4, h5, h6 { font-weight: normal; line-height: 1.25; page-break-after: avoid; break-after: avoid; hyphens: manual; }
h1 { font-size: 1.8em; margin: 1.2em 0 0.6em; }
h2 { font-size: 1.35em; margin: 1.6em 0 0.6em; }
h3 { font-size: 1.15em; margin: 1.4em 0 0.5em; }
h4, h5, h6 { font-size: 1em; font-style: italic; margin: 1.2em 0 0.4em; }
/* A book's paragraphs: indented, not spaced; the first after a heading or a break starts full out. */
p { margin: 0; orphans: 2; widows: 2; }
p + p, div.tei-p + p, p + div.tei-p { text-indent: 1.2em; }
blockquote { margin: 0.8em 1.5em; font-size: 0.95em; }
blockquote + p, ul + p, ol + p, dl + p { text-indent: 0; }
/* A heading run into its paragraph ("THE YOUTH. The youth …") in small capitals. */
.run-in-head { font-variant-caps: all-small-caps; letter-spacing: 0.04em; font-weight: bold; }
ul, ol { margin: 0.5em 0 0.8em; padding-left: 1.8em; }
li { margin-bottom: 0.3em; }
ol.labelled { list-style: none; padding-left: 1.8em; }
ol.labelled .item-n { display: inline-block; min-width: 1.8em; margin-left: -1.8em; }
dl dt { font-weight: bold; margin-top: 0.6em; }
dl dd { margin: 0 0 0.3em 1.5em; }
cite { font-style: italic; }
a.tei-persName, a.tei-placeName, a.tei-orgName, a.tei-rs, a.tei-name { color: inherit; text-decoration: underline dotted; }
a.noteref { text-decoration: none; }
sup { line-height: 0; font-size: 0.75em; }
.titlepage { text-align: center; margin: 2em 0 3em; }
.titlepage .tei-titlePart { display: block; }
.titlepage .tei-titlePart.type-sub, .titlepage [data-type="sub"] { font-size: 0.7em; font-style: italic; margin-top: 0.3em; }
.titlepage .tei-titlePart[data-type="collection"] { font-size: 0.55em; font-variant-caps: all-small-caps; letter-spacing: 0.06em; margin-bottom: 0.6em; }
.titlepage .tei-byline { font-size: 1.15em; margin-top: 1.5em; }
.titlepage .tei-docDate { font-style: italic; }
.titlepage .source-line, .titlepage .tei-docImprint { font-size: 0.9em; margin-top: 2em; }
.titlepage .front-matter { font-size: 0.8em; margin-top: 3em; }
.titlepage p + p { text-indent: 0; }
nav.toc ol, nav#toc ol { list-style: none; padding-left: 0; }
nav.toc ol ol, nav#toc ol ol { padding-left: 1.2em; }
.tei-back { margin-top: 2em; font-size: 0.9em; }
aside.tei-note { font-size: 0.9em; margin: 0.5em 0; }
aside.tei-note p { margin: 0 0 0.4em; text-indent: 0; }
.note-backlink { margin-right: 0.4em; }
.index-entries { list-style: none; padding-left: 0; }
.index-entry { padding-left: 1.5em; text-indent: -1.5em; margin-bottom: 0.35em; }
.index-dates, .index-variants, .index-detail, .index-idno { font-size: 0.9em; }
.index-intro { font-style: italic; }
.colophon { font-size: 0.9em; }
.colophon p + p { text-indent: 0; }
.revisions { list-style: none; padding-left: 0; }
]]></xsl:variable>

  <!-- The reading CSS with the text's face: the edition settings' and the bundled one (params font-family,
       font-faces), else a list of installed Charter-like faces. -->
  <xsl:variable name="css-reading-resolved" as="xs:string"
    select="replace($css-reading, '/\*FONT-FAMILY\*/',
      replace(if ($font-family ne '') then $font-family else 'Charter, &quot;Bitstream Charter&quot;, Georgia, &quot;DejaVu Serif&quot;, serif', '\$', ''))"/>

  <xsl:variable name="css-print" as="xs:string"><![CDATA[
html { background: #fdfdfb; color: #1b1b1b; }
a { color: #1f4e79; }
@media screen { .footnote { display: none; } }
body { max-width: 36em; padding: 2em 1.25em 4em; font-size: 1.0625rem; hyphens: auto; }
nav.toc a { text-decoration: none; color: inherit; }
.endnotes, .index, .colophon { margin-top: 3em; border-top: 1px solid #ccc; padding-top: 1em; }

@page {
  size: A5;
  margin: 20mm 16mm 22mm 16mm;
  @top-left { content: /*RUNNING-TITLE*/; font-size: 8pt; font-style: italic; color: #555; }
  @top-right { content: string(section-title); font-size: 8pt; font-style: italic; color: #555; }
  @bottom-center { content: counter(page); font-size: 9pt; }
}
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-center { content: none; }
}
/* Running heads: the section of the text, or the part of the book (contents, back matter, index,
   colophon) in force. Paged.js 0.4.3 keeps one selector per named string, so all are in this one rule (and no ">": the print HTML would escape it). */
h1.doc-title, nav.toc h2, .running-head-reset, #text h2, .tei-back h2, .index h2, .colophon h2 { string-set: section-title content(text); }

@media print {
  html { background: none; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.42; text-align: justify; }
  h1, h2, h3, h4, h5, h6 { text-align: left; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  .titlepage h1 { text-align: center; hyphens: manual; }
  p, li, blockquote { orphans: 3; widows: 3; }
  /* Only short blocks are kept whole: a long list item (a numbered thesis) may break like a paragraph,
     so that no page is left near-empty before it. */
  .index-entry, aside.tei-note, .colophon-entry { break-inside: avoid; }
  .titlepage { break-after: page; page-break-after: always; padding-top: 30%; margin: 0; }
  nav.toc { break-after: page; page-break-after: always; }
  nav.toc a::after { content: target-counter(attr(href), page); float: right; padding-left: 0.6em; }
  /* Not on the hidden endnotes: Paged.js would still break the page for them and leave it blank. */
  .tei-back, .index, .colophon { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  a, a.tei-persName, a.tei-placeName, a.tei-orgName, a.tei-rs, a.tei-name { color: inherit; text-decoration: none; }
  .index, .colophon, nav.toc { text-align: left; hyphens: manual; }
  /* A colophon field and its value stay together; a long value may still run on to the next page. */
  .colophon dt { break-after: avoid; page-break-after: avoid; }
  .colophon-entry { break-inside: avoid; page-break-inside: avoid; }
  .colophon-entry.long { break-inside: auto; page-break-inside: auto; }
  .index-mention .mention-n { display: none; }
  /* A printed index gives names, dates and a gloss, not coordinates or authority ids (the EPUB links them). */
  .index-geo, .index-idno { display: none; }
  .index-mention::after { content: target-counter(attr(href), page); }
  /* In print the notes stand at the foot of their page, so the endnotes (and their contents entry) are the screen's. */
  a.noteref, .endnotes, nav.toc .toc-notes { display: none; }
  .footnote { float: footnote; font-size: 8.5pt; line-height: 1.3; text-align: left; }
  .footnote .block { display: block; }
}
]]></xsl:variable>

  <xsl:variable name="css-site" as="xs:string"><![CDATA[
body { max-width: 44em; font-size: 1.0625rem; }
.skip { position: absolute; left: -999em; }
.skip:focus { position: static; }
.site-header { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; align-items: center; justify-content: space-between; border-bottom: 1px solid #ccc; padding: 0.6em 0; font-family: system-ui, sans-serif; font-size: 0.95rem; }
.site-header nav a { margin-right: 1em; }
.site-search label { position: absolute; left: -999em; }
.site-search input { font: inherit; padding: 0.2em 0.4em; max-width: 12em; }
.site-search button { font: inherit; }
.site-footer { border-top: 1px solid #ccc; margin-top: 3em; padding: 0.6em 0 2em; font-family: system-ui, sans-serif; font-size: 0.85rem; color: #444; }
.endnotes, .colophon, .downloads, .cite { margin-top: 3em; border-top: 1px solid #ccc; padding-top: 1em; }
.unverified { text-decoration-style: dashed; }
a.unverified::after, .mention.unverified::after { content: "?"; font-size: 0.7em; vertical-align: super; color: #8a4b00; }
.badge { font-family: system-ui, sans-serif; font-size: 0.75rem; border: 1px solid #8a4b00; color: #8a4b00; border-radius: 0.3em; padding: 0 0.3em; }
.file-name { font-size: 0.85em; color: #444; }
table.editions { border-collapse: collapse; width: 100%; }
table.editions th, table.editions td { text-align: left; vertical-align: top; padding: 0.3em 0.4em; border-bottom: 1px solid #ddd; }
.kwic { list-style: none; padding-left: 0; }
.kwic li { margin: 0.3em 0; }
.kwic .left { color: #444; }
.kwic mark { background: #fff3bf; }
.letters { display: flex; flex-wrap: wrap; gap: 0.4em; list-style: none; padding-left: 0; }
.letters a { display: inline-block; min-width: 1.6em; text-align: center; }
.results li { margin-bottom: 0.8em; }
.map svg { width: 100%; height: auto; }
.map .sphere { fill: #eef3f7; stroke: #9aa7b2; }
.map .land { fill: #ddd6c6; stroke: #a89f8c; stroke-width: 0.5; }
.map circle { fill: #b3261e; fill-opacity: 0.75; stroke: #fff; stroke-width: 1; }
.map a:focus circle, .map a:hover circle { fill: #1f4e79; fill-opacity: 1; }
.map figcaption { font-size: 0.85em; color: #444; }
.map-places { columns: 14em; }
@media (max-width: 30em) { body { font-size: 1rem; } .site-search input { max-width: 8em; } }
]]></xsl:variable>

</xsl:stylesheet>
