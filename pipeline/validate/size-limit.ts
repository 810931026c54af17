/**
 * The size limit of `tei-press validate`: it holds a whole document in memory
 * (SaxonJS's tree for the rules, libxml2's for RELAX NG), so a file far larger
 * than any TEI a build writes is refused with a clear message before it is
 * read, instead of running for minutes and gigabytes (issue 13, item 2).
 */
import { stat } from 'node:fs/promises';
import type { MessageLog } from '../messages.js';

/**
 * 64 MiB: four times the largest input a build reads (16 MiB), so every TEI and
 * archival TEI the pipeline writes fits (its TEI is about 1.7 times its text).
 */
export const MAX_VALIDATE_BYTES = 64 * 1024 * 1024;

/** Fails the file's check (`validate:too-large`) when it is over {@link MAX_VALIDATE_BYTES}; unreadable files are left to the reader. */
export async function checkValidateSize(file: string, log: MessageLog): Promise<void> {
  const size = await stat(file).then((info) => info.size, () => undefined);
  if (size !== undefined && size > MAX_VALIDATE_BYTES) {
    log.fail('validate:too-large', `the file has ${size} bytes, more than the ${MAX_VALIDATE_BYTES} (64 MiB) tei-press validate checks: it holds the whole document in memory; split the file or check that it is the right one`);
  }
}
