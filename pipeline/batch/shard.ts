/**
 * Shards: one batch split across machines (or processes), each building a
 * fixed slice of the inputs into its own folder, and a merge that makes the
 * corpus-wide outputs from theirs. The slice is the inputs' place in the
 * batch's order (`--shard I/N` takes every N-th input from the I-th), and the
 * slugs are settled for the whole batch before any shard builds its slice, so
 * that two namesakes in different shards get the `-2` a single run gives them.
 * Shards and a merge give byte for byte what one run gives (tests/shard.test.ts).
 */
import { cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MessageLog, type Message } from '../messages.js';
import { OptionError, type Settings } from '../settings.js';
import { slugOf } from '../slug.js';
import { decode, read, type Edition } from '../stages.js';
import { ManifestStore, outputsPresent, readManifest, type Manifest } from './cache.js';
import { writeCorpusIndex } from './corpus.js';
import { withOutputLock } from './lock.js';

/** The I-th of N slices (I from 1). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `I/N` (`--shard 2/4`); an OptionError (exit 2) for anything else. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new OptionError(`--shard "${value}" is not I/N with 1 ≤ I ≤ N (e.g. 1/4 for the first of four)`);
  return { index, count };
}

/** True when the input at `position` (0-based, in the batch's order) belongs to the shard. */
export function inShard(position: number, shard: Shard): boolean {
  return position % shard.count === shard.index - 1;
}

/**
 * The slug each input of the whole batch gets, settled by input order as a
 * single run settles them, from the header alone (decode and read, not the
 * enrichment). Undefined for an input that cannot be read (it fails in its build too).
 */
export async function slugsAhead(files: readonly string[], settings: Settings, settle: (base: string, taken: Set<string>) => string): Promise<(string | undefined)[]> {
  const taken = new Set<string>();
  const slugs: (string | undefined)[] = [];
  for (const file of files) {
    try {
      const edition: Edition = { path: file, bytes: await readFile(file), log: new MessageLog(file) };
      await decode(edition, settings);
      await read(edition, settings);
      const slug = settle(slugOf(edition.read!.meta, path.basename(file)), taken);
      taken.add(slug);
      slugs.push(slug);
    } catch {
      slugs.push(undefined);
    }
  }
  return slugs;
}

/** What a merge did. */
export interface MergeResult {
  editions: number;
  messages: Message[];
  corpusIndex?: string;
}

/**
 * Merges the output folders of shards into `outDir`: each edition folder
 * copied in (unless a shard built into `outDir` itself), every manifest entry
 * recorded, the manifest folded and the corpus index written, as one run
 * into `outDir` would have left them. An input two shards both built is an error.
 */
export async function mergeShards(shardDirs: readonly string[], outDir: string): Promise<MergeResult> {
  const messages: Message[] = [];
  const merged: Manifest = { version: 1, entries: {} };
  const from = new Map<string, string>();
  for (const dir of shardDirs) {
    const manifest = await readManifest(dir);
    if (Object.keys(manifest.entries).length === 0) {
      messages.push({ file: dir, severity: 'error', reason: 'no build manifest with editions here; give the --out folder of a shard build', ruleId: 'output:not-a-shard' });
      continue;
    }
    for (const [input, entry] of Object.entries(manifest.entries)) {
      if (from.has(input)) {
        messages.push({ file: dir, severity: 'error', reason: `${input} was built by two shards (${from.get(input)} and ${dir}); give each shard a different --shard I/N of the same N`, ruleId: 'output:shard-overlap' });
        continue;
      }
      if (!outputsPresent(dir, entry)) continue;
      from.set(input, dir);
      merged.entries[input] = entry;
    }
  }
  if (messages.some((message) => message.severity === 'error')) return { editions: 0, messages };
  const store = new ManifestStore(outDir);
  await mkdir(outDir, { recursive: true });
  return withOutputLock(outDir, async () => {
    await store.refresh();
    for (const input of Object.keys(merged.entries).sort()) {
      const entry = merged.entries[input]!;
      const dir = from.get(input)!;
      if (path.resolve(dir) !== path.resolve(outDir)) await cp(path.join(dir, entry.slug), path.join(outDir, entry.slug), { recursive: true, force: true });
      await store.record(input, entry);
    }
    await store.compact();
    const listed: Manifest = { version: 1, entries: Object.fromEntries([...store.entries].filter(([, entry]) => outputsPresent(outDir, entry))) };
    const corpusIndex = await writeCorpusIndex(outDir, listed);
    return { editions: Object.keys(merged.entries).length, messages, corpusIndex };
  });
}
