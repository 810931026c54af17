/**
 * Small helpers over the parse5 tree the HTML reader walks. parse5 builds the
 * tree a browser would from tag soup (unclosed `p`, stray end tags, misnested
 * inline markup), so the reader never has to repair markup itself.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export type HtmlDocument = DefaultTreeAdapterTypes.Document;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlNode = DefaultTreeAdapterTypes.ChildNode;
export type HtmlParent = DefaultTreeAdapterTypes.ParentNode;

/** Elements whose content never reaches any output: code, styling, embedded objects and forms. */
export const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'applet', 'frameset', 'frame',
  'form', 'input', 'button', 'select', 'textarea', 'canvas', 'svg', 'math', 'audio', 'video', 'link', 'meta', 'head',
]);

/** Parses a page with source locations (line and column of every node). */
export function parseHtml(text: string): HtmlDocument {
  return parse(text, { sourceCodeLocationInfo: true });
}

/** True for an element node, optionally with one of the given tag names. */
export function isElement(node: HtmlNode | HtmlParent | undefined | null, ...names: string[]): node is HtmlElement {
  return !!node && 'tagName' in node && (names.length === 0 || names.includes(node.tagName));
}

/** True for a text node. */
export function isText(node: HtmlNode): node is DefaultTreeAdapterTypes.TextNode {
  return node.nodeName === '#text';
}

/** The value of an attribute, if present. */
export function attribute(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

/** True when the element's `class` list holds the class (case-insensitive: old pages vary). */
export function hasClass(element: HtmlElement, className: string): boolean {
  const classes = attribute(element, 'class');
  if (!classes) return false;
  return classes.toLowerCase().split(/\s+/).includes(className.toLowerCase());
}

/** The child nodes of a parent, or an empty list (template contents are never read). */
export function childrenOf(node: HtmlParent): HtmlNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** 1-based line and column where a node starts, when parse5 recorded it. */
export function placeOfNode(node: HtmlNode | HtmlElement): { line: number; column: number } {
  const location = node.sourceCodeLocation;
  return { line: location?.startLine ?? 1, column: location?.startCol ?? 1 };
}

/** 1-based line and column where a node ends. */
export function endOfNode(node: HtmlNode | HtmlElement): { line: number; column: number } {
  const location = node.sourceCodeLocation;
  return { line: location?.endLine ?? location?.startLine ?? 1, column: location?.endCol ?? location?.startCol ?? 1 };
}

/** The first descendant element with the tag name, in document order. */
export function findElement(node: HtmlParent, tagName: string): HtmlElement | undefined {
  for (const child of childrenOf(node)) {
    if (isElement(child)) {
      if (child.tagName === tagName) return child;
      const found = findElement(child, tagName);
      if (found) return found;
    }
  }
  return undefined;
}

/** Every descendant element, in document order. */
export function descendants(node: HtmlParent, visit: (element: HtmlElement) => void): void {
  for (const child of childrenOf(node)) {
    if (isElement(child)) {
      visit(child);
      descendants(child, visit);
    }
  }
}

/** HTML's white space (not the no-break space, which is text). */
export const HTML_SPACE = /[ \t\n\r\f]+/g;

/** The text of a node as a browser shows it: white space collapsed, `br` as a line break, dropped elements left out. */
export function visibleText(node: HtmlNode | HtmlParent): string {
  if (isText(node as HtmlNode)) return (node as DefaultTreeAdapterTypes.TextNode).value.replace(HTML_SPACE, ' ');
  if (isElement(node) && DROPPED_ELEMENTS.has(node.tagName)) return '';
  if (isElement(node, 'br')) return '\n';
  let out = '';
  for (const child of childrenOf(node as HtmlParent)) out += visibleText(child);
  return out;
}

/** A line of an element's text, split at `br`, with the source line it starts on. */
export interface VisibleLine {
  text: string;
  line: number;
  /** The nodes of the line, for callers that look at markup (e.g. `span.info` labels). */
  nodes: HtmlNode[];
}

/** Splits an element's content at `br` into lines of collapsed, trimmed text; empty lines are left out. */
export function visibleLines(element: HtmlElement): VisibleLine[] {
  const lines: VisibleLine[] = [];
  let nodes: HtmlNode[] = [];
  const flush = () => {
    const text = nodes.map(visibleText).join('').replace(/ {2,}/g, ' ').replace(/^[ \n]+|[ \n]+$/g, '');
    const first = nodes.find((node) => visibleText(node).trim() !== '');
    if (text.trim()) lines.push({ text, line: first ? placeOfNode(first).line : placeOfNode(element).line, nodes });
    nodes = [];
  };
  const walk = (parent: HtmlParent) => {
    for (const child of childrenOf(parent)) {
      if (isElement(child, 'br')) flush();
      else if (isElement(child) && containsBr(child)) walk(child);
      else nodes.push(child);
    }
  };
  walk(element);
  flush();
  return lines;
}

function containsBr(element: HtmlElement): boolean {
  return childrenOf(element).some((child) => isElement(child, 'br') || (isElement(child) && containsBr(child)));
}
