/**
 * The edition date (issue 9 item 4): `--build-date`, else SOURCE_DATE_EPOCH,
 * else today (UTC); never the source page's "Last updated" date, never
 * 1970-01-01. The source's date stays in the TEI as what it is, a change to
 * the online transcription.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll } from 'vitest';
import { CLI } from './cli-helpers.js';
import { OptionError, resolveBuildDate, resolveSettings } from '../pipeline/settings.js';

const SEED = path.resolve('seeds/wright-1941-soviet-union-at-war.txt');
const SLUG = 'wright-1941-soviet-union-at-war';
const work = mkdtempSync(path.join(tmpdir(), 'tei-press-date-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds the seed with the CLI in an environment of our choosing; returns the TEI and the EPUB's OPF. */
async function buildSeed(name: string, args: string[], env: NodeJS.ProcessEnv) {
  const out = path.join(work, name);
  const result = spawnSync(process.execPath, [CLI, 'build', SEED, '--out', out, ...args], { encoding: 'utf8', env });
  expect(result.status, result.stderr).toBe(0);
  const tei = readFileSync(path.join(out, SLUG, `${SLUG}.tei.xml`), 'utf8');
  const zip = await JSZip.loadAsync(readFileSync(path.join(out, SLUG, `${SLUG}.epub`)));
  const opfName = Object.keys(zip.files).find((file) => file.endsWith('.opf'))!;
  return { tei, opf: await zip.file(opfName)!.async('string') };
}

function withoutEpoch(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.SOURCE_DATE_EPOCH;
  return env;
}

describe('the edition date', () => {
  it('is SOURCE_DATE_EPOCH when set, in publicationStmt, revisionDesc and dcterms:modified; the source date stays a change of the transcription', async () => {
    const { tei, opf } = await buildSeed('epoch', [], { ...process.env, SOURCE_DATE_EPOCH: '1600000000' }); // 2020-09-13T12:26:40Z
    const publication = tei.slice(tei.indexOf('<publicationStmt>'), tei.indexOf('</publicationStmt>'));
    expect(publication).toContain('<date when="2020-09-13">2020-09-13</date>');
    expect(tei).toMatch(/<change when="2020-09-13">TEI edition made with TEI Press/);
    expect(opf).toContain('2020-09-13T00:00:00Z');
    // The page's "Last updated: 28 May 2016" is recorded as what it is, not as the edition date.
    expect(tei).toMatch(/<change when="2016-05-28">Online transcription last updated at the source/);
    expect(publication).not.toContain('2016-05-28');
    expect(tei).not.toMatch(/"1970-01-01"/);
  });

  it('is --build-date over SOURCE_DATE_EPOCH', async () => {
    const { tei } = await buildSeed('option', ['--build-date', '2021-02-03'], { ...process.env, SOURCE_DATE_EPOCH: '1600000000' });
    expect(tei).toMatch(/<change when="2021-02-03">TEI edition made/);
    expect(tei).not.toContain('2020-09-13');
  });

  it('is today (UTC) with neither, not the page date and not 1970', async () => {
    const before = new Date().toISOString().slice(0, 10);
    const { tei } = await buildSeed('today', [], withoutEpoch());
    const after = new Date().toISOString().slice(0, 10);
    const made = /<change when="([^"]+)">TEI edition made/.exec(tei)?.[1];
    expect([before, after]).toContain(made);
  });

  it('comes from resolveBuildDate in that order', () => {
    expect(resolveBuildDate('2001-02-03', { SOURCE_DATE_EPOCH: '0' })).toEqual({ date: '2001-02-03', from: 'option' });
    expect(resolveBuildDate(undefined, { SOURCE_DATE_EPOCH: '86400' })).toEqual({ date: '1970-01-02', from: 'SOURCE_DATE_EPOCH' });
    expect(resolveBuildDate(undefined, {}).from).toBe('today');
    expect(resolveSettings({}, {}).buildDateFrom).toBe('today');
  });

  it('refuses dates that do not exist and epochs that are not seconds', () => {
    for (const bad of ['2020-13-45', '2021-02-29', '2020-00-10', '20-01-01', '2020-1-1', '0000-01-01']) {
      expect(() => resolveBuildDate(bad, {}), bad).toThrow(OptionError);
    }
    expect(resolveBuildDate('2024-02-29', {}).date).toBe('2024-02-29');
    for (const bad of ['abc', '-1', '1.5', '99999999999999999', '1e9']) {
      expect(() => resolveBuildDate(undefined, { SOURCE_DATE_EPOCH: bad }), bad).toThrow(OptionError);
    }
  });
});
