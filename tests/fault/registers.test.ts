/**
 * User registers (`--registers DIR`) that cannot be right are errors, not
 * quietly used: a file that is not well-formed XML, two entries of the
 * user's with one xml:id, and (tested in network.test.ts) external entities.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRegisters } from '../../pipeline/enrich/registers.js';
import { runCli, SMALL_ARTICLE } from '../cli-helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-registers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const person = (id: string, name: string) => `<person xml:id="${id}"><persName type="preferred">${name}</persName></person>`;
const register = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<standOff>\n<listPerson>\n${body}\n</listPerson>\n</standOff>\n</TEI>\n`;

/** A folder of register files. */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('user registers', () => {
  it('refuses a file that is not well-formed, naming its line and column', () => {
    const dir = folder('malformed', { 'persons.xml': register(`${person('pers-a', 'Ann Able')}\n<person xml:id="pers-b"><persName>Bob Bell</persName>\n`) });
    expect(() => loadRegisters([dir])).toThrow(/persons\.xml:\d+:\d+: the register is not well-formed XML/);
    const stray = folder('stray-end-tag', { 'persons.xml': register(`${person('pers-a', 'Ann Able')}</place>`) });
    expect(() => loadRegisters([stray])).toThrow(/not well-formed/);
  });

  it('refuses two entries with one xml:id, in one file or in two', () => {
    const one = folder('duplicate-one-file', { 'persons.xml': register(`${person('pers-a', 'Ann Able')}\n${person('pers-a', 'Another Able')}`) });
    expect(() => loadRegisters([one])).toThrow(/xml:id "pers-a" is already given to an entry in .*persons\.xml/);
    const two = folder('duplicate-two-files', { 'a.xml': register(person('pers-x', 'Xan Xu')), 'b.xml': register(person('pers-x', 'Xavier Xu')) });
    expect(() => loadRegisters([two])).toThrow(/b\.xml: xml:id "pers-x" is already given to an entry in .*a\.xml/);
  });

  it('still lets a user entry replace one of ours by its id', () => {
    const ours = loadRegisters([]);
    const [id, entry] = [...ours.entries].find(([, candidate]) => candidate.kind === 'person')!;
    const dir = folder('replaces-ours', { 'persons.xml': register(person(id, `${entry.preferred} (corrected)`)) });
    expect(loadRegisters([dir]).entries.get(id)!.preferred).toBe(`${entry.preferred} (corrected)`);
  });

  it('is a command-line error (exit 2) before anything is built', () => {
    const dir = folder('cli-malformed', { 'persons.xml': '<TEI><listPerson><person xml:id="p"><persName>A</persName></listPerson></TEI>' });
    const input = path.join(work, 'article.txt');
    writeFileSync(input, SMALL_ARTICLE);
    const result = runCli(['build', input, '--out', path.join(work, 'out'), '--registers', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/persons\.xml:1:\d+: the register is not well-formed XML/);
    expect(result.stdout).not.toMatch(/built/);
  });
});
