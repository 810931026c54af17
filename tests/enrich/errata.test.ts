/**
 * The editor's errata file (issue 10, item 4): the seed's slip "net made"
 * corrected by the file into choice/sic/corr with @resp and @cert, shown
 * corrected in the print HTML and EPUB with the original recorded, listed in
 * the review report; a passage that is not in the text (or is there twice) is
 * an error at the file's line; a malformed file is a wrong command line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseErrata } from '../../pipeline/enrich/errata.js';
import { InputError } from '../../pipeline/messages.js';
import { runCli } from '../cli-helpers.js';

const SEED = path.resolve('seeds/wright-1941-soviet-union-at-war.txt');
const SLUG = 'wright-1941-soviet-union-at-war';
const work = mkdtempSync(path.join(tmpdir(), 'tei-press-errata-'));
const ERRATA = ['# The seed’s slip', 'at: revolutions are net made by propaganda', 'sic: net', 'corr: not', 'why: the sense requires the negation', 'who: Jane Editor', 'cert: medium', ''].join('\n');

describe('parseErrata', () => {
  it('reads entries separated by blank lines, with defaults', () => {
    const entries = parseErrata(`${ERRATA}\nat: the Soviet masses\nnote: an editorial remark\n`, 'e.txt');
    expect(entries).toEqual([
      { line: 2, at: 'revolutions are net made by propaganda', sic: 'net', corr: 'not', orig: undefined, reg: undefined, note: undefined, why: 'the sense requires the negation', who: 'Jane Editor', cert: 'medium', in: undefined },
      { line: 9, at: 'the Soviet masses', sic: undefined, corr: undefined, orig: undefined, reg: undefined, note: 'an editorial remark', why: undefined, who: 'the editor', cert: 'high', in: undefined },
    ]);
  });
  it('names the line of a malformed entry', () => {
    const cases: Array<[string, RegExp]> = [
      ['at: x y\nsic: z\ncorr: w\n', /e\.txt:1: "z" is not in the passage/],
      ['at: x y\nsic: x\n', /e\.txt:1: give "sic:" with "corr:"/],
      ['\n\nat: x\nfrom: y\n', /e\.txt:4: expected "field: value"/],
      ['at: x\nsic: x\ncorr: y\ncert: sure\n', /cert must be high, medium or low/],
      ['sic: x\ncorr: y\n', /e\.txt:1: the entry has no "at:"/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseErrata(text, 'e.txt')).toThrow(InputError);
      expect(() => parseErrata(text, 'e.txt')).toThrow(message);
    }
  });
});

describe('tei-press build --errata on the seed', () => {
  let out: string;
  beforeAll(() => {
    writeFileSync(path.join(work, 'seed.errata'), ERRATA);
    out = path.join(work, 'out');
    const run = runCli(['build', SEED, '--errata', path.join(work, 'seed.errata'), '--out', out, '--formats', 'tei,html,epub,review', '--jobs', '1']);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);

  it('records the correction as choice/sic/corr with @resp and @cert, the reason as an editorial note, the editor in the header', () => {
    const tei = readFileSync(path.join(out, SLUG, `${SLUG}.tei.xml`), 'utf8');
    expect(tei).toContain('revolutions are <choice><sic>net</sic><corr resp="#resp-jane-editor" cert="medium">not</corr></choice><note type="editorial" resp="#resp-jane-editor" n="ed. 1">the sense requires the negation</note> made by propaganda');
    expect(tei).toMatch(/<respStmt xml:id="resp-jane-editor">\s*<resp>Emendations and editorial notes<\/resp>\s*<name>Jane Editor<\/name>/);
    expect(tei).toContain("1 intervention from the editor's errata file seed.errata");
    // Only the one slip the file names is corrected.
    expect(tei.match(/<choice>/g)).toHaveLength(1);
  });

  it('shows the corrected reading in the print HTML and the EPUB, with the original recorded', () => {
    const html = readFileSync(path.join(out, SLUG, `${SLUG}.html`), 'utf8').replaceAll('\u00AD', ''); // without the print HTML's soft hyphens
    const shown = /revolutions are <span class="tei-choice emendation"><span class="tei-corr"[^>]*>not<\/span><span class="tei-sic"> \[<i>orig\.<\/i> net\]<\/span><\/span>/;
    expect(html).toMatch(shown);
    const epub = spawnSync('unzip', ['-p', path.join(out, SLUG, `${SLUG}.epub`), 'OEBPS/*.xhtml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    expect(epub).toMatch(shown);
  });

  it('lists the emendation in the review report', () => {
    const review = JSON.parse(readFileSync(path.join(out, SLUG, `${SLUG}.review.json`), 'utf8')) as { other: Array<{ category: string; text: string; line: number }> };
    expect(review.other.filter((item) => item.category === 'emendation:applied')).toEqual([
      expect.objectContaining({ text: 'net → not', line: 172 }),
    ]);
    // Corrected, the slip is no longer suspected.
    expect(review.other.filter((item) => item.category === 'slip:suspected')).toEqual([]);
  });

  it('fails the input, naming the errata line, when a passage is not in the text or is there twice', () => {
    writeFileSync(path.join(work, 'stale.errata'), `${ERRATA}\nat: words that are nowhere\nsic: words\ncorr: texts\n\nat: the\nnote: too short to place\n`);
    const run = runCli(['build', SEED, '--errata', path.join(work, 'stale.errata'), '--out', path.join(work, 'stale'), '--formats', 'tei', '--jobs', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: the errata entry at stale\.errata:9 quotes "words that are nowhere", which is not in the text \(any more\).*\[errata:not-found\]/);
    expect(run.stderr).toMatch(/error: the errata entry at stale\.errata:13 quotes "the", which occurs \d+ times in the text.*\[errata:ambiguous\]/);
  }, 120_000);

  it('refuses a malformed errata file as a wrong command line (exit 2), before building', () => {
    writeFileSync(path.join(work, 'bad.errata'), 'at: revolutions are net made\nsic: net\n');
    const run = runCli(['build', SEED, '--errata', path.join(work, 'bad.errata'), '--out', path.join(work, 'bad')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.errata:1: give "sic:" with "corr:".*\[errata:syntax\]/);
    expect(runCli(['build', SEED, '--errata', path.join(work, 'missing.errata'), '--out', path.join(work, 'bad')]).code).toBe(2);
  });
});
