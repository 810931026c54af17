/**
 * Incremental builds. The output folder holds a manifest of what each input
 * was built from: a hash of its bytes and name, of the settings that shape
 * outputs, and of the pipeline itself (its version, its compiled code and
 * stylesheets, the project's schemas and registers in `tei/`, and any user
 * registers). An input whose hash is unchanged, whose slug is unchanged and
 * whose output files are all still there is skipped.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { appendFile, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT, type Settings } from '../settings.js';
import type { EditionSummary } from './summary.js';

/** The manifest's file name inside the output folder. */
export const MANIFEST_NAME = '.tei-press-manifest.json';

/** What the manifest records of one built input. */
export interface ManifestEntry {
  /** Hash of everything the outputs depend on. */
  key: string;
  baseSlug: string;
  slug: string;
  /** The files of the edition folder, by name. */
  files: string[];
  /** Formats asked for that made no file (a PDF without Chromium): the next build makes them again. */
  missing?: string[];
  summary: EditionSummary;
}

/** The manifest: entries by absolute input path. */
export interface Manifest {
  version: 1;
  entries: Record<string, ManifestEntry>;
}

/** The journal beside the manifest: one JSON line per edition put in place (or dropped) since the manifest was last written. */
export const JOURNAL_NAME = '.tei-press-manifest.journal';

/** One line of the journal: an input's new entry, or none when its edition was dropped (it failed). */
interface JournalRecord {
  input: string;
  entry?: ManifestEntry;
}

function isManifest(data: unknown): data is Manifest {
  return typeof data === 'object' && data !== null && (data as Manifest).version === 1 && typeof (data as Manifest).entries === 'object';
}

async function readSnapshot(outDir: string): Promise<Manifest> {
  try {
    const data: unknown = JSON.parse(await readFile(path.join(outDir, MANIFEST_NAME), 'utf8'));
    if (isManifest(data)) return { version: 1, entries: { ...data.entries } };
  } catch {
    /* no manifest yet, or not ours */
  }
  return { version: 1, entries: {} };
}

/**
 * The manifest of an output folder as it stands: the last written manifest
 * with the journal folded in. An edition is recorded by appending one line to
 * the journal (cost: that line), never by rewriting the whole manifest, so a
 * batch of n editions writes O(n) bytes; the journal is folded into the
 * manifest when a batch starts and ends. Several processes may record into
 * one folder: every change happens under the folder's lock (see lock.ts),
 * and {@link refresh} reads what the others appended since.
 */
export class ManifestStore {
  /** The entries by absolute input path. */
  readonly entries = new Map<string, ManifestEntry>();
  /** Which input each slug belongs to. */
  readonly slugOwners = new Map<string, string>();
  /** The journal's first line, naming the journal this process has read (another process may fold it and start a new one). */
  private journalHeader: string | undefined;
  /** How many bytes of the journal are folded into {@link entries}. */
  private journalRead = 0;

  constructor(readonly outDir: string) {}

  private get journalPath(): string {
    return path.join(this.outDir, JOURNAL_NAME);
  }

  private apply(record: JournalRecord): void {
    const previous = this.entries.get(record.input);
    if (previous && this.slugOwners.get(previous.slug) === record.input) this.slugOwners.delete(previous.slug);
    if (record.entry) {
      this.entries.set(record.input, record.entry);
      this.slugOwners.set(record.entry.slug, record.input);
    } else this.entries.delete(record.input);
  }

  /** Reads the manifest file alone, forgetting the journal. */
  private async readManifestFile(): Promise<void> {
    this.entries.clear();
    this.slugOwners.clear();
    for (const [input, entry] of Object.entries((await readSnapshot(this.outDir)).entries)) this.apply({ input, entry });
    this.journalHeader = undefined;
    this.journalRead = 0;
  }

  /** Reads the manifest and the whole journal afresh. */
  async load(): Promise<void> {
    this.journalHeader = undefined;
    this.journalRead = 0;
    await this.refresh();
  }

  /** Folds in what was appended to the journal since the last read (all of it when the journal is a new one). Call it under the lock. */
  async refresh(): Promise<void> {
    let handle;
    try {
      handle = await open(this.journalPath, 'r');
    } catch {
      // No journal: never written, or folded into the manifest by another process since this one last read it,
      // even a journal this process never saw (the other build started and ended in between). The manifest is
      // read again: it is small beside an edition, and there is no journal only until this process records.
      await this.readManifestFile();
      return;
    }
    try {
      // A journal this process has not read yet: the manifest may have been rewritten since it last read it too.
      if (this.journalHeader === undefined) await this.readManifestFile();
      const size = (await handle.stat()).size;
      const head = Buffer.alloc(Math.min(size, 200));
      await handle.read(head, 0, head.length, 0);
      const header = head.toString('utf8').split('\n')[0]!;
      if (this.journalHeader !== undefined && this.journalHeader !== header) {
        await handle.close();
        handle = undefined;
        await this.load();
        return;
      }
      this.journalHeader = header;
      if (size <= this.journalRead) return;
      const tail = Buffer.alloc(size - this.journalRead);
      await handle.read(tail, 0, tail.length, this.journalRead);
      const complete = tail.lastIndexOf(0x0a) + 1;
      for (const line of tail.subarray(0, complete).toString('utf8').split('\n')) {
        if (!line) continue;
        try {
          const record = JSON.parse(line) as JournalRecord & { journal?: string };
          if (typeof record.input === 'string') this.apply(record);
        } catch {
          /* a line torn by a crash: that edition is built again */
        }
      }
      this.journalRead += complete;
    } finally {
      await handle?.close();
    }
  }

  /** Records an input's entry (or its removal) in the journal and in {@link entries}. Call it under the lock, after {@link refresh}. */
  async record(input: string, entry: ManifestEntry | undefined): Promise<void> {
    let text = JSON.stringify(entry ? { input, entry } : { input }) + '\n';
    if (this.journalHeader === undefined) {
      const header = JSON.stringify({ journal: randomUUID() });
      text = `${header}\n${text}`;
      this.journalHeader = header;
      this.journalRead = 0;
    }
    await appendFile(this.journalPath, text);
    this.journalRead += Buffer.byteLength(text);
    this.apply({ input, entry });
  }

  /** The manifest as an object, entries sorted by input so that it is itself reproducible. */
  snapshot(): Manifest {
    const manifest: Manifest = { version: 1, entries: {} };
    for (const input of [...this.entries.keys()].sort()) manifest.entries[input] = this.entries.get(input)!;
    return manifest;
  }

  /** Folds the journal (when there is one) into the manifest file and removes the journal. Call it under the lock. */
  async compact(): Promise<void> {
    await this.load();
    if (this.journalHeader === undefined) return;
    await writeManifest(this.outDir, this.snapshot());
    await rm(this.journalPath, { force: true });
    this.journalHeader = undefined;
    this.journalRead = 0;
  }
}

/** Reads the manifest of an output folder with its journal folded in; an unreadable or foreign one counts as empty. */
export async function readManifest(outDir: string): Promise<Manifest> {
  const store = new ManifestStore(outDir);
  await store.load();
  return store.snapshot();
}

/** Writes the manifest atomically (a temporary file renamed into place, removed if the write fails), entries sorted. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const sorted: Manifest = { version: 1, entries: {} };
  for (const key of Object.keys(manifest.entries).sort()) sorted.entries[key] = manifest.entries[key]!;
  await writeAtomically(path.join(outDir, MANIFEST_NAME), JSON.stringify(sorted, null, 1) + '\n');
}

/** Writes a file through `FILE.PID.tmp` renamed over it; a failed write removes the temporary file. */
export async function writeAtomically(file: string, data: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function hashTree(hash: ReturnType<typeof createHash>, root: string, accept: (file: string) => boolean): void {
  if (!existsSync(root)) return;
  const info = statSync(root);
  if (info.isFile()) {
    hash.update(`${root}\0`);
    hash.update(readFileSync(root));
    return;
  }
  for (const name of readdirSync(root).sort()) {
    const file = path.join(root, name);
    if (statSync(file).isDirectory()) hashTree(hash, file, accept);
    else if (accept(file)) {
      hash.update(`${path.relative(PROJECT_ROOT, file)}\0`);
      hash.update(readFileSync(file));
    }
  }
}

/**
 * The hash of everything besides the input that shapes the outputs: the
 * settings that change files, the tool's version, its compiled code and
 * stylesheets (`build/`), `tei/` (schemas, Schematron, registers) and user
 * register files (`registers` when the settings carry them).
 */
export function pipelineKey(settings: Settings): string {
  const hash = createHash('sha256');
  const registers = (settings as Settings & { registers?: string | readonly string[] }).registers;
  hash.update(
    JSON.stringify({
      formats: settings.formats,
      from: settings.from ?? null,
      // A date from the clock is not part of the key: an unchanged input built on an earlier day keeps that day's edition.
      buildDate: settings.buildDateFrom === 'today' ? null : settings.buildDate,
      teiAll: settings.teiAll ?? null,
      // The edition settings' values (not the file's path): another publisher or licence rebuilds every edition.
      edition: settings.edition ? { ...settings.edition, file: undefined } : null,
      toolVersion: settings.toolVersion,
    }),
  );
  hashTree(hash, path.join(PROJECT_ROOT, 'build'), (file) => /\.(js|json)$/.test(file));
  hashTree(hash, path.join(PROJECT_ROOT, 'tei'), () => true);
  for (const file of registers === undefined ? [] : typeof registers === 'string' ? [registers] : registers) hashTree(hash, path.resolve(file), () => true);
  // An errata file changes the editions it applies to: its bytes are part of the key (only when one is given).
  if (settings.errata) hashTree(hash, settings.errata, () => true);
  return hash.digest('hex');
}

/** The key of one input: its bytes, its file name (recorded in the TEI) and the pipeline key. */
export function inputKey(bytes: Uint8Array, input: string, pipeline: string): string {
  return createHash('sha256').update(pipeline).update('\0').update(path.basename(input)).update('\0').update(bytes).digest('hex');
}

/** True when every file of a recorded edition is still in its folder. */
export function outputsPresent(outDir: string, entry: ManifestEntry): boolean {
  return entry.files.every((name) => existsSync(path.join(outDir, entry.slug, name)));
}

/** True when a recorded edition can stand for a new build: same key, no asked-for format missing, every file still there. */
export function isUpToDate(outDir: string, entry: ManifestEntry | undefined, key: string | undefined): entry is ManifestEntry {
  return entry !== undefined && key !== undefined && entry.key === key && !entry.missing?.length && outputsPresent(outDir, entry);
}
