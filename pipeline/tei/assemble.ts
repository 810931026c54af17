/**
 * Builds the TEI document from what a reader found: a full teiHeader from the
 * header facts, the article's header lines verbatim as `front`, the body
 * divisions, and notes sections and the page's trailing lines as `back`.
 *
 * Two rules shape it. Every header line of the source is written verbatim
 * (whitespace-normalised) into `front` or `back`, so nothing is lost; the
 * teiHeader holds the parsed facts, cleaned for metadata use (note anchors
 * taken out of titles). And nothing is invented: when the source does not say
 * something (author, print source, rights), the header says it is not known
 * or leaves the element out, and stays valid against tei_all either way.
 */
import type { ArticleMeta, InfoField, IsoDate, PrintSource, ReadResult, SourceLine } from '../model.js';
import { FOREIGN_LABELS, plainSpaces, splitCredit } from '../readers/header-lines.js';
import { namesOfAuthorLine, pseudonymsOf, rightsStatements, workDate } from '../work-facts.js';
import { el, TEI_NS, type Child, type Element, type ElementContent, type Root } from './tree.js';
import { DEFAULT_EDITION_CONFIG, type EditionConfig } from '../edition-config.js';

/** Facts about this edition that do not come from the source. */
export interface EditionFacts {
  /** The build's fixed date (ISO), used as the edition's publication date. */
  buildDate: string;
  /** The tool's version, recorded in the revision history. */
  toolVersion: string;
  /** The input's file name, recorded as the edition's source file. */
  sourceFile: string;
  /** The press's edition settings (publisher, place, series, editors, licence); default: none, nothing claimed. */
  edition?: EditionConfig;
}

/** Whitespace-normalised text of a line, as it is written into the TEI. */
export function lineText(line: SourceLine): string {
  return plainSpaces(line.text).replace(/\s+/g, ' ').trim();
}

/** The line's inline content (with note refs, keeping their ids: each header line is written once) or its text. */
function lineContent(line: SourceLine): ElementContent[] {
  return line.inline ? structuredClone(line.inline) : [{ type: 'text', value: lineText(line) }];
}

/** The line with Markdown note anchors removed, for metadata (`…International[^[1]^](#fw01){#bk01}` → `…International`). */
function metadataText(line: SourceLine): string {
  return lineText(line.plain !== undefined ? { ...line, text: line.plain } : line)
    .replace(/\[\[\[\d+\]\]\([^)\s]*\)(?:\{#[^}\s]+\})?\]\{\.note\}|\[\^\[\d+\]\^\]\([^)\s]*\)(?:\{#[^}\s]+\})?|\[\[\d+\]\]\([^)\s]*\)(?:\{#[^}\s]+\})?/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The article title for metadata: the title lines joined, or `[Untitled]` when the source has none. */
export function titleOf(meta: ArticleMeta): string {
  return meta.title.map(metadataText).join(' ') || '[Untitled]';
}

/** The authors' names, each as an `author` element (an author line may name several). */
function authorElements(meta: ArticleMeta): Element[] {
  return meta.authors.flatMap((line) => (line.names?.length ? line.names : [metadataText(line).replace(/^By\s+/i, '')]).map((name) => el('author', {}, name)));
}

/** Attributes that date an element: `when`, or `from`/`to` for a period, and the Old Style date beside the New Style one. */
export function dateAttributes(date: IsoDate): Record<string, string> {
  const attributes: Record<string, string> = date.from && date.to ? { from: date.from, to: date.to } : { when: date.iso };
  if (date.julian) Object.assign(attributes, { 'when-custom': date.julian, datingMethod: '#julian' });
  return attributes;
}

function field(meta: ArticleMeta, label: RegExp): InfoField | undefined {
  return meta.info.find((info) => label.test(info.label.trim()));
}

/** `Translated:`, `Translation:`, and the other languages' labels (`Traducción:`, `Übersetzung:`). */
const TRANSLATION_LABEL = new RegExp(`translat|${FOREIGN_LABELS.translation.source}`, 'iu');

/** Names in a field value (`David Walters & R. Cymbala`). */
function names(value: string): string[] {
  return splitCredit(value.replace(/\s+under\s+the\s+pseudonym\b[^&;]*/i, ''))
    .map((name) => name.replace(/^by\s+/i, ''))
    // `Translated: Unknown` names nobody.
    .filter((name) => name && !/^(?:unknown|not known|anonymous|n\/?a|none)$/i.test(name));
}

function titleStmt(meta: ArticleMeta): Element {
  const translated = field(meta, TRANSLATION_LABEL);
  const translators = translated ? names(translated.value) : [];
  return el(
    'titleStmt',
    {},
    el('title', { type: 'main' }, titleOf(meta)),
    meta.subtitle.map((line) => el('title', { type: 'sub' }, metadataText(line))),
    authorElements(meta),
    // A pseudonym stays the author as printed; the writer the page names is recorded beside it.
    pseudonymsOf(meta).map(({ pseudonym, person }) => el('respStmt', {}, el('resp', {}, `Author, writing as ${pseudonym}`), el('persName', {}, person))),
    translators.length ? el('respStmt', {}, el('resp', {}, 'Translation'), translators.map((name) => el('name', {}, name))) : null,
    meta.transcription?.names.length
      ? el('respStmt', {}, el('resp', {}, 'Transcription and markup for the online archive'), meta.transcription.names.map((name) => el('name', {}, name)))
      : null,
    meta.transcription?.markup?.length
      ? el('respStmt', {}, el('resp', {}, 'Markup for the online archive'), meta.transcription.markup.map((name) => el('name', {}, name)))
      : null,
    el('respStmt', {}, el('resp', {}, 'TEI encoding'), el('name', {}, 'TEI Press')),
  );
}

/**
 * Who made this edition, beyond the source: the editors of the edition
 * settings (TEI `editor` with its MARC relator code as `role`), when there are any.
 */
function editionStmt(facts: EditionFacts): Element | null {
  const editors = facts.edition?.editors ?? [];
  if (editors.length === 0) return null;
  return el(
    'editionStmt',
    {},
    el('edition', {}, 'Edition of ', el('date', { when: facts.buildDate }, facts.buildDate)),
    editors.map((editor) => el('editor', { role: editor.role }, editor.name)),
  );
}

function publicationStmt(meta: ArticleMeta, facts: EditionFacts): Element {
  const config = facts.edition ?? DEFAULT_EDITION_CONFIG;
  const rights = rightsStatements(meta);
  // A free licence stated anywhere wins over a copyright line (the archive's licence of a text whose print was copyright).
  const status = rights.some((statement) => statement.status === 'free') ? 'free' : rights.length ? 'restricted' : 'unknown';
  const ownLicence = config.licence
    ? el('licence', config.licence.url ? { target: config.licence.url } : {}, `This edition (its markup, apparatus and renderings): ${config.licence.text}`)
    : null;
  return el(
    'publicationStmt',
    {},
    // Without edition settings no publisher is claimed: the tool is the TEI's encoder (titleStmt), not a publisher.
    config.publisher
      ? el('publisher', {}, config.publisher)
      : el('authority', {}, 'Not published: an edition made for study, with no publisher named'),
    config.place ? el('pubPlace', {}, config.place) : null,
    el('date', { when: facts.buildDate }, facts.buildDate),
    el(
      'availability',
      { status },
      rights.length
        ? rights.map((statement) => el('licence', statement.url ? { target: statement.url } : {}, lineText(statement.line)))
        : el(
            'p',
            {},
            ownLicence
              ? 'The source page states no licence or copyright. The rights in the text are not known to this edition.'
              : 'The source page states no licence or copyright. The rights in the text are not known to this edition; it is made for study and offered under no licence of its own.',
          ),
      ownLicence,
    ),
  );
}

/** The series of the edition settings, with its number. */
function seriesStmt(facts: EditionFacts): Element | null {
  const series = facts.edition?.series;
  if (!series) return null;
  return el(
    'seriesStmt',
    {},
    el('title', { level: 's' }, series.title),
    series.number ? el('biblScope', { unit: 'volume' }, series.number) : null,
  );
}

function imprint(source: PrintSource | undefined, meta: ArticleMeta): Element {
  const date = source?.date;
  return el(
    'imprint',
    {},
    source?.pubPlace ? el('pubPlace', {}, source.pubPlace) : null,
    source?.publisher ? el('publisher', {}, source.publisher) : null,
    date ? el('date', dateAttributes(date), date.text) : meta.dateLine?.date ? el('date', dateAttributes(meta.dateLine.date), meta.dateLine.date.text) : el('date', {}, 'date not known'),
  );
}

function biblScopes(source: PrintSource): Element[] {
  const scopes: Element[] = [];
  if (source.volume) {
    const n = source.volumeNumber;
    scopes.push(el('biblScope', { unit: 'volume', from: n, to: n }, source.volume));
  }
  if (source.issue) scopes.push(el('biblScope', { unit: 'issue', from: source.issue, to: source.issue }, source.issue));
  if (source.pages) {
    const { from, to = from } = source.pages;
    // A range that runs backwards (`pp. 14–13`, a slip of the source) is kept as written, without from/to.
    const ordered = Number(to) >= Number(from);
    scopes.push(el('biblScope', ordered ? { unit: 'page', from, to } : { unit: 'page' }, source.pages.text));
  }
  return scopes;
}

function analytic(meta: ArticleMeta): Element {
  const translated = field(meta, TRANSLATION_LABEL);
  const translators = translated ? names(translated.value) : [];
  return el(
    'analytic',
    {},
    authorElements(meta),
    el('title', { level: 'a' }, titleOf(meta)),
    meta.subtitle.map((line) => el('title', { level: 'a', type: 'sub' }, metadataText(line))),
    translators.length ? el('respStmt', {}, el('resp', {}, 'Translation'), translators.map((name) => el('name', {}, name))) : null,
  );
}

/** The print source as a `biblStruct`, or undefined when the source names none. */
function printSource(meta: ArticleMeta): Element | undefined {
  // The first printing when the page names it, else the source the text was transcribed from.
  const source = meta.firstPublished?.journal ? meta.firstPublished : meta.source;
  const collection = meta.collection ?? [];
  if (!source?.journal && collection.length === 0) return undefined;
  const monogrTitle = source?.journal ?? collection.filter((line) => !/^Vol(?:ume)?\.?\s/i.test(lineText(line))).map(metadataText).join(' ');
  const level = source?.journal ? (source.kind === 'book' ? 'm' : 'j') : 'm';
  const volumeLine = collection.find((line) => /^Vol(?:ume)?\.?\s/i.test(lineText(line)));
  const scopes = source ? biblScopes(source) : [];
  if (!source?.volume && volumeLine) scopes.unshift(el('biblScope', { unit: 'volume' }, lineText(volumeLine)));
  return el(
    'biblStruct',
    {},
    analytic(meta),
    el(
      'monogr',
      {},
      el('title', { level }, monogrTitle),
      source?.edition ? el('edition', {}, source.edition) : null,
      imprint(source, meta),
      scopes,
    ),
    source ? el('note', { type: 'sourceLine' }, lineText(source.line)) : null,
  );
}

/** The online page the text was transcribed from: archive, transcribers, last update, and the page's header lines. */
function onlineSource(meta: ArticleMeta): Element {
  const transcription = meta.transcription;
  const archive = transcription?.archive ?? meta.archive;
  const written = field(meta, /^written$/i);
  return el(
    'bibl',
    { type: 'online' },
    authorElements(meta),
    el('title', { level: 'a' }, titleOf(meta)),
    transcription?.names.length
      ? el('respStmt', {}, el('resp', {}, 'Transcription'), transcription.names.map((name) => el('name', {}, name)))
      : null,
    archive ? el('publisher', {}, archive) : null,
    transcription?.year ? el('date', { type: 'transcribed', when: transcription.year }, transcription.year) : null,
    meta.lastUpdated
      ? el('date', { type: 'lastUpdated', when: meta.lastUpdated.date?.iso }, lineText(meta.lastUpdated))
      : null,
    written?.line ? el('note', { type: 'written' }, lineText(written.line)) : null,
    meta.breadcrumbs.map((line) => el('note', { type: 'breadcrumb' }, lineText(line))),
    transcription ? el('note', { type: 'transcription' }, lineText(transcription.line)) : null,
  );
}

function sourceDesc(meta: ArticleMeta): Element {
  return el('sourceDesc', {}, printSource(meta) ?? null, onlineSource(meta));
}

function encodingDesc(meta: ArticleMeta): Element {
  return el(
    'encodingDesc',
    {},
    el(
      'projectDesc',
      {},
      el(
        'p',
        {},
        'Edition made with TEI Press from a plain-text or HTML transcription published online (Marxists Internet Archive, Encyclopaedia of Trotskyism On-Line), for reading (EPUB 3, print) and for deposit. Every character of the transcription is kept.',
      ),
    ),
    el(
      'editorialDecl',
      {},
      el('correction', {}, el('p', {}, 'The text is given as transcribed; apparent errors are kept and not corrected.')),
      el(
        'normalization',
        {},
        el(
          'p',
          {},
          'Spelling and punctuation are kept as transcribed. White space is normalised: no-break spaces become spaces, runs of spaces one space, and leading and trailing spaces of a line are dropped.',
          ...(meta.normalised ?? []).map((statement) => ` ${statement}`),
        ),
      ),
      el(
        'quotation',
        { marks: 'all' },
        el('p', {}, 'Quotation marks are kept in the text as transcribed; enrichment stages wrap the marks together with the quoted words (q, quote, soCalled).'),
      ),
      el('hyphenation', { eol: 'none' }, el('p', {}, 'The transcription has no line-end hyphenation; hyphens in the text are kept.')),
      el(
        'segmentation',
        {},
        el(
          'p',
          {},
          'Each line of the transcription is one paragraph, heading or list item. Section headings are short lines after a separator line or before a paragraph; numbers of list items and notes are kept as label. Header lines of the page are kept verbatim in front, index links and footers in back.',
        ),
      ),
    ),
  );
}

function profileDesc(meta: ArticleMeta): Element {
  const names: Record<string, string> = { en: 'English', de: 'German', fr: 'French', es: 'Spanish', ru: 'Russian', it: 'Italian' };
  // When the work was written or first printed, with the line that says so.
  const date = workDate(meta)?.date;
  return el(
    'profileDesc',
    {},
    date ? el('creation', {}, el('date', dateAttributes(date), date.text)) : null,
    date?.julian
      ? el('calendarDesc', {}, el('calendar', { 'xml:id': 'julian' }, el('p', {}, 'Julian calendar (Old Style), as Russia used it until February 1918.')))
      : null,
    el('langUsage', {}, el('language', { ident: meta.language }, names[meta.language] ?? meta.language)),
  );
}

function revisionDesc(meta: ArticleMeta, facts: EditionFacts): Element {
  return el(
    'revisionDesc',
    {},
    el('change', { when: facts.buildDate }, `TEI edition made with TEI Press ${facts.toolVersion} from ${facts.sourceFile}.`),
    meta.lastUpdated
      ? el('change', { when: meta.lastUpdated.date?.iso }, `Online transcription last updated at the source (${lineText(meta.lastUpdated)}).`)
      : null,
  );
}

/** The page's header lines verbatim, in source order, each in the front element that fits its role. */
function front(meta: ArticleMeta): Element {
  type Entry = { line: SourceLine; make: (line: SourceLine) => Element };
  const entries: Entry[] = [];
  const add = (lines: (SourceLine | undefined)[], make: Entry['make']) => {
    for (const line of lines) if (line) entries.push({ line, make });
  };
  add(meta.breadcrumbs, (line) => el('note', { type: 'breadcrumb' }, lineText(line)));
  add([meta.issueLine], (line) => el('note', { type: 'issue' }, lineText(line)));
  add(meta.authors, (line) => el('byline', {}, el('docAuthor', {}, ...lineContent(line))));
  add(meta.collection ?? [], (line) => el('titlePart', { type: 'collection' }, ...lineContent(line)));
  add(meta.title, (line) => el('titlePart', { type: 'main' }, ...lineContent(line)));
  add(meta.subtitle, (line) => el('titlePart', { type: 'sub' }, ...lineContent(line)));
  add([meta.dateLine], (line) => el('docDate', meta.dateLine?.date ? dateAttributes(meta.dateLine.date) : {}, lineText(line)));
  add([meta.source?.line], (line) => el('docImprint', {}, lineText(line)));
  add([meta.transcription?.line], (line) => el('note', { type: 'transcription' }, lineText(line)));
  add(meta.info.map((info) => info.line), (line) => el('note', { type: 'information' }, lineText(line)));
  add(meta.otherFrontLines, (line) => el('note', { type: 'sourceNote' }, ...lineContent(line)));
  if (meta.lastUpdated && isHeaderLine(meta, meta.lastUpdated)) {
    add([meta.lastUpdated], (line) => el('note', { type: 'lastUpdated' }, lineText(line)));
  }
  // One line can carry two facts (an information field that is also the source); write it once.
  // HTML pages may put several header blocks on one source line: a line is the same line only with the same text.
  const seen = new Set<string>();
  const keyOf = (line: SourceLine) => `${line.line}\u0000${lineText(line)}`;
  const ordered = entries
    .sort((a, b) => a.line.line - b.line.line)
    .filter((entry) => (seen.has(keyOf(entry.line)) ? false : (seen.add(keyOf(entry.line)), true)));
  // Consecutive title parts form one docTitle; TEI wants titlePart inside docTitle.
  const children: Element[] = [];
  for (const entry of ordered) {
    const made = entry.make(entry.line);
    made.position = { start: { line: entry.line.line, column: 1 }, end: { line: entry.line.line, column: entry.line.text.length + 1 } };
    const last = children[children.length - 1];
    if (made.name === 'titlePart') {
      if (last?.name === 'docTitle') last.children.push(made);
      else children.push(el('docTitle', {}, made));
    } else children.push(made);
  }
  return el('front', {}, children);
}

/** True when the last-updated line stands among the header lines rather than in the footer (some pages put it at the top). */
function isHeaderLine(meta: ArticleMeta, line: SourceLine): boolean {
  const header = [...meta.breadcrumbs, ...meta.authors, ...meta.title, ...meta.subtitle, meta.dateLine, meta.source?.line, meta.transcription?.line]
    .filter((other): other is SourceLine => other !== undefined)
    .map((other) => other.line);
  return header.length > 0 && line.line < Math.max(...header);
}

function back(read: ReadResult): Element | null {
  const { meta } = read;
  const footer: SourceLine[] = [...meta.backLines];
  if (meta.lastUpdated && !isHeaderLine(meta, meta.lastUpdated)) footer.push(meta.lastUpdated);
  footer.sort((a, b) => a.line - b.line);
  const children: Child[] = [
    ...(read.back ?? []),
    footer.length
      ? el(
          'div',
          { type: 'pageFooter', 'xml:id': 'footer' },
          footer.map((line) => {
            const p = el('p', {}, lineText(line));
            p.position = { start: { line: line.line, column: 1 }, end: { line: line.line, column: line.text.length + 1 } };
            return p;
          }),
        )
      : null,
  ];
  return children.some(Boolean) ? el('back', {}, children) : null;
}

/** Assembles the TEI document. */
export function assembleTei(read: ReadResult, facts: EditionFacts): Root {
  const { meta } = read;
  const header = el(
    'teiHeader',
    {},
    el('fileDesc', {}, titleStmt(meta), editionStmt(facts), publicationStmt(meta, facts), seriesStmt(facts), sourceDesc(meta)),
    encodingDesc(meta),
    profileDesc(meta),
    revisionDesc(meta, facts),
  );
  const body = read.body.length ? read.body : [el('div', { type: 'section' }, el('p', {}))];
  const tei = el('TEI', { xmlns: TEI_NS, 'xml:lang': meta.language }, header, el('text', {}, front(meta), el('body', {}, body), back(read)));
  return { type: 'root', children: [tei] };
}
