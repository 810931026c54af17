/**
 * The `html` format: the print HTML (xslt/html.xsl), with the bundled face
 * inlined (it must stand alone) and soft hyphens in the text by the patterns
 * of the document's language.
 */
import { inlineFontFaceCss } from '../render/fonts.js';
import { hyphenateHtml } from '../render/hyphenate.js';
import { render } from './render.js';
import type { Writer } from './writer.js';

/**
 * What the stylesheet gets for `font-faces`, replaced by the real rules after
 * the transform: they are ≈ 290 KB of base64, the same for every edition, and
 * would otherwise go through the XSLT engine (to it and back) and the
 * hyphenation's scan in every build.
 */
const FONT_FACES_SLOT = '/*tei-press:font-faces*/';

export const write: Writer = async (artifact, { slug, settings }) => {
  const html = (await render('html', artifact, slug, settings, { 'font-faces': FONT_FACES_SLOT })).principal;
  const lang = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? 'und';
  return [{ name: `${slug}.html`, data: withFontFaces(hyphenateHtml(html, lang)) }];
};

/**
 * The print HTML with the slot filled, escaped as the stylesheet's XHTML
 * output escapes text. The slot is found with its element: text of the page
 * that reads like the slot is written with `&lt;` and cannot match.
 */
function withFontFaces(html: string): string {
  const element = `<style data-pagedjs-ignore="">${FONT_FACES_SLOT}</style>`;
  const at = html.indexOf(element);
  if (at < 0) throw new Error(`the print HTML has no font-face slot ${element}`);
  const css = inlineFontFaceCss().replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character]!);
  const start = at + element.indexOf(FONT_FACES_SLOT);
  return html.slice(0, start) + css + html.slice(start + FONT_FACES_SLOT.length);
}
