/**
 * Writes the caches that make a cold start faster (run by `npm run build`,
 * after the stylesheets are compiled):
 *
 * - `build/registers.cache.json`: our registers, parsed (see ../enrich/registers.ts);
 * - `build/saxon-js.code-cache`: SaxonJS's bytecode after one build of the
 *   seed with every default output, so that it holds every SaxonJS function
 *   a build runs (see ../xslt-engine/saxon-js-load.ts).
 *
 * Both are checked when read (the bytes they were made from, the code that
 * made them), so without them, or with stale ones, builds give the same files, only slower.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEditions } from '../build.js';
import { REGISTER_CACHE, writeRegisterCache } from '../enrich/registers.js';
import { SAXON_CODE_CACHE, saveSaxonCodeCache } from '../xslt-engine/saxon-js-load.js';
import { PROJECT_ROOT } from '../settings.js';

const SEED = path.join(PROJECT_ROOT, 'seeds', 'wright-1941-soviet-union-at-war.txt');

/** Runs one step; a cache that cannot be written is reported, not fatal: builds work without it, only start slower. */
async function step(name: string, action: () => Promise<string> | string): Promise<void> {
  try {
    process.stdout.write(`${await action()}\n`);
  } catch (error) {
    process.stderr.write(`start-up-caches: ${name} not written (${(error as Error).message ?? String(error)}); builds still work, only start slower\n`);
  }
}

await step(path.relative(PROJECT_ROOT, REGISTER_CACHE), () => `wrote ${path.relative(PROJECT_ROOT, REGISTER_CACHE)} (${writeRegisterCache()} register entries)`);

await step(path.relative(PROJECT_ROOT, SAXON_CODE_CACHE), async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'tei-press-code-cache-'));
  try {
    const batch = await buildEditions([SEED], { outDir: out, jobs: 1, force: true });
    const failed = batch.editions.some((edition) => edition.status === 'failed');
    const bytes = saveSaxonCodeCache();
    return `wrote ${path.relative(PROJECT_ROOT, SAXON_CODE_CACHE)} (${Math.round(bytes / 1024)} KB${failed ? '; the seed did not build, so it holds less' : ''})`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
