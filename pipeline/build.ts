/**
 * The library entry point: builds editions from input files. One input's
 * failure becomes messages on that input; the others still build. Outputs are
 * written to a temporary folder and renamed into place, so a failed build
 * leaves nothing half-written. Batches run on worker threads and skip
 * unchanged inputs (see `batch/`).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from './messages.js';
import { capJobs, resolveSettings, type Options, type Settings } from './settings.js';
import { findEditionConfig } from './edition-config.js';
import { runBatch, settleSlug, type BatchHooks, type EditionResult, type Interruption } from './batch/run.js';
import { writeEditionFolder } from './batch/folder.js';
import { runJob } from './batch/job.js';
import type { Shard } from './batch/shard.js';
export { mergeShards, parseShard, type MergeResult, type Shard } from './batch/shard.js';

/** Kept here for callers of the library: the edition folder's crash-safe writing (batch/folder.ts), one input's TEI (tei-build.ts). */
export { writeEditionFolder };
export { buildTei, validateEditionTei } from './tei-build.js';
export type { EditionResult };

/** Extensions taken from a folder given as input. */
const INPUT_EXTENSIONS = new Set(['.txt', '.htm', '.html', '.xhtml']);


/** True when a path holds glob wildcards (`*`, `?`, `[…]`). */
function isGlob(input: string): boolean {
  return /[*?[]/.test(input);
}

/** A glob segment as a regular expression (`*` within a name, `?` one character, `[…]` a class). */
function segmentPattern(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        source += `[${segment.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Expands a glob (`corpus/*.htm`, `archive/**\/*.html`) into the files it matches, sorted; hidden names are not matched. */
async function expandGlob(pattern: string): Promise<string[]> {
  const segments = pattern.split(/[\\/]/);
  let roots = [segments[0] === '' ? '/' : '.'];
  let start = segments[0] === '' ? 1 : 0;
  // Leading segments without wildcards are a plain folder.
  const plain: string[] = [];
  while (start < segments.length - 1 && !isGlob(segments[start]!)) plain.push(segments[start++]!);
  if (plain.length) roots = [path.join(roots[0]!, ...plain)];
  const matches: string[] = [];
  const walk = async (dir: string, at: number): Promise<void> => {
    const segment = segments[at]!;
    const last = at === segments.length - 1;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (segment === '**') {
      await walk(dir, at + 1);
      for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(path.join(dir, entry.name), at);
      return;
    }
    const matcher = segmentPattern(segment);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || !matcher.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (last && entry.isFile()) matches.push(full);
      else if (!last && entry.isDirectory()) await walk(full, at + 1);
    }
  };
  for (const root of roots) await walk(root, start);
  return [...new Set(matches)].sort();
}

/**
 * Expands the inputs into the article files to build, in order: a file as
 * given; a folder's `.txt`/`.htm`/`.html`/`.xhtml` files, sorted (not its
 * subfolders); a glob's matches, sorted (for shells that do not expand it).
 */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: string[]; messages: Message[] }> {
  const files: string[] = [];
  const messages: Message[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      if (isGlob(input)) {
        const matched = await expandGlob(input);
        if (matched.length === 0) messages.push({ file: input, severity: 'error', reason: 'the pattern matches no file; check the path', ruleId: 'input:missing' });
        files.push(...matched);
        continue;
      }
      messages.push({ file: input, severity: 'error', reason: 'no such file or folder; check the path', ruleId: 'input:missing' });
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(input, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && INPUT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()))
        .map((entry) => path.join(input, entry.name))
        .sort();
      if (entries.length === 0) messages.push({ file: input, severity: 'warning', reason: 'the folder holds no .txt or .html files', ruleId: 'input:empty-folder' });
      files.push(...entries);
    } else {
      files.push(input);
    }
  }
  return { files, messages };
}

/**
 * Builds one input into its edition folder, in this thread; `takenSlugs`
 * holds the slugs earlier inputs of the same batch took (it is updated).
 */
export async function buildEdition(input: string, settings: Settings, takenSlugs = new Set<string>()): Promise<EditionResult> {
  let job = await runJob({ index: 0, input }, settings);
  if (job.status === 'built' && takenSlugs.has(job.slug!)) job = await runJob({ index: 0, input, slug: settleSlug(job.baseSlug!, takenSlugs) }, settings);
  const result: EditionResult = { input, status: 'failed', slug: job.slug, outputs: [], messages: job.messages };
  if (job.status !== 'built') return result;
  takenSlugs.add(job.slug!);
  try {
    result.outputs = await writeEditionFolder(settings.outDir, job.slug!, job.files);
    result.status = 'built';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    result.messages.push({
      file: input,
      severity: 'error',
      reason: `the edition could not be written to ${path.join(settings.outDir, job.slug!)} (${code}); choose a writable --out folder`,
      ruleId: 'output:unwritable',
    });
  }
  return result;
}

/** The result of a batch. */
export interface BatchResult {
  editions: EditionResult[];
  /** Messages not tied to one built input (missing paths, empty folders). */
  messages: Message[];
  /** Worker threads used (0: built in the main thread). */
  workers: number;
  /** The corpus index `OUT/index.html`, when one was written. */
  corpusIndex?: string;
  /** Set when SIGINT or SIGTERM stopped the batch (see batch/run.ts). */
  interrupted?: Interruption;
}

/** Options of a batch on top of {@link Options}. */
export interface BuildOptions extends Options {
  /** Worker threads (default and most: one per core, `os.availableParallelism()`); 1 builds in the main thread. */
  jobs?: number;
  /** Rebuild every input, even those unchanged since the last build into the same folder (default false). */
  force?: boolean;
  /** Build only this slice of the inputs (`--shard I/N`); merge the shards' folders with {@link mergeShards}. */
  shard?: Shard;
}

/**
 * Builds every input (files, folders or globs) with the given options, in
 * parallel, skipping inputs unchanged since the last build into the same
 * folder, and writes the corpus index `OUT/index.html`.
 */
export async function buildEditions(inputs: readonly string[], options: BuildOptions = {}, hooks: BatchHooks = {}): Promise<BatchResult> {
  // Edition settings: those given, else the tei-press.json beside the inputs.
  const edition = options.edition ?? findEditionConfig(inputs, options.config);
  const settings = resolveSettings({ ...options, edition });
  const { files, messages } = await expandInputs(inputs);
  const { jobs } = capJobs(options.jobs);
  const run = await runBatch(files, settings, { jobs, force: options.force ?? false, shard: options.shard }, hooks);
  return { editions: run.editions, messages: [...messages, ...run.messages], workers: run.workers, corpusIndex: run.corpusIndex, interrupted: run.interrupted };
}
