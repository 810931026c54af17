/**
 * Runs tei/tei-press.sch, compiled at build time to build/schematron/tei-press.sef.json
 * (pipeline/validate/compile-schematron.ts), in SaxonJS. The SEF is loaded once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxonJS, type SaxonDocument } from '../saxon.js';

/** The compiled rules (`build/schematron/tei-press.sef.json`). */
export const SCHEMATRON_SEF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'schematron', 'tei-press.sef.json');

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

let sef: unknown;

function loadSef(): unknown {
  if (!sef) {
    if (!existsSync(SCHEMATRON_SEF)) {
      throw new Error(`the compiled Schematron ${SCHEMATRON_SEF} is missing; run "npm run build" (npm ci runs it) to compile tei/tei-press.sch`);
    }
    sef = JSON.parse(readFileSync(SCHEMATRON_SEF, 'utf8'));
  }
  return sef;
}

/** Checks a well-formed document (its text, or SaxonJS's tree of it) against the Schematron rules. */
export function validateSchematron(source: string | SaxonDocument): SchematronProblem[] {
  const input = typeof source === 'string' ? { sourceText: source } : { sourceNode: source };
  const result = SaxonJS.transform({ stylesheetInternal: loadSef(), ...input, destination: 'serialized', deliverMessage: () => undefined }, 'sync');
  return JSON.parse(result.principalResult ?? '[]') as SchematronProblem[];
}
