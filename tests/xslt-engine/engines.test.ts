/**
 * Both XSLT engines give the same bytes: the seed, `../shared/corpus/` and
 * `../shared/corpus-html/` are built with every default output once with
 * SaxonJS and once with Saxon-HE (one batch each, `--jobs 2`), and every file
 * of the two output folders is compared byte for byte (the EPUBs as zips:
 * their entries are stored with fixed dates, so equal content is equal bytes).
 * Skipped, with the reason, without Java and Saxon-HE or without ../shared.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { saxonHeMissing } from '../../pipeline/xslt-engine/saxon-he.js';
import { CLI } from '../cli-helpers.js';
import { filesUnder } from '../files.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const INPUTS = [path.join(ROOT, 'seeds'), path.join(SHARED, 'corpus'), path.join(SHARED, 'corpus-html')];

const why =
  spawnSync('java', ['-version']).status !== 0
    ? 'java is not installed'
    : (saxonHeMissing() ?? (INPUTS.every((dir) => existsSync(dir)) ? undefined : `${SHARED}/corpus and corpus-html are not there`));


function build(engine: string, out: string): void {
  const run = spawnSync(process.execPath, [CLI, 'build', ...INPUTS, '--out', out, '--jobs', '2', '--engine', engine], { encoding: 'utf8', timeout: 1_500_000 });
  expect(run.status, `${engine}: ${run.stderr.slice(-3000)}`).toBe(0);
}

describe.skipIf(!!why)(`the SaxonJS and Saxon-HE engines${why ? ` — skipped: ${why}` : ''}`, () => {
  it('build the seed, ../shared/corpus and ../shared/corpus-html to the same bytes, file for file', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'tei-press-engines-'));
    const saxonJs = path.join(work, 'saxonjs');
    const saxonHe = path.join(work, 'saxon-he');
    build('saxonjs', saxonJs);
    build('saxon-he', saxonHe);
    const files = filesUnder(saxonJs);
    expect(filesUnder(saxonHe)).toEqual(files);
    // Every input, every default output: not a vacuous comparison.
    expect(files.filter((file) => file.endsWith('.epub')).length).toBeGreaterThanOrEqual(70);
    expect(files.filter((file) => file.endsWith('.archive.tei.xml')).length).toBeGreaterThanOrEqual(70);
    const differ = files.filter((file) => !readFileSync(path.join(saxonJs, file)).equals(readFileSync(path.join(saxonHe, file))));
    expect(differ).toEqual([]);
  }, 3_000_000);
});
