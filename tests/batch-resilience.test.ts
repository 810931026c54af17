/**
 * Batches that survive interruption and company (issue 13 item 3, and the
 * missing-format and worker out-of-memory defects of items 2 and 4), through
 * the CLI in real processes with real signals: kill -9 in a 60-file batch then
 * a rerun that builds only what was unfinished; two builds into one --out at
 * once, both sets listed; Ctrl-C and SIGTERM stop cleanly with a summary and a
 * valid manifest; leftovers of dead processes are cleaned and an edition caught
 * between its two renames is put back; a PDF not made for want of Chromium is
 * made on a later run; a worker out of memory is retried alone or fails with a
 * message. No clock is asserted: each step waits for a state on disk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI, SMALL_ARTICLE } from './cli-helpers.js';
import { readManifest, MANIFEST_NAME } from '../pipeline/batch/cache.js';

/** A generous limit for one step on a loaded two-core machine. */
const STEP = 240_000;

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `tei-press` in its own process; `done` settles when it ends. */
function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

function run(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return start(args, env).done;
}

/** Waits until `condition` holds (polling), or fails after `timeout` ms. */
async function waitFor(condition: () => boolean, what: string, timeout = STEP): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) throw new Error(`gave up waiting for ${what}`);
    await sleep(100);
  }
}

/** Writes `count` small articles with distinct titles (so distinct slugs) into `dir`. */
function articles(dir: string, count: number, tag = ''): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const name = `${tag}${String(i).padStart(2, '0')}`;
    writeFileSync(path.join(dir, `${name}.txt`), SMALL_ARTICLE.replace('A Short Article', `A Short Article ${tag} Number ${i}`));
  }
  return dir;
}

/** Edition folders in an output folder (the visible ones). */
function editionFolders(out: string): string[] {
  return existsSync(out) ? readdirSync(out).filter((name) => name.startsWith('doe-')) : [];
}

/** Temporary names a dead process could leave behind. */
const LEFTOVER = /\.(partial|old)-\d+$|\.tmp$|\.stale$|\.tei-press-manifest\.lock$|\.tei-press-manifest\.journal$/;

const SUMMARY = /(\d+) inputs?: (\d+) built, (\d+) skipped, (\d+) failed/;

function counts(stdout: string) {
  const match = SUMMARY.exec(stdout);
  expect(match, stdout).not.toBeNull();
  const [, inputs, built, skipped, failed] = match!.map(Number);
  return { inputs, built, skipped, failed };
}

/** Rows of the corpus index (one per edition listed). */
function indexRows(out: string): string[] {
  return [...readFileSync(path.join(out, 'index.html'), 'utf8').matchAll(/<tr id="ed-([^"]+)">/g)].map((match) => match[1]!);
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'tei-press-resilience-'));
}

/** The PID of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('build/cli.js is missing: run "npm run build" first (npm ci runs it)');
});

describe('a batch killed with kill -9', () => {
  it('is resumed by a rerun that builds only the unfinished inputs', async () => {
    const dir = tempDir();
    const inputs = articles(path.join(dir, 'in'), 60);
    const out = path.join(dir, 'out');
    const args = ['build', inputs, '--out', out, '--formats', 'tei', '--jobs', '2'];
    const first = start(args);
    await waitFor(() => editionFolders(out).length >= 10, '10 editions on disk');
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');

    // What was recorded before the kill (manifest and journal) is on disk, each with its folder.
    const recordedInputs = Object.keys((await readManifest(out)).entries);
    const recorded = Object.values((await readManifest(out)).entries);
    expect(recorded.length).toBeGreaterThanOrEqual(9);
    expect(recorded.length, 'the batch ended before it could be killed').toBeLessThan(60);
    for (const entry of recorded) expect(existsSync(path.join(out, entry.slug, `${entry.slug}.tei.xml`)), entry.slug).toBe(true);

    const rerun = await run(args);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(counts(rerun.stdout)).toEqual({ inputs: 60, built: 60 - recorded.length, skipped: recorded.length, failed: 0 });
    const skipped = rerun.stdout.split('\n').filter((line) => / skipped /.test(line)).map((line) => line.split(' ')[2]);
    expect(skipped.sort()).toEqual(recordedInputs.sort());
    expect(readdirSync(out).filter((name) => LEFTOVER.test(name))).toEqual([]);
    expect(Object.keys(JSON.parse(readFileSync(path.join(out, MANIFEST_NAME), 'utf8')).entries)).toHaveLength(60);
    expect(indexRows(out)).toHaveLength(60);
  }, 2 * STEP);
});

describe('two builds into one --out at once', () => {
  it('both finish, and every edition of both is in the manifest and the index', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const a = articles(path.join(dir, 'a'), 30, 'A');
    const b = articles(path.join(dir, 'b'), 30, 'B');
    // One input in each set with the same title: the two editions must not overwrite each other.
    writeFileSync(path.join(a, 'shared.txt'), SMALL_ARTICLE.replace('A Short Article', 'Shared Title').replace('a final remark', 'a remark from set A'));
    writeFileSync(path.join(b, 'shared.txt'), SMALL_ARTICLE.replace('A Short Article', 'Shared Title').replace('a final remark', 'a remark from set B'));
    const [first, second] = await Promise.all([
      run(['build', a, '--out', out, '--formats', 'tei', '--jobs', '1']),
      run(['build', b, '--out', out, '--formats', 'tei', '--jobs', '1']),
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(counts(first.stdout).built).toBe(31);
    expect(counts(second.stdout).built).toBe(31);

    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_NAME), 'utf8')) as Awaited<ReturnType<typeof readManifest>>;
    const entries = Object.entries(manifest.entries);
    expect(entries).toHaveLength(62);
    const slugs = entries.map(([, entry]) => entry.slug);
    expect(new Set(slugs).size).toBe(62);
    for (const [input, entry] of entries) {
      const tei = readFileSync(path.join(out, entry.slug, `${entry.slug}.tei.xml`), 'utf8');
      if (path.basename(input) === 'shared.txt') expect(tei).toContain(`a remark from set ${path.basename(path.dirname(input)).toUpperCase()}`);
      else expect(tei).toContain(`Article ${path.basename(input)[0]} Number ${Number(path.basename(input).slice(1, 3))}<`);
    }
    expect(slugs.filter((slug) => slug.startsWith('doe-1945-shared-title')).sort()).toEqual(['doe-1945-shared-title', 'doe-1945-shared-title-2']);
    expect(indexRows(out).sort()).toEqual([...slugs].sort());
    expect(readdirSync(out).filter((name) => LEFTOVER.test(name))).toEqual([]);
  }, 2 * STEP);
});

describe('a batch stopped by a signal', () => {
  it('on Ctrl-C (SIGINT) finishes what is in flight, writes the manifest and the summary, exits 130', async () => {
    const dir = tempDir();
    const inputs = articles(path.join(dir, 'in'), 60);
    const out = path.join(dir, 'out');
    const args = ['build', inputs, '--out', out, '--formats', 'tei', '--jobs', '2'];
    const first = start(args);
    await waitFor(() => editionFolders(out).length >= 5, '5 editions on disk');
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).not.toMatch(/\n\s+at /);
    const summary = counts(stopped.stdout);
    expect(summary.failed).toBe(0);
    expect(summary.built).toBeGreaterThanOrEqual(5);
    expect(stopped.stdout).toContain(`stopped by SIGINT: ${60 - summary.built} more inputs not built`);
    // The manifest is whole (no journal left) and lists exactly what the summary says was built.
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_NAME), 'utf8')) as Awaited<ReturnType<typeof readManifest>>;
    expect(Object.keys(manifest.entries)).toHaveLength(summary.built);
    expect(indexRows(out)).toHaveLength(summary.built);
    expect(readdirSync(out).filter((name) => LEFTOVER.test(name))).toEqual([]);
    expect(editionFolders(out)).toHaveLength(summary.built);

    const rerun = await run(args);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(counts(rerun.stdout)).toEqual({ inputs: 60, built: 60 - summary.built, skipped: summary.built, failed: 0 });
  }, 2 * STEP);

  it('on SIGTERM likewise, exiting 143', async () => {
    const dir = tempDir();
    const inputs = articles(path.join(dir, 'in'), 60);
    const out = path.join(dir, 'out');
    const first = start(['build', inputs, '--out', out, '--formats', 'tei', '--jobs', '1']);
    await waitFor(() => editionFolders(out).length >= 2, '2 editions on disk');
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(143);
    const summary = counts(stopped.stdout);
    expect(stopped.stdout).toContain(`stopped by SIGTERM: ${60 - summary.built} more inputs not built`);
    expect(Object.keys(JSON.parse(readFileSync(path.join(out, MANIFEST_NAME), 'utf8')).entries)).toHaveLength(summary.built);
  }, STEP);
});

describe('a batch stopped by a signal, more cases', () => {
  it('on a second Ctrl-C ends the work in flight too, and still writes the manifest and the summary', async () => {
    const dir = tempDir();
    const inputs = articles(path.join(dir, 'in'), 60);
    const out = path.join(dir, 'out');
    const first = start(['build', inputs, '--out', out, '--formats', 'tei,html', '--jobs', '2']);
    await waitFor(() => editionFolders(out).length >= 3, '3 editions on disk');
    first.child.kill('SIGINT');
    await sleep(50);
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).not.toMatch(/\n\s+at |internal error/);
    const summary = counts(stopped.stdout);
    expect(summary.failed).toBe(0);
    expect(stopped.stdout).toContain(`stopped by SIGINT: ${60 - summary.built} more inputs not built`);
    expect(Object.keys(JSON.parse(readFileSync(path.join(out, MANIFEST_NAME), 'utf8')).entries)).toHaveLength(summary.built);
    expect(readdirSync(out).filter((name) => LEFTOVER.test(name))).toEqual([]);
  }, STEP);

  const chromium = process.env.TEI_PRESS_CHROMIUM ?? '/usr/bin/chromium';
  it.skipIf(!existsSync(chromium))('making PDFs with one job, still ends with its summary (Chromium’s driver does not exit first)', async () => {
    const dir = tempDir();
    const inputs = articles(path.join(dir, 'in'), 8);
    const out = path.join(dir, 'out');
    const first = start(['build', inputs, '--out', out, '--formats', 'tei,pdf', '--jobs', '1'], { TEI_PRESS_CHROMIUM: chromium });
    await waitFor(() => editionFolders(out).length >= 1, 'an edition on disk');
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    const summary = counts(stopped.stdout);
    expect(stopped.stdout).toContain(`stopped by SIGINT: ${8 - summary.built} more input`);
    expect(Object.keys(JSON.parse(readFileSync(path.join(out, MANIFEST_NAME), 'utf8')).entries)).toHaveLength(summary.built);
  }, STEP);
});

describe('leftovers of a dead process', () => {
  it('are cleaned at the next run, and an edition caught between its two renames is put back, not lost', async () => {
    const dir = tempDir();
    const inputs = articles(path.join(dir, 'in'), 2);
    const out = path.join(dir, 'out');
    const args = ['build', inputs, '--out', out, '--formats', 'tei', '--jobs', '1'];
    expect((await run(args)).code).toBe(0);
    const [first, second] = editionFolders(out).sort() as [string, string];
    const dead = deadPid();
    const live = process.pid;
    // Killed after moving the old edition aside, before renaming the new one in.
    renameSync(path.join(out, first), path.join(out, `.${first}.old-${dead}`));
    mkdirSync(path.join(out, `.${first}.partial-${dead}`));
    writeFileSync(path.join(out, `.${first}.partial-${dead}`, `${first}.tei.xml`), 'half');
    mkdirSync(path.join(out, `.${second}.partial-${dead}`));
    writeFileSync(path.join(out, `${MANIFEST_NAME}.${dead}.tmp`), '{');
    writeFileSync(path.join(out, `index.html.${dead}.tmp`), '<');
    writeFileSync(path.join(out, '.tei-press-manifest.lock'), `${dead}\n`);
    // A running process's temporary files are its own.
    mkdirSync(path.join(out, `.${second}.partial-${live}`));
    writeFileSync(path.join(out, `index.html.${live}.tmp`), '<');

    const rerun = await run(args);
    expect(rerun.code, rerun.stderr).toBe(0);
    // Put back, so nothing needs building again.
    expect(counts(rerun.stdout)).toEqual({ inputs: 2, built: 0, skipped: 2, failed: 0 });
    expect(rerun.stderr).toContain('[output:recovered]');
    expect(readFileSync(path.join(out, first, `${first}.tei.xml`), 'utf8')).toContain('<TEI');
    expect(readdirSync(out).filter((name) => LEFTOVER.test(name)).sort()).toEqual([`.${second}.partial-${live}`, `index.html.${live}.tmp`].sort());
  }, STEP);
});

describe('a format that could not be made', () => {
  const chromium = process.env.TEI_PRESS_CHROMIUM ?? '/usr/bin/chromium';
  it.skipIf(!existsSync(chromium))('is made by a later run once its tool is there, not skipped as unchanged', async () => {
    const dir = tempDir();
    const inputs = articles(path.join(dir, 'in'), 1);
    const out = path.join(dir, 'out');
    const args = ['build', inputs, '--out', out, '--formats', 'tei,pdf', '--jobs', '1'];
    const without = await run(args, { TEI_PRESS_CHROMIUM: path.join(dir, 'no-chromium') });
    expect(without.code, without.stderr).toBe(0);
    expect(without.stderr).toContain('[pdf:no-chromium]');
    const [slug] = editionFolders(out) as [string];
    expect(existsSync(path.join(out, slug, `${slug}.pdf`))).toBe(false);
    expect(Object.values((await readManifest(out)).entries)[0]!.missing).toEqual(['pdf']);

    const withChromium = await run(args, { TEI_PRESS_CHROMIUM: chromium });
    expect(withChromium.code, withChromium.stderr).toBe(0);
    expect(counts(withChromium.stdout)).toEqual({ inputs: 1, built: 1, skipped: 0, failed: 0 });
    expect(readFileSync(path.join(out, slug, `${slug}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Object.values((await readManifest(out)).entries)[0]!.missing).toBeUndefined();

    const again = await run(args, { TEI_PRESS_CHROMIUM: chromium });
    expect(counts(again.stdout)).toEqual({ inputs: 1, built: 0, skipped: 1, failed: 0 });
  }, 2 * STEP);
});

describe('a worker that runs out of memory', () => {
  it('has its input built again alone with a larger heap', async () => {
    const dir = tempDir();
    const inputs = articles(path.join(dir, 'in'), 3);
    const out = path.join(dir, 'out');
    // 16 MB cannot even hold the stylesheets: every pool worker runs out.
    const result = await run(['build', inputs, '--out', out, '--formats', 'tei', '--jobs', '2'], { TEI_PRESS_WORKER_HEAP_MB: '16' });
    expect(result.code, result.stderr).toBe(0);
    expect(counts(result.stdout)).toEqual({ inputs: 3, built: 3, skipped: 0, failed: 0 });
    for (const name of ['00', '01', '02']) {
      expect(result.stderr).toMatch(new RegExp(`${name}\\.txt:\\d+:\\d+: info: the build worker ran out of memory on this input \\(a 16 MB heap\\).*\\[build:out-of-memory-retried\\]`));
    }
  }, STEP);

  it('fails that input with a message naming the file when it runs out again, and the batch goes on', async () => {
    const dir = tempDir();
    const inputs = articles(path.join(dir, 'in'), 2);
    const out = path.join(dir, 'out');
    const result = await run(['build', inputs, '--out', out, '--formats', 'tei', '--jobs', '2'], { TEI_PRESS_WORKER_HEAP_MB: '16', TEI_PRESS_RETRY_HEAP_MB: '16' });
    expect(result.code).toBe(1);
    expect(counts(result.stdout)).toEqual({ inputs: 2, built: 0, skipped: 0, failed: 2 });
    for (const name of ['00', '01']) expect(result.stderr).toMatch(new RegExp(`${name}\\.txt:\\d+:\\d+: error: building this input ran out of memory .*\\[build:out-of-memory\\]`));
    expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  }, STEP);
});
