/** Shared by the tests that drive the CLI as a user does: how to run it, and a short article to build. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The compiled CLI (`npm run build` makes it; `npm ci` runs that). */
export const CLI = path.resolve('build/cli.js');

/** Runs `tei-press` with the given arguments in a new Node process. */
export function runCli(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A short article in the seed's shape (slug `doe-1945-short-article`), quick to build beside other inputs. */
export const SMALL_ARTICLE = [
  'Jane Doe',
  '',
  'A Short Article',
  '',
  '(March 1945)',
  '',
  '',
  'From Fourth International, Vol. 6 No. 3, March 1945, pp. 80–81.',
  'Transcribed & marked up by Einde O’Callaghan for the Encyclopaedia of Trotskyism On-Line (ETOL).',
  '',
  '',
  'The first paragraph of the article says something about the workers’ movement in the spring of the year.',
  '',
  'The second paragraph ends the article with a call to action and a final remark of some length.',
  '',
  '',
  'Last updated: 1 March 2010',
  '',
].join('\n');
