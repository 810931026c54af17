/**
 * Options come in once, at the boundary, and are resolved into Settings that
 * the stages use (the changesets shape: public Options all optional, internal
 * Settings all resolved).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFormat } from './readers/index.js';
import { DEFAULT_EDITION_CONFIG, loadEditionConfig, type EditionConfig } from './edition-config.js';
import { OptionError } from './option-error.js';
import { DEFAULT_FORMATS, checkFormats, resolveFormats, type OutputFormat } from './writers/formats.js';
import { ENGINE_NAMES, type EngineName } from './xslt-engine/engine.js';
import { saxonHeMissing } from './xslt-engine/saxon-he.js';

export { OptionError };
export { ALL_FORMATS, DEFAULT_FORMATS, parseFormats, resolveFormats, type OutputFormat } from './writers/formats.js';

/** The Chromium that prints PDFs when neither the option nor `TEI_PRESS_CHROMIUM` names one. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The project root (holding tei/, xslt/, build/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Public options of {@link buildEditions}; every field is optional. */
export interface Options {
  /** Output folder (default `dist`). */
  outDir?: string;
  /**
   * Formats to write (default {@link DEFAULT_FORMATS}), rows of writers/formats.ts.
   * They are built in the rows' run order; `bag` adds `archive`, `epub` and `html`.
   */
  formats?: readonly OutputFormat[];
  /** Force an input format instead of detecting it. */
  from?: InputFormat;
  /**
   * The edition's date (ISO `YYYY-MM-DD`, a real calendar day), written as
   * the TEI edition date, the `revisionDesc` change, `dcterms:modified`, the
   * PDF dates and BagIt's Bagging-Date. Default: `SOURCE_DATE_EPOCH` when set
   * (the reproducible-builds convention), else today (UTC). Never the source
   * page's "Last updated" date, which the TEI records as what it is.
   */
  buildDate?: string;
  /** Also validate TEI outputs against this `tei_all.rng` with Jing. */
  teiAll?: string;
  /** The Chromium executable for PDFs (default `TEI_PRESS_CHROMIUM`, else {@link DEFAULT_CHROMIUM}). */
  chromium?: string;
  /**
   * The XSLT engine: `saxonjs` (default; no Java needed), `saxon-he` (a warm
   * JVM per worker, for batches: Java and Debian's libsaxonhe-java) or `auto`
   * (Saxon-HE where it can run, else SaxonJS). Outputs are the same bytes.
   */
  engine?: EngineName | 'auto';
  /** Folders of the user's TEI registers (persons, places, organisations), merged after ours (default none). */
  registers?: readonly string[];
  /** The editor's errata file: corrections and editorial notes placed by quoted text (see enrich/errata.ts; default none). */
  errata?: string;
  /**
   * The edition settings file (`tei-press.json`, see edition-config.ts). Default:
   * the `tei-press.json` beside the inputs (`buildEditions`), else none.
   */
  config?: string;
  /** Edition settings already read (the CLI reads them once, before building); wins over `config`. */
  edition?: EditionConfig;
}

/** Resolved settings. */
export interface Settings {
  outDir: string;
  formats: readonly OutputFormat[];
  from?: InputFormat;
  /** The edition date, `YYYY-MM-DD` (see {@link Options.buildDate}). */
  buildDate: string;
  /** Where {@link buildDate} came from. */
  buildDateFrom: BuildDateSource;
  teiAll?: string;
  chromium: string;
  /** The XSLT engine the writers and validators use. */
  engine: EngineName;
  /** Folders of user registers, read after `tei/registers/`. */
  registers: readonly string[];
  /** The errata file, absolute (see {@link Options.errata}). */
  errata?: string;
  /** The press's edition settings (publisher, editors, licence, …); {@link DEFAULT_EDITION_CONFIG} claims nothing. */
  edition: EditionConfig;
  toolVersion: string;
}

/** Where the edition date came from: `--build-date`, `SOURCE_DATE_EPOCH` or the clock. */
export type BuildDateSource = 'option' | 'SOURCE_DATE_EPOCH' | 'today';

/** The last second of 9999-12-31 (UTC): a later SOURCE_DATE_EPOCH has no four-digit year, so it cannot be a date. */
const LAST_EPOCH_SECOND = 253_402_300_799;

/** Checks an edition date given as `YYYY-MM-DD`: the form, and that the day exists in the calendar. */
export function checkBuildDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new OptionError(`--build-date wants a date as YYYY-MM-DD, got "${value}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  if (year < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new OptionError(`--build-date ${value} is not a day of the calendar (month 01–12, day within the month)`);
  }
  return value;
}

/**
 * The UTC day of a `SOURCE_DATE_EPOCH` value (seconds since 1970-01-01 UTC, as
 * reproducible-builds.org specifies it: ASCII digits only).
 */
export function dateOfSourceDateEpoch(value: string): string {
  if (!/^\d+$/.test(value)) throw new OptionError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, got "${value}"`);
  const seconds = Number(value);
  if (seconds > LAST_EPOCH_SECOND) throw new OptionError(`SOURCE_DATE_EPOCH ${value} is after the year 9999; give seconds since 1970-01-01 UTC (e.g. ${Math.floor(Date.now() / 1000)})`);
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** The edition date and where it came from: the option, else `SOURCE_DATE_EPOCH`, else today (UTC). */
export function resolveBuildDate(option: string | undefined, env: NodeJS.ProcessEnv = process.env): { date: string; from: BuildDateSource } {
  // SOURCE_DATE_EPOCH is checked even when --build-date wins: a malformed value is an error (reproducible-builds.org).
  const epoch = env.SOURCE_DATE_EPOCH === undefined || env.SOURCE_DATE_EPOCH === '' ? undefined : dateOfSourceDateEpoch(env.SOURCE_DATE_EPOCH.trim());
  if (option !== undefined) return { date: checkBuildDate(option), from: 'option' };
  if (epoch !== undefined) return { date: epoch, from: 'SOURCE_DATE_EPOCH' };
  return { date: new Date().toISOString().slice(0, 10), from: 'today' };
}

/** Parses `--jobs`: a whole number of at least 1 (only digits: "1e3" and "0x10" are refused). */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new OptionError(`--jobs wants a whole number of at least 1, got "${value}"`);
  return Number(value);
}

/**
 * The worker threads a batch may use: what was asked for, at most one per
 * core (more only share the same cores and each holds its own SaxonJS and
 * heap: 30 on 2 cores took 2.9 GB). `note` says when the number was lowered.
 */
export function capJobs(asked: number | undefined, cores = availableParallelism()): { jobs: number; note?: string } {
  if (asked === undefined) return { jobs: cores };
  if (!Number.isInteger(asked) || asked < 1) throw new OptionError(`--jobs wants a whole number of at least 1, got "${asked}"`);
  if (asked > cores) return { jobs: cores, note: `--jobs ${asked} lowered to ${cores}, the number of cores: more worker threads would share the same cores and only use more memory` };
  return { jobs: asked };
}

/** The version in package.json. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Resolves options into settings, checking every value: this is the one place
 * where options are validated (the CLI calls it before building anything).
 * @throws OptionError for a value that cannot be used.
 */
export function resolveSettings(options: Options = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const buildDate = resolveBuildDate(options.buildDate, env);
  if (options.formats) checkFormats(options.formats);
  return {
    outDir: path.resolve(options.outDir ?? 'dist'),
    formats: resolveFormats(options.formats ?? DEFAULT_FORMATS),
    from: options.from,
    buildDate: buildDate.date,
    buildDateFrom: buildDate.from,
    teiAll: options.teiAll,
    chromium: options.chromium ?? process.env.TEI_PRESS_CHROMIUM ?? DEFAULT_CHROMIUM,
    engine: resolveEngine(options.engine),
    registers: (options.registers ?? []).map((dir) => path.resolve(dir)),
    ...(options.errata === undefined ? {} : { errata: path.resolve(options.errata) }),
    edition: options.edition ?? (options.config !== undefined ? loadEditionConfig(options.config) : DEFAULT_EDITION_CONFIG),
    toolVersion: toolVersion(),
  };
}

/** The engine to use: `auto` decided here; `saxon-he` only where it can run. */
export function resolveEngine(asked: string | undefined): EngineName {
  if (asked === undefined) return 'saxonjs';
  if (asked === 'auto') return saxonHeMissing() ? 'saxonjs' : 'saxon-he';
  if (!(ENGINE_NAMES as readonly string[]).includes(asked)) throw new OptionError(`unknown engine "${asked}"; choose from ${ENGINE_NAMES.join(', ')}, auto`);
  const missing = asked === 'saxon-he' ? saxonHeMissing() : undefined;
  if (missing) throw new OptionError(`the saxon-he engine cannot run: ${missing}`);
  return asked as EngineName;
}
