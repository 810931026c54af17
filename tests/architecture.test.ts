/**
 * The pipeline's dependency rules (issue 14, item 1): no import cycle, the
 * batch on top of the edition build, readers below writers. dependency-cruiser
 * checks the compiled modules against .dependency-cruiser.cjs; the same rules
 * are first shown to catch a cycle and an upward import in a small made-up tree,
 * so that a check that finds nothing means something.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const config = path.join(root, '.dependency-cruiser.cjs');
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(cwd: string) {
  return spawnSync(process.execPath, [depcruise, 'build', '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });
}

describe('dependency rules', () => {
  it('catch a cycle and an import of the batch from below it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tei-press-deps-'));
    mkdirSync(path.join(dir, 'build', 'batch'), { recursive: true });
    writeFileSync(path.join(dir, 'build', 'a.js'), "import './b.js';\n");
    writeFileSync(path.join(dir, 'build', 'b.js'), "import './a.js';\n");
    writeFileSync(path.join(dir, 'build', 'stages.js'), "import './batch/run.js';\n");
    writeFileSync(path.join(dir, 'build', 'batch', 'run.js'), 'export const run = 1;\n');
    const result = cruise(dir);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('no-circular');
    expect(result.stdout + result.stderr).toContain('batch-on-top');
  }, 120_000);

  it('hold on the pipeline', () => {
    if (!existsSync(path.join(root, 'build', 'cli.js'))) throw new Error('build/ is missing: run "npm run build" first (npm ci runs it)');
    const result = cruise(root);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/no dependency violations found \((\d{2,}) modules/);
  }, 120_000);
});
