/**
 * Options come in once, at the boundary, and are resolved into Settings that
 * the stages use (the changesets shape: public Options all optional, internal
 * Settings all resolved).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFormat } from './readers/index.js';

/** The output formats a build can write. */
export const ALL_FORMATS = ['tei', 'epub', 'html', 'archive'] as const;
export type OutputFormat = (typeof ALL_FORMATS)[number];

/** The project root (holding tei/, xslt/, build/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Public options of {@link buildEditions}; every field is optional. */
export interface Options {
  /** Output folder (default `dist`). */
  outDir?: string;
  /** Formats to write (default: all of {@link ALL_FORMATS}). */
  formats?: readonly OutputFormat[];
  /** Force an input format instead of detecting it. */
  from?: InputFormat;
  /**
   * The build's fixed date (ISO `YYYY-MM-DD`), used for the edition date and
   * `dcterms:modified`. Default: `SOURCE_DATE_EPOCH` when set, else the
   * source page's last-updated date, so that builds are reproducible.
   */
  buildDate?: string;
  /** Also validate TEI outputs against this `tei_all.rng` with Jing. */
  teiAll?: string;
}

/** Resolved settings. */
export interface Settings {
  outDir: string;
  formats: readonly OutputFormat[];
  from?: InputFormat;
  buildDate?: string;
  teiAll?: string;
  toolVersion: string;
}

/** The version in package.json. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Resolves options into settings. */
export function resolveSettings(options: Options = {}): Settings {
  let buildDate = options.buildDate;
  if (!buildDate && process.env.SOURCE_DATE_EPOCH && /^\d+$/.test(process.env.SOURCE_DATE_EPOCH)) {
    buildDate = new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10);
  }
  return {
    outDir: path.resolve(options.outDir ?? 'dist'),
    formats: options.formats ?? ALL_FORMATS,
    from: options.from,
    buildDate,
    teiAll: options.teiAll,
    toolVersion: toolVersion(),
  };
}
