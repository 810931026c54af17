/**
 * Incremental builds. The output folder holds a manifest of what each input
 * was built from: a hash of its bytes and name, of the settings that shape
 * outputs, and of the pipeline itself (its version, its compiled code and
 * stylesheets, the project's schemas and registers in `tei/`, and any user
 * registers). An input whose hash is unchanged, whose slug is unchanged and
 * whose output files are all still there is skipped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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
  summary: EditionSummary;
}

/** The manifest: entries by absolute input path. */
export interface Manifest {
  version: 1;
  entries: Record<string, ManifestEntry>;
}

/** Reads the manifest of an output folder; an unreadable or foreign one counts as empty. */
export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const data = JSON.parse(await readFile(path.join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
    if (data && data.version === 1 && typeof data.entries === 'object') return data;
  } catch {
    /* no manifest yet */
  }
  return { version: 1, entries: {} };
}

/** Writes the manifest atomically, its entries sorted so that it is itself reproducible. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const sorted: Manifest = { version: 1, entries: {} };
  for (const key of Object.keys(manifest.entries).sort()) sorted.entries[key] = manifest.entries[key]!;
  const temporary = path.join(outDir, `${MANIFEST_NAME}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(sorted, null, 1) + '\n');
  await rename(temporary, path.join(outDir, MANIFEST_NAME));
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
      buildDate: settings.buildDate ?? null,
      teiAll: settings.teiAll ?? null,
      toolVersion: settings.toolVersion,
    }),
  );
  hashTree(hash, path.join(PROJECT_ROOT, 'build'), (file) => /\.(js|json)$/.test(file));
  hashTree(hash, path.join(PROJECT_ROOT, 'tei'), () => true);
  for (const file of registers === undefined ? [] : typeof registers === 'string' ? [registers] : registers) hashTree(hash, path.resolve(file), () => true);
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
