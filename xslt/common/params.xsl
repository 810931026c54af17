<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every stylesheet parameter of TEI Press, documented in this one place.
  The drivers (html.xsl, epub.xsl, archive.xsl) import this module and never
  declare a parameter of their own; the TypeScript writers
  (pipeline/writers/index.ts) pass them. Everything that would make two builds
  differ (clock, random ids) comes in here from outside, resolved once.

  | name          | type       | default | meaning                                                        |
  |===============|============|=========|================================================================|
  | slug          | xs:string  | 'edition' | the edition's file-name stem (`<slug>.epub`, …); used in     |
  |               |            |         | the print HTML's `<meta name="tei-press:slug">`                |
  | uuid          | xs:string  | ''      | EPUB: the UUID of `dc:identifier` (`urn:uuid:…`), derived by   |
  |               |            |         | the writer from a SHA-1 of the TEI (pipeline/writers/epub.ts). |
  |               |            |         | Empty: the EPUB falls back to `urn:tei-press:<slug>` and warns. |
  | modified      | xs:string  | ''      | the build date the writers pass (`YYYY-MM-DD`; a full          |
  |               |            |         | `YYYY-MM-DDThh:mm:ssZ` is taken as is): EPUB `dcterms:modified` |
  |               |            |         | (at midnight UTC) and the date of the archival `change`. Empty: |
  |               |            |         | the TEI's own edition date (`publicationStmt/date/@when`).     |
  | tool-version  | xs:string  | ''      | TEI Press version, named in colophons and the archival change. |
  | schema-rng    | xs:string  | 'tei-press.rng' | archive: href of the project's RELAX NG schema in the  |
  |               |            |         | `xml-model` instruction (relative: deposited next to the file). |
  | schema-sch    | xs:string  | 'tei-press.sch' | archive: href of the project's Schematron rules.       |
  | tei-all-url   | xs:string  | the TEI Consortium's tei_all.rng URL | archive: href of tei_all. |
  | index-min-mentions | xs:numeric | 1  | a register entry is listed in the index when it has at   |
  |               |            |         | least this many mentions in the text.                          |
  | edition-url   | xs:string  | ''      | the edition's address (`baseUrl` of the edition settings +     |
  |               |            |         | slug + `/`), printed in the colophon; '' when none is set.     |
  | identifier-scheme | xs:string | 'uuid' | EPUB `dc:identifier`: 'uuid' (from $uuid) or 'url'          |
  |               |            |         | ($edition-url; the UUID stays as a second identifier).         |
  | font-faces    | xs:string  | ''      | `@font-face` rules of the bundled face (print HTML: fonts as   |
  |               |            |         | data: URLs; EPUB: fonts/… in the package), made by the writer. |
  | epub-font-faces | xs:string | ''    | book.xsl (print HTML and EPUB in one transform): the EPUB's    |
  |               |            |         | font-faces; font-faces is then the print HTML's.               |
  | font-family   | xs:string  | ''      | the CSS font-family list of the text (edition settings' fonts  |
  |               |            |         | before the bundled face); '' leaves the reading system's own.  |
  | font-files    | xs:string* | ()      | EPUB: the font and licence files the writer adds under         |
  |               |            |         | OEBPS/fonts/, listed in the OPF manifest.                      |
  | site-root     | xs:string  | '../'   | site: the way from an edition page to the site's root folder.  |
  | site-url      | xs:string  | ''      | site: the address the site is published at (ending in "/"),    |
  |               |            |         | for "cite this edition"; empty: the page's path in the site.   |
  | site-build-date | xs:string | ''     | site: the site's build date (YYYY-MM-DD), on every page.       |
  | site-downloads | xs:string | '[]'    | site: JSON array of the edition's files offered for download,  |
  |               |            |         | each {"label", "name", "href"} (href relative to the page).    |
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">

  <xsl:param name="slug" as="xs:string" select="'edition'"/>
  <xsl:param name="uuid" as="xs:string" select="''"/>
  <xsl:param name="modified" as="xs:string" select="''"/>
  <xsl:param name="tool-version" as="xs:string" select="''"/>
  <xsl:param name="schema-rng" as="xs:string" select="'tei-press.rng'"/>
  <xsl:param name="schema-sch" as="xs:string" select="'tei-press.sch'"/>
  <xsl:param name="tei-all-url" as="xs:string" select="'https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng'"/>
  <xsl:param name="index-min-mentions" as="xs:numeric" select="1"/>
  <xsl:param name="edition-url" as="xs:string" select="''"/>
  <xsl:param name="identifier-scheme" as="xs:string" select="'uuid'"/>
  <xsl:param name="font-faces" as="xs:string" select="''"/>
  <xsl:param name="epub-font-faces" as="xs:string" select="''"/>
  <xsl:param name="font-family" as="xs:string" select="''"/>
  <xsl:param name="font-files" as="xs:string*" select="()"/>
  <xsl:param name="site-root" as="xs:string" select="'../'"/>
  <xsl:param name="site-url" as="xs:string" select="''"/>
  <xsl:param name="site-build-date" as="xs:string" select="''"/>
  <xsl:param name="site-downloads" as="xs:string" select="'[]'"/>

</xsl:stylesheet>
