/**
 * Why a folder cannot be written, in the operating system's own words.
 *
 * Node's `mkdir(…, { recursive: true })` reports ENOENT when a parent cannot
 * be created for any reason (a read-only file system, no permission): the
 * message would send the user looking for a missing path. {@link writeErrorOf}
 * finds the real errno by creating the first missing folder without
 * `recursive`, which fails with EROFS, EACCES, ENOTDIR or ENOSPC.
 */
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import path from 'node:path';

/** What each errno that stops a write means, for the message. */
const MEANINGS: Readonly<Record<string, string>> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  EISDIR: 'a folder of that name is in the way',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
};

/** The errno of a failed write into `dir`, made truthful where Node reported ENOENT for a folder it could not create. */
export function errnoOf(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'ENOENT') return code ?? 'error';
  // The first missing folder on the way to dir: create it alone to learn why it cannot be.
  let missing = path.resolve(dir);
  while (!existsSync(path.dirname(missing)) && path.dirname(missing) !== missing) missing = path.dirname(missing);
  if (existsSync(missing)) return code;
  try {
    mkdirSync(missing);
    rmdirSync(missing);
    return code;
  } catch (probe) {
    return (probe as NodeJS.ErrnoException).code ?? code;
  }
}

/** `EROFS, the file system is read-only`: the errno and what it means. */
export function describeWriteError(error: unknown, dir: string): string {
  const code = errnoOf(error, dir);
  return MEANINGS[code] ? `${code}, ${MEANINGS[code]}` : code;
}
