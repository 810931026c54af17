/**
 * What a writer is: a function from the TEI artifact (artifact.ts: the TEI,
 * serialised and as trees, and the facts read from it) to files. Writers never write to disk themselves,
 * so a failed build leaves nothing half-written. Each format's module exports
 * one as `write`; formats.ts has the rows.
 */
import type { TeiArtifact } from '../artifact.js';
import type { Settings } from '../settings.js';
import type { OutputFile } from './output-file.js';

export interface WriterContext {
  slug: string;
  settings: Settings;
  /** The files of the formats this one needs (its row's `needs`), by format. */
  made: ReadonlyMap<string, readonly OutputFile[]>;
  /** Every file the writers that ran before this one made in the same build (the bag packs them). */
  outputs: readonly OutputFile[];
  /** Every format this build writes for the edition, asked for or needed (the print HTML and the EPUB are then made in one transform). */
  building: ReadonlySet<string>;
}

export type Writer = (artifact: TeiArtifact, context: WriterContext) => Promise<OutputFile[]>;

/** What a format's module exports. */
export interface WriterModule {
  write: Writer;
}
