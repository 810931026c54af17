/**
 * Runs tei/tei-press.sch, compiled at build time to build/schematron/tei-press.sef.json
 * (pipeline/tools/compile-schematron.ts), in SaxonJS. The SEF is loaded once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SaxonJS, type SaxonDocument } from '../saxon.js';
import { schematronSef, type SchematronPhase } from './schematron-files.js';

/** The compiled rules (`build/schematron/tei-press.sef.json`). */
export const SCHEMATRON_SEF = schematronSef();

/** One failed assertion or successful report. */
export interface SchematronProblem {
  pattern: string;
  /** The assertion's id: the rule id in messages is `schema:sch:<id>`. */
  id: string;
  role: string;
  message: string;
  /** XPath of the node the rule fired on. */
  location: string;
  /** 1-based position in document order of the element the rule fired on (0: the document). */
  element: number;
}

const compiled = new Map<string, unknown>();

function loadSef(phase?: SchematronPhase): unknown {
  const file = schematronSef(phase);
  let sef = compiled.get(file);
  if (!sef) {
    if (!existsSync(file)) {
      throw new Error(`the compiled Schematron ${file} is missing; run "npm run build" (npm ci runs it) to compile tei/tei-press.sch`);
    }
    sef = JSON.parse(readFileSync(file, 'utf8'));
    compiled.set(file, sef);
  }
  return sef;
}

/**
 * Checks a well-formed document (its text, or SaxonJS's tree of it) against
 * the Schematron rules: every rule, or only those of one phase of tei/tei-press.sch.
 */
export function validateSchematron(source: string | SaxonDocument, phase?: SchematronPhase): SchematronProblem[] {
  const input = typeof source === 'string' ? { sourceText: source } : { sourceNode: source };
  const result = SaxonJS.transform({ stylesheetInternal: loadSef(phase), ...input, destination: 'serialized', deliverMessage: () => undefined }, 'sync');
  return JSON.parse(result.principalResult ?? '[]') as SchematronProblem[];
}
