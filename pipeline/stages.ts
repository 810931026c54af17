/**
 * The stages of a build, as small functions composed in a list (unified's
 * shape). Each stage reads and writes the {@link Edition} that travels with the
 * tree; a stage that finds the input unusable throws an InputError.
 */
import { checkHtmlNesting, decodeInput, reportBadCharacterReferences } from './readers/decode.js';
import type { InputFormat } from './readers/index.js';
import { detectFormat, loadReader } from './readers/index.js';
import { assembleTei } from './tei/assemble.js';
import { layoutTei, writeLayout } from './tei/serialize.js';
import { markLanguage } from './enrich/language.js';
import { markQuotations } from './enrich/quotes.js';
import { markDates } from './enrich/dates.js';
import { markEntities } from './enrich/entities.js';
import { applyErrata } from './enrich/errata.js';
import { listSlips } from './enrich/slips.js';
import type { Root } from './tei/tree.js';
import { parseXml, saxonDocumentOf, type SaxonDocument, type XastNode } from './saxon.js';
import type { ReadResult } from './model.js';
import type { MessageLog } from './messages.js';
import type { Settings } from './settings.js';
import type { ReviewItem } from './enrich/review.js';

/** The state of one input as it moves through the stages. */
export interface Edition {
  /** The input path as given. */
  path: string;
  bytes: Uint8Array;
  log: MessageLog;
  text?: string;
  format?: InputFormat;
  read?: ReadResult;
  /** The TEI tree: produced by `assemble`, rewritten by enrichment stages. */
  tei?: Root;
  /** The serialised TEI, once the tree is final. */
  teiXml?: string;
  /** The nodes `teiXml` was written from (see `layoutTei`). */
  teiLayout?: Root['children'];
  /** `teiXml` as SaxonJS's tree, shared by every stylesheet that reads it (see {@link teiDocument}). */
  teiDocument?: SaxonDocument;
  /** What the enrichment stages list for an editor to check (see enrich/review.ts). */
  review?: ReviewItem[];
}

/**
 * The serialised TEI as SaxonJS's tree, made on first use and then shared
 * (validation and every XSLT writer read it): built from the nodes it was
 * written from, the same tree as parsing `teiXml` gives (tests/saxon-tree.test.ts).
 */
export function teiDocument(edition: Edition): SaxonDocument {
  edition.teiDocument ??= (edition.teiLayout && saxonDocumentOf(edition.teiLayout as XastNode[])) || parseXml(edition.teiXml!);
  return edition.teiDocument;
}

export type Stage = (edition: Edition, settings: Settings) => void | Promise<void>;

export const decode: Stage = (edition) => {
  edition.text = decodeInput(edition.bytes, edition.log).text;
};

export const read: Stage = async (edition, settings) => {
  const text = edition.text!;
  edition.format = settings.from ?? detectFormat(edition.path, text);
  if (edition.format === 'html') {
    checkHtmlNesting(text, edition.log);
    reportBadCharacterReferences(text, edition.log);
  }
  edition.read = (await loadReader(edition.format))(text, edition.log);
};

/**
 * The edition's date (`YYYY-MM-DD`): the `buildDate` setting, which is
 * `--build-date`, else `SOURCE_DATE_EPOCH`, else today (see
 * `resolveBuildDate`). Never the source page's "Last updated" date: that is
 * when the online transcription changed, and the TEI records it as such.
 * Writers that stamp a date (PDF metadata, BagIt's Bagging-Date) use this same date.
 */
export function editionDate(_edition: Edition, settings: Settings): string {
  return settings.buildDate;
}

export const assemble: Stage = (edition, settings) => {
  edition.tei = assembleTei(edition.read!, {
    buildDate: editionDate(edition, settings),
    toolVersion: settings.toolVersion,
    sourceFile: edition.path.split(/[\\/]/).pop()!,
    edition: settings.edition,
  });
};

export const serialize: Stage = (edition) => {
  edition.teiLayout = layoutTei(edition.tei!);
  edition.teiXml = writeLayout(edition.teiLayout);
};

/** The stages that turn input bytes into serialised TEI, in order. */
export const teiStages: Stage[] = [decode, read, assemble, markLanguage, markQuotations, markDates, markEntities, applyErrata, listSlips, serialize];
