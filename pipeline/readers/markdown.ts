/**
 * Traces of a Markdown (Pandoc) conversion in plain-text inputs (issue 9
 * item 7). Some transcriptions were made from Markdown copies of the pages
 * and carry its syntax: note anchors (`[^[1]^](#fw01){#bk01}`,
 * `[[1]](#bk01){#fw01}`, `[[[3]](#n3){#f3}]{.note}`), spans with attributes
 * (`[word]{.underline}`), links (`[text](url)`), superscripts (`^st^`),
 * emphasis (`*word*`, `**word**`) and escapes (`3\.`, `\*`, `\\`).
 *
 * A page either is such a conversion or is not: {@link hasMarkdownTraces}
 * decides once per text, from syntax that plain prose does not hold, so that
 * a backslash or an asterisk in an ordinary transcription stays as it is.
 * {@link parseInline} turns a line into TEI content: the visible text, with
 * note references as `ref`s, underline, superscript and emphasis as `hi`, and
 * nothing of the syntax.
 */
import { el, type Element, type ElementContent } from '../tei/tree.js';

/**
 * Syntax that only a Markdown conversion leaves: a link to an in-page anchor
 * followed by an attribute block (`](#fw01){#bk01}`), a span with a class
 * (`]{.note}`), or a heading number with an escaped full stop (`1\. The …`).
 */
const TRACE = /\]\(#[^)\s]*\)\{#[^}\s]+\}|\]\{\.[\w-]+[^}]*\}|^\s*\d+\\\.\s/m;

/** True when the text carries syntax that only a Markdown conversion leaves (see {@link TRACE}). */
export function hasMarkdownTraces(text: string): boolean {
  return TRACE.test(text);
}

/** A note anchor as the conversion wrote it. */
export interface NoteAnchor {
  /** The note's number (`1`). */
  number: string;
  /** Where it points (`#fw01` or a URL), when it is a link. */
  link?: string;
  /** Its own anchor (`bk01`), when it has one. */
  anchor?: string;
  /** Its visible text (`[1]`). */
  text: string;
  /** True for a bare `[1]` in the text, which is a note reference only when there is a note 1. */
  bare: boolean;
}

/** Makes the `ref` for a note anchor, or returns undefined when it points at no note (its visible text is then kept). */
export type NoteRefMaker = (anchor: NoteAnchor) => Element | undefined;

/** The note anchor forms, anchored at a position (sticky). Groups: number, link, anchor. */
const NOTE_FORMS: { pattern: RegExp; markdown: boolean }[] = [
  // Pandoc span around a link: `[[[3]](#n3){#f3}]{.note}`.
  { pattern: /\[\[\[(\d+)\]\]\(([^)\s]*)\)(?:\{#([^}\s]+)\})?\]\{\.note\}/y, markdown: true },
  // Superscript link: `[^[1]^](#fw01){#bk01}`.
  { pattern: /\[\^\[(\d+)\]\^\]\(([^)\s]*)\)(?:\{#([^}\s]+)\})?/y, markdown: true },
  // Link whose text is `[1]`: `[[1]](#bk01){#fw01}`.
  { pattern: /\[\[(\d+)\]\]\(([^)\s]*)\)(?:\{#([^}\s]+)\})?/y, markdown: true },
  // Plain `[1]`.
  { pattern: /\[(\d+)\]/y, markdown: false },
];

/** ASCII punctuation that Markdown escapes with a backslash. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Classes of spans that have a rendition of their own. */
const SPAN_RENDITION: Record<string, string> = { underline: 'underline', smallcaps: 'smallcaps', 'small-caps': 'smallcaps', mark: 'highlight' };

interface Parser {
  text: string;
  markdown: boolean;
  noteRef: NoteRefMaker;
}

/** Index of the `]` closing the `[` at `open`, skipping escapes and nested brackets, or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the delimiter closing emphasis opened at `from` (not after white space), or -1. */
function closingDelimiter(text: string, from: number, delimiter: string): number {
  for (let i = from; i <= text.length - delimiter.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(delimiter, i) && !/\s/.test(text[i - 1] ?? ' ') && (delimiter !== '*' || text[i + 1] !== '*')) return i;
  }
  return -1;
}

/** Appends text, merging it with a text node before it. */
function pushText(out: ElementContent[], value: string): void {
  if (!value) return;
  const last = out[out.length - 1];
  if (last?.type === 'text') last.value += value;
  else out.push({ type: 'text', value });
}

/** A note anchor at `at`, as a `ref` or (Markdown forms that point at no note) its visible text. */
function noteAt(parser: Parser, at: number): { content: ElementContent[]; end: number } | undefined {
  for (const form of NOTE_FORMS) {
    form.pattern.lastIndex = at;
    const match = form.pattern.exec(parser.text);
    if (!match) continue;
    const number = match[1]!;
    const anchor: NoteAnchor = { number, link: match[2], anchor: match[3], text: `[${number}]`, bare: !form.markdown };
    const ref = parser.noteRef(anchor);
    if (ref) return { content: [ref], end: at + match[0].length };
    if (!form.markdown) return undefined;
    return { content: [{ type: 'text', value: anchor.text }], end: at + match[0].length };
  }
  return undefined;
}

/** A span `[…]{.class}` or link `[…](url)` at `at`, or undefined when the bracket is literal. */
function bracketAt(parser: Parser, at: number): { content: ElementContent[]; end: number } | undefined {
  const text = parser.text;
  const close = closingBracket(text, at);
  if (close < 0) return undefined;
  const inner = parseRange(parser, text.slice(at + 1, close));
  const after = text.slice(close + 1);
  const attributes = /^\{([^}]*)\}/.exec(after);
  if (attributes) {
    const classes = [...attributes[1]!.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!.toLowerCase());
    const rend = classes.map((name) => SPAN_RENDITION[name]).find(Boolean);
    return { content: rend ? [el('hi', { rend }, ...inner)] : inner, end: close + 1 + attributes[0].length };
  }
  const link = /^\(([^)\s]*)(?:\s+"[^"]*")?\)/.exec(after);
  if (link) {
    const url = link[1]!;
    const content = /^(?:https?|mailto):/i.test(url) ? [el('ref', { target: url }, ...inner)] : inner;
    return { content, end: close + 1 + link[0].length };
  }
  return undefined;
}

/** Emphasis (`**bold**`, `*italic*`, `_italic_`) or superscript (`^st^`) at `at`. */
function delimitedAt(parser: Parser, at: number): { content: ElementContent[]; end: number } | undefined {
  const text = parser.text;
  const forms: { delimiter: string; rend: string }[] = [
    { delimiter: '**', rend: 'bold' },
    { delimiter: '*', rend: 'italic' },
    { delimiter: '_', rend: 'italic' },
    { delimiter: '^', rend: 'sup' },
  ];
  for (const { delimiter, rend } of forms) {
    if (!text.startsWith(delimiter, at)) continue;
    const start = at + delimiter.length;
    if (start >= text.length || /\s/.test(text[start]!)) continue;
    // `_` inside a word (snake_case) is not emphasis.
    if (delimiter === '_' && /[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) continue;
    const end = closingDelimiter(text, start, delimiter);
    if (end < 0 || end === start) continue;
    if (delimiter === '_' && /[\p{L}\p{N}]/u.test(text[end + 1] ?? '')) continue;
    const body = text.slice(start, end);
    if (delimiter === '^' && /\s/.test(body)) continue;
    return { content: [el('hi', { rend }, ...parseRange(parser, body))], end: end + delimiter.length };
  }
  return undefined;
}

/** Parses a stretch of text (a whole line or the inside of a span). */
function parseRange(parser: Parser, text: string): ElementContent[] {
  const inner: Parser = { ...parser, text };
  const out: ElementContent[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let found: { content: ElementContent[]; end: number } | undefined;
    if (c === '\\' && parser.markdown && ESCAPABLE.test(text[i + 1] ?? '')) {
      pushText(out, text[i + 1]!);
      i += 2;
      continue;
    }
    if (c === '[') found = noteAt(inner, i) ?? (parser.markdown ? bracketAt(inner, i) : undefined);
    else if (parser.markdown && (c === '*' || c === '_' || c === '^')) found = delimitedAt(inner, i);
    if (found) {
      for (const node of found.content) {
        if (node.type === 'text') pushText(out, node.value);
        else out.push(node);
      }
      i = found.end;
      continue;
    }
    pushText(out, c);
    i++;
  }
  return out;
}

/**
 * A line of text as TEI content: note anchors become `ref`s (made by
 * `noteRef`), and in a Markdown conversion (`markdown`) spans, links,
 * emphasis, superscripts and escapes become their visible text, marked up
 * with `hi`/`ref` where they mean something. Without `markdown` only note
 * anchors are read, and every other character stays as it is.
 */
export function parseInline(value: string, markdown: boolean, noteRef: NoteRefMaker): ElementContent[] {
  return parseRange({ text: value, markdown, noteRef }, value);
}

/** The visible text of a line of a Markdown conversion, without any markup (for labels and metadata). */
export function visibleText(value: string, markdown: boolean): string {
  const flatten = (nodes: ElementContent[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? flatten(node.children as ElementContent[]) : '')).join('');
  return flatten(parseInline(value, markdown, () => undefined));
}
