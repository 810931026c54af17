/**
 * Reader for plain-text renderings of MIA/ETOL pages: header items one per
 * line, blank lines between paragraphs, lines of a lone no-break space between
 * sections, numbered lists indented, a "Last updated" footer.
 *
 * FIRST VERSION: handles the seed's shape; see issue 2 for the variants.
 */
import type { ArticleMeta, ReadResult, SourceLine } from '../model.js';
import type { MessageLog } from '../messages.js';
import { el, type Element } from '../tei/tree.js';
import { parseDateLine, parseLastUpdated, parseSourceLine, parseTranscriptionLine } from './header-lines.js';

interface Block {
  lines: SourceLine[];
  /** True when a separator line (lone no-break space) came right before it. */
  afterSeparator: boolean;
}

const SEPARATOR = /^[\u00A0\s]*\u00A0[\u00A0\s]*$/;

/** Splits text into blocks of non-blank lines; separator lines end a block and mark the next. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  let pendingSeparator = false;
  let currentAfterSeparator = false;
  const lines = text.split('\n');
  const flush = () => {
    if (current.length) blocks.push({ lines: current, afterSeparator: currentAfterSeparator });
    current = [];
  };
  lines.forEach((raw, index) => {
    if (SEPARATOR.test(raw)) {
      flush();
      pendingSeparator = true;
    } else if (raw.trim() === '') {
      flush();
    } else {
      if (current.length === 0) {
        currentAfterSeparator = pendingSeparator;
        pendingSeparator = false;
      }
      current.push({ text: raw, line: index + 1 });
    }
  });
  flush();
  return blocks;
}

function at(line: SourceLine, column = 1) {
  return { start: { line: line.line, column }, end: { line: line.line, column: column + line.text.length } };
}

/** Reads a plain-text article. */
export function readText(text: string, log: MessageLog): ReadResult {
  const blocks = splitBlocks(text);
  const meta: ArticleMeta = {
    breadcrumbs: [], authors: [], title: [], subtitle: [], info: [], otherFrontLines: [], backLines: [], language: 'en',
  };
  let index = 0;
  const headerLines: SourceLine[] = [];
  // Header: everything up to and including the transcription line, or up to the first long line.
  while (index < blocks.length) {
    const block = blocks[index]!;
    const first = block.lines[0]!;
    if (block.lines.length === 1 && first.text.length > 200) break;
    if (block.lines.some((line) => line.text.length > 200)) break;
    headerLines.push(...block.lines);
    index++;
    if (block.lines.some((line) => /^Transcri/i.test(line.text.trim()))) break;
  }
  const plain: SourceLine[] = [];
  for (const line of headerLines) {
    const value = line.text.trim();
    if (/\|/.test(value) || /^MIA\s*>/.test(value)) meta.breadcrumbs.push(line);
    else if (/^\(.*\)$/.test(value)) meta.dateLine = { ...line, date: parseDateLine(value) };
    else if (/^From\s/.test(value)) meta.source = parseSourceLine(line);
    else if (/^Transcri/i.test(value)) meta.transcription = parseTranscriptionLine(line);
    else plain.push(line);
  }
  if (plain.length >= 2) {
    meta.authors.push(plain[0]!);
    meta.title.push(plain[1]!);
    meta.subtitle.push(...plain.slice(2));
  } else if (plain.length === 1) {
    meta.title.push(plain[0]!);
  }
  let end = blocks.length;
  const last = blocks[end - 1];
  if (last && /^Last updated/i.test(last.lines[0]!.text.trim())) {
    meta.lastUpdated = { ...last.lines[0]!, date: parseLastUpdated(last.lines[0]!.text.trim()) };
    end--;
  }
  if (meta.title.length === 0) log.warn('read:no-title', 'no title line was found in the header');

  const divs: Element[] = [];
  let current: Element = el('div', { type: 'section' });
  divs.push(current);
  for (const block of blocks.slice(index, end)) {
    const first = block.lines[0]!;
    const value = first.text.trim();
    if (block.afterSeparator && block.lines.length === 1 && value.length < 100 && !/[.:;,]$/.test(value)) {
      current = el('div', { type: 'section' });
      divs.push(current);
      const head = el('head', {}, value);
      head.position = at(first);
      current.children.push(head);
      continue;
    }
    if (block.lines.every((line) => /^\s*\d+[.)]\s/.test(line.text))) {
      const list = el('list', { rend: 'numbered' });
      for (const line of block.lines) {
        const match = /^\s*(\d+[.)])\s+(.*)$/.exec(line.text)!;
        const item = el('item', { n: match[1]!.replace(/[.)]$/, '') }, match[2]!.trim());
        item.position = at(line);
        list.children.push(item);
      }
      current.children.push(list);
      continue;
    }
    for (const line of block.lines) {
      const p = el('p', {}, line.text.trim());
      p.position = at(line);
      current.children.push(p);
    }
  }
  return { meta, body: divs.filter((div) => div.children.length > 0) };
}
