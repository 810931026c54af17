#!/usr/bin/env node
/**
 * Regenerates tei/tei-press.rng from tei_all.rng and tei/tei-press-subset.xml
 * with tei/subset-tei-all.xsl (run by xslt3, the SaxonJS command line).
 *
 *   node tei/make-schema.mjs [TEI_ALL] [OUT]
 *
 * TEI_ALL defaults to ../shared/schemas/tei_all.rng (beside the checkout);
 * OUT defaults to tei/tei-press.rng. The tests regenerate into a temporary
 * file and compare, so a forgotten regeneration fails them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const teiAll = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'schemas', 'tei_all.rng'));
const out = path.resolve(process.argv[3] ?? path.join(here, 'tei-press.rng'));
if (!existsSync(teiAll)) {
  process.stderr.write(`make-schema: ${teiAll} does not exist; pass the path of tei_all.rng as the first argument\n`);
  process.exit(2);
}
const xslt3 = createRequire(import.meta.url).resolve('xslt3/xslt3.js');
execFileSync(process.execPath, [xslt3, `-xsl:${path.join(here, 'subset-tei-all.xsl')}`, `-s:${teiAll}`, `-o:${out}`], { stdio: 'inherit' });
process.stdout.write(`wrote ${path.relative(process.cwd(), out) || out}\n`);
