/**
 * Writes SaxonJS's code cache (`build/saxon-js.code-cache`, see ../saxon-load.ts)
 * after one build of the seed with every default output, so that the cache
 * holds the bytecode of the SaxonJS functions a build runs. Run by
 * `npm run build`, after the stylesheets are compiled. The cache only makes a
 * cold start faster: without it (or when V8 rejects it) builds give the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEditions } from '../build.js';
import { SAXON_CODE_CACHE, saveSaxonCodeCache } from '../saxon-load.js';
import { PROJECT_ROOT } from '../settings.js';

const SEED = path.join(PROJECT_ROOT, 'seeds', 'wright-1941-soviet-union-at-war.txt');

const out = mkdtempSync(path.join(tmpdir(), 'tei-press-code-cache-'));
try {
  const batch = await buildEditions([SEED], { outDir: out, jobs: 1, force: true });
  const failed = batch.editions.filter((edition) => edition.status === 'failed').length;
  const bytes = saveSaxonCodeCache();
  process.stdout.write(`wrote ${path.relative(PROJECT_ROOT, SAXON_CODE_CACHE)} (${Math.round(bytes / 1024)} KB${failed ? '; the seed did not build, so the cache is partial' : ''})\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
