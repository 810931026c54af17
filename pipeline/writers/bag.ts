/**
 * The `bag` format: a BagIt package (RFC 8493) for deposit in an archive,
 * `<slug>-bag/` inside the edition folder. Its payload is the source file as
 * it was read (the original bytes) and every other file of this build; the
 * bag is made last (its row packs all, see formats.ts), from the other writers' outputs, so
 * the files in `data/` are byte for byte those beside the bag.
 *
 * Nothing in a bag comes from the clock: Bagging-Date is the build's fixed
 * date, files are listed in sorted order, so two builds give identical bags.
 */
import path from 'node:path';
import type { Root } from '../tei/tree.js';
import { findAll, findFirst, textOf, walkElements, type Element } from '../tei/tree.js';
import {
  BAGIT_DECLARATION,
  BAG_ALGORITHM,
  PAYLOAD_DIR,
  checksum,
  infoLine,
  manifestLine,
  payloadOxum,
} from '../bag/format.js';
import type { OutputFile } from './output-file.js';
import { editionDate } from '../stages.js';
import { editionUrl } from './render.js';
import type { Writer } from './writer.js';

/** The descriptive fields of bag-info.txt. */
export interface BagInfo {
  /** Who transfers the content: the edition's publisher; absent (the field is left out) when the edition names none. */
  sourceOrganization?: string;
  /** What the bag holds, for a person: title, author, where the text was first printed. */
  externalDescription: string;
  /** A stable identifier: the edition's address when the edition settings give a base URL, else its slug. */
  externalIdentifier: string;
  /** The build's fixed date, `YYYY-MM-DD`. */
  baggingDate: string;
  /** The tool and version that made the bag. */
  softwareAgent: string;
}

/** A file to put in `data/`, with its path relative to `data/` (forward slashes). */
export interface PayloadFile {
  path: string;
  data: string | Uint8Array;
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/**
 * Makes the files of a bag: `bagit.txt`, `bag-info.txt`, the payload under
 * `data/`, `manifest-sha256.txt` and `tagmanifest-sha256.txt`. Names are
 * relative to the bag's own folder.
 */
export function makeBag(payload: readonly PayloadFile[], info: BagInfo): OutputFile[] {
  const files = [...payload].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two payload files are both named data/${file.path}`);
    seen.add(file.path);
  }
  const payloadBytes = files.map((file) => ({ name: `${PAYLOAD_DIR}/${file.path}`, data: bytesOf(file.data) }));
  const manifest = payloadBytes.map((file) => manifestLine(checksum(file.data), file.name)).join('');
  const bagInfo =
    (info.sourceOrganization ? infoLine('Source-Organization', info.sourceOrganization) : '') +
    infoLine('External-Description', info.externalDescription) +
    infoLine('External-Identifier', info.externalIdentifier) +
    infoLine('Bagging-Date', info.baggingDate) +
    infoLine('Payload-Oxum', payloadOxum(payloadBytes.map((file) => file.data.byteLength))) +
    infoLine('Bag-Software-Agent', info.softwareAgent);
  const tagFiles: OutputFile[] = [
    { name: 'bagit.txt', data: BAGIT_DECLARATION },
    { name: 'bag-info.txt', data: bagInfo },
    { name: `manifest-${BAG_ALGORITHM}.txt`, data: manifest },
  ];
  const tagManifest = [...tagFiles]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((file) => manifestLine(checksum(bytesOf(file.data)), file.name))
    .join('');
  return [...tagFiles, { name: `tagmanifest-${BAG_ALGORITHM}.txt`, data: tagManifest }, ...payloadBytes];
}

function oneLine(node: Element | undefined): string | undefined {
  const text = node ? textOf(node).replace(/\s+/g, ' ').trim() : '';
  return text || undefined;
}

function child(parent: Element | undefined, name: string): Element | undefined {
  return parent?.children.find((node): node is Element => node.type === 'element' && node.name === name);
}

/**
 * Where the text was first printed: the source line as transcribed (any
 * element of sourceDesc typed `sourceLine`), else one composed from the
 * biblStruct's journal title, date and scopes.
 */
function printedSource(sourceDesc: Element | undefined): string | undefined {
  if (!sourceDesc) return undefined;
  let line: Element | undefined;
  walkElements(sourceDesc, (element) => {
    if (!line && element.attributes?.type === 'sourceLine') line = element;
  });
  if (line) return oneLine(line);
  const monogr = findFirst(sourceDesc, 'monogr');
  const parts = [
    oneLine(monogr && findAll(monogr, 'title')[0]),
    oneLine(monogr && findFirst(monogr, 'date')),
    ...(monogr ? findAll(monogr, 'biblScope') : []).map((scope) => {
      const text = oneLine(scope);
      const unit = scope.attributes?.unit;
      return text && (unit === 'volume' || unit === 'issue') && /^\d+$/.test(text) ? `${unit === 'volume' ? 'Vol.' : 'No.'} ${text}` : text;
    }),
  ].filter(Boolean);
  return parts.length ? `From ${parts.join(', ')}` : undefined;
}

/** The Bagging-Date: the edition date, which RFC 8493 wants as a full `YYYY-MM-DD`. */
function baggingDate(isoDate: string): string {
  if (!/^\d{4}-\d\d-\d\d$/.test(isoDate)) throw new Error(`the Bagging-Date must be YYYY-MM-DD, got "${isoDate}"`);
  return isoDate;
}

/**
 * Reads bag-info's descriptive fields from the TEI header: the edition's
 * publisher, and a one-line description from the title, subtitle, authors,
 * the source's bibliographic line and the archive the text was transcribed for.
 */
export function describeEdition(tei: Root | undefined, facts: { slug: string; date: string; toolVersion: string; contents: string[]; url?: string }): BagInfo {
  const header = tei ? findFirst(tei, 'teiHeader') : undefined;
  const titleStmt = header ? findFirst(header, 'titleStmt') : undefined;
  const titles = titleStmt ? findAll(titleStmt, 'title') : [];
  const main = oneLine(titles.find((title) => title.attributes?.type !== 'sub')) ?? '[Untitled]';
  const sub = oneLine(titles.find((title) => title.attributes?.type === 'sub'));
  const authors = (titleStmt ? findAll(titleStmt, 'author') : []).map(oneLine).filter((name): name is string => Boolean(name));
  const sourceDesc = header ? findFirst(header, 'sourceDesc') : undefined;
  const sourceLine = printedSource(sourceDesc);
  // The archive that published the transcription: the publisher of a plain bibl (the biblStruct holds the print source).
  const archive = oneLine((sourceDesc ? findAll(sourceDesc, 'bibl') : []).map((bibl) => child(bibl, 'publisher')).find(Boolean));
  const publisher = oneLine(header ? findFirst(findFirst(header, 'publicationStmt') ?? header, 'publisher') : undefined);

  // No publisher named (no edition settings): the bag names none either, and says the tool made the edition.
  const organisation = publisher;
  const contents = facts.contents.length > 1 ? `${facts.contents.slice(0, -1).join(', ')} and ${facts.contents.at(-1)}` : facts.contents.join('');
  const parts = [
    `${main}${sub ? `: ${sub}` : ''}${authors.length ? `, by ${authors.join(' and ')}` : ''}.`,
    sourceLine ? (/[.!?]$/.test(sourceLine) ? sourceLine : `${sourceLine}.`) : undefined,
    `${organisation ? `Edition by ${organisation}` : `Edition made with TEI Press`}${archive ? ` from the transcription published by ${archive}` : ''}: ${contents}.`,
  ];
  return {
    sourceOrganization: organisation,
    externalDescription: parts.filter(Boolean).join(' '),
    externalIdentifier: facts.url ?? facts.slug,
    baggingDate: baggingDate(facts.date),
    softwareAgent: `TEI Press ${facts.toolVersion}`,
  };
}

/** How each kind of edition file is named in the description. */
const CONTENT_NAMES: readonly [RegExp, string][] = [
  [/\.archive\.tei\.xml$/, 'archival TEI P5'],
  [/(?<!\.archive)\.tei\.xml$/, 'TEI P5'],
  [/\.epub$/, 'EPUB 3'],
  [/\.html$/, 'print HTML'],
  [/\.pdf$/, 'PDF'],
];

/** What the bag needs from the build. */
export interface BagInputs {
  slug: string;
  /** The original input bytes and the input's file name. */
  source: { name: string; bytes: Uint8Array };
  /** The files the other writers made in this build. */
  outputs: readonly OutputFile[];
  tei?: Root;
  /** The edition date, `YYYY-MM-DD`. */
  date: string;
  toolVersion: string;
  /** The edition's address (edition settings' base URL + slug), when there is one. */
  url?: string;
}

/**
 * The `bag` writer: returns the bag's files named `<slug>-bag/…`. The source
 * goes to `data/source/<its file name>`, the edition's files to `data/<name>`.
 */
export function writeBag(inputs: BagInputs): OutputFile[] {
  const bagFolder = `${inputs.slug}-bag`;
  const editionFiles = inputs.outputs.filter((file) => !file.name.startsWith(`${bagFolder}/`));
  const contents = ['the source text']
    .concat(CONTENT_NAMES.filter(([pattern]) => editionFiles.some((file) => pattern.test(file.name))).map(([, name]) => name));
  const info = describeEdition(inputs.tei, { slug: inputs.slug, date: inputs.date, toolVersion: inputs.toolVersion, contents, url: inputs.url });
  const payload: PayloadFile[] = [
    { path: `source/${path.basename(inputs.source.name)}`, data: inputs.source.bytes },
    ...editionFiles.map((file) => ({ path: file.name.split(path.sep).join('/'), data: file.data })),
  ];
  return makeBag(payload, info).map((file) => ({ name: `${bagFolder}/${file.name}`, data: file.data }));
}

/** The `bag` writer: the source and every file this build made before it. */
export const write: Writer = async (edition, { slug, settings, outputs }) =>
  writeBag({
    slug,
    source: { name: edition.path, bytes: edition.bytes },
    outputs,
    tei: edition.tei,
    date: editionDate(edition, settings),
    toolVersion: settings.toolVersion,
    url: editionUrl(settings, slug) || undefined,
  });
