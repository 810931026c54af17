/**
 * The library entry point: builds editions from input files. One input's
 * failure becomes messages on that input; the others still build. Outputs are
 * written to a temporary folder and renamed into place, so a failed build
 * leaves nothing half-written.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, MessageLog, type Message } from './messages.js';
import { resolveSettings, type Options, type Settings } from './settings.js';
import { teiStages, type Edition } from './stages.js';
import { slugOf } from './slug.js';
import { writers, type OutputFile } from './writers/index.js';
import { validateTei } from './validate/index.js';
import { closePrintBrowser } from './writers/pdf.js';

/** Extensions taken from a folder given as input. */
const INPUT_EXTENSIONS = new Set(['.txt', '.htm', '.html', '.xhtml']);

/** The result of building one input. */
export interface EditionResult {
  input: string;
  status: 'built' | 'failed';
  slug?: string;
  /** Absolute paths of the files written. */
  outputs: string[];
  messages: Message[];
}

/** Expands folders into the article files they hold (sorted, not recursive into hidden folders). */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: string[]; messages: Message[] }> {
  const files: string[] = [];
  const messages: Message[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
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

/** Runs the TEI stages on one input and validates the result. */
export async function buildTei(edition: Edition, settings: Settings): Promise<void> {
  for (const stage of teiStages) await stage(edition, settings);
  await validateTei(edition.teiXml!, edition.log, { teiAll: settings.teiAll, label: 'TEI' });
}

/** Builds one input into its edition folder. */
export async function buildEdition(input: string, settings: Settings, takenSlugs = new Set<string>()): Promise<EditionResult> {
  const log = new MessageLog(input);
  const result: EditionResult = { input, status: 'failed', outputs: [], messages: log.messages };
  try {
    const bytes: Uint8Array = await readFile(input).catch((error: NodeJS.ErrnoException) =>
      log.fail('input:unreadable', `the file cannot be read (${error.code ?? 'error'}); check the path and its permissions`),
    );
    const edition: Edition = { path: input, bytes, log };
    await buildTei(edition, settings);
    let slug = slugOf(edition.read!.meta, path.basename(input));
    for (let n = 2; takenSlugs.has(slug); n++) slug = `${slugOf(edition.read!.meta, path.basename(input))}-${n}`;
    takenSlugs.add(slug);
    result.slug = slug;
    const files: OutputFile[] = [];
    for (const format of settings.formats) files.push(...(await writers[format](edition, { slug, settings, outputs: [...files] })));
    if (log.hasErrors) return result;
    try {
      result.outputs = await writeEditionFolder(settings.outDir, slug, files);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      log.fail('output:unwritable', `the edition could not be written to ${path.join(settings.outDir, slug)} (${code}); choose a writable --out folder`);
    }
    result.status = 'built';
  } catch (error) {
    if (error instanceof InputError) {
      log.error(error.ruleId, error.message, error.place);
    } else {
      log.error('internal', `internal error while building: ${(error as Error).message ?? String(error)}. Please report it with this input`);
    }
  }
  return result;
}

/** Writes files into `outDir/slug/` through a temporary folder renamed into place. */
export async function writeEditionFolder(outDir: string, slug: string, files: OutputFile[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const target = path.join(outDir, slug);
  const temporary = path.join(outDir, `.${slug}.partial-${process.pid}`);
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    for (const file of files) {
      const destination = path.join(temporary, file.name);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.data);
    }
    const old = path.join(outDir, `.${slug}.old-${process.pid}`);
    let hadOld = false;
    try {
      await rename(target, old);
      hadOld = true;
    } catch {
      /* no earlier edition */
    }
    await rename(temporary, target);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return files.map((file) => path.join(target, file.name));
}

/** The result of a batch. */
export interface BatchResult {
  editions: EditionResult[];
  /** Messages not tied to one built input (missing paths, empty folders). */
  messages: Message[];
}

/** Builds every input (files or folders) with the given options. */
export async function buildEditions(inputs: readonly string[], options: Options = {}): Promise<BatchResult> {
  const settings = resolveSettings(options);
  const { files, messages } = await expandInputs(inputs);
  const editions: EditionResult[] = [];
  const takenSlugs = new Set<string>();
  try {
    for (const file of files) editions.push(await buildEdition(file, settings, takenSlugs));
  } finally {
    // The PDF writer keeps one browser for the whole batch.
    await closePrintBrowser();
  }
  return { editions, messages };
}
