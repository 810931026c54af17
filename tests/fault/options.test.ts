/**
 * Option values are checked when the command line is read (exit 2, nothing
 * built), and an unwritable --out is named by its real errno. The read-only
 * and full-disk cases mount a small tmpfs, which needs root (CI runs as root);
 * elsewhere they are skipped with that reason.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, runCli, SMALL_ARTICLE } from '../cli-helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-options-'));
const INPUT = path.join(work, 'article.txt');
writeFileSync(INPUT, SMALL_ARTICLE);
const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts) spawnSync('umount', [mount]);
  rmSync(work, { recursive: true, force: true });
});

/** Mounts a tmpfs of `size` with `options` at a new folder; undefined when this machine cannot (not root, no mount). */
function tmpfs(name: string, options: string): string | undefined {
  const dir = path.join(work, name);
  mkdirSync(dir);
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, `tei-press-${name}`, dir], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
const MOUNT_REASON = ' — skipped: mounting a small tmpfs needs root (CI runs as root)';

function withEnv(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('option values', () => {
  const out = path.join(work, 'out');
  it.each([
    [['--build-date', '2020-13-45'], /--build-date 2020-13-45 is not a day of the calendar/],
    [['--build-date', '2021-02-29'], /not a day of the calendar/],
    [['--build-date', '5 May 2020'], /--build-date wants a date as YYYY-MM-DD/],
    [['--formats', ','], /--formats wants at least one format/],
    [['--formats', 'tei,docx'], /unknown format "docx"/],
    [['--jobs', '0'], /--jobs wants a whole number of at least 1, got "0"/],
    [['--jobs', 'abc'], /--jobs wants a whole number/],
    [['--jobs', '1.5'], /--jobs wants a whole number/],
  ])('refuses %j with exit 2 before building', (args, message) => {
    const result = runCli(['build', INPUT, '--out', out, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(path.join(out, '.tei-press-manifest.json'))).toBe(false);
  });

  it.each([['abc'], ['99999999999999999'], ['-5'], ['1.5e9']])('refuses SOURCE_DATE_EPOCH=%s with exit 2, not an internal error', (epoch) => {
    const result = withEnv(['build', INPUT, '--out', out], { SOURCE_DATE_EPOCH: epoch });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SOURCE_DATE_EPOCH/);
    expect(result.stderr).not.toMatch(/internal/);
  });

  it('lowers --jobs to the number of cores, with a note', () => {
    const cores = availableParallelism();
    const result = runCli(['build', INPUT, '--out', path.join(work, 'jobs'), '--jobs', String(cores + 28)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`--jobs ${cores + 28} lowered to ${cores}, the number of cores`);
  });

  it('names ENOTDIR when a part of --out is a file', () => {
    const result = runCli(['build', INPUT, '--out', path.join(INPUT, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot be written \(ENOTDIR/);
  });

  it.skipIf(!canMount)('names EROFS, not ENOENT, for --out on a read-only file system' + (canMount ? '' : MOUNT_REASON), () => {
    const readOnly = tmpfs('read-only', 'ro,size=1m');
    expect(readOnly, 'mount failed').toBeDefined();
    const result = runCli(['build', INPUT, '--out', path.join(readOnly!, 'editions', 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot be written \(EROFS, the file system is read-only\)/);
    expect(result.stderr).not.toMatch(/ENOENT/);
  });

  it.skipIf(!canMount)('names ENOSPC when the disk fills, and leaves no half-written edition' + (canMount ? '' : MOUNT_REASON), () => {
    const full = tmpfs('full', 'size=4k');
    expect(full, 'mount failed').toBeDefined();
    const result = runCli(['build', INPUT, '--out', path.join(full!, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\(ENOSPC, no space left on the device\)/);
    expect(existsSync(path.join(full!, 'out', 'doe-1945-short-article'))).toBe(false);
  });

  const canSwitchUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(!canSwitchUser)('names EACCES for a folder the user may not write (run as nobody)' + (canSwitchUser ? '' : ' — skipped: switching to the user nobody needs root and setpriv'), () => {
    const locked = path.join(work, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    spawnSync('chmod', ['755', work]);
    const result = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, 'build', INPUT, '--out', path.join(locked, 'out')], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot be written \(EACCES, permission denied\)/);
  });
});
