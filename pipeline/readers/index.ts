/**
 * The registry of input formats: a name to one reader, as in Pandoc's
 * Readers.hs. Adding a format means one module, one row here and its loader
 * in load.ts (which builds use, so that they load only the reader they need).
 */
import type { ReadResult } from '../model.js';
import type { MessageLog } from '../messages.js';
import { readText } from './text.js';
import { readHtml } from './html/index.js';

/** A reader turns decoded text into header facts and TEI body content. */
export type Reader = (text: string, log: MessageLog) => ReadResult;

export const readers = {
  text: readText,
  html: readHtml,
} satisfies Record<string, Reader>;

export type InputFormat = keyof typeof readers;

// Chosen by content and name, and loaded one at a time, in load.ts: a build loads only the reader it uses.
export { detectFormat } from './load.js';
