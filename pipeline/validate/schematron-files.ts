/**
 * Where the compiled Schematron rules live (`build/schematron/`), shared by
 * the compiler (compile-schematron.ts, at build time) and the validator
 * (schematron.ts), which must not load SaxonJS at build time.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled rules' folder. */
export const SCHEMATRON_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'schematron');

/**
 * The phases of tei/tei-press.sch compiled besides the whole schema: `archive`,
 * the rules the archival TEI can break when the edition TEI keeps them all.
 */
export const SCHEMATRON_PHASES = ['archive'] as const;
export type SchematronPhase = (typeof SCHEMATRON_PHASES)[number];

/** The compiled rules of a phase (default: every rule), as SEF. */
export function schematronSef(phase?: SchematronPhase): string {
  return path.join(SCHEMATRON_DIR, phase ? `tei-press.${phase}.sef.json` : 'tei-press.sef.json');
}
