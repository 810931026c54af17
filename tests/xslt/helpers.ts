/** Test helpers for the XSLT drivers: small TEI documents, XPath over results, text of markup. */
import SaxonJS from 'saxon-js';
import JSZip from 'jszip';
import { runStylesheet, type TransformOutput } from '../../pipeline/writers/xslt.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const NAMESPACES = {
  tei: TEI_NS,
  h: 'http://www.w3.org/1999/xhtml',
  opf: 'http://www.idpf.org/2007/opf',
  dc: 'http://purl.org/dc/elements/1.1/',
  epub: 'http://www.idpf.org/2007/ops',
};

/** Parts of a small TEI document; everything but the body has a plain default. */
export interface TeiParts {
  body: string;
  title?: string;
  author?: string;
  standOff?: string;
  front?: string;
  back?: string;
  sourceDate?: string;
}

/** A small, complete TEI document around the given parts. */
export function teiDoc(parts: TeiParts): string {
  const date = parts.sourceDate ?? '1941-08';
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="${TEI_NS}" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title type="main">${parts.title ?? 'A Test'}</title><author>${parts.author ?? 'Jane Q. Writer'}</author></titleStmt>
      <publicationStmt><publisher>TEI Press</publisher><date when="2001-02-03">2001-02-03</date>
        <availability status="unknown"><p>Rights unknown.</p></availability></publicationStmt>
      <sourceDesc>
        <biblStruct><analytic><title level="a">A Test</title></analytic>
          <monogr><title level="j">Test Journal</title><imprint><date when="${date}">${date}</date></imprint></monogr></biblStruct>
        <bibl type="sourceLine">From Test Journal, ${date}.</bibl>
      </sourceDesc>
    </fileDesc>
    <profileDesc><langUsage><language ident="en">English</language></langUsage></profileDesc>
    <revisionDesc><change when="2001-02-03">Made.</change></revisionDesc>
  </teiHeader>
  ${parts.standOff ? `<standOff>${parts.standOff}</standOff>` : ''}
  <text>
    ${parts.front ? `<front>${parts.front}</front>` : ''}
    <body>${parts.body}</body>
    ${parts.back ? `<back>${parts.back}</back>` : ''}
  </text>
</TEI>`;
}

/** Runs a driver; `uuid` has a fixed default so EPUB runs need no hash. */
export function render(name: 'html' | 'epub' | 'archive', tei: string, params: Record<string, string> = {}): TransformOutput {
  return runStylesheet(name, tei, { uuid: '00000000-0000-5000-8000-000000000000', ...params });
}

/** Parses XML text for XPath. */
export function parse(xml: string): unknown {
  return SaxonJS.getPlatform().parseXmlFromString(xml);
}

/** Evaluates XPath 3.1 (prefixes tei, h, opf, dc, epub) and returns the items as strings. */
export function strings(xml: string | unknown, expression: string): string[] {
  const doc = typeof xml === 'string' ? parse(xml) : xml;
  const result = SaxonJS.XPath.evaluate(`(${expression}) ! string(.)`, doc, { namespaceContext: NAMESPACES, resultForm: 'array' });
  return (result as unknown[]).map(String);
}

/** The text of HTML or XML markup: tags removed, character references decoded, white space normalised. */
export function textOf(markup: string): string {
  return stripMarkup(markup.replace(/<(style|script|title)\b[^>]*>[\s\S]*?<\/\1>/g, ' '));
}

/** The character data of markup, every element kept: tags removed, references decoded, white space normalised. */
export function stripMarkup(markup: string): string {
  return normalise(
    markup
      .replace(/<[^>]*>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&nbsp;/g, '\u00a0')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

export const normalise = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** The entries of an EPUB (zip) as text, by path. */
export async function epubEntries(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name]!.dir) entries.set(name, await zip.files[name]!.async('string'));
  }
  return entries;
}
