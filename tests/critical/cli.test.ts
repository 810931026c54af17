/**
 * `tei-press build … --witnesses` as a user runs it, on small made versions
 * of one article: the command line's checks (exit 2), a paragraph added and a
 * paragraph split (block-level apps), a changed word inside a paragraph, and
 * each version read back from the written TEI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, SMALL_ARTICLE } from '../cli-helpers.js';
import { witnessBlockTexts } from '../../pipeline/critical/witness.js';
import { blocksOf } from '../../pipeline/critical/blocks.js';
import { findFirst, textOf } from '../../pipeline/tei/tree.js';
import { xmlToXast } from './xml.js';

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-critical-cli-'));
const first = path.join(work, 'article-1945.txt');
const second = path.join(work, 'article-1946.txt');
const third = path.join(work, 'article-1947.txt');

beforeAll(() => {
  writeFileSync(first, SMALL_ARTICLE);
  // A word changed and a paragraph added.
  writeFileSync(
    second,
    SMALL_ARTICLE.replace('says something about', 'says a thing about').replace(
      'The second paragraph',
      'An added paragraph stands between the two of the first version.\n\nThe second paragraph',
    ),
  );
  // The second paragraph split in two, with the same words.
  writeFileSync(third, SMALL_ARTICLE.replace('call to action and a final', 'call to action\n\nand a final'));
});

const blockTexts = (file: string, witness?: string) => {
  const text = findFirst(xmlToXast(readFileSync(file, 'utf8')), 'text')!;
  return witness ? witnessBlockTexts(text, witness) : blocksOf(text).map((block) => textOf(block.element));
};

describe('tei-press build --witnesses', () => {
  it('refuses a wrong command line with exit 2 before building', () => {
    expect(runCli(['build', first, '--witnesses', '--out', path.join(work, 'x')])).toMatchObject({ code: 2, stderr: expect.stringContaining('two or more witness files') });
    expect(runCli(['build', first, second, '--witnesses', '--base', third, '--out', path.join(work, 'x')])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not one of the witnesses') });
    expect(runCli(['build', first, second, '--base', first, '--out', path.join(work, 'x')])).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --witnesses') });
  });

  it('names an unusable witness (empty, binary) and builds nothing, exit 1', () => {
    const empty = path.join(work, 'empty-1950.txt');
    writeFileSync(empty, '');
    const run = runCli(['build', first, empty, '--witnesses', '--out', path.join(work, 'bad')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/empty-1950\.txt:1:1: error: the file is empty.*\[read:empty\]/);
    expect(run.stderr).toContain('[critical:witness-unusable]');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('builds one edition whose apparatus has the changed word, the added paragraph and the split one', () => {
    const out = path.join(work, 'out');
    const run = runCli(['build', first, second, third, '--witnesses', '--out', out, '--formats', 'tei,html']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('critical edition of 3 witnesses');
    const tei = path.join(out, 'doe-1945-short-article', 'doe-1945-short-article.tei.xml');
    const xml = readFileSync(tei, 'utf8');
    expect(xml).toMatch(/<app xml:id="app\d+" type="substantive"><lem wit="#wit-1945 #wit-1947"> something<\/lem><rdg wit="#wit-1946" type="substantive"> a thing<\/rdg><\/app>/);
    expect(xml).toMatch(/<app xml:id="app\d+" type="addition"><lem wit="#wit-1945 #wit-1947"\/><rdg wit="#wit-1946" type="addition"><p xml:id="wit-1946-[^"]+">An added paragraph stands between the two of the first version\.<\/p><\/rdg><\/app>/);
    expect(xml).toMatch(/<rdg wit="#wit-1947" type="paragraphing"><p xml:id="wit-1947-[^"]+">The second paragraph ends the article with a call to action<\/p><p xml:id="wit-1947-[^"]+">and a final remark of some length\.<\/p><\/rdg>/);
    for (const [file, witness] of [[first, 'wit-1945'], [second, 'wit-1946'], [third, 'wit-1947']] as const) {
      const alone = runCli(['build', file, '--out', path.join(work, `alone-${witness}`), '--formats', 'tei']);
      expect(alone.code, alone.stderr).toBe(0);
      const own = path.join(work, `alone-${witness}`, 'doe-1945-short-article', 'doe-1945-short-article.tei.xml');
      expect(blockTexts(tei, witness)).toEqual(blockTexts(own));
    }
    expect(readFileSync(path.join(out, 'doe-1945-short-article', 'doe-1945-short-article.html'), 'utf8')).toContain('An added paragraph stands between the two of the first version.');
  }, 120_000);

  it('applies --errata to the reading text of the critical edition; an entry that does not match is an error at its line, exit 1', () => {
    const errata = path.join(work, 'edition.errata');
    writeFileSync(errata, 'at: says something about\nsic: something\ncorr: anything\nwho: Ann Reader\n');
    const out = path.join(work, 'out-errata');
    const run = runCli(['build', first, second, '--witnesses', '--errata', errata, '--out', out, '--formats', 'tei']);
    expect(run.code, run.stderr).toBe(0);
    const xml = readFileSync(path.join(out, 'doe-1945-short-article', 'doe-1945-short-article.tei.xml'), 'utf8');
    // The corrected word is the base's lemma of the variant "something / a thing": the choice is inside the lem.
    expect(xml).toMatch(/<lem wit="#wit-1945"> <choice><sic>something<\/sic><corr resp="#resp-ann-reader" cert="high">anything<\/corr><\/choice><\/lem><rdg wit="#wit-1946" type="substantive"> a thing<\/rdg>/);
    writeFileSync(errata, 'at: says a thing about\nsic: thing\ncorr: word\n');
    const wrong = runCli(['build', first, second, '--witnesses', '--errata', errata, '--out', path.join(work, 'out-errata-2'), '--formats', 'tei']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/edition\.errata:1 quotes "says a thing about", which is not in the text.*\[errata:not-found\]/);
  }, 120_000);
});
