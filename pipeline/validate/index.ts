/**
 * Validation of every TEI file the pipeline writes, and of existing files by
 * `tei-press validate`: well-formedness, the project's RELAX NG schema
 * (tei/tei-press.rng, a strict subset of tei_all), the project's Schematron
 * rules (tei/tei-press.sch) and, on request, tei_all itself with Jing.
 *
 * Every problem becomes an error message with a place and a rule id
 * (`schema:well-formed`, `schema:rng`, `schema:sch:<assertion id>`,
 * `schema:tei-all`); then the build of that input stops with `schema:invalid`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidationError } from 'fast-xml-parser';
import type { MessageLog, Place, RuleId } from '../messages.js';
import { xsltEngine, type EngineDocument, type SchemaProblem, type XsltEngine } from '../xslt-engine/index.js';
import { prepareRng, validateRng, type RngProblem } from './rng.js';
import { validateSchematron, type SchematronProblem } from './schematron.js';
import type { SchematronPhase } from './schematron-files.js';
import { validateWithJing, type JingProblem } from './jing.js';
import { elementStarts, placeOf, columnOfElement } from './places.js';
import { findExternalReferences } from './external.js';

/** The project schema (`tei/tei-press.rng`). */
export const PROJECT_SCHEMA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'tei', 'tei-press.rng');

export interface ValidateOptions {
  /** Also check against this tei_all.rng with Jing (default: not checked). */
  teiAll?: string;
  /**
   * Name of the document in messages (e.g. `x.archive.tei.xml`) when it is not
   * the log's own file: positions then go into the message text, since they
   * are positions in this document and not in the log's file. Default: the
   * document is the log's file, and positions become the messages' places.
   */
  label?: string;
  /**
   * Gives the document as the engine made it ready, for the Schematron rules;
   * it must be that of `xml` (e.g. `() => teiDocument(edition, engine)`, so that
   * validation and the XSLT writers share one). Called once; may throw when `xml`
   * is not well-formed. Default: the engine makes it from `xml`.
   */
  document?: () => EngineDocument;
  /** The XSLT engine that runs the Schematron rules (default SaxonJS). */
  engine?: XsltEngine;
  /**
   * For a labelled document made from the log's file: the place in that file
   * a place in the document came from (see `sourcePlaceMapper`), so that a
   * message names the source line to look at as well as the document's.
   */
  sourcePlace?: (place: Place) => Place | undefined;
  /**
   * Only the Schematron rules of this phase of tei/tei-press.sch (`archive`:
   * those a document derived from a valid edition TEI can break). Default: every rule.
   */
  phase?: SchematronPhase;
}

/**
 * From this length (UTF-16 code units) a document is checked against the
 * project schema by Jing, where it is installed, rather than by libxml2:
 * libxml2 keeps each place where a repeated pattern could stop as a state and
 * compares every new state with all the others, so its time grows with the
 * square of the number of children of one element (64,000 paragraphs in one
 * div: 13 s, 1.5 s in Jing, of which about 1 s is starting Java). Smaller
 * documents stay with libxml2 in its worker, which costs no process start.
 */
export const JING_FROM_LENGTH = 2_000_000;

/**
 * The project schema's verdict: libxml2's problems, or Jing's (which explain
 * themselves), from its own process or from inside the XSLT engine.
 */
type SchemaVerdict = { by: 'libxml2'; problems: RngProblem[] } | { by: 'jing'; problems: JingProblem[] } | { by: 'engine'; problems: SchemaProblem[] };

/**
 * Checks `xml` against the project schema: inside the XSLT engine where it
 * does that itself (Saxon-HE with Jing: no process, no second parse in Node),
 * else with libxml2, or with Jing for a long document when Jing runs.
 */
async function checkProjectSchema(xml: string, inEngine?: Promise<SchemaProblem[]>): Promise<SchemaVerdict> {
  if (inEngine) return { by: 'engine', problems: await inEngine };
  if (xml.length >= JING_FROM_LENGTH) {
    const problems = await validateWithJing(xml, PROJECT_SCHEMA);
    if (!problems.some((problem) => problem.toolFailure)) return { by: 'jing', problems };
  }
  return { by: 'libxml2', problems: await validateRng(xml, loadProjectSchema()) };
}

let projectSchema: string | undefined;

/**
 * fast-xml-parser's well-formedness check, loaded on first use: it runs only
 * on a document SaxonJS or libxml2 refused, so a build of valid documents
 * never pays its load (~80 ms of a cold start, measured alone).
 */
function checkWellFormed(xml: string): true | ValidationError {
  const fxp = createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser');
  return fxp.XMLValidator.validate(xml);
}

function loadProjectSchema(): string {
  projectSchema ??= readFileSync(PROJECT_SCHEMA, 'utf8');
  return projectSchema;
}

/**
 * Starts compiling the project schema now, in its worker thread, so that the
 * first {@link validateTei} does not wait for it (~0.3 s cold: worker, wasm
 * module, libxml2 compiling tei/tei-press.rng). Call it when a build starts;
 * it does nothing if already done, or when `engine` checks the schema itself.
 * Optional: validateTei starts it too.
 */
export function prepareValidation(engine?: XsltEngine): void {
  if (engine?.relaxNg) return;
  prepareRng(loadProjectSchema());
}

/**
 * Validates a TEI document; each problem becomes an error in the log, and if
 * there was any, an InputError (`schema:invalid`) ends the build of the input.
 */
export async function validateTei(xml: string, log: MessageLog, options: ValidateOptions = {}): Promise<void> {
  const label = options.label;
  const report = (ruleId: RuleId, reason: string, place?: Place) => {
    if (label) log.error(ruleId, `${label}${place ? `:${place.line}:${place.column ?? 1}` : ''}: ${reason}`, place && options.sourcePlace?.(place));
    else log.error(ruleId, reason, place);
  };
  // Before any tool sees it: nothing that makes a parser read a file or URL, or expand without bound.
  const external = findExternalReferences(xml);
  if (external.length > 0) {
    for (const problem of external) report(problem.ruleId, problem.message, problem.place);
    log.fail('schema:invalid', `${label ?? 'the document'} was not given to the XML tools: it asks to read files or URLs, or to expand or nest without bound (listed above)`);
  }
  // Well-formedness: SaxonJS's parse (which the Schematron rules need anyway)
  // and libxml2's (in the RELAX NG worker) decide it. fast-xml-parser runs only
  // on a document one of them refused, for its clear line:col message.
  function notWellFormed(fallback?: { message: string; place?: Place }): never {
    const wellFormed = checkWellFormed(xml);
    if (wellFormed !== true) report('schema:well-formed', `not well-formed XML: ${wellFormed.err.msg}`, { line: wellFormed.err.line, column: wellFormed.err.col });
    else report('schema:well-formed', `not well-formed XML: ${fallback!.message}`, fallback!.place);
    return log.fail('schema:invalid', `${label ?? 'the document'} is not well-formed XML; nothing more was checked`);
  }
  // RELAX NG (in its worker, a Jing process, or the engine's JVM) runs while the engine runs the Schematron rules.
  const engine = options.engine ?? xsltEngine();
  // libxml2 starts at once, while SaxonJS parses; an engine that checks it itself needs the document first.
  let rng = engine.relaxNg ? undefined : checkProjectSchema(xml);
  let schematron: Promise<SchematronProblem[]>;
  try {
    const document = options.document ? options.document() : engine.document(xml);
    rng ??= checkProjectSchema(xml, engine.relaxNg!(document));
    schematron = validateSchematron(document, options.phase, engine);
  } catch (error) {
    rng?.catch(() => undefined);
    notWellFormed(saxonParseError(error));
  }
  let problems = 0;
  let duplicateIds = false;
  let starts: number[] | undefined;
  const tools = Promise.all([rng, options.teiAll ? validateWithJing(xml, options.teiAll) : Promise.resolve([])]);
  // An engine that parses only when it transforms (Saxon-HE) reports a document that is not well-formed here;
  // where its parser refused what fast-xml-parser accepts, its RELAX NG check (same parser) says why.
  const schematronProblems = await schematron.catch(async (error: unknown) => {
    const unparsed = engineParseError((await tools.catch(() => [undefined]))[0]);
    if (checkWellFormed(xml) !== true || unparsed) notWellFormed(unparsed);
    throw error;
  });
  const [verdict, jingProblems] = await tools;
  const rngProblems = verdict.problems;
  // libxml2 refused it: if that is because it is not well-formed (SaxonJS's
  // parser lets a few things through, e.g. a repeated attribute), say only that.
  if (rngProblems.length > 0 && checkWellFormed(xml) !== true) notWellFormed();
  // The engine's parser refused what fast-xml-parser accepts (an undeclared entity, say): its own reason.
  const unparsed = engineParseError(verdict);
  if (unparsed) notWellFormed(unparsed);
  for (const problem of schematronProblems) {
    if (problem.role === 'warning' || problem.role === 'info') {
      starts ??= elementStarts(xml);
      const place = placeOf(xml, starts, problem.element);
      log.warn(`schema:sch:${problem.id || problem.pattern}`, label ? `${label}:${place.line}:${place.column}: ${problem.message}` : problem.message, label ? options.sourcePlace?.(place) : place);
      continue;
    }
    problems++;
    if (problem.id === 'unique-id') duplicateIds = true;
    starts ??= elementStarts(xml);
    report(`schema:sch:${problem.id || problem.pattern}`, `${problem.message} (at ${problem.location.replace(/Q\{[^}]*\}/g, '')})`, placeOf(xml, starts, problem.element));
  }

  if (verdict.by === 'jing' || verdict.by === 'engine') {
    for (const problem of verdict.problems) {
      problems++;
      report('schema:rng', `not valid against the project schema tei/tei-press.rng: ${problem.message}`, problem.line ? { line: problem.line, column: problem.column } : undefined);
    }
  } else if (rngProblems.length > 0) {
    // libxml2 decides validity fast but explains it poorly (it reports where its
    // backtracking gave up, often a sibling or the parent). Jing, where installed,
    // explains it well: on the rare invalid document its 0.4 s are worth it.
    const jing = await validateWithJing(xml, PROJECT_SCHEMA);
    const jingRan = !jing.some((problem) => problem.toolFailure);
    if (jingRan && jing.length > 0) {
      for (const problem of jing) {
        problems++;
        report('schema:rng', `not valid against the project schema tei/tei-press.rng: ${problem.message}`, problem.line ? { line: problem.line, column: problem.column } : undefined);
      }
    } else if (jingRan && duplicateIds) {
      // Jing finds the structure valid: what libxml2 refused is what it checks
      // beyond Jing, the uniqueness of xml:id values, which the Schematron rules
      // have just reported with a clear message. Its own messages would only mislead.
    } else {
      for (const problem of verdict.problems) {
        problems++;
        const place = problem.line ? { line: problem.line, column: columnOfElement(xml, problem.line, problem.element) } : undefined;
        report('schema:rng', `not valid against the project schema tei/tei-press.rng: ${problem.message}`, place);
      }
    }
  }

  for (const problem of jingProblems) {
    problems++;
    if (problem.toolFailure) report('schema:tei-all', problem.message);
    else report('schema:tei-all', `not valid against tei_all (${options.teiAll}): ${problem.message}`, problem.line ? { line: problem.line, column: problem.column } : undefined);
  }
  if (problems > 0) {
    log.fail('schema:invalid', `${label ?? 'the document'} is not valid: ${problems} problem${problems === 1 ? '' : 's'} (listed above)`);
  }
}

/** Why the engine's parser refused the document, when its RELAX NG check says it did. */
function engineParseError(verdict: SchemaVerdict | undefined): { message: string; place?: Place } | undefined {
  const fatal = verdict?.by === 'engine' ? verdict.problems.find((problem) => problem.fatal) : undefined;
  return fatal && { message: fatal.message, place: fatal.line ? { line: fatal.line, column: fatal.column } : undefined };
}

/** SaxonJS's parser message ("… at line 0 column 8", 0-based line) as a message and place. */
function saxonParseError(error: unknown): { message: string; place?: Place } {
  const text = String((error as { message?: unknown } | null)?.message ?? error);
  const match = / at line (\d+) column (\d+)$/.exec(text);
  if (!match) return { message: text };
  return { message: text.slice(0, match.index), place: { line: Number(match[1]) + 1, column: Number(match[2]) } };
}
