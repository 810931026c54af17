/**
 * Builds a critical edition: two or more inputs read as witnesses of one
 * work. Each witness goes through the usual stages (read, assemble, enrich),
 * the witnesses are collated into an apparatus in the base's tree, and the
 * one TEI document that results goes through validation and every writer,
 * as a single input's would.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, MessageLog, type Message } from '../messages.js';
import { resolveSettings, type Options } from '../settings.js';
import { serialize, teiDocument, teiStages, type Edition } from '../stages.js';
import { applyErrata, applyErrataFile, loadErrata } from '../enrich/errata.js';
import { xsltEngine } from '../xslt-engine/index.js';
import { prepareValidation, validateTei } from '../validate/index.js';
import { writeFormat, writeFormats, type OutputFile } from '../writers/index.js';
import { writeEditionFolder } from '../batch/folder.js';
import { slugOf } from '../slug.js';
import { addReviewItem } from '../enrich/review.js';
import { writeApparatus, type ApparatusEntry, type WitnessTree } from './apparatus.js';
import { writeCriticalHeader } from './header.js';
import { resolveWitness } from './witness.js';
import type { EditionResult } from '../build.js';

/** Options of a critical edition on top of {@link Options}. */
export interface CriticalOptions extends Options {
  /** The witness whose text is the reading text (a path among the inputs; default: the first input). */
  base?: string;
}

/** What a critical build gives: the edition's result and its apparatus. */
export interface CriticalResult extends EditionResult {
  apparatus: ApparatusEntry[];
  /** Messages of the other witnesses' own builds. */
  witnessMessages: Message[];
}

/**
 * Sigla from the inputs' names: the year a name holds (`cliff-1959-….htm` → `1959`),
 * when every witness has a different one; otherwise A, B, C… in input order.
 */
export function siglaOf(files: readonly string[]): string[] {
  const years = files.map((file) => /(?:^|[^0-9])((?:1[5-9]|20)[0-9]{2})(?:[^0-9]|$)/.exec(path.basename(file))?.[1]);
  if (years.every(Boolean) && new Set(years).size === years.length) return years as string[];
  return files.map((_, k) => (k < 26 ? String.fromCharCode(65 + k) : `W${k + 1}`));
}

/** A long reading as its first and last words, for the report's one-line entries. */
function abridge(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= 16 ? words.join(' ') : `${words.slice(0, 8).join(' ')} … ${words.slice(-6).join(' ')}`;
}

/** The witness's edition: read and enriched, not yet serialised. */
async function readWitness(file: string, settings: ReturnType<typeof resolveSettings>): Promise<Edition> {
  const log = new MessageLog(file);
  const bytes: Uint8Array = await readFile(file).catch((error: NodeJS.ErrnoException) =>
    log.fail('input:unreadable', `the file cannot be read (${error.code ?? 'error'}); check the path and its permissions`),
  );
  const edition: Edition = { path: file, bytes, log };
  // The errata file emends the edition's reading text, after collation (see buildCriticalEdition), not each witness.
  for (const stage of teiStages) if (stage !== serialize && stage !== applyErrata) await stage(edition, settings);
  return edition;
}

/**
 * Each other witness on its own: the edition with every app read as that
 * witness has it, as print HTML `<slug>.<siglum>.html` (its text, notes and
 * index; the apparatus is the edition's).
 */
async function witnessViews(base: Edition, witnesses: readonly WitnessTree[], baseIndex: number, slug: string, settings: ReturnType<typeof resolveSettings>): Promise<OutputFile[]> {
  const views: OutputFile[] = [];
  for (const [w, witness] of witnesses.entries()) {
    if (w === baseIndex) continue;
    const view: Edition = { path: base.path, bytes: base.bytes, log: base.log, read: base.read, tei: resolveWitness(base.tei!, witness.id) };
    await serialize(view, settings);
    const [html] = await writeFormat(view, 'html', { slug: `${slug}.${witness.siglum}`, settings });
    if (html) views.push(html);
  }
  return views;
}

/**
 * Builds the witnesses `files` (at least two) into one critical edition in
 * `OUT/<slug>/`, the slug being the base's. A problem that stops the build is
 * an error message on the result, never a throw.
 */
export async function buildCriticalEdition(files: readonly string[], options: CriticalOptions = {}): Promise<CriticalResult> {
  const settings = resolveSettings(options);
  const baseIndex = options.base === undefined ? 0 : files.findIndex((file) => path.resolve(file) === path.resolve(options.base!));
  const baseFile = files[Math.max(0, baseIndex)]!;
  const result: CriticalResult = { input: baseFile, status: 'failed', outputs: [], messages: [], apparatus: [], witnessMessages: [] };
  const log = new MessageLog(baseFile);
  result.messages = log.messages;
  try {
    if (files.length < 2) log.fail('critical:one-witness', `a critical edition needs two or more witnesses; ${files.length} given`);
    if (baseIndex < 0) log.fail('critical:base', `--base ${options.base} is not one of the witnesses; give one of: ${files.join(', ')}`);
    prepareValidation(xsltEngine(settings.engine));
    const editions: Edition[] = [];
    for (const file of files) {
      try {
        editions.push(await readWitness(file, settings));
      } catch (error) {
        // The witness that cannot be read is named, not the base.
        if (!(error instanceof InputError)) throw error;
        const witnessLog = new MessageLog(file);
        witnessLog.error(error.ruleId, error.message, error.place);
        result.witnessMessages.push(...witnessLog.messages);
        log.error('critical:witness-unusable', `the witness ${file} cannot be read (see its message); the critical edition is not built`);
        return result;
      }
    }
    const sigla = siglaOf(files);
    const witnesses: WitnessTree[] = editions.map((edition, w) => ({ id: `wit-${sigla[w]}`, siglum: sigla[w]!, tei: edition.tei!, file: path.basename(edition.path) }));
    const base = editions[baseIndex]!;
    result.messages = base.log.messages;
    result.witnessMessages = editions.filter((_, w) => w !== baseIndex).flatMap((edition) => edition.log.messages);
    const apparatus = writeApparatus(witnesses, baseIndex);
    result.apparatus = apparatus;
    writeCriticalHeader(
      base.tei!,
      witnesses,
      baseIndex,
      `${witnesses.length} witnesses (${[...witnesses].sort((x, y) => x.id.localeCompare(y.id)).map((witness) => `${witness.siglum}: ${witness.file}`).join('; ')}) collated by TEI Press, ${apparatus.length} variant locations.`,
    );
    for (const entry of apparatus) {
      for (const reading of entry.readings) {
        addReviewItem(base, {
          category: `variant:${reading.type}`,
          text: `${abridge(entry.lemma.text) || '(nothing)'} ] ${abridge(reading.text) || '(nothing)'} ${reading.wit.map((id) => witnesses.find((witness) => witness.id === id)!.siglum).join(' ')}`,
          detail: `${entry.structural ? 'blocks differ' : 'reading differs'} (${reading.type}); lemma from ${entry.lemma.wit.map((id) => witnesses.find((witness) => witness.id === id)!.siglum).join(' ')}`,
          target: entry.id,
          // The print HTML keeps the app's id on the lemma: the report links straight to it.
          anchor: entry.id,
          line: entry.line,
        });
      }
    }
    if (settings.errata) {
      // Emendations are the editor's to the reading text: an entry for another witness cannot be one.
      for (const entry of loadErrata(settings.errata)) {
        const other = witnesses.find((witness, w) => w !== baseIndex && witness.file === entry.in);
        if (other) {
          base.log.error(
            'errata:not-reading-text',
            `the errata entry at ${path.basename(settings.errata)}:${entry.line} is for ${entry.in}, a witness other than the base; in a critical edition the errata file emends the reading text (the base, ${witnesses[baseIndex]!.file}): give "in: ${witnesses[baseIndex]!.file}" or none, or build that witness as the base (--base)`,
          );
        }
      }
      applyErrataFile(base, settings, witnesses[baseIndex]!.file);
    }
    await serialize(base, settings);
    await validateTei(base.teiXml!, base.log, { teiAll: settings.teiAll, label: 'TEI', document: () => teiDocument(base, xsltEngine(settings.engine)), engine: xsltEngine(settings.engine) });
    const slug = slugOf(base.read!.meta, path.basename(baseFile));
    result.slug = slug;
    const outputs: OutputFile[] = (await writeFormats(base, settings.formats, { slug, settings })).files;
    if (settings.formats.includes('html')) outputs.push(...(await witnessViews(base, witnesses, baseIndex, slug, settings)));
    if (base.log.hasErrors) return result;
    result.outputs = await writeEditionFolder(settings.outDir, slug, outputs);
    result.status = 'built';
  } catch (error) {
    if (error instanceof InputError) log.error(error.ruleId, error.message, error.place);
    else log.error('internal', `internal error while building the critical edition: ${(error as Error).message ?? String(error)}. Please report it with these inputs`);
    if (result.messages !== log.messages) result.messages.push(...log.messages);
  }
  return result;
}
