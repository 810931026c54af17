/**
 * What a reader learns about an article: the facts of its header, each with
 * the source line it came from so that nothing is lost and messages can point
 * at it, and the TEI content of body and back. The TEI assembler turns this
 * into the document.
 *
 * The model is format-neutral: the plain-text reader and the HTML reader both
 * produce a {@link ReadResult}. A "line" is one header item as the page shows
 * it (a text line, or the text of one HTML block); `line` is its 1-based line
 * number in the input file. Header facts are parsed from the line with the
 * shared parsers in `readers/header-lines.ts`; the assembler writes every
 * header line verbatim into `front` (or `back`) and the parsed facts into the
 * teiHeader, so the header may normalise while the text keeps every character.
 */
import type { Element, ElementContent } from './tei/tree.js';

/** A line of the source as it was, with its 1-based line number. */
export interface SourceLine {
  /** The text of the line as in the source (may hold leading/trailing white space). */
  text: string;
  line: number;
  /**
   * Optional TEI inline content for the line, when the reader found markup in
   * it (a note reference in a title, an HTML `<em>`). Its text must equal
   * `text` trimmed (whitespace-normalised). When absent the assembler uses `text`.
   */
  inline?: ElementContent[];
  /** For an author line: the names it gives, when the line says more than one name (`A & B`, `Name 1921`). */
  names?: string[];
  /** The line's text for metadata, where it differs: without the note markers a title links from (`… India [1]`). */
  plain?: string;
  /** Addresses of the links in the line (`https://creativecommons.org/…`), where the reader kept them. */
  links?: string[];
}

/** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) with the wording it came from. */
export interface IsoDate {
  iso: string;
  text: string;
  /** A period (`April–June 1938`): its first and last ISO dates; `iso` is then `from`. */
  from?: string;
  to?: string;
  /** An Old Style date given beside the New Style one (`14 (27) December 1917`): the Julian date, while `iso` is Gregorian. */
  julian?: string;
}

/** Where the article was first printed, parsed from a line such as `From Fourth International, Vol. 2 No. 7, August 1941, pp. 217–221.` */
export interface PrintSource {
  line: SourceLine;
  /** Journal, newspaper or book title. */
  journal?: string;
  issue?: string;
  date?: IsoDate;
  /** The volume as written (`2`, `XI`). */
  volume?: string;
  /** The volume as an arabic number (`11` for `XI`), when it could be read. */
  volumeNumber?: string;
  pages?: { from: string; to?: string; text: string };
  /** Publisher or place where the line gives them (books). */
  publisher?: string;
  pubPlace?: string;
  /** `2nd English Edition`, for books. */
  edition?: string;
  /** A journal or newspaper (TEI `title level="j"`) or a book (`level="m"`). Default `periodical`. */
  kind?: 'periodical' | 'book';
}

/** Who transcribed the text for which archive, from lines such as `Transcribed & marked up by X for the ETOL.` */
export interface Transcription {
  line: SourceLine;
  names: string[];
  /** People credited only with the mark-up or proofreading (`Marked up by …`, `HTML Markup: …`), not the transcription. */
  markup?: string[];
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
  /**
   * Lines naming a collection the article is part of, e.g. `The First Five
   * Years of the Communist International` / `Volume 1` above the article title.
   */
  collection?: SourceLine[];
  /** The dateline, e.g. `(August 1941)`. */
  dateLine?: SourceLine & { date?: IsoDate };
  source?: PrintSource;
  transcription?: Transcription;
  /** A periodical-issue line of newspaper index pages (`Fourth International, March 1945`). */
  issueLine?: SourceLine;
  /** Labelled fields of an information block (Written, Source, Translated, Copyleft, …), in source order. */
  info: InfoField[];
  /** Lines of the header the reader could not classify: kept, never dropped. */
  otherFrontLines: SourceLine[];
  /** Trailing lines after the body (index links, footers other than the update line). */
  backLines: SourceLine[];
  lastUpdated?: SourceLine & { date?: IsoDate };
  /** The archive the page comes from, if known (e.g. "Encyclopaedia of Trotskyism On-Line (ETOL)"). */
  archive?: string;
  /** The first printing, when the page names it apart from the source it was transcribed from (`First Published:`). */
  firstPublished?: PrintSource;
  /**
   * A note on the title that says when the work was delivered or written (`From the speech delivered … on
   * January 25, 1942.`): the sentence, the note's line and the date it gives.
   */
  occasion?: SourceLine & { date: IsoDate };
  /** A year given on the author's byline (`Antonio Gramsci 1921`): the work's date when nothing better says it. */
  bylineDate?: SourceLine & { date: IsoDate };
  /** The title was not found in the page's text and was taken from its `<title>` element. */
  titleFromPageTitle?: boolean;
  /** The date the page's `<title>` gives (`Clara Zetkin: Through Dictatorship to Democracy (1919)`). */
  pageTitleDate?: SourceLine & { date: IsoDate };
  /** ISO 639 language of the text. */
  language: string;
  /** True when the page itself states `language` (an HTML `lang`); otherwise it is a default that the language stage replaces. */
  languageStated?: boolean;
  /** What the reader normalised beyond white space (e.g. Markdown syntax read for its visible text), for the editorialDecl. */
  normalised?: string[];
}

/** What every reader produces: the header facts and the TEI body content (`div`s). */
export interface ReadResult {
  meta: ArticleMeta;
  /**
   * Children of TEI `body`: `div` elements with `head`, `p`, `list/item`
   * (items may hold a `label` with the source's number and `p`s), `ref`s to
   * notes. Block nodes carry `position` (their source line) and a stable
   * `xml:id` derived from their place (`d2`, `d2-p3`, `d2-l1-i4`).
   */
  body: Element[];
  /**
   * Children of TEI `back` that are content of the article, such as notes
   * sections (`div type="notes"` holding `note`s that body `ref`s point at).
   * Page footers are not here but in `meta.backLines`. Default: none.
   */
  back?: Element[];
}
