/**
 * Builds the TEI document from what a reader found: a full teiHeader from the
 * header facts, the article's title block as `front`, the body divisions, and
 * the page's trailing lines as `back`. Every header line of the source is kept
 * verbatim somewhere in the document.
 */
import type { ArticleMeta, ReadResult, SourceLine } from '../model.js';
import { el, TEI_NS, type Element, type Root } from './tree.js';

/** Facts about this edition that do not come from the source. */
export interface EditionFacts {
  /** The build's fixed date (ISO), used as the edition's publication date. */
  buildDate: string;
  /** The tool's version, recorded in the revision history. */
  toolVersion: string;
  /** The input's file name, recorded as the edition's source file. */
  sourceFile: string;
}

function lineText(line: SourceLine): string {
  return line.text.trim();
}

function titleStmt(meta: ArticleMeta): Element {
  return el(
    'titleStmt',
    {},
    meta.title.length
      ? el('title', { type: 'main' }, meta.title.map(lineText).join(' '))
      : el('title', { type: 'main' }, '[Untitled]'),
    meta.subtitle.map((line) => el('title', { type: 'sub' }, lineText(line))),
    meta.authors.map((line) => el('author', {}, lineText(line))),
    meta.transcription?.names.length
      ? el('respStmt', {}, el('resp', {}, 'Transcription and markup'), meta.transcription.names.map((name) => el('name', {}, name)))
      : null,
    el('respStmt', {}, el('resp', {}, 'TEI encoding'), el('name', {}, 'TEI Press')),
  );
}

function publicationStmt(meta: ArticleMeta, facts: EditionFacts): Element {
  const rights = meta.info.find((field) => /copyleft|licen[cs]e|rights/i.test(field.label));
  return el(
    'publicationStmt',
    {},
    el('publisher', {}, 'TEI Press'),
    el('date', { when: facts.buildDate }, facts.buildDate),
    el(
      'availability',
      { status: rights ? 'free' : 'unknown' },
      rights
        ? el('p', {}, `${rights.label}: ${rights.value}`)
        : el('p', {}, 'The source page states no licence. The rights in the text are not known to this edition; it is made for study and is not offered under any licence.'),
    ),
  );
}

function sourceDesc(meta: ArticleMeta): Element {
  const source = meta.source;
  const analytic = el(
    'analytic',
    {},
    el('title', { level: 'a' }, meta.title.map(lineText).join(' ') || '[Untitled]'),
    meta.authors.map((line) => el('author', {}, lineText(line))),
  );
  const monogr = el(
    'monogr',
    {},
    el('title', { level: source?.journal ? 'j' : 'm' }, source?.journal ?? 'Unknown'),
    el(
      'imprint',
      {},
      source?.pubPlace ? el('pubPlace', {}, source.pubPlace) : null,
      source?.publisher ? el('publisher', {}, source.publisher) : null,
      source?.date
        ? el('date', { when: source.date.iso }, source.date.text)
        : meta.dateLine?.date
          ? el('date', { when: meta.dateLine.date.iso }, meta.dateLine.date.text)
          : el('date', {}, 'unknown'),
    ),
    source?.volume ? el('biblScope', { unit: 'volume' }, source.volume) : null,
    source?.issue ? el('biblScope', { unit: 'issue' }, source.issue) : null,
    source?.pages
      ? el('biblScope', { unit: 'page', from: source.pages.from, to: source.pages.to ?? source.pages.from }, source.pages.text)
      : null,
  );
  const online = el(
    'bibl',
    { type: 'transcription' },
    meta.breadcrumbs.map((line) => el('note', { type: 'breadcrumb' }, lineText(line))),
    meta.transcription ? el('note', { type: 'transcription' }, lineText(meta.transcription.line)) : null,
    meta.transcription?.names.map((name) => el('respStmt', {}, el('resp', {}, 'transcribed by'), el('name', {}, name))),
    meta.transcription?.archive ? el('publisher', {}, meta.transcription.archive) : null,
    meta.lastUpdated
      ? el('date', { type: 'lastUpdated', when: meta.lastUpdated.date?.iso }, lineText(meta.lastUpdated))
      : null,
  );
  return el(
    'sourceDesc',
    {},
    el('biblStruct', {}, analytic, monogr),
    source ? el('bibl', { type: 'sourceLine' }, lineText(source.line)) : null,
    online,
  );
}

function encodingDesc(): Element {
  return el(
    'encodingDesc',
    {},
    el('projectDesc', {}, el('p', {}, 'Edition made by TEI Press from a transcription published online, for reading (EPUB, print) and for deposit.')),
    el(
      'editorialDecl',
      {},
      el('correction', {}, el('p', {}, 'The text is given as transcribed; apparent errors are kept and not corrected.')),
      el('normalization', {}, el('p', {}, 'Spelling and punctuation are kept as in the transcription. Line breaks and white space between words are normalised.')),
      el('quotation', { marks: 'all' }, el('p', {}, 'Quotation marks are kept in the text as transcribed.')),
      el('hyphenation', { eol: 'none' }, el('p', {}, 'The transcription has no line-end hyphenation; hyphens in the text are kept.')),
    ),
  );
}

function front(meta: ArticleMeta): Element {
  return el(
    'front',
    {},
    el(
      'docTitle',
      {},
      meta.title.map((line) => el('titlePart', { type: 'main' }, lineText(line))),
      meta.subtitle.map((line) => el('titlePart', { type: 'sub' }, lineText(line))),
    ),
    meta.authors.length ? el('byline', {}, meta.authors.map((line) => el('docAuthor', {}, lineText(line)))) : null,
    meta.dateLine ? el('docDate', { when: meta.dateLine.date?.iso }, lineText(meta.dateLine)) : null,
  );
}

/** Assembles the TEI document. */
export function assembleTei(read: ReadResult, facts: EditionFacts): Root {
  const { meta } = read;
  const header = el(
    'teiHeader',
    {},
    el('fileDesc', {}, titleStmt(meta), publicationStmt(meta, facts), sourceDesc(meta)),
    encodingDesc(),
    el('profileDesc', {}, el('langUsage', {}, el('language', { ident: meta.language }, 'English'))),
    el(
      'revisionDesc',
      {},
      el('change', { when: facts.buildDate }, `TEI edition made with TEI Press ${facts.toolVersion} from ${facts.sourceFile}.`),
      meta.lastUpdated?.date ? el('change', { when: meta.lastUpdated.date.iso }, 'Transcription last updated at the source.') : null,
    ),
  );
  const back = meta.backLines.length ? el('back', {}, el('div', { type: 'pageFooter' }, meta.backLines.map((line) => el('p', {}, lineText(line))))) : null;
  const tei = el('TEI', { xmlns: TEI_NS, 'xml:lang': meta.language }, header, el('text', {}, front(meta), el('body', {}, read.body), back));
  return { type: 'root', children: [tei] };
}
