/**
 * Edition folders written so that no crash loses one. The files go to a
 * hidden `.SLUG.partial-PID` folder first; the edition already there is moved
 * aside to `.SLUG.old-PID`, the new one renamed into place, the old one
 * removed. A process killed between the two renames leaves its PID in both
 * names, so the next run can tell (the process is gone) and put the old
 * edition back. Temporary files of the manifest and the corpus index carry
 * the PID the same way and are removed once their writer is gone.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../writers/index.js';

/** True when a process with this id is running (on this machine); a process we may not signal is running too. */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The hidden folder an edition is written to before it is renamed into place. */
export function partialFolder(outDir: string, slug: string, pid = process.pid): string {
  return path.join(outDir, `.${slug}.partial-${pid}`);
}

/** Where the edition already in place waits while the new one is renamed in. */
export function oldFolder(outDir: string, slug: string, pid = process.pid): string {
  return path.join(outDir, `.${slug}.old-${pid}`);
}

/** Writes the files of an edition into its hidden partial folder (nothing visible changes yet). */
export async function stageEditionFolder(outDir: string, slug: string, files: readonly OutputFile[]): Promise<string> {
  const temporary = partialFolder(outDir, slug);
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    for (const file of files) {
      const destination = path.join(temporary, file.name);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.data);
    }
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return temporary;
}

/** Puts a staged edition in place of `outDir/slug` (the old edition aside, the new one in, the old one removed). */
export async function commitEditionFolder(outDir: string, slug: string): Promise<string> {
  const target = path.join(outDir, slug);
  const temporary = partialFolder(outDir, slug);
  const old = oldFolder(outDir, slug);
  let hadOld = false;
  try {
    await rename(target, old);
    hadOld = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    // Leave things as they were: the old edition back in place, nothing half-made.
    if (hadOld) await rename(old, target).catch(() => undefined);
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
  return target;
}

/** Writes files into `outDir/slug/` through a temporary folder renamed into place; returns the files' paths. */
export async function writeEditionFolder(outDir: string, slug: string, files: readonly OutputFile[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  await stageEditionFolder(outDir, slug, files);
  const target = await commitEditionFolder(outDir, slug);
  return files.map((file) => path.join(target, file.name));
}

/** Temporary files of this project in an output folder, with the PID of the process that wrote them. */
const TEMPORARY_FILE = /^(?:\.tei-press-manifest\.json|\.tei-press-manifest\.lock|index\.html)\.(\d+)\.(?:tmp|stale)$/;
const EDITION_FOLDER = /^\.(.+)\.(partial|old)-(\d+)$/;

/** What {@link cleanLeftovers} did. */
export interface Cleanup {
  /** Names removed. */
  removed: string[];
  /** Editions put back from an `.old` folder (their process died between the two renames). */
  recovered: string[];
}

/**
 * Removes what dead processes left in an output folder: partial edition
 * folders, old editions moved aside, temporary manifest, index and lock
 * files. An old edition whose folder is missing is renamed back into place
 * instead (its writer died between the two renames). Leftovers of running
 * processes are not touched. Call it while holding the folder's lock.
 */
export async function cleanLeftovers(outDir: string): Promise<Cleanup> {
  const cleanup: Cleanup = { removed: [], recovered: [] };
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return cleanup;
  }
  // Old editions first, so that a partial folder of the same slug is not what decides.
  const folders = names
    .map((name) => ({ name, match: EDITION_FOLDER.exec(name) }))
    .filter((item): item is { name: string; match: RegExpExecArray } => item.match !== null && !isAlive(Number(item.match[3])))
    .sort((a, b) => (a.match[2] === b.match[2] ? 0 : a.match[2] === 'old' ? -1 : 1));
  for (const { name, match } of folders) {
    const slug = match[1]!;
    const target = path.join(outDir, slug);
    if (match[2] === 'old' && !existsSync(target)) {
      await rename(path.join(outDir, name), target);
      cleanup.recovered.push(slug);
      continue;
    }
    await rm(path.join(outDir, name), { recursive: true, force: true });
    cleanup.removed.push(name);
  }
  for (const name of names) {
    const match = TEMPORARY_FILE.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    await rm(path.join(outDir, name), { force: true });
    cleanup.removed.push(name);
  }
  return cleanup;
}
