/**
 * The CLI end to end, as a user runs it: real files in, real folders out,
 * exit codes and messages checked. Bad inputs must give a clear message naming
 * the file and line, a non-zero exit, nothing half-written, and the other
 * inputs of the same call still built.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, runCli as run, SMALL_ARTICLE } from './cli-helpers.js';

const SEED = path.resolve('seeds/wright-1941-soviet-union-at-war.txt');
const SLUG = 'wright-1941-soviet-union-at-war';


/** The corpus files a build writes beside the edition folders: the corpus index and the incremental-build manifest. */
const CORPUS_FILES = new Set(['index.html', '.tei-press-manifest.json']);

/** The entries of an output folder other than the corpus files. */
function editionEntries(out: string): string[] {
  return readdirSync(out).filter((name) => !CORPUS_FILES.has(name));
}

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'tei-press-cli-'));
}


beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('build/cli.js is missing: run "npm run build" first (npm ci runs it)');
});

describe('tei-press CLI', () => {
  it('prints help and version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/tei-press build INPUT/);
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('rejects a wrong command line with exit code 2 and no stack trace', () => {
    for (const args of [[], ['frobnicate'], ['build'], ['build', SEED, '--formats', 'tei,docx'], ['build', SEED, '--nope']]) {
      const result = run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^tei-press: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('builds the seed into dist/<slug>/ with the four outputs', () => {
    const out = scratch();
    const result = run(['build', SEED, '--out', out]);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const files = readdirSync(path.join(out, SLUG)).sort();
    for (const name of [`${SLUG}.tei.xml`, `${SLUG}.epub`, `${SLUG}.html`, `${SLUG}.archive.tei.xml`]) {
      expect(files).toContain(name);
    }
    expect(editionEntries(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('writes only the formats asked for', () => {
    const out = scratch();
    const result = run(['build', SEED, '--out', out, '--formats', 'tei']);
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(out, SLUG)).filter((name) => !name.startsWith('.'))).toEqual([`${SLUG}.tei.xml`]);
  });

  it('gives byte-identical outputs for the same input', () => {
    const first = scratch();
    const second = scratch();
    expect(run(['build', SEED, '--out', first]).code).toBe(0);
    expect(run(['build', SEED, '--out', second]).code).toBe(0);
    for (const name of readdirSync(path.join(first, SLUG))) {
      const a = readFileSync(path.join(first, SLUG, name));
      const b = readFileSync(path.join(second, SLUG, name));
      expect(a.equals(b), name).toBe(true);
    }
  });

  describe('bad input', () => {
    /** Builds `bad` next to a good article and checks the batch behaviour. */
    function buildBeside(badName: string, bad: Buffer | string) {
      const dir = scratch();
      const out = path.join(dir, 'out');
      const badPath = path.join(dir, badName);
      writeFileSync(badPath, bad);
      const goodPath = path.join(dir, 'good.txt');
      writeFileSync(goodPath, SMALL_ARTICLE);
      const result = run(['build', badPath, goodPath, '--out', out]);
      return { result, out, badPath };
    }

    function expectRefused(outcome: ReturnType<typeof buildBeside>, rule: RegExp, line = 1) {
      const { result, out, badPath } = outcome;
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const message = result.stderr.split('\n').find((text) => text.includes(path.basename(badPath)));
      expect(message, result.stderr).toBeDefined();
      expect(message).toMatch(new RegExp(`${path.basename(badPath)}:${line}:\\d+: error: .+ \\[`));
      expect(message).toMatch(rule);
      // The good file of the same call is built; nothing of the bad one, and no temporary folders, are left.
      const entries = editionEntries(out);
      expect(entries).toEqual(['doe-1945-short-article']);
    }

    it('refuses an empty file', () => {
      expectRefused(buildBeside('empty.txt', ''), /\[read:empty\]/);
    });

    it('refuses a file of only white space', () => {
      expectRefused(buildBeside('blank.txt', '\n \n\t\n'), /\[read:empty\]/);
    });

    it('refuses a binary file and names the line of the first NUL byte', () => {
      const bytes = Buffer.concat([Buffer.from('line one\nline two\nab'), Buffer.from([0, 1, 2, 255, 0])]);
      expectRefused(buildBeside('image.txt', bytes), /\[read:binary\]/, 3);
    });

    it('refuses XML-illegal control characters with their line', () => {
      const text = SMALL_ARTICLE.replace('The second paragraph', 'The second\u0007 paragraph');
      const line = text.split('\n').findIndex((value) => value.includes('\u0007')) + 1;
      expectRefused(buildBeside('bell.txt', text), /U\+0007.*\[read:control-character\]/, line);
    });

    it('refuses a file larger than any article', () => {
      expectRefused(buildBeside('huge.txt', 'x'.repeat(17 * 1024 * 1024)), /\[read:too-large\]/);
    });

    it('reports a missing file and still builds the others', () => {
      const dir = scratch();
      const out = path.join(dir, 'out');
      writeFileSync(path.join(dir, 'good.txt'), SMALL_ARTICLE);
      const result = run(['build', path.join(dir, 'missing.txt'), path.join(dir, 'good.txt'), '--out', out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/missing\.txt:1:1: error: no such file or folder.*\[input:missing\]/);
      expect(editionEntries(out)).toEqual(['doe-1945-short-article']);
    });

    it('reads a windows-1252 file correctly and says so', () => {
      const dir = scratch();
      const out = path.join(dir, 'out');
      const latin = SMALL_ARTICLE.replace('Jane Doe', 'José Müller').replace('workers’', 'workers\u2019');
      const bytes = Buffer.from(
        Array.from(latin, (char) => (char === '\u2019' ? 0x92 : char.charCodeAt(0))).filter((code) => code < 256),
      );
      writeFileSync(path.join(dir, 'latin.txt'), bytes);
      const result = run(['build', path.join(dir, 'latin.txt'), '--out', out, '--formats', 'tei']);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/latin\.txt:1:\d+: warning: .*windows-1252.*\[read:encoding\]/);
      const [folder] = editionEntries(out);
      const tei = readFileSync(path.join(out, folder!, `${folder}.tei.xml`), 'utf8');
      expect(tei).toContain('José Müller');
      expect(tei).toContain('workers’ movement');
    });

    it('reports an unwritable output folder and writes nothing', () => {
      const dir = scratch();
      const blocker = path.join(dir, 'a-file');
      writeFileSync(blocker, 'not a folder');
      const result = run(['build', SEED, '--out', path.join(blocker, 'out')]);
      // Checked with the command line, before anything is built, and named by its errno.
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--out .* cannot be written \(ENOTDIR, a part of the path is a file, not a folder\)/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(blocker, 'utf8')).toBe('not a folder');
    });
  });
});
