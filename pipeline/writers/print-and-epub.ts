/**
 * The print HTML and the EPUB's files, made from the edition's TEI: each by
 * its own driver (xslt/html.xsl, xslt/epub.xsl) when a build makes only one
 * of them, and both by one transform (xslt/book.xsl) when it makes both, so
 * that what both need (the common core's global variables, keys and
 * accumulators, the index's order) is worked out once. The bytes are the
 * same either way (tests/writers/print-and-epub.test.ts). The writers of
 * both formats (html.ts, epub.ts) ask here; the first to ask runs the
 * transform, the other takes its part.
 */
import { createHash } from 'node:crypto';
import type { TeiArtifact } from '../artifact.js';
import type { Settings } from '../settings.js';
import { bundledFace, fontFaceCss, inlineFontFaceCss } from '../render/fonts.js';
import { xsltEngine, type TransformOutput } from '../xslt-engine/index.js';
import { reportStylesheetMessages, stylesheetParams } from './render.js';

/** The RFC 4122 URL namespace: our names are the TEI documents themselves. */
const UUID_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * A name-based (version 5, SHA-1) UUID of the TEI text, for the EPUB's
 * `dc:identifier`: the same TEI always gives the same identifier, a changed
 * TEI (text, header or build date) a new one. Never the clock, never random.
 */
export function contentUuid(teiXml: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(UUID_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(teiXml, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The files the EPUB writer adds under OEBPS/ beside the stylesheet's: the bundled face and its licence. */
export function epubFontFiles(): Map<string, string | Uint8Array> {
  const face = bundledFace();
  const fonts = new Map<string, string | Uint8Array>(face.files.map((file) => [`OEBPS/fonts/${file.name}`, file.data]));
  fonts.set('OEBPS/fonts/OFL.txt', face.licence);
  return fonts;
}

/** The EPUB's own stylesheet parameters (besides those every driver takes). */
function epubParams(artifact: TeiArtifact): Record<string, string | string[]> {
  return {
    uuid: contentUuid(artifact.xml),
    'font-faces': fontFaceCss((file) => `fonts/${file.name}`),
    'font-files': [...epubFontFiles().keys()].map((name) => name.slice('OEBPS/'.length)),
  };
}

/**
 * What the print stylesheet gets for `font-faces`, replaced by the real rules
 * after the transform ({@link withFontFaces}): they are ≈ 290 KB of base64, the
 * same for every edition, and would otherwise go through the XSLT engine (to
 * it and back) in every build.
 */
const FONT_FACES_SLOT = '/*tei-press:font-faces*/';

/** The print HTML's own stylesheet parameters: the bundled face, inlined after the transform (the file must stand alone). */
function printParams(): Record<string, string> {
  return { 'font-faces': FONT_FACES_SLOT };
}

/**
 * The print HTML with the slot filled by the bundled face's rules (data:
 * URLs), escaped as the stylesheet's XHTML output escapes text. The slot is
 * found with its element: text of the page that reads like the slot is
 * written with `&lt;` and cannot match.
 */
function withFontFaces(html: string): string {
  const element = `<style data-pagedjs-ignore="">${FONT_FACES_SLOT}</style>`;
  const at = html.indexOf(element);
  if (at < 0) throw new Error(`the print HTML has no font-face slot ${element}`);
  escapedFontFaces ??= inlineFontFaceCss().replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character]!);
  const start = at + element.indexOf(FONT_FACES_SLOT);
  return html.slice(0, start) + escapedFontFaces + html.slice(start + FONT_FACES_SLOT.length);
}

/** The inline font rules as the slot takes them: the same for every edition, so escaped once per process. */
let escapedFontFaces: string | undefined;

/** What book.xsl says between the EPUB's messages and the print HTML's. */
const PRINT_PART = 'book:part-print';

interface BothParts {
  epub: TransformOutput;
  print: TransformOutput;
}

/** The one transform of each artifact whose build makes both, while its writers run. */
const bothOf = new WeakMap<TeiArtifact, Promise<BothParts>>();

/** Runs book.xsl once for the artifact and splits its outputs (and messages) into the two parts. */
function both(artifact: TeiArtifact, slug: string, settings: Settings): Promise<BothParts> {
  let parts = bothOf.get(artifact);
  if (!parts) {
    const engine = xsltEngine(settings.engine);
    const epub = epubParams(artifact);
    const params = stylesheetParams(artifact, slug, settings, { ...epub, ...printParams(), 'epub-font-faces': epub['font-faces']! });
    parts = engine.transform('book', artifact.document(engine), params).then((output) => {
      const split = output.messages.indexOf(PRINT_PART);
      if (split < 0) throw new Error(`xslt/book.xsl said no "${PRINT_PART}" between its parts`);
      return {
        epub: { principal: '', documents: output.documents, messages: output.messages.slice(0, split) },
        print: { principal: output.principal, documents: new Map(), messages: output.messages.slice(split + 1) },
      };
    });
    bothOf.set(artifact, parts);
  }
  return parts;
}

/** What the build makes of the artifact, for the choice between one transform and two. */
interface Building {
  slug: string;
  settings: Settings;
  building: ReadonlySet<string>;
}

/** Runs one driver alone, or takes its part of the shared transform, and reports the part's messages. */
async function part(name: 'html' | 'epub', artifact: TeiArtifact, { slug, settings, building }: Building): Promise<TransformOutput> {
  let output: TransformOutput;
  if (building.has('html') && building.has('epub')) {
    const parts = await both(artifact, slug, settings);
    output = name === 'html' ? parts.print : parts.epub;
  } else {
    const engine = xsltEngine(settings.engine);
    output = await engine.transform(name, artifact.document(engine), stylesheetParams(artifact, slug, settings, name === 'html' ? printParams() : epubParams(artifact)));
  }
  reportStylesheetMessages(name, artifact, output.messages);
  return output;
}

/** The print HTML, as the stylesheet writes it with the bundled face inlined (before hyphenation). */
export async function printHtml(artifact: TeiArtifact, context: Building): Promise<string> {
  return withFontFaces((await part('html', artifact, context)).principal);
}

/** The EPUB's files (paths from the EPUB's root), as the stylesheet writes them. */
export function epubFiles(artifact: TeiArtifact, context: Building): Promise<TransformOutput> {
  return part('epub', artifact, context);
}
