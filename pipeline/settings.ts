/**
 * Options come in once, at the boundary, and are resolved into Settings that
 * the stages use (the changesets shape: public Options all optional, internal
 * Settings all resolved).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFormat } from './readers/index.js';

/**
 * The output formats a build can write, in the order their writers run: the
 * PDF is printed from the print HTML, and the BagIt bag packs every other
 * file of the build, so it comes last.
 */
export const ALL_FORMATS = ['tei', 'epub', 'html', 'archive', 'review', 'pdf', 'bag'] as const;
export type OutputFormat = (typeof ALL_FORMATS)[number];

/** The formats built when none are asked for; `pdf` (needs Chromium) and `bag` are opt-in. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['tei', 'epub', 'html', 'archive', 'review'];

/** Formats another format needs: a deposit bag holds the archival TEI, the EPUB and the print HTML. */
const IMPLIED_FORMATS: Partial<Record<OutputFormat, readonly OutputFormat[]>> = { bag: ['archive', 'epub', 'html'] };

/** The Chromium that prints PDFs when neither the option nor `TEI_PRESS_CHROMIUM` names one. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The project root (holding tei/, xslt/, build/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Public options of {@link buildEditions}; every field is optional. */
export interface Options {
  /** Output folder (default `dist`). */
  outDir?: string;
  /**
   * Formats to write (default {@link DEFAULT_FORMATS}). They are built in the
   * order of {@link ALL_FORMATS}; `bag` adds `archive`, `epub` and `html`.
   */
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
  /** The Chromium executable for PDFs (default `TEI_PRESS_CHROMIUM`, else {@link DEFAULT_CHROMIUM}). */
  chromium?: string;
  /** Folders of the user's TEI registers (persons, places, organisations), merged after ours (default none). */
  registers?: readonly string[];
}

/** Resolved settings. */
export interface Settings {
  outDir: string;
  formats: readonly OutputFormat[];
  from?: InputFormat;
  buildDate?: string;
  teiAll?: string;
  chromium: string;
  /** Folders of user registers, read after `tei/registers/`. */
  registers: readonly string[];
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
    formats: resolveFormats(options.formats ?? DEFAULT_FORMATS),
    from: options.from,
    buildDate,
    teiAll: options.teiAll,
    chromium: options.chromium ?? process.env.TEI_PRESS_CHROMIUM ?? DEFAULT_CHROMIUM,
    registers: (options.registers ?? []).map((dir) => path.resolve(dir)),
    toolVersion: toolVersion(),
  };
}

/** The formats asked for plus those they imply, once each, in {@link ALL_FORMATS} order. */
export function resolveFormats(asked: readonly OutputFormat[]): OutputFormat[] {
  const wanted = new Set<OutputFormat>();
  for (const format of asked) {
    wanted.add(format);
    for (const implied of IMPLIED_FORMATS[format] ?? []) wanted.add(implied);
  }
  return ALL_FORMATS.filter((format) => wanted.has(format));
}
