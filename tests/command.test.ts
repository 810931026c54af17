/**
 * Command tests (tests/command/*.cmd, see its README): each case runs the
 * real CLI in an empty folder with the files it gives, and compares the exit
 * code, everything printed, and the files left behind.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesUnder } from './files.js';

const root = path.resolve(import.meta.dirname, '..');
const folder = path.join(root, 'tests', 'command');
const cli = path.join(root, 'build', 'cli.js');

export interface CommandCase {
  file: string;
  line: number;
  args: string[];
  files: Map<string, string>;
  exit: number;
  output: string;
  leaves?: string[];
}

/** Splits a command line into words; double or single quotes group words. */
export function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** The cases of one .cmd file. */
export function parseCases(file: string, text: string): CommandCase[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const cases: CommandCase[] = [];
  let current: CommandCase | undefined;
  let section: 'file' | 'output' | 'leaves' | undefined;
  let fileName = '';
  for (const [index, line] of lines.entries()) {
    if (line.startsWith('% ')) {
      const args = words(line.slice(2));
      if (args[0] !== 'tei-press') throw new Error(`${file}:${index + 1}: a command starts with "tei-press"`);
      current = { file, line: index + 1, args: args.slice(1), files: new Map(), exit: NaN, output: '' };
      cases.push(current);
      section = undefined;
    } else if (!current) {
      continue; // the description
    } else if (line.startsWith('<<< ')) {
      fileName = line.slice(4).trim();
      current.files.set(fileName, '');
      section = 'file';
    } else if (line.startsWith('>>> ')) {
      current.exit = Number(line.slice(4));
      section = 'output';
    } else if (line === '=== files') {
      current.leaves = [];
      section = 'leaves';
    } else if (section === 'file') {
      current.files.set(fileName, `${current.files.get(fileName)}${line}\n`);
    } else if (section === 'output') {
      current.output += `${line}\n`;
    } else if (section === 'leaves') {
      if (line.trim()) current.leaves!.push(line.trim());
    }
  }
  for (const found of cases) if (Number.isNaN(found.exit)) throw new Error(`${file}:${found.line}: the case has no ">>> EXIT" line`);
  return cases;
}


const trimmed = (text: string) => text.split('\n').map((line) => line.trimEnd()).join('\n').trim();

describe('the case parser', () => {
  it('reads commands, files, exit codes, output and the files left', () => {
    const [found] = parseCases('x.cmd', 'About.\n\n% tei-press build "a b.txt" --out out\n<<< a b.txt\nline 1\n>>> 0\nbuilt\n=== files\nout/x\n');
    expect(found).toMatchObject({ args: ['build', 'a b.txt', '--out', 'out'], exit: 0, output: 'built\n', leaves: ['out/x'] });
    expect(found!.files.get('a b.txt')).toBe('line 1\n');
    expect(() => parseCases('y.cmd', '% tei-press build\n')).toThrow(/y\.cmd:1: the case has no ">>> EXIT" line/);
  });
});

const caseFiles = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.cmd')).sort() : [];

describe('command tests', () => {
  it('exist', () => expect(caseFiles.length).toBeGreaterThan(2));
  for (const name of caseFiles) {
    for (const found of parseCases(name, readFileSync(path.join(folder, name), 'utf8'))) {
      it(`${name}:${found.line}: tei-press ${found.args.join(' ')}`, () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'tei-press-command-'));
        for (const [file, text] of found.files) {
          mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          writeFileSync(path.join(dir, file), text);
        }
        const run = spawnSync(process.execPath, [cli, ...found.args], { cwd: dir, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1' } });
        expect(trimmed(run.stdout + run.stderr)).toBe(trimmed(found.output));
        expect(run.status).toBe(found.exit);
        if (found.leaves) expect(filesUnder(dir).filter((file) => !found.files.has(file))).toEqual([...found.leaves].sort());
      }, 180_000);
    }
  }
});
