/**
 * One input built in memory: read, TEI stages, validation, every writer. The
 * same function runs in a worker thread or in the main thread, so a parallel
 * build gives exactly the files a single-threaded one does. Writing the files
 * into place is left to the caller, which alone knows the final slug (slug
 * clashes are settled in input order).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, MessageLog, type Message } from '../messages.js';
import type { Settings } from '../settings.js';
import { slugOf } from '../slug.js';
import type { Edition } from '../stages.js';
import { writeFormats, type OutputFile } from '../writers/index.js';
import { buildTei } from '../tei-build.js';
import { summarize, type EditionSummary } from './summary.js';

/** What to build. */
export interface JobRequest {
  /** Position of the input in the batch (input order). */
  index: number;
  input: string;
  /** The slug to write under; default: the slug the edition's own metadata gives. */
  slug?: string;
}

/** What came of it. */
export interface JobResult {
  index: number;
  input: string;
  /** `interrupted`: not built because the batch was stopped (a signal) before or while it ran. */
  status: 'built' | 'failed' | 'interrupted';
  /** The slug from the edition's metadata, before clashes are settled. */
  baseSlug?: string;
  /** The slug the files are named with. */
  slug?: string;
  files: OutputFile[];
  /** Formats asked for whose writer made no file (the PDF when Chromium is missing). */
  missing?: string[];
  messages: Message[];
  summary?: EditionSummary;
}

/** Builds one input into files in memory; an unusable input gives a failed result with its messages, never a throw. */
export async function runJob(request: JobRequest, settings: Settings): Promise<JobResult> {
  const { index, input } = request;
  const log = new MessageLog(input);
  const result: JobResult = { index, input, status: 'failed', files: [], messages: log.messages };
  try {
    const bytes: Uint8Array = await readFile(input).catch((error: NodeJS.ErrnoException) =>
      log.fail('input:unreadable', `the file cannot be read (${error.code ?? 'error'}); check the path and its permissions`),
    );
    const edition: Edition = { path: input, bytes, log };
    await buildTei(edition, settings);
    result.baseSlug = slugOf(edition.read!.meta, path.basename(input));
    const slug = request.slug ?? result.baseSlug;
    result.slug = slug;
    const { files, missing } = await writeFormats(edition, settings.formats, { slug, settings });
    if (log.hasErrors) return result;
    result.files = files;
    if (missing.length) result.missing = missing;
    result.summary = summarize(edition.tei!);
    result.status = 'built';
  } catch (error) {
    if (error instanceof InputError) log.error(error.ruleId, error.message, error.place);
    else log.error('internal', `internal error while building: ${(error as Error).message ?? String(error)}. Please report it with this input`);
  }
  return result;
}
