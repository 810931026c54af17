/**
 * tei/tei-press.rng is a strict subset of tei_all: what it accepts tei_all
 * accepts (checked with real Jing on the full test document), and what it
 * refuses includes documents tei_all accepts (one per restriction). The
 * committed schema is what the committed generator makes from tei_all.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUTSIDE_SUBSET, VALID } from './validate-docs.js';

const TEI_ALL = path.resolve('../shared/schemas/tei_all.rng');
const PROJECT_RNG = path.resolve('tei/tei-press.rng');
const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
const hasTeiAll = existsSync(TEI_ALL);

/** Runs Jing on files; returns the error lines per file. */
function jing(schema: string, files: string[]): Map<string, string[]> {
  const result = spawnSync('jing', [schema, ...files], { encoding: 'utf8' });
  const errors = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const line of `${result.stdout}\n${result.stderr}`.split('\n')) {
    const file = files.find((candidate) => line.startsWith(`${candidate}:`));
    if (file && / error: /.test(line)) errors.get(file)!.push(line);
  }
  return errors;
}

function writeAll(docs: Record<string, string>): Map<string, string> {
  const folder = mkdtempSync(path.join(tmpdir(), 'tei-press-subset-'));
  const files = new Map<string, string>();
  Object.entries(docs).forEach(([name, xml], index) => {
    const file = path.join(folder, `doc${index}.xml`);
    writeFileSync(file, xml);
    files.set(name, file);
  });
  return files;
}

describe.skipIf(!hasJing || !hasTeiAll)(`subset of tei_all (Jing)${!hasJing ? ': SKIPPED, jing is not installed (apt-get install jing)' : !hasTeiAll ? `: SKIPPED, ${TEI_ALL} is missing` : ''}`, () => {
  it('the full test document is valid against both schemas', { timeout: 120_000 }, () => {
    const files = writeAll({ valid: VALID });
    const file = files.get('valid')!;
    expect(jing(TEI_ALL, [file]).get(file)).toEqual([]);
    expect(jing(PROJECT_RNG, [file]).get(file)).toEqual([]);
  });

  it('each restriction refuses a document that tei_all accepts', { timeout: 120_000 }, () => {
    const files = writeAll(OUTSIDE_SUBSET);
    const list = [...files.values()];
    const teiAll = jing(TEI_ALL, list);
    const project = jing(PROJECT_RNG, list);
    for (const [name, file] of files) {
      expect(teiAll.get(file), `tei_all should accept: ${name}`).toEqual([]);
      expect(project.get(file)!.length, `tei-press.rng should refuse: ${name}`).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(!hasTeiAll)(`generated schema${hasTeiAll ? '' : `: SKIPPED, ${TEI_ALL} is missing`}`, () => {
  it('tei/tei-press.rng is what tei/make-schema.mjs makes from tei_all and tei/tei-press-subset.xml', { timeout: 300_000 }, () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'tei-press-rng-')), 'tei-press.rng');
    const run = spawnSync(process.execPath, ['tei/make-schema.mjs', TEI_ALL, out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8'), 'regenerate with: node tei/make-schema.mjs').toBe(readFileSync(PROJECT_RNG, 'utf8'));
  });
});
