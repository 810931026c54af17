/**
 * The registry of input formats, as in Pandoc's Readers.hs: one row per
 * format, a name and how to load its reader. Adding a format is one module and
 * one row here. Rows load their reader on first use, so a build loads only the
 * reader it needs: the HTML reader brings parse5 (~60 ms of a cold start,
 * measured alone), which a plain-text input never needs.
 */
import type { ReadResult } from '../model.js';
import type { MessageLog } from '../messages.js';

/** A reader turns decoded text into header facts and TEI body content. */
export type Reader = (text: string, log: MessageLog) => ReadResult;

const registry = {
  text: async () => (await import('./text.js')).readText,
  html: async () => (await import('./html/index.js')).readHtml,
} satisfies Record<string, () => Promise<Reader>>;

export type InputFormat = keyof typeof registry;

/** The input format names, as `--from` takes them (the registry's rows, in order). */
export const inputFormats = Object.keys(registry) as InputFormat[];

/** True when `name` is an input format of the registry. */
export function isInputFormat(name: string): name is InputFormat {
  return Object.hasOwn(registry, name);
}

/** The reader for a format, loading its module on first use. */
export function loadReader(format: InputFormat): Promise<Reader> {
  return registry[format]();
}

/** Extensions that name an HTML page. */
const HTML_EXTENSIONS = /\.(html?|xhtml|shtml|php|asp)$/i;

/** Markup that only an HTML page starts with (after white space and comments). */
const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|link|style|script|p|div|h[1-6]|table|center|font)\b/i;

/** Markup deep inside a page that plain text does not hold. */
const HTML_INSIDE = /<\/(?:p|div|h[1-6]|body|html|a|blockquote|li)>|<br\s*\/?>/gi;

/**
 * Chooses the reader for a file by its content first and its extension second:
 * text that starts like an HTML page, or holds several closing tags, is HTML
 * whatever its name (archive pages are often saved as `.txt`); a `.htm`/`.html`
 * file is HTML; anything else is plain text. `--from` overrides this.
 */
export function detectFormat(fileName: string, text: string): InputFormat {
  const head = text.slice(0, 4096);
  if (HTML_START.test(head)) return 'html';
  if ((head.match(HTML_INSIDE)?.length ?? 0) >= 3) return 'html';
  // A page saved with an HTML name but holding no markup is plain text: reading it as HTML would join its paragraphs.
  if (HTML_EXTENSIONS.test(fileName) && /<[a-z!/]/i.test(head)) return 'html';
  return 'text';
}
