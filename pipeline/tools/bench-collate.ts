/**
 * The collation part of the benchmark (`npm run bench`, or alone with
 * `npm run bench -- --collation-only`; issue 10, item 2): the time to collate
 * two witnesses of about 40 KB each, warm, in this thread.
 *
 * 1. the Cliff chapter's 1959 and 1969 editions (../shared/witnesses), from
 *    their block texts as the readers give them: a few real revisions in a
 *    long common text;
 * 2. two made texts of 40 KB: the seed's paragraphs repeated, and a copy with
 *    a change every 60 words (a word replaced, a comma added, two words
 *    transposed, in turn), so that the common runs are short;
 * 3. the same made texts with 3 witnesses.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { collate, tokenizeBlocks } from '../collate/index.js';
import { MessageLog } from '../messages.js';
import { PROJECT_ROOT, resolveSettings } from '../settings.js';
import { assemble, decode, read, type Edition } from '../stages.js';
import { blocksOf } from '../critical/blocks.js';
import { findFirst, textOf } from '../tei/tree.js';

/** The block texts of an input as the readers and the assembler give them. */
async function blockTexts(file: string): Promise<string[]> {
  const settings = resolveSettings({});
  const edition: Edition = { path: file, bytes: readFileSync(file), log: new MessageLog(file) };
  for (const stage of [decode, read, assemble]) await stage(edition, settings);
  return blocksOf(findFirst(edition.tei!, 'text')!).map((block) => textOf(block.element));
}

/** Median time of `runs` runs after two warm-up runs, in ms, and the number of locations found. */
function time(witnesses: string[][], runs = 9): { ms: number; locations: number; kb: number[] } {
  const streams = witnesses.map((blocks) => tokenizeBlocks(blocks).tokens);
  let locations = 0;
  for (let k = 0; k < 2; k++) locations = collate(streams).length;
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    collate(streams);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[runs >> 1]!, locations, kb: witnesses.map((blocks) => Math.round(Buffer.byteLength(blocks.join('\n')) / 1024)) };
}

/** A copy of the paragraphs with a change every `every` words. */
function revise(blocks: readonly string[], every: number, seed: number): string[] {
  let count = seed;
  return blocks.map((block) =>
    block.replace(/(\S+) (\S+)/g, (match, a: string, b: string) => {
      count += 2;
      if (count % every > 1) return match;
      const kind = (count / every) % 3 | 0;
      return kind === 0 ? `${a} changed` : kind === 1 ? `${a}, ${b}` : `${b} ${a}`;
    }),
  );
}

export async function collationBench(say: (text: string) => void): Promise<void> {
  say('\nCollation (two witnesses of about 40 KB; median of 9 warm runs)');
  const witnesses = path.resolve(PROJECT_ROOT, '..', 'shared', 'witnesses');
  const w1959 = path.join(witnesses, 'cliff-1959-rosa-luxemburg-ch5.htm');
  const w1969 = path.join(witnesses, 'cliff-1969-rosa-luxemburg-ch5.htm');
  if (existsSync(w1959) && existsSync(w1969)) {
    const cliff = time([await blockTexts(w1959), await blockTexts(w1969)]);
    say(`  Cliff 1959 / 1969 (${cliff.kb.join(' / ')} KB of text): ${cliff.ms.toFixed(1)} ms, ${cliff.locations} variant locations`);
  } else say(`  Cliff witnesses: skipped, ${witnesses} is missing`);
  const seed = await blockTexts(path.join(PROJECT_ROOT, 'seeds', 'wright-1941-soviet-union-at-war.txt'));
  const base: string[] = [];
  for (let k = 0; Buffer.byteLength(base.join('\n')) < 40_000; k++) base.push(seed[k % seed.length]!);
  const made = time([base, revise(base, 60, 0)]);
  say(`  made, a change every 60 words (${made.kb.join(' / ')} KB): ${made.ms.toFixed(1)} ms, ${made.locations} variant locations`);
  const three = time([base, revise(base, 60, 0), revise(base, 90, 7)]);
  say(`  made, 3 witnesses (${three.kb.join(' / ')} KB): ${three.ms.toFixed(1)} ms, ${three.locations} variant locations`);
}
