/**
 * Suspected slips (issue 10, item 4): found and listed for review with a
 * suggestion and the errata entry that would correct them, never corrected.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findSlips } from '../../pipeline/enrich/slips.js';
import { parseErrata } from '../../pipeline/enrich/errata.js';
import { buildEditions } from '../../pipeline/build.js';

const found = (text: string) => findSlips(text).map((slip) => `${slip.sic} → ${slip.corr}`);

describe('findSlips', () => {
  it('finds a known word where the grammar wants its neighbour on the keyboard', () => {
    expect(found('It must be remembered that revolutions are net made by propaganda.')).toEqual(['net → not']);
    expect(found('They were far form the front.')).toEqual(['form → from']);
  });
  it('finds doubled words and unknown words one letter from a common one', () => {
    expect(found('He went to to the the meeting with tbe others.')).toEqual(['to to → to', 'the the → the', 'tbe → the']);
  });
  it('leaves correct English alone', () => {
    expect(found('The net income was what it had had. He said that that was so; it is a form of protest, far from over, in der Zeit.')).toEqual([]);
  });
});

describe('the seed’s review report', () => {
  it('lists “net made” with its suggestion and the errata entry, and keeps the text as it is', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tei-press-slips-'));
    const batch = await buildEditions(['seeds/wright-1941-soviet-union-at-war.txt'], { outDir: out, formats: ['tei', 'review'], jobs: 1, force: true });
    const files = batch.editions[0]!.outputs;
    const review = JSON.parse(readFileSync(files.find((file) => file.endsWith('.review.json'))!, 'utf8')) as { other: Array<{ category: string; text: string; detail: string; line: number; href: string }> };
    const slips = review.other.filter((item) => item.category === 'slip:suspected');
    expect(slips).toEqual([
      expect.objectContaining({ text: 'are net', line: 172, href: 'wright-1941-soviet-union-at-war.html#d5-p2', detail: expect.stringContaining('suggestion: “not”') }),
    ]);
    // The suggested errata entry is one the errata file accepts, and its passage occurs once in the text.
    const entry = parseErrata(slips[0]!.detail.split(' — ')[1]!.split(' / ').join('\n'), 'suggested')[0]!;
    expect(entry).toMatchObject({ at: 'that revolutions are net made by propaganda,', sic: 'net', corr: 'not' });
    const tei = readFileSync(files.find((file) => file.endsWith('.tei.xml'))!, 'utf8');
    expect(tei.split(entry.at)).toHaveLength(2);
    expect(readFileSync(files.find((file) => file.endsWith('.tei.xml'))!, 'utf8')).toContain('revolutions are net made by propaganda');
  }, 120_000);
});
