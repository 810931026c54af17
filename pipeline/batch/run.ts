/**
 * Batch builds: every input built in parallel on worker threads (or in this
 * thread for one input, or when asked for one job), then committed in input
 * order: slug clashes are settled by input order, so the outputs are the same
 * bytes whatever the number of threads. Inputs unchanged since the last build
 * are skipped (see cache.ts); a bad input fails alone, the others go on.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from '../messages.js';
import type { Settings } from '../settings.js';
import { closePrintBrowser } from '../writers/pdf.js';
import { writeEditionFolder, type EditionResult } from '../build.js';
import { inputKey, outputsPresent, pipelineKey, readManifest, writeManifest, type Manifest } from './cache.js';
import { writeCorpusIndex } from './corpus.js';
import { runJob, type JobRequest, type JobResult } from './job.js';
import { canUseWorkers, createPool, type Builder } from './pool.js';

/** How a batch runs. */
export interface BatchOptions {
  /** Worker threads to build with; 1 builds in this thread. */
  jobs: number;
  /** Rebuild inputs even when the manifest says they are unchanged. */
  force: boolean;
}

/** What a batch reports as it goes. */
export interface BatchHooks {
  /** Called once per input, in input order, when its edition is written, skipped or failed. */
  onProgress?: (event: { done: number; total: number; result: EditionResult }) => void;
}

/** What a batch did besides the editions. */
export interface BatchRun {
  editions: EditionResult[];
  messages: Message[];
  /** How many worker threads built (0: the main thread did). */
  workers: number;
  /** The corpus index written, if any. */
  corpusIndex?: string;
}

/** Builds in this thread, one input after another. */
function mainThreadBuilder(settings: Settings): Builder {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(request: JobRequest) {
      const next = queue.then(() => runJob(request, settings));
      queue = next;
      return next;
    },
    close: () => closePrintBrowser(),
  };
}

/** The slug an edition gets: its own, or with `-2`, `-3` … when an earlier input took it. */
export function settleSlug(base: string, taken: ReadonlySet<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Builds the given files (already expanded, in input order). */
export async function runBatch(files: readonly string[], settings: Settings, options: BatchOptions, hooks: BatchHooks = {}): Promise<BatchRun> {
  const messages: Message[] = [];
  const stored = await readManifest(settings.outDir);
  const manifest: Manifest = { version: 1, entries: { ...stored.entries } };
  const pipeline = pipelineKey(settings);
  const absolute = files.map((file) => path.resolve(file));
  const keys = await Promise.all(files.map((file) => readFile(file).then((bytes) => inputKey(bytes, file, pipeline), () => undefined)));
  const skippable = files.map((_, i) => {
    const entry = stored.entries[absolute[i]!];
    return !options.force && keys[i] !== undefined && entry?.key === keys[i] && outputsPresent(settings.outDir, entry);
  });
  const toBuild = skippable.filter((skip) => !skip).length;
  const threads = Math.min(options.jobs, toBuild);
  const useWorkers = threads > 1 && canUseWorkers();
  const builder = useWorkers ? createPool(threads, settings) : mainThreadBuilder(settings);
  const pending: (Promise<JobResult> | undefined)[] = files.map((input, index) => (skippable[index] ? undefined : builder.run({ index, input })));

  const editions: EditionResult[] = [];
  const taken = new Set<string>();
  try {
    for (let index = 0; index < files.length; index++) {
      const input = files[index]!;
      const entry = stored.entries[absolute[index]!];
      let result: JobResult | undefined;
      if (skippable[index] && entry) {
        const slug = settleSlug(entry.baseSlug, taken);
        if (slug === entry.slug) {
          taken.add(slug);
          const skipped: EditionResult = { input, status: 'skipped', slug, outputs: entry.files.map((name) => path.join(settings.outDir, slug, name)), messages: [] };
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
          const slug = settleSlug(result.baseSlug!, taken);
          if (slug !== result.slug) result = await builder.run({ index, input, slug });
        }
      }
      const edition: EditionResult = { input, status: 'failed', slug: result.slug, outputs: [], messages: result.messages };
      if (result.status === 'built') {
        const slug = result.slug!;
        taken.add(slug);
        try {
          const names = result.files.map((file) => file.name);
          edition.outputs = await writeEditionFolder(settings.outDir, slug, result.files);
          result.files = [];
          edition.status = 'built';
          manifest.entries[absolute[index]!] = {
            key: keys[index] ?? '',
            baseSlug: result.baseSlug!,
            slug,
            files: names,
            summary: result.summary!,
          };
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'error';
          edition.messages.push({
            file: input,
            severity: 'error',
            reason: `the edition could not be written to ${path.join(settings.outDir, slug)} (${code}); choose a writable --out folder`,
            ruleId: 'output:unwritable',
          });
        }
      } else {
        delete manifest.entries[absolute[index]!];
      }
      editions.push(edition);
      hooks.onProgress?.({ done: index + 1, total: files.length, result: edition });
    }
  } finally {
    await builder.close();
  }

  const run: BatchRun = { editions, messages, workers: useWorkers ? threads : 0 };
  if (editions.some((edition) => edition.status !== 'failed')) {
    try {
      await writeManifest(settings.outDir, manifest);
      // Only editions whose folders are still there are listed.
      const listed: Manifest = { version: 1, entries: Object.fromEntries(Object.entries(manifest.entries).filter(([, entry]) => outputsPresent(settings.outDir, entry))) };
      run.corpusIndex = await writeCorpusIndex(settings.outDir, listed);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      messages.push({ file: settings.outDir, severity: 'error', reason: `the build manifest and corpus index could not be written (${code}); choose a writable --out folder`, ruleId: 'output:unwritable' });
    }
  }
  return run;
}
