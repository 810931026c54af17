/**
 * A lock on an output folder, held for the few milliseconds it takes to put
 * one edition in place and record it, or to fold the manifest's journal. Two
 * builds into one folder both go on; only these steps take turns. The lock is
 * a file holding the holder's PID, made complete in one step (a hard link of
 * a written file), so a reader never sees it empty; a lock whose process is
 * gone (killed) is taken over.
 */
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './folder.js';

/** The lock's file name inside the output folder. */
export const LOCK_NAME = '.tei-press-manifest.lock';

/** How long to wait for a lock whose holder is still running before giving up (default 10 minutes). */
const WAIT_MS = 10 * 60 * 1000;

/** Thrown when a running process keeps the lock longer than any step should take. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

/** The PID written in a lock file, or undefined when it is gone or unreadable. */
async function holderOf(file: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Tries once to make the lock file; true when this process now holds it. */
async function tryLock(lock: string): Promise<boolean> {
  const written = `${lock}.${process.pid}.tmp`;
  await writeFile(written, `${process.pid}\n`);
  try {
    await link(written, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(written, { force: true });
  }
}

/**
 * Removes a lock whose holder is gone. It is renamed aside first, so that of
 * two processes breaking the same stale lock only one succeeds; should the
 * renamed lock turn out to be a live one (taken in between), it is put back.
 */
async function breakStaleLock(lock: string): Promise<void> {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    await rename(lock, aside);
  } catch {
    return;
  }
  const holder = await holderOf(aside);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) await link(aside, lock).catch(() => undefined);
  await rm(aside, { force: true });
}

/** In this process, one lock holder at a time (the file lock is per process). */
const turns = new Map<string, Promise<unknown>>();

/**
 * Runs `step` while holding the lock of `outDir`, waiting (polling) while
 * another running process holds it and taking over a lock left by a dead one.
 */
export async function withOutputLock<T>(outDir: string, step: () => Promise<T>): Promise<T> {
  const lock = path.join(outDir, LOCK_NAME);
  const previous = turns.get(lock) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(() => lockedStep(lock, step));
  turns.set(lock, mine);
  try {
    return await mine;
  } finally {
    if (turns.get(lock) === mine) turns.delete(lock);
  }
}

async function lockedStep<T>(lock: string, step: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let pause = 5;
  while (!(await tryLock(lock))) {
    const holder = await holderOf(lock);
    // A lock naming this process is not held (one holder at a time here): another process breaking a stale lock
    // can put back, a moment too late, a lock this process has already let go.
    if (holder !== undefined && (holder === process.pid || !isAlive(holder))) {
      await breakStaleLock(lock);
      continue;
    }
    if (Date.now() - started > WAIT_MS) {
      throw new LockTimeoutError(`${path.dirname(lock)} stays locked by process ${holder ?? '(unknown)'}, which is still running; wait for it to finish or remove ${lock} if it is not a tei-press build`);
    }
    await sleep(pause);
    pause = Math.min(100, pause * 2);
  }
  try {
    return await step();
  } finally {
    await rm(lock, { force: true });
  }
}
