/**
 * The state one input carries through the stages, and the shape of a stage.
 * Types only, apart from the stages themselves (stages.ts), so that the
 * stages' modules (enrich/…) can name them without importing the list that
 * imports them.
 */
import type { InputFormat } from './readers/index.js';
import type { Root } from './tei/tree.js';
import type { EngineDocument } from './xslt-engine/engine.js';
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
  /** `teiXml` made ready for the XSLT engine (SaxonJS's tree), shared by every stylesheet that reads it (see `teiDocument` in stages.ts). */
  teiDocument?: EngineDocument;
  /** What the enrichment stages list for an editor to check (see enrich/review.ts). */
  review?: ReviewItem[];
}

/** One step of a build: reads and rewrites the edition; throws an InputError when the input is unusable. */
export type Stage = (edition: Edition, settings: Settings) => void | Promise<void>;
