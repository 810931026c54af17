<?xml version="1.0" encoding="UTF-8"?>
<!--
  The style sheets of the HTML renderings, read from xslt/css/*.css when the
  stylesheets are compiled (static variables: the compiled SEF holds the text,
  so no file is read when a document is transformed). The print HTML inlines
  them (it must reference no external file); the EPUB writes OEBPS/style.css.
    $css-reading    type and layout for screens and e-readers (css/reading.css)
    $css-print      CSS paged media for the print HTML (css/print.css)
    $css-apparatus  the critical apparatus, for editions that have one (css/apparatus.css)
    $css-site       the web edition's pages, after $css-reading (css/site.css)
  A comment /*NAME*/ in a .css file is a slot the stylesheet fills (f:fill-css).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:tei-press:functions"
  exclude-result-prefixes="#all">

  <!-- Each text begins with a line end, as the style sheets always have in the outputs. -->
  <xsl:variable name="css-reading" static="yes" as="xs:string" select="concat('&#10;', unparsed-text('../css/reading.css', 'UTF-8'))"/>
  <xsl:variable name="css-print" static="yes" as="xs:string" select="concat('&#10;', unparsed-text('../css/print.css', 'UTF-8'))"/>
  <xsl:variable name="css-apparatus" static="yes" as="xs:string" select="concat('&#10;', unparsed-text('../css/apparatus.css', 'UTF-8'))"/>
  <xsl:variable name="css-site" static="yes" as="xs:string" select="concat('&#10;', unparsed-text('../css/site.css', 'UTF-8'))"/>

  <!-- A CSS string literal holding any text. -->
  <xsl:function name="f:css-string" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="concat('&quot;', replace(replace($text, '\\', '\\\\'), '&quot;', '\\&quot;'), '&quot;')"/>
  </xsl:function>

  <!-- A style sheet with its slot /*NAME*/ filled with a value (written as is: the caller makes it valid CSS). -->
  <xsl:function name="f:fill-css" as="xs:string">
    <xsl:param name="css" as="xs:string"/>
    <xsl:param name="slot" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="marker" select="concat('/*', $slot, '*/')"/>
    <xsl:sequence select="if (contains($css, $marker)) then concat(substring-before($css, $marker), $value, substring-after($css, $marker))
      else error(xs:QName('f:no-css-slot'), concat('The style sheet has no slot ', $marker, '.'))"/>
  </xsl:function>

  <!-- The reading CSS with the text's face: the edition settings' and the bundled one (params font-family,
       font-faces), else a list of installed Charter-like faces. -->
  <xsl:variable name="css-reading-resolved" as="xs:string"
    select="f:fill-css($css-reading, 'FONT-FAMILY',
      replace(if ($font-family ne '') then $font-family else 'Charter, &quot;Bitstream Charter&quot;, Georgia, &quot;DejaVu Serif&quot;, serif', '\$', ''))"/>

</xsl:stylesheet>
