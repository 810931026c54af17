/**
 * verify-bag on hostile bags: a symbolic link in data/ (or a tag file, or data/
 * itself) to a file outside the bag is reported and never followed, even when
 * the manifest gives the outside file's right checksum; paths that climb out
 * of the bag (already refused) stay refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyBag } from '../../pipeline/bag/verify.js';

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-bag-faults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const OUTSIDE = path.join(work, 'outside-secret.txt');
writeFileSync(OUTSIDE, 'a file outside every bag\n');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A valid bag with data/a.txt, plus whatever `extra` adds; the manifest lists `listed` as well. */
function bag(name: string, listed: Record<string, string>, extra: (dir: string) => void): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  writeFileSync(path.join(dir, 'data', 'a.txt'), 'inside\n');
  const lines = [`${sha256('inside\n')}  data/a.txt`, ...Object.entries(listed).map(([file, text]) => `${sha256(text)}  ${file}`)];
  writeFileSync(path.join(dir, 'manifest-sha256.txt'), `${lines.join('\n')}\n`);
  extra(dir);
  return dir;
}

const rules = async (dir: string) => (await verifyBag(dir)).messages.filter((message) => message.severity === 'error').map((message) => message.ruleId);

describe('verify-bag on hostile bags', () => {
  it('accepts the plain bag these cases start from', async () => {
    expect((await verifyBag(bag('plain', {}, () => undefined))).valid).toBe(true);
  });

  it('reports a payload file that is a symbolic link out of the bag, even with the right checksum, and does not follow it', async () => {
    const dir = bag('linked-file', { 'data/b.txt': 'a file outside every bag\n' }, (d) => symlinkSync(OUTSIDE, path.join(d, 'data', 'b.txt')));
    const result = await verifyBag(dir);
    expect(result.valid).toBe(false);
    expect(result.messages.filter((message) => message.ruleId === 'bag:symlink')).toHaveLength(1);
    expect(result.messages.find((message) => message.ruleId === 'bag:symlink')!.reason).toMatch(/data\/b\.txt is a symbolic link/);
    expect(result.payloadFiles).toBe(1);
  });

  it('reports a linked folder in data/ and a linked data/ itself', async () => {
    const linkedFolder = bag('linked-folder', { 'data/sub/secret.txt': 'a file outside every bag\n' }, (d) => symlinkSync(work, path.join(d, 'data', 'sub')));
    expect(await rules(linkedFolder)).toContain('bag:symlink');
    const linkedData = bag('linked-data', {}, (d) => {
      rmSync(path.join(d, 'data'), { recursive: true });
      const elsewhere = path.join(work, 'elsewhere');
      mkdirSync(elsewhere, { recursive: true });
      writeFileSync(path.join(elsewhere, 'a.txt'), 'inside\n');
      symlinkSync(elsewhere, path.join(d, 'data'));
    });
    expect(await rules(linkedData)).toContain('bag:symlink');
  });

  it('reports a tag file that is a symbolic link, without reading it', async () => {
    const dir = bag('linked-info', {}, (d) => symlinkSync(OUTSIDE, path.join(d, 'bag-info.txt')));
    const result = await verifyBag(dir);
    expect(result.messages.map((message) => message.ruleId)).toContain('bag:symlink');
    expect(result.messages.map((message) => message.ruleId)).not.toContain('bag:info-syntax');
  });

  it('still refuses manifest paths that climb out of the bag', async () => {
    const dir = bag('traversal', { '../outside-secret.txt': 'a file outside every bag\n', 'data/../../outside-secret.txt': 'a file outside every bag\n' }, () => undefined);
    expect((await rules(dir)).filter((rule) => rule === 'bag:unsafe-path')).toHaveLength(2);
  });
});
