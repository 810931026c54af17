/**
 * `--engine` on the command line: an unknown name is a wrong command line
 * (exit 2, a clear message, nothing built), and `resolveEngine` decides `auto`.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli-helpers.js';
import { OptionError, resolveEngine } from '../../pipeline/settings.js';
import { saxonHeMissing } from '../../pipeline/xslt-engine/saxon-he.js';

describe('--engine', () => {
  it('refuses an unknown engine as a wrong command line, naming the choices', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'tei-press-engine-')), 'out');
    const run = runCli(['build', 'seeds', '--out', out, '--engine', 'xalan']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown engine "xalan"; choose from saxonjs, saxon-he, auto/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  }, 120_000);

  it('defaults to SaxonJS, and auto means Saxon-HE exactly where it can run', () => {
    expect(resolveEngine(undefined)).toBe('saxonjs');
    expect(resolveEngine('saxonjs')).toBe('saxonjs');
    expect(resolveEngine('auto')).toBe(saxonHeMissing() ? 'saxonjs' : 'saxon-he');
    if (saxonHeMissing()) expect(() => resolveEngine('saxon-he')).toThrow(OptionError);
    else expect(resolveEngine('saxon-he')).toBe('saxon-he');
  });
});
