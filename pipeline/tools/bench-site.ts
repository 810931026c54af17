/**
 * The web edition's benchmark (`npm run bench:site`; issue 11, item 9). It
 * builds the seed and the articles of `../shared/corpus` once, then makes
 * output folders of N synthetic editions from their TEIs (each a copy with
 * its own slug, title, date and a word of its own, the register ids kept, so
 * that the registers gather mentions across editions as a real corpus does)
 * and builds the site of each in a child process, reporting wall and CPU
 * time, CPU time per edition, peak memory (RSS), files and bytes, the bytes a
 * first search for "Trotsky" loads, and the time of a second run over the same
 * folder (nothing changed: nothing rendered, nothing written). Linear growth
 * keeps the CPU time per edition flat from one size to the next (CPU, because
 * wall time on a shared machine measures the neighbours too).
 *
 * Options: `--sizes 250,1000` (default), `--keep` (keep the temporary folder).
 * Speed is measured here and only here, never in tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildEditions } from '../build.js';
import { PROJECT_ROOT, toolVersion } from '../settings.js';
import { buildSite, findEditions } from '../site/build.js';
import { searchTerms, shardKey } from '../site/search.js';

const HERE = fileURLToPath(import.meta.url);
const SEED = path.join(PROJECT_ROOT, 'seeds', 'wright-1941-soviet-union-at-war.txt');
const CORPUS = path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus');
const BUILD_DATE = '2025-01-02';

/** Writes `count` editions into `dir`, made from the TEIs in `bases` (slug → TEI text) in turn. */
export function syntheticEditions(bases: readonly { slug: string; tei: string }[], dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const slug = `${base.slug}-v${String(i).padStart(5, '0')}`;
    const year = 1850 + (i % 120);
    // Title and date of the text varied, and a word of its own (so the search index grows as a real corpus's does).
    const tei = base.tei
      .replace(/(<title\b[^>]*type="main"[^>]*>)([^<]*)/, `$1$2, variant ${i}`)
      .replace(/(<imprint>\s*<date\b[^>]*when=")\d{4}/, `$1${year}`)
      .replace(/(<body>\s*(?:<div\b[^>]*>\s*)?<p\b[^>]*>)/, `$1word${i.toString(36)}q `);
    mkdirSync(path.join(dir, slug), { recursive: true });
    writeFileSync(path.join(dir, slug, `${slug}.tei.xml`), tei);
  }
}

interface Run {
  seconds: number;
  /** CPU time of the process (user and system), steadier than wall time on a shared machine. */
  cpuSeconds: number;
  peakMB: number;
  editions: number;
  files: number;
  bytes: number;
  rendered: number;
  written: number;
}

/** One site build of `outDir` in this process (the child's part). */
async function child(outDir: string): Promise<void> {
  const start = performance.now();
  const site = await buildSite(outDir, { buildDate: BUILD_DATE, toolVersion: toolVersion() });
  const run: Run = {
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    peakMB: process.resourceUsage().maxRSS / 1024,
    editions: site.editions,
    files: site.files.length,
    bytes: site.bytes,
    rendered: site.rendered,
    written: site.written.length,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

function runChild(outDir: string): Run {
  const result = spawnSync(process.execPath, [HERE, '--child', outDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`the site build of ${outDir} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Run;
}

/** The bytes a first search for `query` loads: the page's script, the meta, one shard per word, the texts of the first ten results. */
function firstQueryBytes(siteDir: string, query: string): { bytes: number; files: number; meta: number; shards: number; texts: number } {
  const size = (name: string) => statSync(path.join(siteDir, name)).size;
  const terms = searchTerms(query);
  let bytes = size('search.html') + size('assets/search.js') + size('assets/search/meta.js');
  let files = 3;
  let shards = 0;
  let texts = 0;
  const holding = new Map<number, number>();
  for (const key of new Set(terms.map(shardKey))) {
    const file = `assets/search/t-${key}.js`;
    if (!existsSync(path.join(siteDir, file))) continue;
    bytes += size(file);
    shards += size(file);
    files++;
    const shard = JSON.parse(/^window\.TEI_PRESS_SEARCH\("shard", "[^"]*", (.*)\);\n$/s.exec(readFileSync(path.join(siteDir, file), 'utf8'))![1]!) as { terms: Record<string, [number[], number[]]> };
    for (const [word, [postings]] of Object.entries(shard.terms)) {
      if (!terms.some((term) => word.startsWith(term))) continue;
      for (let i = 0; i < postings.length; i += 2) holding.set(postings[i]!, (holding.get(postings[i]!) ?? 0) + postings[i + 1]!);
    }
  }
  const meta = JSON.parse(/^window\.TEI_PRESS_SEARCH\("meta", "", (.*)\);\n$/s.exec(readFileSync(path.join(siteDir, 'assets/search/meta.js'), 'utf8'))![1]!) as { editions: [string][] };
  const top = [...holding.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10);
  for (const [number] of top) {
    bytes += size(`assets/search/text/${meta.editions[number]![0]}.js`);
    texts += size(`assets/search/text/${meta.editions[number]![0]}.js`);
    files++;
  }
  return { bytes, files, meta: size('assets/search/meta.js'), shards, texts };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!);
  const sizesArg = args.indexOf('--sizes');
  const sizes = (sizesArg >= 0 ? args[sizesArg + 1]! : '250,1000').split(',').map(Number);
  const keep = args.includes('--keep');
  const work = mkdtempSync(path.join(tmpdir(), 'tei-press-bench-site-'));
  try {
    const inputs = [SEED, ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(CORPUS, name)) : [])];
    const baseDir = path.join(work, 'base');
    process.stdout.write(`building ${inputs.length} base editions (the seed and ../shared/corpus) …\n`);
    await buildEditions(inputs, { outDir: baseDir, formats: ['tei'], buildDate: BUILD_DATE, jobs: 1 });
    const bases = findEditions(baseDir).map((slug) => ({ slug, tei: readFileSync(path.join(baseDir, slug, `${slug}.tei.xml`), 'utf8') }));
    const rows: string[] = [];
    let previous: { n: number; cpuSeconds: number } | undefined;
    for (const n of sizes) {
      const outDir = path.join(work, `n${n}`);
      syntheticEditions(bases, outDir, n);
      const first = runChild(outDir);
      const again = runChild(outDir);
      const query = firstQueryBytes(path.join(outDir, 'site'), 'Trotsky');
      const growth = previous ? ` (×${(first.cpuSeconds / previous.cpuSeconds).toFixed(2)} the CPU time for ×${(n / previous.n).toFixed(2)} the editions)` : '';
      rows.push(
        `${n} editions: ${first.seconds.toFixed(1)} s wall, ${first.cpuSeconds.toFixed(1)} s CPU, ${((first.cpuSeconds / n) * 1000).toFixed(0)} ms CPU per edition${growth}, peak ${first.peakMB.toFixed(0)} MB; ` +
          `${first.files} files, ${(first.bytes / 1e6).toFixed(1)} MB; a first search for "Trotsky" loads ${(query.bytes / 1024).toFixed(0)} KB in ${query.files} files ` +
          `(meta ${(query.meta / 1024).toFixed(0)} KB, shard ${(query.shards / 1024).toFixed(0)} KB, texts of the 10 results shown ${(query.texts / 1024).toFixed(0)} KB); ` +
          `again over the same folder: ${again.seconds.toFixed(1)} s, ${again.rendered} rendered, ${again.written} written`,
      );
      process.stdout.write(`${rows[rows.length - 1]}\n`);
      previous = { n, cpuSeconds: first.cpuSeconds };
      if (!keep) rmSync(outDir, { recursive: true, force: true });
    }
  } finally {
    if (keep) process.stdout.write(`kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
