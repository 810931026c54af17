/**
 * The XSLT engines, by name: what writers and validators call. Each engine is
 * one per thread; `closeXsltEngines` ends what they keep running.
 */
import { saxonHeEngine, saxonHeMissing } from './saxon-he.js';
import { saxonJsEngine } from './saxon-js.js';
import type { EngineName, XsltEngine } from './engine.js';

export { ENGINE_NAMES, messageRule, type EngineDocument, type EngineName, type SchemaProblem, type StylesheetName, type TransformOutput, type XsltEngine } from './engine.js';
export { saxonHeMissing } from './saxon-he.js';

const engines: Record<EngineName, XsltEngine> = { saxonjs: saxonJsEngine, 'saxon-he': saxonHeEngine };

/** The engine of that name (default SaxonJS). */
export function xsltEngine(name: EngineName = 'saxonjs'): XsltEngine {
  return engines[name];
}

/**
 * The engine `--engine auto` means: Saxon-HE where it can run (Java, the jar
 * and the compiled class), for batches; SaxonJS otherwise.
 */
export function autoEngine(): EngineName {
  return saxonHeMissing() ? 'saxonjs' : 'saxon-he';
}

/** Ends every engine's long-lived parts (Saxon-HE's JVM) in this thread. */
export async function closeXsltEngines(): Promise<void> {
  await Promise.all(Object.values(engines).map((engine) => engine.close()));
}
