/**
 * The BagIt deposit (issue 5, item 3): a built bag verifies, every kind of
 * damage is reported with its rule id, Payload-Oxum is right, and two builds
 * give byte-identical bags. Needs the compiled stylesheets (`npm run build`).
 * The PDF inside a bag is tested in pdf.test.ts, which needs Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { buildEditions } from '../pipeline/build.js';
import { verifyBag } from '../pipeline/bag/verify.js';
import { makeBag } from '../pipeline/writers/bag.js';
import { decodeManifestPath, encodeManifestPath, parseBagInfo } from '../pipeline/bag/format.js';
import { formatMessage } from '../pipeline/messages.js';
import { filesUnder } from './files.js';

const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';
const SLUG = 'wright-1941-soviet-union-at-war';

let work: string;
let bag: string;


/** A fresh copy of the built bag to damage. */
function copyOfBag(name: string): string {
  const copy = path.join(work, 'damaged', name);
  cpSync(bag, copy, { recursive: true });
  return copy;
}

function rulesOf(messages: { ruleId: string; severity: string }[]): string[] {
  return messages.filter((message) => message.severity === 'error').map((message) => message.ruleId);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'tei-press-bag-'));
  const batch = await buildEditions([SEED], { outDir: path.join(work, 'one'), formats: ['bag'] });
  expect(batch.editions[0]!.messages.filter((m) => m.severity === 'error')).toEqual([]);
  expect(batch.editions[0]!.status).toBe('built');
  bag = path.join(work, 'one', SLUG, `${SLUG}-bag`);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a built bag', () => {
  it('has the RFC 8493 layout, with the source bytes and the edition files as payload', () => {
    expect(filesUnder(bag)).toEqual([
      'bag-info.txt',
      'bagit.txt',
      'data/source/wright-1941-soviet-union-at-war.txt',
      `data/${SLUG}.archive.tei.xml`,
      `data/${SLUG}.epub`,
      `data/${SLUG}.html`,
      'manifest-sha256.txt',
      'tagmanifest-sha256.txt',
    ]);
    expect(readFileSync(path.join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(readFileSync(path.join(bag, 'data/source/wright-1941-soviet-union-at-war.txt')).equals(readFileSync(SEED))).toBe(true);
    // The payload is byte for byte what the build wrote beside the bag: the bag was made after the other writers.
    for (const name of [`${SLUG}.archive.tei.xml`, `${SLUG}.epub`, `${SLUG}.html`]) {
      expect(readFileSync(path.join(bag, 'data', name)).equals(readFileSync(path.join(bag, '..', name))), name).toBe(true);
    }
  });

  it('lists every payload file with its real SHA-256, and every tag file in the tag manifest', () => {
    const manifest = readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8');
    const expected = filesUnder(path.join(bag, 'data'))
      .map((name) => `${createHash('sha256').update(readFileSync(path.join(bag, 'data', name))).digest('hex')}  data/${name}\n`)
      .join('');
    expect(manifest).toBe(expected);
    const tagged = readFileSync(path.join(bag, 'tagmanifest-sha256.txt'), 'utf8').trim().split('\n').map((line) => line.split('  ')[1]);
    expect(tagged).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
  });

  it('describes the edition in bag-info.txt from the TEI header, dated by the build, not the clock', () => {
    const info = readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    const fields = Object.fromEntries(parseBagInfo(info).fields.map((field) => [field.label, field.value]));
    // No edition settings: no publisher is claimed, so no Source-Organization (edition-config.test.ts gives one).
    expect(fields['Source-Organization']).toBeUndefined();
    expect(fields['External-Description']).toContain('Edition made with TEI Press from the transcription');
    expect(fields['External-Description']).toContain('The Soviet Union at War, by John G. Wright.');
    expect(fields['External-Description']).toContain('From Fourth International, Vol. 2 No. 7, August 1941, pp. 217–221.');
    expect(fields['External-Description']).toContain('archival TEI P5, EPUB 3 and print HTML');
    // No --build-date was given: the date is SOURCE_DATE_EPOCH's (vitest.config.ts), not the page's "Last updated: 28 May 2016".
    expect(fields['Bagging-Date']).toBe('2025-01-02');
    expect(fields['Bag-Software-Agent']).toMatch(/^TEI Press \d+\.\d+\.\d+$/);
    expect(fields['External-Identifier']).toBe(SLUG);
  });

  it('takes Bagging-Date from --build-date when one is given', async () => {
    const dated = await buildEditions([SEED], { outDir: path.join(work, 'dated'), formats: ['bag'], buildDate: '2020-02-03' });
    expect(dated.editions[0]!.status).toBe('built');
    expect(readFileSync(path.join(work, 'dated', SLUG, `${SLUG}-bag`, 'bag-info.txt'), 'utf8')).toContain('\nBagging-Date: 2020-02-03\n');
  });

  it('gives the right Payload-Oxum (octets.files of data/)', () => {
    const payload = filesUnder(path.join(bag, 'data'));
    const octets = payload.reduce((sum, name) => sum + statSync(path.join(bag, 'data', name)).size, 0);
    const info = readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`Payload-Oxum: ${octets}.${payload.length}\n`);
    expect(payload.length).toBe(4);
  });

  it('verifies', async () => {
    const result = await verifyBag(bag);
    expect(result.messages).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.payloadFiles).toBe(4);
  });

  it('is byte-identical on a second build', async () => {
    const again = await buildEditions([SEED], { outDir: path.join(work, 'two'), formats: ['bag'] });
    expect(again.editions[0]!.status).toBe('built');
    const second = path.join(work, 'two', SLUG, `${SLUG}-bag`);
    const names = filesUnder(bag);
    expect(filesUnder(second)).toEqual(names);
    for (const name of names) expect(readFileSync(path.join(second, name)).equals(readFileSync(path.join(bag, name))), name).toBe(true);
  });
});

describe('verification fails on a damaged bag', () => {
  it('when any payload byte changes, naming the file', async () => {
    const copy = copyOfBag('byte');
    const target = path.join(copy, 'data', `${SLUG}.epub`);
    const bytes = readFileSync(target);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(target, bytes);
    const result = await verifyBag(copy);
    expect(result.valid).toBe(false);
    // Same size, so Payload-Oxum still agrees: only the checksum can catch it.
    expect(rulesOf(result.messages)).toEqual(['bag:altered']);
    expect(result.messages[0]!.reason).toContain(`data/${SLUG}.epub is altered`);
    expect(result.messages[0]!.file).toBe(path.join(copy, 'manifest-sha256.txt'));
  });

  it('when a payload file is deleted', async () => {
    const copy = copyOfBag('deleted');
    unlinkSync(path.join(copy, 'data', `${SLUG}.html`));
    const result = await verifyBag(copy);
    expect(rulesOf(result.messages).sort()).toEqual(['bag:missing-file', 'bag:payload-oxum']);
    expect(result.messages.find((m) => m.ruleId === 'bag:missing-file')!.reason).toContain(`data/${SLUG}.html is listed but missing`);
  });

  it('when an extra file is added to the payload', async () => {
    const copy = copyOfBag('extra');
    writeFileSync(path.join(copy, 'data', 'source', 'notes.txt'), 'added after bagging\n');
    const result = await verifyBag(copy);
    expect(rulesOf(result.messages).sort()).toEqual(['bag:extra-file', 'bag:payload-oxum']);
    expect(result.messages.find((m) => m.ruleId === 'bag:extra-file')!.reason).toContain('data/source/notes.txt is in the payload but not listed');
  });

  it('when bag-info.txt is edited', async () => {
    const copy = copyOfBag('info');
    appendFileSync(path.join(copy, 'bag-info.txt'), 'Contact-Name: Someone Else\n');
    const result = await verifyBag(copy);
    expect(rulesOf(result.messages)).toEqual(['bag:altered']);
    expect(result.messages[0]!.reason).toContain('bag-info.txt is altered');
    expect(result.messages[0]!.file).toBe(path.join(copy, 'tagmanifest-sha256.txt'));
  });

  it('when Payload-Oxum is wrong, even if the tag manifest was updated to match', async () => {
    const copy = copyOfBag('oxum');
    const infoFile = path.join(copy, 'bag-info.txt');
    writeFileSync(infoFile, readFileSync(infoFile, 'utf8').replace(/Payload-Oxum: \d+\.(\d+)/, 'Payload-Oxum: 1.$1'));
    const tagFile = path.join(copy, 'tagmanifest-sha256.txt');
    const digest = createHash('sha256').update(readFileSync(infoFile)).digest('hex');
    writeFileSync(tagFile, readFileSync(tagFile, 'utf8').replace(/^[0-9a-f]+(?=  bag-info\.txt$)/m, digest));
    const result = await verifyBag(copy);
    expect(rulesOf(result.messages)).toEqual(['bag:payload-oxum']);
    // Payload-Oxum is the fourth line: without edition settings bag-info has no Source-Organization.
    expect(result.messages[0]!.place).toEqual({ line: 4 });
  });

  it('when bagit.txt is missing or a manifest line is broken, reporting every problem', async () => {
    const copy = copyOfBag('several');
    unlinkSync(path.join(copy, 'bagit.txt'));
    appendFileSync(path.join(copy, 'manifest-sha256.txt'), 'not a manifest line\n0123  ../outside.txt\n');
    const result = await verifyBag(copy);
    const rules = rulesOf(result.messages);
    expect(rules).toContain('bag:declaration');
    expect(rules).toContain('bag:manifest-syntax');
    expect(rules).toContain('bag:unsafe-path');
    // bagit.txt is listed in the tag manifest, so its absence is reported there too; the edited manifest is altered.
    expect(rules).toContain('bag:missing-file');
    expect(rules).toContain('bag:altered');
  });

  it('when the folder is not there', async () => {
    const result = await verifyBag(path.join(work, 'no-such-bag'));
    expect(rulesOf(result.messages)).toEqual(['bag:not-a-bag']);
  });
});

describe('tei-press verify-bag', () => {
  const cli = path.resolve('build/cli.js');
  it('exits 0 on a good bag and 1 with file:line:col messages on a damaged one', () => {
    expect(execFileSync('node', [cli, 'verify-bag', bag], { encoding: 'utf8' })).toContain('valid bag');
    const copy = copyOfBag('cli');
    writeFileSync(path.join(copy, 'data', `${SLUG}.html`), 'changed');
    let status = 0;
    let stderr = '';
    try {
      execFileSync('node', [cli, 'verify-bag', copy], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const failure = error as { status: number; stderr: string };
      status = failure.status;
      stderr = failure.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/manifest-sha256\.txt:\d+:1: error: data\/wright-1941-soviet-union-at-war\.html is altered: sha256 expected [0-9a-f]{64}, found [0-9a-f]{64} \[bag:altered\]/);
    expect(stderr).toContain('[bag:payload-oxum]');
    expect(stderr).not.toContain('    at ');
  });
});

describe('bag files made directly', () => {
  it('encode awkward file names as RFC 8493 asks and still verify', async () => {
    expect(encodeManifestPath('a%b\nc\rd e')).toBe('a%25b%0Ac%0Dd e');
    expect(decodeManifestPath('a%25b%0Ac%0dd e')).toBe('a%b\nc\rd e');
    const files = makeBag(
      [
        { path: 'odd name 100%.txt', data: 'percent' },
        { path: 'deep/ü.txt', data: new Uint8Array([0, 1, 2, 255]) },
      ],
      { sourceOrganization: 'Org', externalDescription: 'A  test\nbag', externalIdentifier: 'x', baggingDate: '2000-01-02', softwareAgent: 'TEI Press test' },
    );
    const folder = path.join(work, 'direct');
    for (const file of files) {
      const target = path.join(folder, file.name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.data);
    }
    expect(readFileSync(path.join(folder, 'manifest-sha256.txt'), 'utf8')).toContain('  data/odd name 100%25.txt\n');
    expect(readFileSync(path.join(folder, 'bag-info.txt'), 'utf8')).toContain('External-Description: A test bag\nExternal-Identifier: x\nBagging-Date: 2000-01-02\nPayload-Oxum: 11.2\n');
    const result = await verifyBag(folder);
    expect(result.messages.map((message) => formatMessage(message))).toEqual([]);
  });

  it('parse continued bag-info lines', () => {
    expect(parseBagInfo('A: one\n  two\nB:three\n').fields.map((f) => [f.label, f.value])).toEqual([
      ['A', 'one two'],
      ['B', 'three'],
    ]);
  });
});
