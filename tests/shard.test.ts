/**
 * Shards across machines (issue 15, item 4): a batch built as two shards
 * (`--shard 1/2`, `--shard 2/2`, each into its own folder) and merged
 * (`tei-press merge`) gives byte for byte what one run gives: every edition,
 * the manifest and the corpus index. Two inputs with one title fall in
 * different shards, so the `-2` of the second must come from the whole
 * batch's order, not the shard's.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, SMALL_ARTICLE } from './cli-helpers.js';

/** Every file under `dir` (relative paths), the lock and journal of a running build aside. */
function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix))
    .flatMap((name) => {
      const relative = path.join(prefix, name);
      return statSync(path.join(dir, relative)).isDirectory() ? filesOf(dir, relative) : [relative];
    })
    .sort();
}

describe('a batch built in shards and merged', () => {
  it('is byte for byte what one run builds, namesakes in different shards included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tei-press-shard-'));
    const inputs = path.join(dir, 'in');
    mkdirSync(inputs);
    // Inputs in name order: a0 and a1 share a title (shards 1 and 2), the others differ.
    writeFileSync(path.join(inputs, 'a0.txt'), SMALL_ARTICLE.replace('A Short Article', 'Same Title'));
    writeFileSync(path.join(inputs, 'a1.txt'), SMALL_ARTICLE.replace('A Short Article', 'Same Title').replace('spring', 'autumn'));
    for (let i = 2; i < 5; i++) writeFileSync(path.join(inputs, `a${i}.txt`), SMALL_ARTICLE.replace('A Short Article', `Article Number ${i}`));
    const formats = ['--formats', 'tei,html,archive,review'];

    const single = runCli(['build', inputs, '--out', path.join(dir, 'single'), ...formats, '--jobs', '1']);
    expect(single.code, single.stderr).toBe(0);
    for (const shard of ['1/2', '2/2']) {
      const built = runCli(['build', inputs, '--out', path.join(dir, `shard-${shard[0]}`), ...formats, '--jobs', '1', '--shard', shard]);
      expect(built.code, built.stderr).toBe(0);
    }
    expect(readdirSync(path.join(dir, 'shard-1')).filter((name) => name.startsWith('doe-'))).toEqual(['doe-1945-article-number-2', 'doe-1945-article-number-4', 'doe-1945-same-title']);
    expect(readdirSync(path.join(dir, 'shard-2')).filter((name) => name.startsWith('doe-'))).toEqual(['doe-1945-article-number-3', 'doe-1945-same-title-2']);

    const merged = runCli(['merge', path.join(dir, 'shard-1'), path.join(dir, 'shard-2'), '--out', path.join(dir, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('merged 5 editions of 2 shards');

    const expected = filesOf(path.join(dir, 'single'));
    expect(filesOf(path.join(dir, 'merged'))).toEqual(expected);
    expect(expected).toContain('index.html');
    expect(expected).toContain('.tei-press-manifest.json');
    for (const file of expected) {
      expect(readFileSync(path.join(dir, 'merged', file)).equals(readFileSync(path.join(dir, 'single', file))), file).toBe(true);
    }
  }, 600_000);

  it('refuses a malformed --shard (exit 2) and two shards that built one input', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tei-press-shard-'));
    writeFileSync(path.join(dir, 'a.txt'), SMALL_ARTICLE);
    for (const bad of ['3/2', '0/2', 'x', '1/0']) {
      const result = runCli(['build', path.join(dir, 'a.txt'), '--out', path.join(dir, 'out'), '--shard', bad]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain('--shard');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    for (const out of ['one', 'two']) expect(runCli(['build', path.join(dir, 'a.txt'), '--out', path.join(dir, out), '--formats', 'tei', '--shard', '1/1']).code).toBe(0);
    const overlap = runCli(['merge', path.join(dir, 'one'), path.join(dir, 'two'), '--out', path.join(dir, 'merged')]);
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toContain('output:shard-overlap');
  }, 300_000);
});
