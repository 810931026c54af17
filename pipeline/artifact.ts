/**
 * The TEI artifact: all that writers receive. The stages make an Edition (the
 * input, the reader's model, the TEI as it is rewritten); once the TEI is
 * serialised and valid, it is frozen into this artifact: the XML, its trees,
 * the facts the outputs need read once *from the TEI* (title, edition date),
 * the review items, and the source bytes a deposit keeps. Writers neither see
 * the reader's model nor the settings' clock.
 */
import type { Edition } from './edition.js';
import type { ReviewItem } from './enrich/review.js';
import type { MessageLog } from './messages.js';
import type { EngineDocument, XsltEngine } from './xslt-engine/index.js';
import { findFirst, textOf, type Element, type Root } from './tei/tree.js';
import { teiDocument } from './stages.js';

export interface TeiArtifact {
  /** The serialised TEI. */
  readonly xml: string;
  /** The TEI tree (xast). */
  readonly tree: Root;
  /** The nodes `xml` was written from (see `layoutTei`). */
  readonly layout?: Root['children'];
  /** `xml` made ready for the engine's transforms (SaxonJS's tree), once per engine and shared by every stylesheet. */
  document(engine?: XsltEngine): EngineDocument;
  /** The main title (the header's first `title`). */
  readonly title: string;
  /** The edition's date, `YYYY-MM-DD`: the header's `publicationStmt/date/@when`. */
  readonly editionDate: string;
  /** What the stages listed for an editor to check. */
  readonly review: readonly ReviewItem[];
  /** The input as it was read: its file name as given and its bytes. */
  readonly source: { readonly path: string; readonly bytes: Uint8Array };
  /** Where writers report (a stylesheet's messages, a PDF without Chromium). */
  readonly log: MessageLog;
}

/** The main title of a TEI document: its first `title` (the header's titleStmt comes first). */
export function titleOf(tree: Root | undefined): string {
  const title = tree ? findFirst(tree, 'title') : undefined;
  return title ? textOf(title) : 'Untitled';
}

/** The edition date the header states, `YYYY-MM-DD`. */
export function editionDateOf(tree: Root): string | undefined {
  const statement = findFirst(tree, 'publicationStmt');
  const date = statement?.children.find((child): child is Element => child.type === 'element' && child.name === 'date');
  const when = date?.attributes.when;
  return typeof when === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(when) ? when : undefined;
}

/**
 * Freezes an edition whose TEI is serialised into the artifact writers get.
 * @throws Error when the TEI is not final or states no edition date (a bug of the stages, not of the input).
 */
export function artifactOf(edition: Edition): TeiArtifact {
  const { tei, teiXml } = edition;
  if (!tei || teiXml === undefined) throw new Error('the TEI is not serialised yet: writers need the final TEI');
  const date = editionDateOf(tei);
  if (!date) throw new Error('the TEI states no edition date (publicationStmt/date/@when)');
  return Object.freeze({
    xml: teiXml,
    tree: tei,
    layout: edition.teiLayout,
    document: (engine?: XsltEngine) => teiDocument(edition, engine),
    title: titleOf(tei),
    editionDate: date,
    review: Object.freeze([...(edition.review ?? [])]),
    source: Object.freeze({ path: edition.path, bytes: edition.bytes }),
    log: edition.log,
  });
}
