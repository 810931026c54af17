/**
 * Runs tei/tei-press.sch, compiled at build time (pipeline/tools/compile-schematron.ts)
 * to XSLT that reports problems as JSON, in an XSLT engine (default SaxonJS).
 */
import { xsltEngine, type EngineDocument, type XsltEngine } from '../xslt-engine/index.js';
import type { SchematronPhase } from './schematron-files.js';

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

/**
 * Checks a well-formed document (its text, or a document the engine made
 * ready) against the Schematron rules: every rule, or only those of one phase of tei/tei-press.sch.
 */
export async function validateSchematron(source: string | EngineDocument, phase?: SchematronPhase, engine: XsltEngine = xsltEngine()): Promise<SchematronProblem[]> {
  const document = typeof source === 'string' ? engine.document(source) : source;
  const result = await engine.transform(phase === 'archive' ? 'schematron-archive' : 'schematron', document);
  return JSON.parse(result.principal || '[]') as SchematronProblem[];
}
