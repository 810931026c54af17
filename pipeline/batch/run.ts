/**
 * Batch builds: every input built in parallel on worker threads (or in this
 * thread for one input, or when asked for one job), then committed in input
 * order: slug clashes are settled by input order, so the outputs are the same
 * bytes whatever the number of threads. Inputs unchanged since the last build
 * are skipped (see cache.ts); a bad input fails alone, the others go on.
 * Each edition is put in place and recorded in the manifest's journal as it
 * is committed, under the output folder's lock (lock.ts), so a killed batch
 * loses only what was in flight and another build may share the folder; a
 * signal stops the batch cleanly (see {@link Interruption}).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from '../messages.js';
import type { Settings } from '../settings.js';
import { closePrintBrowser } from '../writers/pdf.js';
import { closeXsltEngines } from '../xslt-engine/index.js';
import { inputKey, isUpToDate, outputsPresent, pipelineKey, ManifestStore, type Manifest, type ManifestEntry } from './cache.js';
import { writeCorpusIndex } from './corpus.js';
import { cleanLeftovers, commitEditionFolder, partialFolder, stageEditionFolder } from './folder.js';
import { runJob, type JobRequest, type JobResult } from './job.js';
import { withOutputLock } from './lock.js';
import { inShard, slugsAhead, type Shard } from './shard.js';
import { canUseWorkers, createPool, interrupted, type Builder } from './pool.js';
import { describeWriteError } from '../output-errors.js';

/** The result of building one input. */
export interface EditionResult {
  input: string;
  /** `skipped`: unchanged since the last build into the same folder (see batch/cache.ts). */
  status: 'built' | 'skipped' | 'failed';
  slug?: string;
  /** Absolute paths of the files written. */
  outputs: string[];
  messages: Message[];
}

/** How a batch runs. */
export interface BatchOptions {
  /** Worker threads to build with; 1 builds in this thread. */
  jobs: number;
  /** Rebuild inputs even when the manifest says they are unchanged. */
  force: boolean;
  /** Build only this slice of the inputs, with the slugs the whole batch gives them (see shard.ts). */
  shard?: Shard;
}

/** What a batch reports as it goes. */
export interface BatchHooks {
  /** Called once per input, in input order, when its edition is written, skipped or failed. */
  onProgress?: (event: { done: number; total: number; result: EditionResult }) => void;
}

/** A batch stopped by a signal. */
export interface Interruption {
  signal: 'SIGINT' | 'SIGTERM';
  /** The exit code a shell expects: 128 + the signal's number (130, 143). */
  exitCode: number;
  /** Inputs left unbuilt (not started, or discarded while in flight). */
  notBuilt: number;
}

/** What a batch did besides the editions. */
export interface BatchRun {
  editions: EditionResult[];
  messages: Message[];
  /** How many worker threads built (0: the main thread did). */
  workers: number;
  /** The corpus index written, if any. */
  corpusIndex?: string;
  /** Set when a signal stopped the batch: the editions are those finished before it. */
  interrupted?: Interruption;
}

/** Builds in this thread, one input after another. */
function mainThreadBuilder(settings: Settings): Builder {
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;
  return {
    run(request: JobRequest) {
      const next = queue.then(() => (stopped ? interrupted(request) : runJob(request, settings)));
      queue = next;
      return next;
    },
    stop() {
      stopped = true;
    },
    // Work in this thread cannot be cut short; what is in flight finishes.
    async abort() {
      stopped = true;
    },
    close: async () => {
      await Promise.all([closePrintBrowser(), closeXsltEngines()]);
    },
  };
}

/** The slug an edition gets: its own, or with `-2`, `-3` … when an earlier input (or another input's edition in the folder) took it. */
export function settleSlug(base: string, taken: { has(slug: string): boolean }): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;

/** Watches for Ctrl-C and SIGTERM during a batch: the first stops new work, a second ends work in flight. */
function watchSignals(builder: Builder): { signal: () => 'SIGINT' | 'SIGTERM' | undefined; dispose: () => void } {
  let received: 'SIGINT' | 'SIGTERM' | undefined;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (received) return void builder.abort();
    received = signal;
    builder.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: () => received,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function unwritable(file: string, outDir: string, what: string, error: unknown): Message {
  const code = (error as NodeJS.ErrnoException).code ? describeWriteError(error, outDir) : ((error as Error).message ?? 'error');
  return { file, severity: 'error', reason: `${what} could not be written to ${outDir} (${code}); choose a writable --out folder`, ruleId: 'output:unwritable' };
}

/**
 * Makes the output folder ready under its lock: leftovers of dead processes
 * removed (an edition caught between its two renames put back), and the
 * journal of an interrupted run folded into the manifest.
 */
async function openOutput(store: ManifestStore): Promise<Message[]> {
  const { outDir } = store;
  await mkdir(outDir, { recursive: true });
  return withOutputLock(outDir, async () => {
    const cleanup = await cleanLeftovers(outDir);
    await store.compact();
    return cleanup.recovered.map((slug) => ({
      file: path.join(outDir, slug),
      severity: 'info' as const,
      reason: 'put back the edition a killed build had moved aside while replacing it',
      ruleId: 'output:recovered',
    }));
  });
}

/** Builds the given files (already expanded, in input order). */
export async function runBatch(allFiles: readonly string[], settings: Settings, options: BatchOptions, hooks: BatchHooks = {}): Promise<BatchRun> {
  const { outDir } = settings;
  // A shard's inputs keep the slugs the whole batch settles for them, whatever else its folder holds.
  let files = allFiles;
  let fixedSlugs: readonly (string | undefined)[] = [];
  if (options.shard) {
    const shard = options.shard;
    const slugs = await slugsAhead(allFiles, settings, settleSlug);
    files = allFiles.filter((_, position) => inShard(position, shard));
    fixedSlugs = slugs.filter((_, position) => inShard(position, shard));
  }
  const slugFor = (index: number, baseSlug: string): string => fixedSlugs[index] ?? settleSlug(baseSlug, isTaken);
  const store = new ManifestStore(outDir);
  let messages: Message[];
  try {
    messages = await openOutput(store);
  } catch (error) {
    const message = unwritable(outDir, outDir, 'the build manifest', error);
    return { editions: files.map((input) => ({ input, status: 'failed', outputs: [], messages: [] })), messages: [message], workers: 0 };
  }
  const pipeline = pipelineKey(settings);
  const absolute = files.map((file) => path.resolve(file));
  const inBatch = new Set(absolute);
  const keys = await Promise.all(files.map((file) => readFile(file).then((bytes) => inputKey(bytes, file, pipeline), () => undefined)));
  const skippable = files.map((_, i) => !options.force && isUpToDate(outDir, store.entries.get(absolute[i]!), keys[i]));
  const toBuild = skippable.filter((skip) => !skip).length;
  const threads = Math.min(options.jobs, toBuild);
  // PDFs of a batch are printed from a worker even with one job: playwright, once it has launched Chromium in
  // the main thread, answers Ctrl-C itself by closing the browser and exiting, cutting the batch's own ending short.
  const useWorkers = (threads > 1 || (toBuild > 1 && settings.formats.includes('pdf'))) && canUseWorkers();
  const builder = useWorkers ? createPool(threads, settings) : mainThreadBuilder(settings);
  const signals = watchSignals(builder);
  const pending: (Promise<JobResult> | undefined)[] = files.map((input, index) => (skippable[index] ? undefined : builder.run({ index, input, slug: fixedSlugs[index] })));

  // Slugs taken by earlier inputs of this batch, or by the editions of inputs outside it still in the folder.
  const taken = new Set<string>();
  const isTaken = {
    has(slug: string): boolean {
      if (taken.has(slug)) return true;
      const owner = store.slugOwners.get(slug);
      return owner !== undefined && !inBatch.has(owner) && existsSync(path.join(outDir, slug));
    },
  };

  /**
   * Puts a built edition in place and records it, under the folder's lock;
   * returns the slug to build again with when another input's edition took
   * this one's slug in the meantime (another build into the same folder).
   */
  const commit = async (index: number, result: JobResult): Promise<string | undefined> => {
    const slug = result.slug!;
    await stageEditionFolder(outDir, slug, result.files);
    return withOutputLock(outDir, async () => {
      await store.refresh();
      const settled = slugFor(index, result.baseSlug!);
      if (settled !== slug) {
        await rm(partialFolder(outDir, slug), { recursive: true, force: true });
        return settled;
      }
      await commitEditionFolder(outDir, slug);
      const entry: ManifestEntry = { key: keys[index] ?? '', baseSlug: result.baseSlug!, slug, files: result.files.map((file) => file.name), summary: result.summary! };
      if (result.missing) entry.missing = result.missing;
      await store.record(absolute[index]!, entry);
      return undefined;
    });
  };

  /** Forgets the edition of an input that now fails (its folder stays, but the index no longer lists it). */
  const drop = async (index: number) => {
    if (!store.entries.has(absolute[index]!)) return;
    await withOutputLock(outDir, async () => {
      await store.refresh();
      if (store.entries.has(absolute[index]!)) await store.record(absolute[index]!, undefined);
    });
  };

  const editions: EditionResult[] = [];
  try {
    for (let index = 0; index < files.length; index++) {
      const input = files[index]!;
      const entry = store.entries.get(absolute[index]!);
      let result: JobResult;
      if (skippable[index] && entry) {
        const slug = slugFor(index, entry.baseSlug);
        if (slug === entry.slug) {
          taken.add(slug);
          const skipped: EditionResult = { input, status: 'skipped', slug, outputs: entry.files.map((name) => path.join(outDir, slug, name)), messages: [] };
          editions.push(skipped);
          hooks.onProgress?.({ done: index + 1, total: files.length, result: skipped });
          continue;
        }
        // An earlier input now takes this one's slug: build it again under its new one.
        result = await builder.run({ index, input, slug });
      } else {
        result = await pending[index]!;
        // Let go of the settled promise: it holds the edition's files, and a long batch must not keep them all.
        pending[index] = undefined;
        if (result.status === 'built') {
          const slug = slugFor(index, result.baseSlug!);
          if (slug !== result.slug) result = await builder.run({ index, input, slug });
        }
      }
      const edition: EditionResult = { input, status: 'failed', slug: result.slug, outputs: [], messages: result.messages };
      try {
        let again = result.status === 'built' ? await commit(index, result) : undefined;
        while (again !== undefined) {
          result = await builder.run({ index, input, slug: again });
          again = result.status === 'built' ? await commit(index, result) : undefined;
        }
        edition.slug = result.slug;
        edition.messages = result.messages;
        if (result.status === 'built') {
          taken.add(result.slug!);
          edition.status = 'built';
          edition.outputs = result.files.map((file) => path.join(outDir, result.slug!, file.name));
        }
      } catch (error) {
        await rm(partialFolder(outDir, result.slug!), { recursive: true, force: true }).catch(() => undefined);
        edition.messages.push(unwritable(input, path.join(outDir, result.slug!), 'the edition', error));
      }
      result.files = [];
      // Once stopped, work in flight that finished is kept; what did not (or failed, its tools killed by the same
      // Ctrl-C) is left as it was: neither reported as failed nor dropped from the manifest.
      if (signals.signal() && edition.status !== 'built') continue;
      if (result.status === 'failed') await drop(index).catch(() => undefined);
      editions.push(edition);
      hooks.onProgress?.({ done: index + 1, total: files.length, result: edition });
    }
  } finally {
    builder.stop();
    await builder.close();
  }

  const run: BatchRun = { editions, messages, workers: useWorkers ? threads : 0 };
  try {
    await withOutputLock(outDir, async () => {
      await store.compact();
      if (store.entries.size === 0) return;
      // Only editions whose folders are still there are listed.
      const listed: Manifest = { version: 1, entries: Object.fromEntries([...store.entries].filter(([, entry]) => outputsPresent(outDir, entry))) };
      run.corpusIndex = await writeCorpusIndex(outDir, listed);
    });
  } catch (error) {
    messages.push(unwritable(outDir, outDir, 'the build manifest and corpus index', error));
  } finally {
    signals.dispose();
  }
  const signal = signals.signal();
  if (signal) run.interrupted = { signal, exitCode: 128 + SIGNAL_NUMBERS[signal], notBuilt: files.length - editions.length };
  return run;
}
