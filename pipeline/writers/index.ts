/**
 * Writes an edition in the formats asked for: each format's writer, found by
 * its row (formats.ts) and loaded on first use, runs after those it needs and
 * gets their files; only the asked formats' files are returned.
 */
import { artifactOf } from '../artifact.js';
import type { Edition } from '../edition.js';
import type { Settings } from '../settings.js';
import { FORMAT_ROWS, formatRow, runOrderOf, withNeeds, type FormatRow } from './formats.js';
import type { OutputFile } from './output-file.js';
import type { Writer, WriterModule } from './writer.js';

export type { OutputFile };
export type { Writer, WriterContext } from './writer.js';

const loaded = new Map<string, Promise<Writer>>();

/** A format's writer, its module loaded once. */
export function writerOf(row: FormatRow): Promise<Writer> {
  const href = new URL(row.module, import.meta.url).href;
  let writer = loaded.get(href);
  if (!writer) {
    writer = (import(href) as Promise<Partial<WriterModule>>).then((module) => {
      if (typeof module.write !== 'function') throw new Error(`the writer module of format "${row.name}" (${row.module}) exports no write function`);
      return module.write;
    });
    loaded.set(href, writer);
  }
  return writer;
}

export interface Written {
  /** The files of the asked formats, in the order their writers ran. */
  files: OutputFile[];
  /** Asked formats whose writer made no file (a PDF without Chromium). */
  missing: string[];
}

/**
 * Freezes the edition into its TEI artifact and runs the writers of `formats`
 * and of the formats they need, in run order.
 * A needed format that was not asked for is made for its user only (the PDF's
 * print HTML); its files are not returned.
 */
export async function writeFormats(
  edition: Edition,
  formats: readonly string[],
  context: { slug: string; settings: Settings },
  rows: readonly FormatRow[] = FORMAT_ROWS,
): Promise<Written> {
  const asked = new Set(formats);
  const wanted = withNeeds(formats, rows, () => true);
  const artifact = artifactOf(edition);
  const made = new Map<string, readonly OutputFile[]>();
  const files: OutputFile[] = [];
  const missing: string[] = [];
  for (const name of runOrderOf(rows).filter((candidate) => wanted.has(candidate))) {
    const row = formatRow(name, rows);
    const write = await writerOf(row);
    const needed = new Map(row.needs.map((need) => [need, made.get(need) ?? []]));
    const output = await write(artifact, { ...context, made: needed, outputs: [...files], building: wanted });
    made.set(name, output);
    if (!asked.has(name)) continue;
    if (output.length === 0) missing.push(name);
    files.push(...output);
  }
  return { files, missing };
}

/** Runs one format's writer alone (what it needs is made for it, not returned). */
export async function writeFormat(edition: Edition, format: string, context: { slug: string; settings: Settings }): Promise<OutputFile[]> {
  return (await writeFormats(edition, [format], context)).files;
}
