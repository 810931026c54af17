#!/usr/bin/env node
/**
 * The command line: parses arguments, calls the library, prints messages and
 * sets the exit code. Nothing else lives here.
 *
 * Only light modules are imported up front. A command that validates first
 * starts the RELAX NG worker (wasm, libxml2 compiling tei/tei-press.rng: a
 * few hundred ms of CPU) and only then loads the rest of the tool (SaxonJS,
 * the readers, enrichment, writers), so that the two overlap on a cold start
 * instead of the worker starting once everything is loaded.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ExitCode, formatMessage, MessageLog, InputError, type Message } from './messages.js';
import { formatsHelp } from './writers/formats.js';
import { ALL_FORMATS, DEFAULT_FORMATS, OptionError, PROJECT_ROOT, capJobs, parseFormats, parseJobs, resolveEngine, resolveSettings, toolVersion, type OutputFormat } from './settings.js';
import type { InputFormat } from './readers/index.js';
import type { EngineName } from './xslt-engine/engine.js';
import { describeWriteError } from './output-errors.js';
import { ConfigError, findEditionConfig, type EditionConfig } from './edition-config.js';

/** The help text; `inputFormats` are the readers' names (the readers load only when needed). */
const help = (inputFormats: readonly string[]) => `tei-press — turn archive articles into TEI P5 editions, EPUB 3, print HTML and archival TEI

Usage:
  tei-press build INPUT… [--out DIR] [--formats LIST] [--from FORMAT] [--build-date DATE] [--tei-all PATH]
                         [--registers DIR]… [--errata FILE] [--config FILE] [--jobs N] [--force] [--shard I/N]
                         [--engine saxonjs|saxon-he|auto]
  tei-press build WITNESS WITNESS… --witnesses [--base WITNESS] [--out DIR] [--formats LIST] …
  tei-press merge SHARD_DIR… [--out DIR]
  tei-press validate FILE… [--tei-all PATH] [--engine saxonjs|saxon-he|auto]
  tei-press verify-bag DIR…
  tei-press site OUT [--to SITE] [--site-url URL] [--build-date DATE]
  tei-press --help | --version

build      Builds each input file (or every .txt/.html file in each folder, or each file a
           quoted glob such as 'pages/*.htm' matches) into DIR/<slug>/:
           <slug>.tei.xml, <slug>.epub, <slug>.html, <slug>.archive.tei.xml and the
           review report for editors <slug>.review.html/.json;
           with --formats, also <slug>.pdf and the deposit bag <slug>-bag/.
           Inputs are built in parallel; inputs unchanged since the last build into DIR
           are skipped. DIR/index.html lists every edition and who they mention.
           With --witnesses, the inputs are versions of one work: they are collated into one
           critical edition DIR/<slug>/ (the base's slug) whose apparatus gives every other
           witness's readings; the sigla are the years in the file names, else A, B, C.
merge      Makes one output folder of the --out folders of shard builds (--shard I/N):
           the editions, the manifest and DIR/index.html, as one build would.
validate   Checks existing TEI files against the project schema and rules.
verify-bag Checks BagIt bags (RFC 8493): reports every missing, extra or altered file.
site       Writes a static web edition of every edition built into OUT (default SITE: OUT/site):
           edition pages, a register page per person, place and organisation with every
           mention in context, and offline search. It works opened from disk or on any server.

Options:
  --out DIR          output folder (default: dist)
  --formats LIST     comma-separated, from: ${ALL_FORMATS.join(', ')} (default: ${DEFAULT_FORMATS.join(',')}):
${formatsHelp().replace(/^ {2}/gm, '                     ')}
  --from FORMAT      read inputs as this format instead of detecting it: ${inputFormats.join(', ')}
  --build-date DATE  the edition's date (YYYY-MM-DD), in the TEI header, EPUB, PDF and bag; default
                     SOURCE_DATE_EPOCH (seconds since 1970, for reproducible builds), else today (UTC).
                     The page's own "Last updated" date is kept as a dated note, never as this date
  --tei-all PATH     also validate TEI against this tei_all.rng with Jing
  --registers DIR    a folder of your own TEI registers (listPerson, listPlace, listOrg), merged after
                     ours (an entry with the same xml:id replaces ours); may be given more than once
  --config FILE      the edition settings (publisher, place, series, editors, licence, base URL,
                     language, fonts) as JSON; default: tei-press.json beside the inputs, else none
                     (nothing is claimed: no publisher, editor or licence of the edition's own)
  --jobs N           worker threads for a batch (default and most: one per core); 1 builds in one thread
  --engine NAME      the XSLT engine: saxonjs (default), saxon-he (one warm Java process per worker,
                     for batches; needs Java and Saxon-HE, libsaxonhe-java) or auto (saxon-he where it
                     runs, else saxonjs); the outputs are the same bytes. With saxon-he and Jing (Debian jing)
                     the same Java process also checks the project schema (build and validate)
  --force            rebuild every input, also those unchanged since the last build (site: render every edition anew)
  --errata FILE      the editor's errata file: corrections (sic/corr) and editorial notes placed by quoted
                     words, with who made them and how sure (see README); nothing is corrected without it.
                     With --witnesses it emends the reading text, once the witnesses are collated
  --witnesses        read the inputs as witnesses of one work and build one critical edition
  --base WITNESS     with --witnesses: the witness whose text is the reading text (default: the first)
  --shard I/N        build only the I-th of N slices of the inputs (every N-th input from the I-th), with
                     the slugs the whole batch gives them; merge the N output folders with "merge"
  --to SITE          site: the folder to write the site to (only changed files are written; default OUT/site)
  --site-url URL     site: the address the site is published at, for "cite this edition"
  -h, --help         show this help
  -v, --version      show the version

Exit codes: 0 all built and valid; 1 an input failed or is invalid; 2 wrong command line.
Messages: file:line:col: severity: text [rule]`;

function usage(reason: string): never {
  process.stderr.write(`tei-press: ${reason}\nRun "tei-press --help" for usage.\n`);
  process.exit(ExitCode.usage);
}

/**
 * Starts compiling the project schema (tei/tei-press.rng, the file
 * validate/index.ts validates against) in its worker thread, before the rest
 * of the tool loads. The worker is keyed by the schema's text, so validation
 * later uses this same worker.
 */
async function startSchemaWorker(): Promise<void> {
  const { prepareRng } = await import('./validate/rng.js');
  prepareRng(readFileSync(path.join(PROJECT_ROOT, 'tei', 'tei-press.rng'), 'utf8'));
}

/** True when the engine asked for checks the project schema itself (Saxon-HE with Jing), so needs no schema worker. */
async function engineChecksSchema(engine: EngineName | 'auto' | undefined): Promise<boolean> {
  if (engine === undefined || engine === 'saxonjs') return false;
  const { xsltEngine } = await import('./xslt-engine/index.js');
  return xsltEngine(resolveEngine(engine)).relaxNg !== undefined;
}

function isFile(input: string): boolean {
  try {
    return statSync(input).isFile();
  } catch {
    return false;
  }
}

/**
 * The build command's option values, each checked now (exit 2 on a bad one),
 * before anything loads: the formats, the edition date (with
 * SOURCE_DATE_EPOCH) and the worker threads, capped at the cores with a note.
 */
function buildOptions(
  values: { formats?: string; 'build-date'?: string; jobs?: string; config?: string; engine?: string },
  inputs: readonly string[],
): { formats?: OutputFormat[]; buildDate?: string; jobs?: number; edition: EditionConfig; engine?: EngineName | 'auto' } {
  try {
    const formats = values.formats === undefined ? undefined : parseFormats(values.formats);
    const buildDate = values['build-date'];
    // The edition settings: --config, else the tei-press.json beside the inputs; a bad value stops here (exit 2).
    const edition = findEditionConfig(inputs, values.config);
    const engine = values.engine as EngineName | 'auto' | undefined;
    resolveSettings({ formats, buildDate, edition, engine });
    const capped = values.jobs === undefined ? undefined : capJobs(parseJobs(values.jobs));
    if (capped?.note) process.stderr.write(`tei-press: note: ${capped.note}\n`);
    return { formats, buildDate, jobs: capped?.jobs, edition, engine };
  } catch (error) {
    if (error instanceof OptionError || error instanceof ConfigError) usage(error.message);
    throw error;
  }
}

/** Reads the user's register folders now: a missing folder or a bad register file is a wrong command line (exit 2), said once, not once per input. */
async function checkRegisters(dirs: readonly string[]): Promise<void> {
  const { loadRegisters } = await import('./enrich/registers.js');
  try {
    loadRegisters(dirs);
  } catch (error) {
    if (error instanceof InputError) usage(`${error.message} [${error.ruleId}]`);
    throw error;
  }
}

/** Creates the output folder now, or stops (exit 2) with the real reason it cannot be written (EROFS, EACCES, ENOTDIR…). */
function checkOutDir(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    accessSync(outDir, constants.W_OK);
  } catch (error) {
    usage(`--out ${outDir} cannot be written (${describeWriteError(error, outDir)}); choose a writable folder`);
  }
}

/** `--shard I/N`, checked now (exit 2 on a bad one). */
async function shardOption(value: string) {
  const { parseShard } = await import('./batch/shard.js');
  try {
    return parseShard(value);
  } catch (error) {
    if (error instanceof OptionError) usage(error.message);
    throw error;
  }
}

function report(messages: Message[]): void {
  for (const message of messages) process.stderr.write(formatMessage(message) + '\n');
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        formats: { type: 'string' },
        from: { type: 'string' },
        'build-date': { type: 'string' },
        'tei-all': { type: 'string' },
        engine: { type: 'string' },
        registers: { type: 'string', multiple: true },
        config: { type: 'string' },
        jobs: { type: 'string' },
        force: { type: 'boolean' },
        witnesses: { type: 'boolean' },
        errata: { type: 'string' },
        base: { type: 'string' },
        shard: { type: 'string' },
        to: { type: 'string' },
        'site-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    const { inputFormats } = await import('./readers/index.js');
    process.stdout.write(help(inputFormats) + '\n');
    return ExitCode.ok;
  }
  if (values.version) {
    process.stdout.write(toolVersion() + '\n');
    return ExitCode.ok;
  }
  const [command, ...inputs] = positionals;
  if (!command) usage('no command given');
  if (command === 'build') {
    if (inputs.length === 0) usage('build needs at least one input file or folder');
    const { formats, buildDate, jobs, edition, engine } = buildOptions(values, inputs);
    const shard = values.shard === undefined ? undefined : await shardOption(values.shard);
    if (values.registers?.length) await checkRegisters(values.registers);
    checkOutDir(values.out ?? 'dist');
    // One file (or --jobs 1) is built in this thread: start its schema worker now. A
    // batch validates in its worker threads, each with its own, so none is started here.
    if ((jobs === 1 || (inputs.length === 1 && isFile(inputs[0]!))) && !(await engineChecksSchema(engine))) await startSchemaWorker();
    // Only the format names and detection: a build loads each reader when an input needs it (parse5 only for HTML).
    const { inputFormats, isInputFormat } = await import('./readers/index.js');
    if (values.from && !isInputFormat(values.from)) usage(`unknown input format "${values.from}"; choose from ${inputFormats.join(', ')}`);
    if (values.errata !== undefined) {
      const { loadErrata } = await import('./enrich/errata.js');
      try {
        loadErrata(values.errata);
      } catch (error) {
        if (error instanceof InputError) usage(`${error.message} [${error.ruleId}]`);
        throw error;
      }
    }
    if (values.base !== undefined && !values.witnesses) usage('--base names the base witness of a critical edition; it needs --witnesses');
    // What a critical edition and a batch are both built with.
    const common = { outDir: values.out, formats, from: values.from as InputFormat | undefined, buildDate, teiAll: values['tei-all'], registers: values.registers, edition, engine };
    if (values.witnesses) {
      const { expandInputs } = await import('./build.js');
      const { files, messages } = await expandInputs(inputs);
      report(messages);
      if (messages.some((message) => message.severity === 'error')) return ExitCode.failed;
      if (files.length < 2) usage(`--witnesses needs two or more witness files; ${files.length} found`);
      if (values.base !== undefined && !files.some((file) => path.resolve(file) === path.resolve(values.base!))) {
        usage(`--base ${values.base} is not one of the witnesses (${files.join(', ')})`);
      }
      const { buildCriticalEdition } = await import('./critical/build.js');
      const result = await buildCriticalEdition(files, { ...common, errata: values.errata, base: values.base });
      report(result.witnessMessages);
      report(result.messages);
      if (result.status !== 'built') {
        process.stdout.write(`critical edition of ${files.length} witnesses: failed\n`);
        return ExitCode.failed;
      }
      process.stdout.write(`critical edition of ${files.length} witnesses: ${values.out ?? 'dist'}/${result.slug}/, ${result.apparatus.length} variant locations\n`);
      return ExitCode.ok;
    }
    const { buildEditions } = await import('./build.js');
    const { createProgress, summaryLine } = await import('./batch/progress.js');
    const progress = createProgress(process.stderr.isTTY ? process.stderr : process.stdout);
    const batch = await buildEditions(inputs, { ...common, errata: values.errata, jobs, force: values.force, shard }, { onProgress: progress.onProgress });
    progress.finish();
    // Every file's messages, in input order, after the progress.
    report(batch.messages);
    for (const edition of batch.editions) report(edition.messages);
    const failed = batch.messages.some((message) => message.severity === 'error') || batch.editions.some((edition) => edition.status === 'failed');
    const index = batch.corpusIndex ? `; corpus index ${values.out ?? 'dist'}/index.html` : '';
    process.stdout.write(`${summaryLine(batch.editions, batch.interrupted)}${index}\n`);
    if (batch.interrupted) return batch.interrupted.exitCode;
    return failed ? ExitCode.failed : ExitCode.ok;
  }
  if (command === 'merge') {
    if (inputs.length === 0) usage('merge needs the output folders of the shard builds');
    const outDir = values.out ?? 'dist';
    checkOutDir(outDir);
    const { mergeShards } = await import('./batch/shard.js');
    const merged = await mergeShards(inputs, outDir);
    report(merged.messages);
    if (merged.messages.some((message) => message.severity === 'error')) return ExitCode.failed;
    process.stdout.write(`merged ${merged.editions} edition${merged.editions === 1 ? '' : 's'} of ${inputs.length} shard${inputs.length === 1 ? '' : 's'} into ${outDir}; corpus index ${outDir}/index.html\n`);
    return ExitCode.ok;
  }
  if (command === 'site') {
    if (inputs.length !== 1) usage('site needs one build output folder (the --out of a build)');
    const outDir = inputs[0]!;
    if (!existsSync(outDir) || !statSync(outDir).isDirectory()) usage(`${outDir} is not a folder; give the --out folder of a build`);
    let buildDate: string;
    try {
      buildDate = resolveSettings({ buildDate: values['build-date'] }).buildDate;
    } catch (error) {
      if (error instanceof OptionError) usage(error.message);
      throw error;
    }
    const siteUrl = values['site-url'];
    if (siteUrl !== undefined && !/^https?:\/\/[^\s]+\/$/.test(siteUrl)) usage(`--site-url wants an http(s) address ending in "/", got "${siteUrl}"`);
    const { buildSite, findEditions } = await import('./site/build.js');
    if (findEditions(outDir).length === 0) usage(`${outDir} holds no edition (no <slug>/<slug>.tei.xml); run "tei-press build … --out ${outDir}" first`);
    const site = await buildSite(outDir, { siteDir: values.to, siteUrl, buildDate, toolVersion: toolVersion(), reuseRenders: !values.force });
    report(site.messages);
    process.stdout.write(`site ${site.siteDir}: ${site.editions} editions, ${site.entities} register pages, ${site.files.length} files, ${site.bytes} bytes; ${site.written.length} written, ${site.removed.length} removed\n`);
    return site.messages.some((message) => message.severity === 'error') ? ExitCode.failed : ExitCode.ok;
  }
  if (command === 'verify-bag') {
    if (inputs.length === 0) usage('verify-bag needs at least one bag folder');
    const { verifyBag } = await import('./bag/verify.js');
    let failed = false;
    for (const dir of inputs) {
      const result = await verifyBag(dir);
      report(result.messages);
      if (result.valid) process.stdout.write(`valid bag ${dir} (${result.payloadFiles} payload files)\n`);
      else {
        failed = true;
        process.stdout.write(`invalid bag ${dir}\n`);
      }
    }
    return failed ? ExitCode.failed : ExitCode.ok;
  }
  if (command === 'validate') {
    if (inputs.length === 0) usage('validate needs at least one TEI file');
    let engineName: EngineName;
    try {
      engineName = resolveEngine(values.engine);
    } catch (error) {
      if (error instanceof OptionError) usage(error.message);
      throw error;
    }
    if (!(await engineChecksSchema(engineName))) await startSchemaWorker();
    const { validateTei } = await import('./validate/index.js');
    const { closeXsltEngines, xsltEngine } = await import('./xslt-engine/index.js');
    const engine = xsltEngine(engineName);
    let failed = false;
    for (const file of inputs) {
      const log = new MessageLog(file);
      try {
        await (await import('./validate/size-limit.js')).checkValidateSize(file, log);
        const xml = await readFile(file, 'utf8').catch(() => log.fail('input:unreadable', 'the file cannot be read; check the path'));
        await validateTei(xml, log, { teiAll: values['tei-all'], engine });
      } catch (error) {
        if (error instanceof InputError) log.error(error.ruleId, error.message, error.place);
        else log.error('internal', (error as Error).message);
      }
      report(log.messages);
      if (log.hasErrors) failed = true;
      else process.stdout.write(`valid ${file}\n`);
    }
    await closeXsltEngines();
    return failed ? ExitCode.failed : ExitCode.ok;
  }
  usage(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`tei-press: internal error: ${(error as Error).message ?? String(error)}\n`);
    process.exit(ExitCode.failed);
  },
);
