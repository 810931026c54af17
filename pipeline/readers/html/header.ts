/**
 * The page's header: breadcrumbs, author, title, dateline and information
 * block, read into the header facts.
 *
 * Archive pages put these in many orders and markups (`h2` author over an `h1`
 * title, `p.title` bylines, `h4`/`h3` author and collection over a chapter
 * title after a rule, a title inside a layout table, `p.info` or
 * `p.information` blocks between `hr.infotop`/`hr.infobot` or plain rules).
 * So the header is read in two steps: first its extent (where the text
 * begins), then the role of each header block, from its markup and its
 * wording together. The labelled lines of the information block go through the
 * plain-text reader's line rules, so one article as HTML and as plain text
 * gives the same facts.
 */
import type { ArticleMeta, IsoDate, SourceLine } from '../../model.js';
import { MessageLog } from '../../messages.js';
import { findDate, isDateLine, isDateOnly, isTranscriptionLine, parseDateExpression, parseSourceLine, parseTranscriptionLine, plainSpaces } from '../header-lines.js';
import { readHeader as readHeaderLines, type TextLine } from '../text.js';
import { descendants, hasClass, isElement, placeOfNode, visibleLines, visibleText, type HtmlElement, type HtmlNode, type VisibleLine } from './dom.js';
import type { Block } from './blocks.js';

export function toSourceLine(line: VisibleLine): SourceLine {
  return { text: line.text, line: line.line };
}

/** The element's text as one line (its `br`s read as spaces), through `make`. */
export function lineOf<T>(element: HtmlElement, make: (line: SourceLine) => T): T {
  const lines = visibleLines(element);
  return make({ text: lines.map((line) => line.text).join(' '), line: lines[0]?.line ?? placeOfNode(element).line });
}

/** What the page says about itself outside its body: `<title>` and `<meta name="author">`. */
export interface PageHints {
  title?: SourceLine;
  author?: string;
}

/** What a block of the page's top is, by its markup. */
type Role = 'breadcrumb' | 'byline' | 'heading' | 'info' | 'rule' | 'spacer' | 'text';

interface TopBlock {
  index: number;
  role: Role;
  element?: HtmlElement;
  /** Heading level (1–6) for headings. */
  level: number;
  lines: TextLine[];
  text: string;
}

const BREADCRUMB_CLASSES = ['toplink', 'linkback', 'breadcrumb', 'breadcrumbs', 'navlinks'];
const INFO_CLASSES = ['info', 'information', 'infos', 'source'];
const BYLINE_CLASSES = ['title', 'author', 'byline'];

/** `MIA > Archive > Zetkin`, `Index | Archive`: a line of navigation links. */
function isNavigationLine(text: string, nodes: HtmlNode[]): boolean {
  const plain = plainSpaces(text).trim();
  if (!/\s[>»|]\s/.test(plain) || plain.length > 200) return false;
  let links = 0;
  for (const node of nodes) {
    if (isElement(node, 'a')) links++;
    else if (isElement(node)) descendants(node, (element) => { if (element.tagName === 'a') links++; });
  }
  return links >= 1;
}

/** True when every letter of the nodes' text stands inside a link: a line of navigation (`Index`, `Back to …`). */
function onlyLinkText(nodes: HtmlNode[]): boolean {
  let inside = '';
  let outside = '';
  const walk = (list: HtmlNode[], inLink: boolean) => {
    for (const node of list) {
      if (node.nodeName === '#text') {
        const value = (node as { value: string }).value;
        if (inLink) inside += value;
        else outside += value;
      } else if (isElement(node)) walk(node.childNodes, inLink || node.tagName === 'a');
    }
  };
  walk(nodes, false);
  return /\p{L}/u.test(inside) && !/\p{L}|\d/u.test(outside);
}

function linesOf(nodes: HtmlNode[] | HtmlElement): TextLine[] {
  const visible = Array.isArray(nodes) ? inlineLines(nodes) : visibleLines(nodes);
  return visible.map((line, position) => {
    const links = linksOf(line.nodes);
    return { text: line.text, line: line.line, afterSeparator: false, startsBlock: position === 0, ...(links.length ? { links } : {}) };
  });
}

/** Absolute web addresses the nodes link to (a licence's address, say). */
function linksOf(nodes: HtmlNode[]): string[] {
  const links: string[] = [];
  const visit = (element: HtmlElement) => {
    const href = element.tagName === 'a' ? element.attrs.find((attr) => attr.name === 'href')?.value.trim() : undefined;
    if (href && /^https?:\/\/[^\s"<>]+$/i.test(href)) links.push(href);
  };
  for (const node of nodes) {
    if (!isElement(node)) continue;
    visit(node);
    descendants(node, visit);
  }
  return links;
}

/** Lines of a run of loose inline nodes, as `visibleLines` gives them for an element. */
function inlineLines(nodes: HtmlNode[]): VisibleLine[] {
  const wrapper = { nodeName: 'span', tagName: 'span', attrs: [], childNodes: nodes, namespaceURI: 'http://www.w3.org/1999/xhtml', parentNode: null } as unknown as HtmlElement;
  return visibleLines(wrapper);
}

function classifyTop(block: Block, index: number): TopBlock {
  const make = (role: Role, lines: TextLine[], element?: HtmlElement, level = 0): TopBlock => ({
    index, role, element, level, lines, text: lines.map((line) => line.text).join(' ').trim(),
  });
  if (!('element' in block)) {
    const lines = linesOf(block.inline);
    const text = lines.map((line) => line.text).join(' ');
    if (text.trim() === '') return make('spacer', []);
    const byline = block.inline.some((node) => isElement(node) && BYLINE_CLASSES.some((name) => hasClass(node, name)));
    if (byline) return make('byline', lines);
    if (isNavigationLine(text, block.inline) || (text.length <= 120 && onlyLinkText(block.inline))) return make('breadcrumb', lines);
    return make('text', lines);
  }
  const element = block.element;
  const tag = element.tagName;
  if (tag === 'hr') return make('rule', [], element);
  const lines = linesOf(element);
  const text = lines.map((line) => line.text).join(' ').trim();
  if (text === '' || /^[\s\u00A0*·•.\-–—_=~]*$/.test(text) && !/^h[1-6]$/.test(tag)) return make('spacer', lines, element);
  if (BREADCRUMB_CLASSES.some((name) => hasClass(element, name))) return make('breadcrumb', lines, element);
  if (INFO_CLASSES.some((name) => hasClass(element, name))) return make('info', lines, element);
  if (/^h[1-6]$/.test(tag)) return make('heading', lines, element, Number(tag[1]));
  if (BYLINE_CLASSES.some((name) => hasClass(element, name)) && text.length <= 200) return make('byline', lines, element);
  if ((tag === 'p' || tag === 'div') && (isNavigationLine(text, element.childNodes) || (text.length <= 120 && onlyLinkText([element])))) return make('breadcrumb', lines, element);
  return make('text', lines, element);
}

/** Name-shaped text: `Klara Zetkin`, `G.V. Plekhanov`, `RAYA DUNAYEVSKAYA`, `Pierre Rousset, Daniel Bensaïd et al.` */
const NAME_WORD = /^(?:\p{Lu}[\p{L}’'‘`-]*\.?|(?:\p{Lu}\.){1,4}|\p{Lu}\.?-\p{Lu}\.?|de|da|di|du|del|della|van|von|der|den|la|le|y|ibn|bin|al-\p{L}+|Jr\.?|Sr\.?|‘[\p{L}]+’|“[\p{L}]+”|'[\p{L}]+'|"[\p{L}]+")$/u;
const NOT_NAME_WORDS = /^(?:The|A|An|On|In|Of|For|And|To|What|Why|How|Our|Notes?|Letter|Speech|Chapter|Part|Volume|Vol\.?|Introduction|Preface|Appendix|Index|Contents|Archive|Section|Report|Resolution|Theses|Manifesto|Against|From|With|Towards?|Programme|Program|Selected|Works|Collected|Marxists|Internet|By)$/i;

/** True when every word of each name in `text` is a name word and the names are few and short. */
export function looksLikeNames(text: string): boolean {
  const names = splitNames(text);
  if (names.length === 0 || names.length > 6) return false;
  return names.every((name) => {
    const words = name.split(/\s+/).filter(Boolean);
    if (words.length < 1 || words.length > 6) return false;
    if (words.length === 1 && !/^\p{Lu}[\p{Ll}’'-]{2,}$|^\p{Lu}{3,}$/u.test(words[0]!)) return false;
    return words.every((word) => NAME_WORD.test(word) && !NOT_NAME_WORDS.test(word));
  });
}

/** `A & B`, `A and B`, `A, B et al.` → the names, without `et al.` or a leading `By`. */
export function splitNames(text: string): string[] {
  return plainSpaces(text)
    .replace(/^\s*By\s+/i, '')
    .replace(/\s*,?\s*\bet\s+al\.?\s*$/i, '')
    .replace(/[.;,\s]+$/, '')
    .split(/\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Words of a person's role after their name on a byline (`Albert Inkpin Secretary of the B.S.P.`). */
const ROLE_AFTER_NAME = /\s+(?:Secretary|President|Chairman|Chairwoman|Editor|General\s+Secretary|Member|Leader|Organiser|Organizer|Delegate|Deputy|Representative|Founder|Vice-President|M\.P\.|MP)\b.*$/;

/**
 * The names a byline gives, and the other facts it carries: `Antonio Gramsci 1921` (a year), `Arthur Horner
 * (President of the South Wales Miners’ Federation)` (a role), `Democracy with a Tommygun by Wilfred Burchett`
 * and `N.I. Bukharin: Historical Materialism` (a collection), `The Trade Unions: …, Lance Sharkey. 1961`.
 * Undefined when the line names nobody that can be told apart.
 */
export function parseByline(text: string, hints: PageHints): { names: string[]; year?: IsoDate; collection?: string } | undefined {
  let rest = plainSpaces(text).replace(/\s+/g, ' ').trim();
  let year: IsoDate | undefined;
  const trailingYear = /[\s,.]*\(?\b(1[5-9]\d\d|20\d\d)\)?\.?$/.exec(rest);
  if (trailingYear && trailingYear.index > 0) {
    year = { iso: trailingYear[1]!, text: trailingYear[1]! };
    rest = rest.slice(0, trailingYear.index).trim();
  }
  rest = rest.replace(/\s*\([^)]*\)\s*$/, '').replace(/[.,;:]+$/, '').trim();
  const tryNames = (candidate: string) => {
    const cut = candidate.replace(ROLE_AFTER_NAME, '').trim();
    return looksLikeNames(cut) ? splitNames(cut) : undefined;
  };
  const direct = tryNames(rest);
  if (direct) return { names: direct, year };
  const by = /^(.{3,}?)\s+by\s+(.+)$/i.exec(rest);
  if (by) {
    const names = tryNames(by[2]!);
    if (names) return { names, year, collection: by[1]!.trim() };
  }
  const colon = /^([^:]{3,60}):\s+(.+)$/.exec(rest);
  if (colon) {
    const names = tryNames(colon[1]!);
    if (names) return { names, year, collection: colon[2]!.trim() };
  }
  const comma = /^(.+),\s+([^,]{3,60})$/.exec(rest);
  if (comma) {
    const names = tryNames(comma[2]!);
    if (names) return { names, year, collection: comma[1]!.trim() };
  }
  // The page's own `meta name="author"` found in the line.
  if (hints.author && rest.toLowerCase().includes(hints.author.toLowerCase())) return { names: [hints.author], year };
  return undefined;
}

/** The surname-ish words of a name, lower-cased, for matching a name against other evidence. */
function nameKeys(name: string): string[] {
  return plainSpaces(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z’'-]+/)
    .filter((word) => word.length >= 3);
}

/** True when the name shares a word of three letters or more with the evidence (`Klara Zetkin` ~ `Clara Zetkin`). */
function matchesEvidence(name: string, evidence: string[]): boolean {
  const keys = new Set(nameKeys(name));
  return evidence.some((other) => nameKeys(other).some((key) => keys.has(key)));
}

/** `Clara Zetkin: Through Dictatorship to Democracy (1919)` → its parts, as far as they can be told apart. */
export function parsePageTitle(text: string): { author?: string; title: string; date?: IsoDate } {
  let rest = plainSpaces(text).replace(/\s+/g, ' ').trim();
  let date: IsoDate | undefined;
  const dated = /\s*\(([^()]{3,40})\)\s*$/.exec(rest);
  if (dated && (isDateOnly(dated[1]!) || isDateRangeOnly(dated[1]!))) {
    date = parseDateExpression(dated[1]!);
    rest = rest.slice(0, dated.index).trim();
  }
  const colon = /^([^:]{3,60}):\s+(.+)$/.exec(rest);
  if (colon && looksLikeNames(colon[1]!)) return { author: colon[1]!.trim(), title: colon[2]!.trim(), date };
  return { title: rest, date };
}

/** `Chapter XI`, `CHAPTER I`, `Part Five.`, `Book 2`, `Lecture III`: the label of a part of a book. */
const CHAPTER_START = /^(?:Chapter|Part|Book|Lecture)\s+(?:[IVXLC]+|\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b[.:]?\s+\S/i;
const CHAPTER_LABEL = /^(?:Chapter|Part|Book|Section|Lecture|Letter|Article)\s+(?:[IVXLC]+|\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\.?$/i;

/** The title's text without the note markers its heading links from (`… India [1]`, `A Just War1`). */
function withoutNoteMarkers(blocks: TopBlock[], text: string): string {
  let plain = text;
  for (const top of blocks) {
    if (!top.element) continue;
    descendants(top.element, (element) => {
      const href = element.tagName === 'a' ? element.attrs.find((attr) => attr.name === 'href')?.value ?? '' : '';
      const marker = visibleText(element).trim();
      if (href.startsWith('#') && /^(?:\[\d{1,3}\]|\d{1,3}|\*{1,3}|\(\d{1,3}\))$/.test(marker) && plain.endsWith(marker)) {
        plain = plain.slice(0, -marker.length).trim();
      }
    });
  }
  return plain;
}

/** The index of the block after the header, and the header blocks by role. */
interface HeaderPlan {
  end: number;
  authors: TopBlock[];
  title: TopBlock[];
  collection: TopBlock[];
  subtitle: TopBlock[];
  rubric: TopBlock[];
  dateLine?: TopBlock;
  info: TopBlock[];
  breadcrumbs: TopBlock[];
  bylines: TopBlock[];
}

/** A heading or paragraph that is only a date: `(December 1922)`, `1969`, `4 December 1972`, `(April–June 1938)`. */
function isDateBlock(top: TopBlock): boolean {
  return (top.role === 'heading' || top.role === 'text' || top.role === 'byline') && top.text.length <= 60 && (isDateLine(top.text) || isDateOnly(top.text) || isDateRangeOnly(top.text));
}

function isDateRangeOnly(text: string): boolean {
  const date = parseDateExpression(text);
  if (!date) return false;
  const rest = plainSpaces(text).replace(date.text, '').replace(/[()[\].,\s]/g, '');
  return rest.length === 0;
}

/**
 * The page's blocks as the header sees them, each classified when first asked
 * for: the header needs the first few, and of all the others only their
 * heading levels, which only `h1`–`h6` elements can have (see {@link classifyTop}).
 */
class TopBlocks {
  private readonly known: (TopBlock | undefined)[] = [];

  constructor(private readonly blocks: Block[]) {}

  get length(): number {
    return this.blocks.length;
  }

  at(index: number): TopBlock {
    return (this.known[index] ??= classifyTop(this.blocks[index]!, index));
  }

  /** The blocks `[from, to)`. */
  range(from: number, to: number): TopBlock[] {
    const out: TopBlock[] = [];
    for (let index = from; index < to; index++) out.push(this.at(index));
    return out;
  }

  /** The levels of the headings from block `from` on, in order. */
  headingLevelsFrom(from: number): number[] {
    const levels: number[] = [];
    for (let index = from; index < this.blocks.length; index++) {
      const block = this.blocks[index]!;
      if (!('element' in block) || !/^h[1-6]$/.test(block.element.tagName)) continue;
      const top = this.at(index);
      if (top.role === 'heading') levels.push(top.level);
    }
    return levels;
  }
}

/**
 * Where the header ends and what each of its blocks is. The title is the first non-empty `h1` before the text
 * begins, else the largest heading there. Before it stand breadcrumbs, the author and collection or rubric lines;
 * after it subtitles and the dateline; then the information block. The header ends after the information block
 * when the page has one, else at the first text block, at a heading after a rule that follows the title, or at a
 * heading whose level recurs as a section heading further down.
 */
function planHeader(tops: TopBlocks, hints: PageHints): HeaderPlan | undefined {
  let limit = 0;
  while (limit < tops.length && !(tops.at(limit).role === 'text' && !isDateBlock(tops.at(limit)))) limit++;
  const headings = tops.range(0, limit).filter((top) => top.role === 'heading' && !isDateBlock(top));
  let titleAt = headings.find((top) => top.level === 1);
  if (!titleAt) {
    const candidates = headings.filter((top, position) => !(position === 0 && headings.length > 1 && isAuthorHeading(top, hints)));
    const best = Math.min(...candidates.map((top) => top.level));
    titleAt = candidates.find((top) => top.level === best);
  }
  if (!titleAt) return undefined;
  // `<h1>Anarchism and Socialism</h1><hr><h3>CHAPTER I The Point of View…</h3>`: the book, then the page's chapter.
  const chapter = headings.find((top) => top.index > titleAt!.index && CHAPTER_START.test(top.text) && top.text.length <= 160);
  let bookTitle: TopBlock | undefined;
  if (chapter) {
    bookTitle = titleAt;
    titleAt = chapter;
  }
  const titleIndex = titleAt.index;
  const plan: HeaderPlan = { end: titleIndex + 1, authors: [], title: [titleAt], collection: [], subtitle: [], rubric: [], info: [], breadcrumbs: [], bylines: [] };


  // Before the title.
  let ruleSinceLast = false;
  const before = tops.range(0, titleIndex);
  const ruleBeforeTitle = before.map((top) => top.role === 'rule');
  before.forEach((top, position) => {
    if (top.role === 'breadcrumb') plan.breadcrumbs.push(top);
    else if (top.role === 'byline') plan.bylines.push(top);
    else if (top.role === 'info') plan.info.push(top);
    else if (isDateBlock(top) && !plan.dateLine) plan.dateLine = top;
    else if (top === bookTitle) return;
    else if (top.role === 'heading' || top.role === 'text') {
      const ruleFollows = ruleBeforeTitle.slice(position + 1).some(Boolean);
      if (plan.authors.length === 0 && plan.bylines.length === 0 && plan.collection.length === 0 && isAuthorHeading(top, hints)) plan.authors.push(top);
      else if (ruleFollows || ruleSinceLast) plan.collection.push(top);
      else plan.rubric.push(top);
    }
    if (top.role === 'rule') ruleSinceLast = true;
  });

  // The book a chapter belongs to is its collection, after any collection line above the book.
  if (bookTitle) plan.collection.push(bookTitle);

  // After the title: subtitles and the dateline, then the information block.
  const later = tops.headingLevelsFrom(limit);
  const hasInfo = tops.range(titleIndex + 1, limit).some((top) => top.role === 'info');
  let index = titleIndex + 1;
  let ruleAfterTitle = false;
  for (; index < tops.length; index++) {
    const top = tops.at(index);
    if (top.role === 'rule' || top.role === 'spacer') {
      if (top.role === 'rule') ruleAfterTitle = true;
      continue;
    }
    if (top.role === 'info') {
      plan.info.push(top);
      continue;
    }
    if (top.role === 'breadcrumb' && !ruleAfterTitle) {
      plan.breadcrumbs.push(top);
      continue;
    }
    if (isDateBlock(top) && !plan.dateLine && (!ruleAfterTitle || hasInfo)) {
      plan.dateLine = top;
      continue;
    }
    if (top.role === 'heading' && index < limit) {
      if (hasInfo && !plan.info.length) {
        // Between the title and the information block every heading belongs to the header.
        if (plan.authors.length === 0 && plan.bylines.length === 0 && isAuthorHeading(top, hints) && /^by\s/i.test(top.text)) plan.authors.push(top);
        else plan.subtitle.push(top);
        continue;
      }
      if (!hasInfo && !ruleAfterTitle && !later.includes(top.level)) {
        if (plan.authors.length === 0 && plan.bylines.length === 0 && isAuthorHeading(top, hints)) plan.authors.push(top);
        else plan.subtitle.push(top);
        continue;
      }
    }
    if (top.role === 'byline' && !ruleAfterTitle && plan.bylines.length === 0 && plan.authors.length === 0) {
      plan.bylines.push(top);
      continue;
    }
    break;
  }
  // Rules and spacers that close the header are part of it; a text block is not.
  plan.end = index;
  while (plan.end > titleIndex + 1 && (tops.at(plan.end - 1).role === 'rule' || tops.at(plan.end - 1).role === 'spacer') && !plan.info.length) plan.end--;
  return plan;
}

/** A heading that names the author: name-shaped, or a name the page's `<title>`, `meta author` or breadcrumb gives. */
function isAuthorHeading(top: TopBlock, hints: PageHints): boolean {
  if (top.role !== 'heading' && top.role !== 'byline' && top.role !== 'text') return false;
  if (top.text.length > 120 || isDateBlock(top)) return false;
  const parsed = parseByline(top.text, hints);
  if (!parsed) return false;
  const evidence = [hints.author, hints.title && parsePageTitle(hints.title.text).author].filter((value): value is string => !!value);
  if (top.role === 'heading' && top.level === 1) return false;
  return looksLikeNames(top.text.replace(/^By\s+/i, '')) || parsed.names.some((name) => matchesEvidence(name, evidence));
}

/** The lines of blocks, in order. */
const lines = (blocks: TopBlock[]): TextLine[] => blocks.flatMap((top) => top.lines);

/** The block as one header line (a heading split by `br` is still one title). */
function asLine(top: TopBlock): SourceLine {
  return { text: top.text, line: top.lines[0]?.line ?? 1 };
}

/**
 * Reads the header blocks into `meta` and returns the index of the first body block (0 when the page's top has
 * no recognisable header: then the whole page is text, and the title is left to the `<title>` fallback).
 */
export function readHeader(blocks: Block[], meta: ArticleMeta, log: MessageLog, hints: PageHints = {}): number {
  const tops = new TopBlocks(blocks);
  // Breadcrumbs at the very top come before everything, whatever the rest is.
  const plan = planHeader(tops, hints);
  if (!plan) return 0;

  // The information block's lines through the plain-text line rules (source, transcription, labelled fields).
  const scratch = new MessageLog(log.file);
  const infoMeta: ArticleMeta = { ...meta, breadcrumbs: [], authors: [], title: [], subtitle: [], info: [], otherFrontLines: [], backLines: [] };
  // The dateline goes first, as in a text file: a citation without `From` is known by the dateline before it.
  readHeaderLines([...(plan.dateLine ? plan.dateLine.lines : []), ...lines(plan.info)], infoMeta, scratch);
  meta.source = infoMeta.source;
  meta.transcription = infoMeta.transcription;
  meta.info = infoMeta.info;
  meta.issueLine = infoMeta.issueLine;
  if (infoMeta.lastUpdated) meta.lastUpdated = infoMeta.lastUpdated;
  const datelineLine = plan.dateLine?.lines[0]?.line;
  if (infoMeta.dateLine && infoMeta.dateLine.line !== datelineLine) {
    if (!plan.dateLine) meta.dateLine = infoMeta.dateLine;
    else meta.otherFrontLines.push(infoMeta.dateLine);
  }
  // What the line rules took for title or author lines is prose of the information block.
  const notDateline = (line: SourceLine) => line.line !== datelineLine;
  meta.otherFrontLines.push(...[...infoMeta.title, ...infoMeta.authors, ...infoMeta.subtitle, ...infoMeta.otherFrontLines, ...infoMeta.breadcrumbs, ...(infoMeta.collection ?? [])].filter(notDateline));

  meta.breadcrumbs.push(...lines(plan.breadcrumbs));
  // `Chapter XI` over the chapter's own title (`<h1>Chapter XI<br>The Conditions…</h1>`) is a label, not the title.
  const titleLines = plan.title.flatMap((top) => (top.lines.length > 1 && CHAPTER_LABEL.test(top.lines[0]!.text.trim()) ? top.lines : [asLine(top)]));
  if (titleLines.length > 1 && CHAPTER_LABEL.test(titleLines[0]!.text.trim())) {
    meta.otherFrontLines.push(titleLines[0]!);
    meta.title.push({ ...titleLines[1]!, text: titleLines.slice(1).map((line) => line.text).join(' ') });
  } else meta.title.push(...titleLines);
  for (const line of meta.title) {
    const plain = withoutNoteMarkers(plan.title, line.text);
    if (plain !== line.text) line.plain = plain;
  }
  meta.subtitle.push(...plan.subtitle.map(asLine));
  if (plan.collection.length) meta.collection = plan.collection.map(asLine);
  meta.otherFrontLines.push(...plan.rubric.map(asLine));
  if (plan.dateLine) {
    const line = asLine(plan.dateLine);
    meta.dateLine = { ...line, date: parseDateExpression(line.text) };
  }
  for (const top of [...plan.bylines, ...plan.authors]) {
    const line = asLine(top);
    const parsed = parseByline(line.text, hints);
    if (parsed) {
      meta.authors.push({ ...line, names: parsed.names });
      if (parsed.year && !meta.bylineDate) meta.bylineDate = { ...line, date: parsed.year };
    } else if (top.role === 'byline') {
      // A byline whose names cannot be told apart is kept as it is, and reported.
      meta.otherFrontLines.push(line);
      log.warn('header:author-unread', `the byline "${line.text}" names no author that could be told apart; no author is stated`, { line: line.line, column: 1 });
    }
  }
  readFirstPublished(lines(plan.info), meta);
  mergeTranscribers(lines(plan.info), meta);
  for (const message of scratch.messages) if (message.ruleId !== 'read:no-title') log.messages.push(message);
  return Math.min(plan.end, blocks.length);
}

/** `First published in Mysl, Kharkov 1919.`, `Published: In Solidarity, V, 8 (March 1969)`, `First Published: L’Ordine Nuovo, …`. */
const FIRST_PUBLISHED = /^(?:first\s+published|first\s+printed|originally\s+published|published|first\s+publication|publication)\b\s*:?\s*/i;

/** The first printing, from a labelled field or a sentence of the information block; the first such line wins. */
function readFirstPublished(infoLines: TextLine[], meta: ArticleMeta): void {
  for (const line of infoLines) {
    const text = plainSpaces(line.text).replace(/\s+/g, ' ').trim();
    const label = FIRST_PUBLISHED.exec(text);
    if (!label) continue;
    let value = text.slice(label[0].length);
    // `in English`, `as a pamphlet`, `originally as "Le Rôle…",` say how, not where.
    value = value.replace(/^(?:(?:in|into)\s+English\s*|as\s+|in\s+|originally\s+(?:as\s+)?)+/i, '');
    value = value.replace(/^[“"«][^”"»]{1,200}[”"»],?\s*(?:in\s+)?/, '');
    const source = parseSourceLine(line, value);
    if (!/^\p{Lu}|^\d|^[‘’'“"«]/u.test(value)) delete source.journal;
    if (source.journal && source.journal.length > 120) delete source.journal;
    if (!source.journal && !source.date) continue;
    meta.firstPublished = source;
    return;
  }
}

/** Every transcription and mark-up credit of the information block names people: all of them are transcribers. */
function mergeTranscribers(infoLines: TextLine[], meta: ArticleMeta): void {
  const transcription = meta.transcription;
  if (!transcription) return;
  const transcribers = new Set<string>();
  const markup = new Set<string>();
  for (const line of infoLines) {
    if (line !== transcription.line && !isTranscriptionLine(line.text)) continue;
    const names = (line === transcription.line ? transcription.names : parseTranscriptionLine(line).names).map(cleanName).filter(Boolean);
    for (const name of names) (MARKUP_ONLY.test(plainSpaces(line.text).trim()) ? markup : transcribers).add(name);
  }
  for (const name of transcribers) markup.delete(name);
  transcription.names = [...transcribers];
  if (markup.size) transcription.markup = [...markup];
}

/** A credit for the mark-up or proofreading alone, not the transcription. */
const MARKUP_ONLY = /^(?!.*transcri)(?:HTML\s+)?(?:Mark(?:ed)?[- ]?up|Proof-?read)/i;

/** A name as credits write it, without note markers and end punctuation (`Ted Crawford. [1]` → `Ted Crawford`). */
export function cleanName(name: string): string {
  const cleaned = plainSpaces(name)
    .replace(/\[\d+\]/g, '')
    .replace(/^(?:by\s+|\d{4}\s+by\s+)/i, '')
    // A date or remark after the name says when or how, not who: `Graham Seaman, 2018`, `X (September 2015)`.
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/,?\s+(?:(?:in|on)\s+)?(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?(?:1[89]\d\d|20\d\d)\.?$/, '')
    .replace(/\s+under\s+the\s+pseudonym\b.*$/i, '');
  // An initial keeps its full stop (`Mike B.`); other end punctuation goes.
  const initial = /\b\p{Lu}\.[\s,;:]*$/u.test(cleaned);
  return (cleaned.replace(/[\s.,;:]+$/, '') + (initial ? '.' : '')).trim();
}
