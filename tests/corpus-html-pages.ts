/**
 * Test helpers for the real archive pages in `../shared/corpus-html/` (issue 9):
 * where they are, whether they are there (a fresh clone has no `../shared`),
 * and their text blocks as a reader of the page sees them, taken with parse5
 * straight from the page (not through the HTML reader under test).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { MessageLog } from '../pipeline/messages.js';
import { decodeInput } from '../pipeline/readers/decode.js';

export const CORPUS_HTML = path.resolve('../shared/corpus-html');

/** Why the corpus tests skip, or undefined when the pages are there. */
export const corpusHtmlMissing: string | undefined = existsSync(CORPUS_HTML)
  ? undefined
  : `skipped: ${CORPUS_HTML} is absent (it is not part of the repository)`;

/** The page file names, sorted (none when the folder is absent). */
export function corpusHtmlPages(): string[] {
  if (corpusHtmlMissing) return [];
  return readdirSync(CORPUS_HTML).filter((name) => /\.html?$/i.test(name)).sort();
}

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose text is a block of its own: text on either side of one is a separate segment. */
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'blockquote', 'dd', 'dt', 'dl', 'pre', 'div', 'caption',
  'address', 'center', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'ol', 'hr', 'br', 'body', 'section', 'article',
  'header', 'footer', 'nav', 'figure', 'figcaption',
]);

/** Elements whose content is not text a reader sees. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'select', 'option', 'textarea']);

/**
 * A note marker: the short text (`1`, `[1]`, `(1)`, `1.`, `*`, `†`) of a link
 * to a place in the same page, or of the anchor such a link points to. Renderings number notes themselves, so the
 * marker is not compared; the note's text is.
 */
const NOTE_MARKER = /^\s*[[(]?\s*(?:\d{1,3}|[*†‡§]{1,3}|[a-z])\s*[\])]?\s*\.?\s*$/i;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isNoteMarker(element: Element): boolean {
  if (element.tagName !== 'a') return false;
  const attribute = (name: string) => element.attrs.find((attr) => attr.name === name)?.value;
  const linkOrAnchor = (attribute('href') ?? '').startsWith('#') || attribute('name') !== undefined || attribute('id') !== undefined;
  return linkOrAnchor && NOTE_MARKER.test(textContent(element));
}

function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!isElement(node) || INVISIBLE.has(node.tagName)) return '';
  return node.childNodes.map(textContent).join('');
}

/**
 * The visible text segments of a page's body, whitespace-normalised, in
 * source order: every run of text between block boundaries (paragraphs,
 * headings, list items, table cells, blockquotes, line breaks…), without note
 * markers. Segments without a letter or digit (rules, spacers) are left out.
 */
export function pageSegments(html: string): string[] {
  const document = parse(html);
  const segments: string[] = [];
  let current = '';
  const flush = () => {
    const value = current.replace(/[\s\u00a0]+/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(value)) segments.push(value);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeName === '#text') {
      current += (node as DefaultTreeAdapterTypes.TextNode).value;
      return;
    }
    if (!isElement(node) || INVISIBLE.has(node.tagName) || isNoteMarker(node)) return;
    const block = BLOCKS.has(node.tagName);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  const html5 = document.childNodes.find((node) => isElement(node) && node.tagName === 'html') as Element | undefined;
  const body = html5?.childNodes.find((node) => isElement(node) && node.tagName === 'body');
  if (body) walk(body);
  flush();
  return segments;
}

/** A page decoded as a build decodes it (declared charset, else UTF-8, else windows-1252). */
export function pageText(name: string): string {
  return decodeInput(readFileSync(path.join(CORPUS_HTML, name)), new MessageLog(name)).text;
}

/** A note's number at the start of a note's text (`[1] `, `1. `), which the TEI keeps as the note's `@n`. */
export const LEADING_NOTE_NUMBER = /^[[(]?\d{1,3}[\])]?\.?\s*(?=\S)/;

/** Text compared without white space: line breaks and spacing may differ between a page and its renderings, characters may not. */
export const compact = (text: string): string => text.replace(/[\s\u00a0\u200b]+/g, '');
