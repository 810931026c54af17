/**
 * The bundled face: Source Serif 4 (Adobe, SIL Open Font License 1.1), from
 * the npm package `@fontsource/source-serif-4`: a text face for long reading,
 * with Latin, Latin Extended and Cyrillic. The same face is set in print (the
 * PDF embeds it) and in the EPUB; the licence travels with it.
 *
 * Why not Charis SIL (a Charter design, our first choice): its tall line
 * metrics made Paged.js 0.4.3 cut pages wrongly, and 25 of the seed's 65
 * long paragraphs were lost from the PDF; with Source Serif 4 none are.
 *
 * The print HTML must stand alone, so there the fonts are data: URLs in
 * `@font-face` rules; the EPUB carries them as files under `OEBPS/fonts/`.
 * Each subset has its `unicode-range`, so a browser only loads those a text uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The CSS family name of the bundled face. */
export const BUNDLED_FAMILY = 'Source Serif 4';

/** The subsets embedded: most texts of the archive need only the first two; Russian names and titles the third. */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic'] as const;
const STYLES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
] as const;

/** One font file of the face. */
export interface FontFile {
  /** The file name (`source-serif-4-latin-400-normal.woff2`). */
  name: string;
  data: Uint8Array;
  weight: number;
  style: string;
  unicodeRange: string;
}

/** The bundled face's files and its licence, read once per process. */
export interface BundledFace {
  family: string;
  files: FontFile[];
  /** The SIL Open Font License, as the package ships it. */
  licence: string;
}

let face: BundledFace | undefined;

/** The npm package of the face. */
const FONT_PACKAGE = '@fontsource/source-serif-4';
/** How the face's files are named in the package: `<stem>-<subset>-<weight>-<style>.woff2`. */
const FILE_STEM = 'source-serif-4';

/** The folder of the installed font package. */
function packageFolder(): string {
  return path.dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
}

/** Reads the bundled face (once). */
export function bundledFace(): BundledFace {
  if (face) return face;
  const folder = packageFolder();
  const ranges = JSON.parse(readFileSync(path.join(folder, 'unicode.json'), 'utf8')) as Record<string, string>;
  const files: FontFile[] = [];
  for (const subset of SUBSETS) {
    for (const { weight, style } of STYLES) {
      const name = `${FILE_STEM}-${subset}-${weight}-${style}.woff2`;
      files.push({ name, data: readFileSync(path.join(folder, 'files', name)), weight, style, unicodeRange: ranges[subset]! });
    }
  }
  face = { family: BUNDLED_FAMILY, files, licence: readFileSync(path.join(folder, 'LICENSE'), 'utf8') };
  return face;
}

/**
 * The `@font-face` rules of the bundled face. `url` gives each file's address:
 * a data: URL for the print HTML, a relative path in the EPUB. A notice of the
 * licence heads the rules; the EPUB also carries the licence itself.
 */
export function fontFaceCss(url: (file: FontFile) => string): string {
  const { family, files } = bundledFace();
  return (
    `/* ${family} (Adobe, from the npm package ${FONT_PACKAGE}): licensed under the SIL Open Font License, Version 1.1 (https://openfontlicense.org). */\n` +
    files
      .map(
        (file) =>
          `@font-face { font-family: '${family}'; font-style: ${file.style}; font-weight: ${file.weight}; font-display: block; ` +
          `src: url(${url(file)}) format('woff2'); unicode-range: ${file.unicodeRange}; }`,
      )
      .join('\n') +
    '\n'
  );
}

/** `@font-face` rules with the fonts inlined as data: URLs, for a document that must reference no file. */
export function inlineFontFaceCss(): string {
  inlineCss ??= fontFaceCss((file) => `data:font/woff2;base64,${Buffer.from(file.data).toString('base64')}`);
  return inlineCss;
}

let inlineCss: string | undefined;

/**
 * The CSS font-family list of the text: the edition settings' own families
 * first (a press's installed face), then the bundled one, then any serif.
 */
export function fontFamily(preferred?: string): string {
  return [preferred, `'${BUNDLED_FAMILY}'`, 'serif'].filter(Boolean).join(', ');
}
