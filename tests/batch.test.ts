/**
 * Batch builds (issue 4, items 3–5), end to end through the CLI as a user runs
 * it: a folder of good and bad inputs builds the good ones on worker threads,
 * reports every bad one, ends with a correct summary and exit code; outputs are
 * the same bytes with one thread or several; slug clashes are settled by input
 * order; a second run skips unchanged inputs, `--force` rebuilds them; the
 * corpus index lists every edition and the register who is mentioned where.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, runCli as run, SMALL_ARTICLE as TEXT_ARTICLE } from './cli-helpers.js';
import { renderCorpusIndex } from '../pipeline/batch/corpus.js';
import { summarize } from '../pipeline/batch/summary.js';
import { settleSlug } from '../pipeline/batch/run.js';
import { el, type Root } from '../pipeline/tei/tree.js';




const HTML_ARTICLE = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Richard Roe: On Branch Meetings</title></head>
<body>
<p class="linkback"><a href="../index.htm">Roe Archive</a>&nbsp;&nbsp; | &nbsp;&nbsp;<a href="../../index.htm">ETOL Main Page</a></p>
<h2>Richard Roe</h2>
<h1>On Branch Meetings</h1>
<h3>(May 1946)</h3>
<hr class="end">
<p class="information"><span class="info">From</span> <strong>The Militant</strong>, Vol.&nbsp;10 No.&nbsp;20, 18 May 1946, p.&nbsp;4.<br>
<span class="info">Transcribed &amp; marked up</span> by Einde O&#8217;Callaghan for the <strong>Encyclopaedia of Trotskyism On-Line (ETOL)</strong>.</p>
<hr class="end">
<p class="fst">Branch meetings should begin on time and end on time, so that the members can plan their week.</p>
<p>A short report, a discussion and a decision: that is the order of business that works best.</p>
<p class="updat">Last updated: 3 June 2012</p>
</body></html>
`;

/** A folder with two good inputs (text and HTML), an empty file and a binary one. */
function mixedFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tei-press-batch-'));
  const inputs = path.join(dir, 'in');
  mkdirSync(inputs);
  writeFileSync(path.join(inputs, 'a-short-article.txt'), TEXT_ARTICLE);
  writeFileSync(path.join(inputs, 'b-branch-meetings.htm'), HTML_ARTICLE);
  writeFileSync(path.join(inputs, 'c-empty.txt'), '');
  writeFileSync(path.join(inputs, 'd-binary.htm'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
  return dir;
}

/** Every file under a folder, by relative path. */
function filesUnder(root: string, dir = root): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [key, value] of filesUnder(root, full)) found.set(key, value);
    else found.set(path.relative(root, full), readFileSync(full));
  }
  return found;
}

const SUMMARY = /(\d+) inputs?: (\d+) built, (\d+) skipped, (\d+) failed, (\d+) warnings?/;

function counts(stdout: string) {
  const match = SUMMARY.exec(stdout);
  expect(match, stdout).not.toBeNull();
  const [, inputs, built, skipped, failed] = match!.map(Number);
  return { inputs, built, skipped, failed };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('build/cli.js is missing: run "npm run build" first (npm ci runs it)');
});

describe('tei-press build on a folder', () => {
  const dir = mixedFolder();
  const inputs = path.join(dir, 'in');
  const out = path.join(dir, 'out');

  it('builds the good inputs, reports the bad ones, sums up and exits 1', () => {
    const result = run(['build', inputs, '--out', out, '--jobs', '2', '--formats', 'tei,html,epub']);
    expect(result.code, result.stderr).toBe(1);
    expect(counts(result.stdout)).toEqual({ inputs: 4, built: 2, skipped: 0, failed: 2 });
    // Plain progress lines (not a terminal), one per input in input order.
    expect(result.stdout.split('\n').filter((line) => /^\[\d+\/4\]/.test(line)).map((line) => line.split(' ')[1])).toEqual(['built', 'built', 'failed', 'failed']);
    expect(result.stderr).toMatch(/c-empty\.txt:1:1: error: .*\[read:empty\]/);
    expect(result.stderr).toMatch(/d-binary\.htm:\d+:\d+: error: .*\[read:binary\]/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    for (const slug of ['doe-1945-short-article', 'roe-1946-on-branch-meetings']) {
      expect(readdirSync(path.join(out, slug)).sort()).toEqual([`${slug}.epub`, `${slug}.html`, `${slug}.tei.xml`]);
    }
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="doe-1945-short-article/doe-1945-short-article.html">A Short Article</a>');
    expect(index).toContain('<a href="roe-1946-on-branch-meetings/roe-1946-on-branch-meetings.html">On Branch Meetings</a>');
    expect(index).toContain('Fourth International, Vol. 6, No. 3');
    expect(index).toContain('<h2>Register of persons, places and organisations</h2>');
    expect(index).not.toMatch(/empty|binary/);
  });

  it('skips unchanged inputs on a second run, still fails the bad ones', () => {
    const before = statSync(path.join(out, 'doe-1945-short-article', 'doe-1945-short-article.tei.xml')).mtimeMs;
    const result = run(['build', inputs, '--out', out, '--jobs', '2', '--formats', 'tei,html,epub']);
    expect(result.code).toBe(1);
    expect(counts(result.stdout)).toEqual({ inputs: 4, built: 0, skipped: 2, failed: 2 });
    expect(statSync(path.join(out, 'doe-1945-short-article', 'doe-1945-short-article.tei.xml')).mtimeMs).toBe(before);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('On Branch Meetings');
  });

  it('rebuilds a changed input, an input whose outputs were deleted, and everything with --force', () => {
    writeFileSync(path.join(inputs, 'a-short-article.txt'), TEXT_ARTICLE.replace('a final remark', 'a last remark'));
    let result = run(['build', inputs, '--out', out, '--formats', 'tei,html,epub']);
    expect(counts(result.stdout)).toEqual({ inputs: 4, built: 1, skipped: 1, failed: 2 });
    expect(readFileSync(path.join(out, 'doe-1945-short-article', 'doe-1945-short-article.tei.xml'), 'utf8')).toContain('a last remark');
    rmSync(path.join(out, 'roe-1946-on-branch-meetings', 'roe-1946-on-branch-meetings.html'));
    result = run(['build', inputs, '--out', out, '--formats', 'tei,html,epub']);
    expect(counts(result.stdout)).toEqual({ inputs: 4, built: 1, skipped: 1, failed: 2 });
    expect(existsSync(path.join(out, 'roe-1946-on-branch-meetings', 'roe-1946-on-branch-meetings.html'))).toBe(true);
    // Other settings make other outputs: nothing is skipped.
    result = run(['build', inputs, '--out', out, '--formats', 'tei']);
    expect(counts(result.stdout)).toEqual({ inputs: 4, built: 2, skipped: 0, failed: 2 });
    result = run(['build', inputs, '--out', out, '--formats', 'tei', '--force']);
    expect(counts(result.stdout)).toEqual({ inputs: 4, built: 2, skipped: 0, failed: 2 });
  }, 300_000);

  it('gives the same bytes with one thread as with several', () => {
    const one = path.join(dir, 'one');
    const two = path.join(dir, 'two');
    expect(run(['build', inputs, '--out', one, '--jobs', '1', '--formats', 'tei,html,epub,archive']).code).toBe(1);
    expect(run(['build', inputs, '--out', two, '--jobs', '2', '--formats', 'tei,html,epub,archive']).code).toBe(1);
    const a = filesUnder(one);
    const b = filesUnder(two);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a.keys()].filter((name) => name.endsWith('.epub')).length).toBe(2);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
  }, 300_000);
});

describe('slug clashes', () => {
  it('are settled by input order, whatever thread finishes first', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tei-press-clash-'));
    for (const name of ['1.txt', '2.txt', '3.txt']) writeFileSync(path.join(dir, name), TEXT_ARTICLE.replace('of some length', `of some length (${name})`));
    const out = path.join(dir, 'out');
    const result = run(['build', path.join(dir, '*.txt'), '--out', out, '--jobs', '2', '--formats', 'tei']);
    expect(result.code, result.stderr).toBe(0);
    const slugOf = (n: string) => readdirSync(out).find((slug) => existsSync(path.join(out, slug, `${slug}.tei.xml`)) && readFileSync(path.join(out, slug, `${slug}.tei.xml`), 'utf8').includes(`(${n}.txt)`));
    expect([slugOf('1'), slugOf('2'), slugOf('3')]).toEqual(['doe-1945-short-article', 'doe-1945-short-article-2', 'doe-1945-short-article-3']);
  });

  it('take the first free number', () => {
    expect(settleSlug('x', new Set())).toBe('x');
    expect(settleSlug('x', new Set(['x', 'x-2']))).toBe('x-3');
  });
});

describe('corpus register', () => {
  /** A TEI tree with a register in standOff and mentions in the body, as the enrichment stages write them. */
  function edition(title: string, mentions: [string, string, string?][]): Root {
    return {
      type: 'root',
      children: [
        el('TEI', {},
          el('teiHeader', {}, el('fileDesc', {}, el('titleStmt', {}, el('title', { type: 'main' }, title), el('author', {}, 'Jane Doe')))),
          el('standOff', {},
            el('listPerson', {}, el('person', { 'xml:id': 'pers-lenin' }, el('persName', {}, 'Lenin, Vladimir Ilyich'))),
            el('listPlace', {}, el('place', { 'xml:id': 'place-kiev' }, el('placeName', {}, 'Kyiv'), el('placeName', { type: 'variant' }, 'Kiev')))),
          el('text', {}, el('body', {}, el('p', {}, ...mentions.map(([name, text, ref]) => el(name, { ref }, text))))),
        ),
      ],
    };
  }

  it('lists who is mentioned in which edition, by the register’s preferred name', () => {
    const first = summarize(edition('First', [['persName', 'Lenin', '#pers-lenin'], ['persName', 'Lenin’s', '#pers-lenin'], ['placeName', 'Kiev', '#place-kiev']]));
    const second = summarize(edition('Second', [['persName', 'Lenin', '#pers-lenin'], ['orgName', 'the Bund']]));
    expect(first.mentions).toEqual([
      { kind: 'person', key: 'pers-lenin', label: 'Lenin, Vladimir Ilyich', count: 2, registered: true },
      { kind: 'place', key: 'place-kiev', label: 'Kyiv', count: 1, registered: true },
    ]);
    const html = renderCorpusIndex([
      { key: 'k1', baseSlug: 'doe-first', slug: 'doe-first', files: ['doe-first.html'], summary: first },
      { key: 'k2', baseSlug: 'doe-second', slug: 'doe-second', files: ['doe-second.tei.xml'], summary: second },
    ]);
    expect(html).toContain('<dt id="person:pers-lenin">Lenin, Vladimir Ilyich</dt><dd><a href="#ed-doe-first">First</a> (2); <a href="#ed-doe-second">Second</a></dd>');
    expect(html).toContain('<dt id="place:place-kiev">Kyiv</dt><dd><a href="#ed-doe-first">First</a></dd>');
    expect(html).toContain('the Bund <small>(in no register)</small></dt><dd><a href="#ed-doe-second">Second</a></dd>');
    expect(html).not.toMatch(/<script/);
  });
});
