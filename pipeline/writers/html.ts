/**
 * The `html` format: the print HTML (xslt/html.xsl), with the bundled face
 * inlined (it must stand alone) and soft hyphens in the text by the patterns
 * of the document's language.
 */
import { inlineFontFaceCss } from '../render/fonts.js';
import { hyphenateHtml } from '../render/hyphenate.js';
import { render } from './render.js';
import type { Writer } from './writer.js';

export const write: Writer = async (artifact, { slug, settings }) => {
  const html = (await render('html', artifact, slug, settings, { 'font-faces': inlineFontFaceCss() })).principal;
  const lang = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? 'und';
  return [{ name: `${slug}.html`, data: hyphenateHtml(html, lang) }];
};
