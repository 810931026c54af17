/**
 * Golden fixtures for the plain-text reader and the TEI assembly: one folder
 * per case under tests/fixtures/text/ with `input.txt` and
 * `expected.tei.xml`, read by one loop. `UPDATE=1 npx vitest run tests/golden.test.ts`
 * rewrites the expected files; review the diff before committing.
 *
 * The edition facts (build date, tool version, file name) are fixed here so
 * the expected files do not change with the clock or the package version.
 * All expected files are also checked against tei_all with Jing, in one call.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { teiOfText } from './readers/tei-of-text.js';

const FIXTURES = path.resolve('tests/fixtures/text');
const TEI_ALL = path.resolve('../shared/schemas/tei_all.rng');
const UPDATE = process.env.UPDATE === '1';

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(FIXTURES, entry.name, 'input.txt')))
  .map((entry) => entry.name)
  .sort();

describe('golden fixtures: text → TEI', () => {
  it('has the cases the issue asks for', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['seed-wright', 'unsigned-new-international', 'two-line-title', 'newspaper-index', 'info-block-notes', 'markdown-notes', 'no-header', 'corporate-author']),
    );
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(FIXTURES, name);
      const { xml } = teiOfText(readFileSync(path.join(dir, 'input.txt'), 'utf8'));
      const expectedPath = path.join(dir, 'expected.tei.xml');
      if (UPDATE) writeFileSync(expectedPath, xml);
      if (!existsSync(expectedPath)) throw new Error(`${expectedPath} is missing; run UPDATE=1 npx vitest run tests/golden.test.ts and review it`);
      expect(xml).toBe(readFileSync(expectedPath, 'utf8'));
      // Deterministic: a second run gives the same bytes.
      expect(teiOfText(readFileSync(path.join(dir, 'input.txt'), 'utf8')).xml).toBe(xml);
    });
  }

  const java = spawnSync('jing', [], { encoding: 'utf8' });
  const haveJing = !java.error && existsSync(TEI_ALL);
  it.skipIf(!haveJing)('every expected file is valid against tei_all (Jing)' + (haveJing ? '' : ' — skipped: jing or ../shared/schemas/tei_all.rng missing'), () => {
    const files = cases.map((name) => path.join(FIXTURES, name, 'expected.tei.xml'));
    const result = spawnSync('jing', [TEI_ALL, ...files], { encoding: 'utf8' });
    const errors = `${result.stdout}${result.stderr}`
      .split('\n')
      .filter((line) => line.trim() && !/^\[warning\]|warning: /.test(line));
    expect(errors).toEqual([]);
    expect(result.status).toBe(0);
  }, 60_000);
});
