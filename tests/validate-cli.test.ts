/**
 * `tei-press validate FILE… [--tei-all PATH]` end to end: exit codes and
 * messages as `file:line:col: error: text [rule]`. Needs `npm run build`.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { placeAt } from '../pipeline/validate/places.js';
import { BODY, VALID, teiDocument } from './validate-docs.js';

const CLI = path.resolve('build/cli.js');
const TEI_ALL = path.resolve('../shared/schemas/tei_all.rng');
const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'tei-press-validate-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

describe('tei-press validate', () => {
  const duplicate = teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p1">') });
  const folder = folderWith({
    'good.tei.xml': VALID,
    'duplicate.tei.xml': duplicate,
    'outside.tei.xml': teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p3"><said>Spoken.</said>') }),
    'broken.tei.xml': '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>\n',
  });

  it('accepts a valid file with exit 0', () => {
    const result = run(['validate', 'good.tei.xml'], folder);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('valid good.tei.xml\n');
    expect(result.code).toBe(0);
  });

  it('reports a broken rule with file:line:col and its rule id, exit 1', () => {
    const result = run(['validate', 'good.tei.xml', 'duplicate.tei.xml'], folder);
    expect(result.code).toBe(1);
    const first = placeAt(duplicate, duplicate.indexOf('<p xml:id="p1">'));
    expect(result.stderr).toContain(`duplicate.tei.xml:${first.line}:${first.column}: error: xml:id "p1" is used 2 times`);
    expect(result.stderr).toMatch(/^duplicate\.tei\.xml:\d+:\d+: error: .* \[schema:sch:unique-id\]$/m);
    expect(result.stderr).toMatch(/^duplicate\.tei\.xml:1:1: error: the document is not valid: \d+ problems \(listed above\) \[schema:invalid\]$/m);
    // the other file of the same call is still checked
    expect(result.stdout).toContain('valid good.tei.xml');
  });

  it('reports an element outside the project schema with [schema:rng], exit 1', () => {
    const result = run(['validate', 'outside.tei.xml'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^outside\.tei\.xml:\d+:\d+: error: not valid against the project schema tei\/tei-press\.rng: .* \[schema:rng\]$/m);
  });

  it('reports XML that is not well-formed at its line, exit 1, no stack trace', () => {
    const result = run(['validate', 'broken.tei.xml'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^broken\.tei\.xml:3:\d+: error: not well-formed XML: .* \[schema:well-formed\]$/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing file, exit 1', () => {
    const result = run(['validate', 'missing.tei.xml'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^missing\.tei\.xml:1:1: error: .*\[input:unreadable\]$/m);
  });

  it('says clearly when --tei-all is asked for and Jing is missing, exit 1', () => {
    const result = run(['validate', 'good.tei.xml', '--tei-all', TEI_ALL], folder, { ...process.env, JING: '/nonexistent/jing' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Jing is not installed .* \[schema:tei-all\]/);
  });

  it.skipIf(!hasJing || !existsSync(TEI_ALL))(`--tei-all runs Jing against tei_all${hasJing ? '' : ' (SKIPPED: jing is not installed)'}`, () => {
    expect(run(['validate', 'good.tei.xml', '--tei-all', TEI_ALL], folder).code).toBe(0);
    const bad = folderWith({ 'bad.tei.xml': VALID.replace('<p xml:id="p3">', '<p xml:id="p3" bogus="1">') });
    const result = run(['validate', 'bad.tei.xml', '--tei-all', TEI_ALL], bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.tei\.xml:\d+:\d+: error: not valid against tei_all .*bogus.* \[schema:tei-all\]$/m);
  });
});
