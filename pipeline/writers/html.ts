/**
 * The `html` format: the print HTML (xslt/html.xsl, or its part of
 * xslt/book.xsl when the EPUB is made too: print-and-epub.ts), with the
 * bundled face inlined (it must stand alone) and soft hyphens in the text by
 * the patterns of the document's language.
 */
import { hyphenateHtml } from '../render/hyphenate.js';
import { printHtml } from './print-and-epub.js';
import type { Writer } from './writer.js';

export const write: Writer = async (artifact, context) => {
  const { slug } = context;
  const html = await printHtml(artifact, context);
  const lang = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? 'und';
  return [{ name: `${slug}.html`, data: hyphenateHtml(html, lang) }];
};
