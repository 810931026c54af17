/**
 * Compiles tei/tei-press.sch to a SaxonJS SEF file at build time (run by
 * `npm run build`): first to XSLT with pipeline/tools/schematron-to-xslt.xsl,
 * then to build/schematron/tei-press.sef.json with xslt3; each phase
 * (schematron-files.ts) also to build/schematron/tei-press.<phase>.sef.json. Validation then loads
 * the SEF once per process and pays only for running it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMATRON_DIR, SCHEMATRON_PHASES, schematronSef } from '../validate/schematron-files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const xslt3 = createRequire(import.meta.url).resolve('xslt3/xslt3.js');
mkdirSync(SCHEMATRON_DIR, { recursive: true });

const compiler = path.join(root, 'pipeline', 'tools', 'schematron-to-xslt.xsl');
const schema = path.join(root, 'tei', 'tei-press.sch');
// The whole schema, then each phase on its own.
for (const phase of [undefined, ...SCHEMATRON_PHASES]) {
  const sef = schematronSef(phase);
  const stylesheet = sef.replace(/\.sef\.json$/, '.sch.xsl');
  execFileSync(process.execPath, [xslt3, `-xsl:${compiler}`, `-s:${schema}`, `-o:${stylesheet}`, ...(phase ? [`phase=${phase}`] : [])], { stdio: 'inherit' });
  execFileSync(process.execPath, [xslt3, `-xsl:${stylesheet}`, `-export:${sef}`, '-nogo', '-relocate:on'], { stdio: 'inherit' });
  process.stdout.write(`compiled tei/tei-press.sch${phase ? ` (phase ${phase})` : ''}\n`);
}
