/**
 * What a reader learns about an article besides its body: the facts of its
 * header, each with the source line it came from so that nothing is lost and
 * messages can point at it. The TEI assembler turns this into the teiHeader.
 */
import type { Element } from './tei/tree.js';

/** A line of the source as it was, with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
}

/** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) with the wording it came from. */
export interface IsoDate {
  iso: string;
  text: string;
}

/** Where the article was first printed, parsed from a line such as `From Fourth International, Vol. 2 No. 7, August 1941, pp. 217–221.` */
export interface PrintSource {
  line: SourceLine;
  /** Journal, newspaper or book title. */
  journal?: string;
  volume?: string;
  issue?: string;
  date?: IsoDate;
  pages?: { from: string; to?: string; text: string };
  /** Publisher or place where the line gives them (books). */
  publisher?: string;
  pubPlace?: string;
}

/** Who transcribed the text for which archive, from lines such as `Transcribed & marked up by X for the ETOL.` */
export interface Transcription {
  line: SourceLine;
  names: string[];
  archive?: string;
  year?: string;
}

/** A labelled line of an information block (`Written: 5 June, 1920`). */
export interface InfoField {
  label: string;
  value: string;
  line: SourceLine;
}

/** The header facts of one article. */
export interface ArticleMeta {
  breadcrumbs: SourceLine[];
  authors: SourceLine[];
  title: SourceLine[];
  subtitle: SourceLine[];
  /** The dateline, e.g. `(August 1941)`. */
  dateLine?: SourceLine & { date?: IsoDate };
  source?: PrintSource;
  transcription?: Transcription;
  /** Further labelled fields (Written, Translated, Copyleft, …). */
  info: InfoField[];
  /** Lines of the header the reader could not classify: kept, never dropped. */
  otherFrontLines: SourceLine[];
  /** Trailing lines after the body (index links, footers other than the update line). */
  backLines: SourceLine[];
  lastUpdated?: SourceLine & { date?: IsoDate };
  /** The archive the page comes from, if known (e.g. "Encyclopaedia of Trotskyism On-Line (ETOL)"). */
  archive?: string;
  /** ISO 639 language of the text. */
  language: string;
}

/** What every reader produces: the header facts and the TEI body content (`div`s). */
export interface ReadResult {
  meta: ArticleMeta;
  /** Children of TEI `body`: `div` elements with `head`, `p`, `list`, `note`. Nodes carry `position` from the source. */
  body: Element[];
}
