/**
 * Compiles each stylesheet driver in xslt/ (not the modules in xslt/common/ and
 * xslt/html/, nor the style sheets in xslt/css/, which compiling reads in)
 * to a SaxonJS SEF file in build/xslt/. Run by `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const xslt3 = createRequire(import.meta.url).resolve('xslt3/xslt3.js');
const outDir = path.join(root, 'build', 'xslt');
mkdirSync(outDir, { recursive: true });

for (const name of readdirSync(path.join(root, 'xslt')).filter((file) => file.endsWith('.xsl')).sort()) {
  const source = path.join(root, 'xslt', name);
  const target = path.join(outDir, name.replace(/\.xsl$/, '.sef.json'));
  execFileSync(process.execPath, [xslt3, `-xsl:${source}`, `-export:${target}`, '-nogo', '-relocate:on'], { stdio: 'inherit' });
  process.stdout.write(`compiled xslt/${name}\n`);
}
