/**
 * The registry of input formats: a name to one reader, as in Pandoc's
 * Readers.hs. Adding a format means one module and one row here.
 */
import type { ReadResult } from '../model.js';
import type { MessageLog } from '../messages.js';
import { readText } from './text.js';

/** A reader turns decoded text into header facts and TEI body content. */
export type Reader = (text: string, log: MessageLog) => ReadResult;

export const readers = {
  text: readText,
} satisfies Record<string, Reader>;

export type InputFormat = keyof typeof readers;

/** Chooses the reader for a file by its extension and content. */
export function detectFormat(_fileName: string, _text: string): InputFormat {
  return 'text';
}
