/**
 * Issue 10 on real material: the 1959 and 1969 editions of a chapter of Tony
 * Cliff's Rosa Luxemburg (../shared/witnesses) built into one critical
 * edition. The apparatus holds the author's revisions and nothing else; each
 * witness is read back out of the written TEI exactly as it builds alone; the
 * edition is valid (Jing, tei_all) and its EPUB passes epubcheck; a third,
 * hand-made witness collates the same whatever the order of the witnesses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { buildEditions } from '../../pipeline/build.js';
import { buildCriticalEdition, type CriticalResult } from '../../pipeline/critical/build.js';
import { blocksOf } from '../../pipeline/critical/blocks.js';
import { witnessBlockTexts } from '../../pipeline/critical/witness.js';
import { findFirst, textOf } from '../../pipeline/tei/tree.js';
import { xmlToXast } from './xml.js';

/** The print HTML hyphenates its text with soft hyphens (renderings only); words are compared without them. */
const SOFT_HYPHEN = '\u00AD';
import { DEFAULT_CHROMIUM } from '../../pipeline/settings.js';

const WITNESSES = path.resolve('../shared/witnesses');
const W1959 = path.join(WITNESSES, 'cliff-1959-rosa-luxemburg-ch5.htm');
const W1969 = path.join(WITNESSES, 'cliff-1969-rosa-luxemburg-ch5.htm');
const TEI_ALL = path.resolve('../shared/schemas/tei_all.rng');
const EPUBCHECK = '/usr/share/java/epubcheck.jar';
const missing = existsSync(W1959) && existsSync(W1969) ? '' : ` — SKIPPED: ${WITNESSES} is missing`;
const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined && existsSync(TEI_ALL);
const hasEpubcheck = spawnSync('java', ['-version']).status === 0 && existsSync(EPUBCHECK);
const CHROMIUM = process.env.TEI_PRESS_CHROMIUM ?? DEFAULT_CHROMIUM;
const hasPdf = existsSync(CHROMIUM) && spawnSync('pdftotext', ['-v']).error === undefined;
const hasChromium = existsSync(CHROMIUM);

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-critical-'));

/** Block texts of a written TEI file, as witnessBlockTexts reads them. */
function blockTextsOfFile(file: string, witness?: string): string[] {
  const text = findFirst(xmlToXast(readFileSync(file, 'utf8')), 'text')!;
  return witness ? witnessBlockTexts(text, witness) : blocksOf(text).map((block) => textOf(block.element));
}

/** The apparatus as lines `type: lemma ] reading wit`, abridged to their first and last words. */
function summary(result: CriticalResult): string[] {
  const cut = (text: string) => {
    const words = text.split(/\s+/).filter(Boolean);
    return words.length <= 6 ? words.join(' ') : `${words.slice(0, 3).join(' ')} … ${words.slice(-2).join(' ')}`;
  };
  return result.apparatus.flatMap((entry) =>
    entry.readings.map((reading) => `${reading.type}${entry.structural ? ' (blocks)' : ''}: ${cut(entry.lemma.text)} ] ${cut(reading.text)} ${reading.wit.join(' ')}`),
  );
}

describe.skipIf(missing !== '')(`critical edition of Cliff 1959 and 1969${missing}`, () => {
  let result: CriticalResult;
  let teiFile: string;

  beforeAll(async () => {
    result = await buildCriticalEdition([W1959, W1969], { outDir: path.join(work, 'two'), formats: ['tei', 'html', 'epub', 'archive', 'review'], buildDate: '2025-01-02' });
    expect(result.status, result.messages.map((m) => `${m.ruleId}: ${m.reason}`).join('\n')).toBe('built');
    teiFile = result.outputs.find((file) => file.endsWith('.tei.xml') && !file.endsWith('.archive.tei.xml'))!;
  }, 300_000);

  it('finds the author’s revisions and nothing else', () => {
    expect(summary(result)).toEqual([
      // Two paragraphs of 1959 rewritten into one in 1969.
      // (Both end with note 55, which the reader gives the page's "Top of the page" line.)
      'substantive (blocks): Rosa Luxemburg’s reluctance … the page ] Rosa Luxemburg’s reluctance … the page wit-1969',
      // The concluding sentence replaced.
      'substantive: For Marxists, in … of spontaneity ] However, whatever the … of 1918-19 wit-1969',
      // The page's "Last updated" line.
      'substantive: 4 ] 1 wit-1969',
      'substantive: 2003 ] 2004 wit-1969',
    ]);
    const merged = result.apparatus[0]!;
    expect(merged.lemma.text.split('\n')).toHaveLength(2);
    expect(merged.readings[0]!.text.split('\n')).toHaveLength(1);
  });

  it('gives back each witness exactly, character for character, from the written TEI', async () => {
    const alone = await buildEditions([W1959, W1969], { outDir: path.join(work, 'alone'), formats: ['tei'], buildDate: '2025-01-02', jobs: 1, force: true });
    const [tei1959, tei1969] = alone.editions.map((edition) => edition.outputs.find((file) => file.endsWith('.tei.xml'))!);
    const own1959 = blockTextsOfFile(tei1959!);
    const own1969 = blockTextsOfFile(tei1969!);
    expect(blockTextsOfFile(teiFile, 'wit-1959')).toEqual(own1959);
    expect(blockTextsOfFile(teiFile, 'wit-1969')).toEqual(own1969);
    // The check can fail: the witnesses differ.
    expect(own1959).not.toEqual(own1969);
    expect(own1959.join('').length).toBeGreaterThan(30_000);
  }, 300_000);

  it('states the witnesses and the variant encoding in the header', () => {
    const xml = readFileSync(teiFile, 'utf8');
    expect(xml).toContain('<variantEncoding method="parallel-segmentation" location="internal"/>');
    expect(xml).toMatch(/<witness xml:id="wit-1959" n="1959">[\s\S]*Last updated on 20\.4\.2003[\s\S]*cliff-1959-rosa-luxemburg-ch5\.htm/);
    expect(xml).toMatch(/<witness xml:id="wit-1969" n="1969">[\s\S]*Last updated on 20\.1\.2004[\s\S]*cliff-1969-rosa-luxemburg-ch5\.htm/);
    // Markup stays inside readings: the 1969 reading keeps its names and date.
    expect(xml).toMatch(/<rdg wit="#wit-1969" type="substantive">However, whatever[^]*?<persName[^]*?<date from="1918" to="1919">1918-19<\/date><\/rdg>/);
  });

  it.skipIf(!hasJing)(`is valid against tei_all (Jing)${hasJing ? '' : ' — SKIPPED: jing or tei_all.rng missing'}`, () => {
    const archive = result.outputs.find((file) => file.endsWith('.archive.tei.xml'))!;
    const run = spawnSync('jing', [TEI_ALL, teiFile, archive], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() && !line.startsWith('[warning]'))).toEqual([]);
  }, 120_000);

  it('renders the apparatus in the print HTML: one entry per app, keys and entries linked both ways, witnesses listed', () => {
    const html = readFileSync(result.outputs.find((file) => file.endsWith('.html') && !file.endsWith('.review.html'))!, 'utf8');
    for (const entry of result.apparatus) {
      expect(html).toContain(`id="apparatus-${entry.id}"`);
      expect(html).toContain(`href="#apparatus-${entry.id}"`);
      expect(html).toContain(`id="key-${entry.id}"`);
      expect(html).toContain(`href="#key-${entry.id}"`);
    }
    expect(html).toContain('<h2 id="apparatus-head">Critical apparatus</h2>');
    expect(html).toContain('However, whatever the historical circumstances moulding');
    expect(html.match(/class="app-footnote"/g)).toHaveLength(result.apparatus.length);
  });

  it('numbers the paragraphs of the text for citation, each apparatus entry citing the number its lemma shows', () => {
    const html = readFileSync(result.outputs.find((file) => file.endsWith('.html') && !file.includes('.review.') && !file.endsWith('.1969.html'))!, 'utf8');
    const numbers = [...html.matchAll(/<span class="p-number">¶ (\d+)<\/span>/g)].map((match) => ({ n: Number(match[1]), at: match.index! }));
    // Every paragraph of the base's body, in order, none twice.
    expect(numbers.map((number) => number.n)).toEqual(numbers.map((_, k) => k + 1));
    expect(numbers.length).toBeGreaterThanOrEqual(60);
    for (const entry of result.apparatus) {
      const place = new RegExp(`id="apparatus-${entry.id}"[^]*?<span class="app-place">([^<]*)</span>`).exec(html)![1]!;
      if (place === 'back') continue;
      const block = html.indexOf(`<div class="tei-app" id="${entry.id}"`);
      // An app of whole paragraphs is cited by its first; one inside a paragraph by that paragraph.
      const shown = block >= 0 ? numbers.find((number) => number.at > block)! : numbers.filter((number) => number.at < html.indexOf(`id="${entry.id}"`)).at(-1)!;
      expect(place, entry.id).toBe(`¶ ${shown.n}`);
    }
    expect(result.apparatus.filter((entry) => entry.structural)).not.toHaveLength(0);
    // Only a critical edition numbers its paragraphs: not the witness view, which has no apparatus.
    expect(readFileSync(result.outputs.find((file) => file.endsWith('.1969.html'))!, 'utf8')).not.toContain('class="p-number"');
  });

  it.skipIf(!hasChromium)(`shows a variant's readings on screen without JavaScript: the key pointed at or focused opens its entry, which describes the key${hasChromium ? '' : ' — SKIPPED: Chromium missing'}`, async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(result.outputs.find((file) => file.endsWith('.html') && !file.includes('.review.') && !file.endsWith('.1969.html'))!).href);
      const entry = page.locator('#note-app2');
      await expect(entry.isVisible()).resolves.toBe(false);
      // Keyboard: focus the key.
      await page.focus('#key-app2');
      await expect(entry.isVisible()).resolves.toBe(true);
      expect((await entry.innerText()).replaceAll(SOFT_HYPHEN, '')).toContain('However, whatever the historical circumstances');
      // Screen readers: the key is described by that entry.
      expect(await page.getAttribute('#key-app2', 'aria-describedby')).toBe('note-app2');
      await page.focus('#key-app3');
      await expect(entry.isVisible()).resolves.toBe(false);
      // Mouse: point at the key of the paragraphs rewritten into one.
      await page.hover('#key-app1');
      await expect(page.locator('#note-app1').isVisible()).resolves.toBe(true);
      expect((await page.locator('#note-app1').innerText()).replaceAll(SOFT_HYPHEN, '')).toContain('belatedness');
      // The entry opens beside its key, not at the end of the page.
      const key = (await page.locator('#key-app1').boundingBox())!;
      const box = (await page.locator('#note-app1').boundingBox())!;
      expect(Math.abs(box.y - (key.y + key.height))).toBeLessThan(400);
      // Accessible (axe-core, WCAG 2 A and AA) with an entry open, on a desktop and a phone, and no wider than a phone's screen.
      const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      const found: string[] = [];
      for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
        const checked = await (await browser.newContext({ viewport })).newPage();
        await checked.goto(page.url());
        await checked.focus('#key-app2');
        await checked.addScriptTag({ content: axe });
        const violations = (await checked.evaluate(async () => {
          const report = await (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
          return report.violations.map((v) => `${v.id} ${v.impact} at ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
        })) as string[];
        found.push(...violations.filter((v) => / (serious|critical) /.test(v)).map((v) => `${viewport.width}px: ${v}`));
        const wide = await checked.evaluate(() => document.documentElement.scrollWidth);
        if (wide > viewport.width + 1) found.push(`${wide}px wide on a ${viewport.width}px screen`);
      }
      expect(found).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it.skipIf(!hasEpubcheck)(`gives an EPUB with the apparatus that epubcheck passes with 0 errors and 0 warnings${hasEpubcheck ? '' : ' — SKIPPED: java or epubcheck missing'}`, () => {
    const epub = result.outputs.find((file) => file.endsWith('.epub'))!;
    const run = spawnSync('java', ['-jar', EPUBCHECK, epub], { encoding: 'utf8' });
    expect(`${run.stdout}\n${run.stderr}`).toMatch(/No errors or warnings detected|Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
    const listing = spawnSync('unzip', ['-p', epub, 'OEBPS/*.xhtml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    expect(listing.match(/<aside class="app-entry"/g)).toHaveLength(result.apparatus.length);
  }, 300_000);

  it('loses no word of either witness in the print HTML or the EPUB (the other witness’s in its readings)', async () => {
    const alone = await buildEditions([W1959, W1969], { outDir: path.join(work, 'alone-words'), formats: ['tei'], buildDate: '2025-01-02', jobs: 1, force: true });
    const words = (text: string) => {
      const counts = new Map<string, number>();
      for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
      return counts;
    };
    const visible = (markup: string) => markup.replace(/<(style|head)[^]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&');
    const html = words(visible(readFileSync(result.outputs.find((file) => file.endsWith('.html') && !file.includes('.review.') && !file.endsWith('.1969.html'))!, 'utf8').replaceAll(SOFT_HYPHEN, '')));
    const epub = words(visible(spawnSync('unzip', ['-p', result.outputs.find((file) => file.endsWith('.epub'))!, 'OEBPS/*.xhtml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout));
    for (const edition of alone.editions) {
      const own = words(blockTextsOfFile(edition.outputs.find((file) => file.endsWith('.tei.xml'))!).join(' '));
      const missing = (rendering: Map<string, number>) => [...own].filter(([word, count]) => (rendering.get(word) ?? 0) < count).map(([word]) => word);
      expect(missing(html), `${edition.input} in the print HTML`).toEqual([]);
      expect(missing(epub), `${edition.input} in the EPUB`).toEqual([]);
    }
    // Words only 1969 has are there, in its readings.
    expect(html.get('belatedness')).toBeGreaterThan(0);
  }, 300_000);

  it('renders the 1969 witness on its own (print HTML <slug>.1969.html)', () => {
    const view = readFileSync(result.outputs.find((file) => file.endsWith('.1969.html'))!, 'utf8').replaceAll(SOFT_HYPHEN, '');
    expect(view).toContain('However, whatever the historical circumstances moulding');
    expect(view).toContain('Last updated on 20.1.2004');
    expect(view).not.toContain('For Marxists, in advanced industrial countries');
    expect(view).not.toContain('class="app-key"');
  });

  it.skipIf(!hasPdf)(`prints the apparatus in the PDF: each entry at the foot of its lemma's page and in the apparatus section${hasPdf ? '' : ' — SKIPPED: Chromium or pdftotext missing'}`, async () => {
    const printed = await buildCriticalEdition([W1959, W1969], { outDir: path.join(work, 'pdf'), formats: ['pdf'], buildDate: '2025-01-02' });
    expect(printed.status, printed.messages.map((m) => m.reason).join('\n')).toBe('built');
    const pdf = printed.outputs.find((file) => file.endsWith('.pdf'))!;
    const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.split('\f').map((page) => page.replace(/\u00AD[-\u2010\u2011]?\s*/g, '').replace(/\s+/g, ' '));
    // The conclusion's variant: its entry (key b, paragraph 61) stands on the page of its lemma.
    const lemmaPage = pages.findIndex((page) => page.includes('For Marxists, in advanced industrial countries'));
    expect(lemmaPage).toBeGreaterThan(0);
    expect(pages[lemmaPage]).toContain('b ¶ 61 For Marxists, in advanced … question of spontaneity] However, whatever the historical circumstances');
    // The paragraph shows the number the entry cites, in the margin beside it.
    expect(pages[lemmaPage]).toContain('¶ 61 For Marxists, in advanced industrial countries');
    // The section lists the witnesses and every entry.
    const section = pages.slice(pages.findIndex((page, k) => k > 1 && page.includes('Critical apparatus'))).join(' ');
    expect(section).toMatch(/1959 .*cliff-1959-rosa-luxemburg- ?ch5\.htm.*1969 .*cliff-1969-rosa-luxemburg- ?ch5\.htm/);
    for (const entry of ['c back 4] 1 1969 (substantive); lemma 1959', 'd back 2003] 2004 1969 (substantive); lemma 1959']) expect(section).toContain(entry);
  }, 300_000);

  it('lists every variant in the review report', () => {
    const review = JSON.parse(readFileSync(result.outputs.find((file) => file.endsWith('.review.json'))!, 'utf8')) as { other: Array<{ category: string; text: string; href: string | null }> };
    const variants = review.other.filter((item) => item.category.startsWith('variant:'));
    expect(variants).toHaveLength(4);
    expect(variants.map((item) => item.href).sort()).toEqual(result.apparatus.map((entry) => `cliff-rosa-luxemburg.html#${entry.id}`).sort());
    expect(variants.map((item) => item.text)).toContain('2003 ] 2004 1969');
  });

  describe('with an errata file (emendations on the critical edition)', () => {
    let emended: CriticalResult;
    const errata = path.join(work, 'cliff.errata');
    beforeAll(async () => {
      writeFileSync(
        errata,
        [
          '# In the text both editions share.',
          'at: This accusation is totally unfounded',
          'sic: totally',
          'corr: wholly',
          'why: a test emendation',
          'who: Ann Reader',
          '',
          '# Inside the lemma of the replaced conclusion (1959 only).',
          'at: notwithstanding her overstatements',
          'note: The 1969 edition replaces this sentence.',
          'who: Ann Reader',
          '',
        ].join('\n'),
      );
      emended = await buildCriticalEdition([W1959, W1969], { outDir: path.join(work, 'errata'), formats: ['tei', 'html', 'epub', 'review'], buildDate: '2025-01-02', errata });
      expect(emended.status, emended.messages.map((m) => `${m.ruleId}: ${m.reason}`).join('\n')).toBe('built');
    }, 300_000);

    it('emends the reading text after collation: the apparatus is the same, the choice and the note are in the TEI', () => {
      expect(summary(emended)).toEqual(summary(result));
      const xml = readFileSync(emended.outputs.find((file) => file.endsWith('.tei.xml'))!, 'utf8');
      expect(xml).toContain('This accusation is <choice><sic>totally</sic><corr resp="#resp-ann-reader" cert="high">wholly</corr></choice><note type="editorial" resp="#resp-ann-reader" n="ed. 1">a test emendation</note> unfounded');
      // The note stands in the lemma of the conclusion's app, the 1969 reading untouched.
      expect(xml).toMatch(/<lem wit="#wit-1959">For Marxists,[^]*?notwithstanding her overstatements<note type="editorial" resp="#resp-ann-reader" n="ed. 2">The 1969 edition replaces this sentence\.<\/note> on the question of spontaneity<\/lem><rdg wit="#wit-1969"/);
      expect(xml).toMatch(/<respStmt xml:id="resp-ann-reader">\s*<resp>Emendations and editorial notes<\/resp>\s*<name>Ann Reader<\/name>\s*<\/respStmt>/);
      expect(xml).toMatch(/2 interventions from the editor's errata file cliff\.errata/);
    });

    it('shows the corrected reading with the original recorded in the print HTML and the EPUB, and lists both in the review report', () => {
      const html = readFileSync(emended.outputs.find((file) => file.endsWith('.html') && !file.includes('.review.') && !file.endsWith('.1969.html'))!, 'utf8').replaceAll(SOFT_HYPHEN, '');
      expect(html.replace(/<[^>]+>/g, '')).toMatch(/This accusation is wholly \[orig\. totally\]/);
      const epub = spawnSync('unzip', ['-p', emended.outputs.find((file) => file.endsWith('.epub'))!, 'OEBPS/*.xhtml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
      expect(epub.replace(/<[^>]+>/g, '')).toMatch(/This accusation is wholly \[orig\. totally\]/);
      expect(epub).toContain('The 1969 edition replaces this sentence.');
      const review = JSON.parse(readFileSync(emended.outputs.find((file) => file.endsWith('.review.json'))!, 'utf8')) as { other: Array<{ category: string; text: string }> };
      expect(review.other.filter((item) => item.category === 'emendation:applied').map((item) => item.text)).toEqual(['totally → wholly', 'note: The 1969 edition replaces this sentence.']);
      expect(review.other.filter((item) => item.category.startsWith('variant:'))).toHaveLength(4);
    });

    it.skipIf(!hasJing)(`is valid against tei_all with its emendations (Jing)${hasJing ? '' : ' — SKIPPED: jing or tei_all.rng missing'}`, () => {
      const run = spawnSync('jing', [TEI_ALL, emended.outputs.find((file) => file.endsWith('.tei.xml'))!], { encoding: 'utf8' });
      expect(`${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() && !line.startsWith('[warning]'))).toEqual([]);
    }, 120_000);

    it('refuses an entry for words only another witness has, or for another witness, at the errata file\'s line', async () => {
      const wrong = path.join(work, 'wrong.errata');
      writeFileSync(wrong, ['at: It was a central factor in the belatedness', 'sic: belatedness', 'corr: lateness', '', 'at: This accusation is totally unfounded', 'note: x', 'in: cliff-1969-rosa-luxemburg-ch5.htm', ''].join('\n'));
      const run = await buildCriticalEdition([W1959, W1969], { outDir: path.join(work, 'wrong'), formats: ['tei'], buildDate: '2025-01-02', errata: wrong });
      expect(run.status).toBe('failed');
      const rules = run.messages.filter((m) => m.severity === 'error').map((m) => `${m.ruleId} ${m.reason.match(/wrong\.errata:\d+/)?.[0]}`);
      expect(rules.sort()).toEqual(['errata:not-found wrong.errata:1', 'errata:not-reading-text wrong.errata:5']);
    }, 300_000);
  });

  describe('with a third witness made by hand (a reprint of 1969)', () => {
    let reprint: string;
    beforeAll(() => {
      const html = readFileSync(W1969, 'utf8');
      const edits: Array<[string, string]> = [
        ['This accusation is totally unfounded', 'This accusation is quite unfounded'], // a word changed
        ['of their own free will', 'of their free own will'], // words transposed
        ['The proletariat is dependent in its action', 'The proletariat is dependent, in its action'], // punctuation only
      ];
      let text = html;
      for (const [from, to] of edits) {
        expect(text).toContain(from);
        text = text.replace(from, to);
      }
      reprint = path.join(work, 'cliff-1975-rosa-luxemburg-ch5.htm');
      writeFileSync(reprint, text);
    });

    it('collates the same whatever the order of the witnesses, and round-trips the third', async () => {
      const a = await buildCriticalEdition([W1959, W1969, reprint], { outDir: path.join(work, 'abc'), formats: ['tei'], buildDate: '2025-01-02' });
      const b = await buildCriticalEdition([W1959, reprint, W1969], { outDir: path.join(work, 'acb'), formats: ['tei'], buildDate: '2025-01-02' });
      const c = await buildCriticalEdition([reprint, W1969, W1959], { outDir: path.join(work, 'cba'), formats: ['tei'], buildDate: '2025-01-02', base: W1959 });
      for (const run of [a, b, c]) expect(run.status, run.messages.map((m) => m.reason).join('\n')).toBe('built');
      const teiOf = (run: CriticalResult) => readFileSync(run.outputs.find((file) => file.endsWith('.tei.xml'))!, 'utf8');
      expect(teiOf(b)).toBe(teiOf(a));
      expect(teiOf(c)).toBe(teiOf(a));
      expect(summary(a)).toEqual([
        'substantive: totally ] quite wit-1975',
        'transposition: own ]  wit-1975',
        'transposition:  ] own wit-1975',
        'punctuation:  ] , wit-1975',
        // 1969 and the reprint read alike where 1969 differs from 1959: one rdg, two witnesses.
        'substantive (blocks): Rosa Luxemburg’s reluctance … the page ] Rosa Luxemburg’s reluctance … the page wit-1969 wit-1975',
        'substantive: For Marxists, in … of spontaneity ] However, whatever the … of 1918-19 wit-1969 wit-1975',
        'substantive: 4 ] 1 wit-1969 wit-1975',
        'substantive: 2003 ] 2004 wit-1969 wit-1975',
      ]);
      const alone = await buildEditions([reprint], { outDir: path.join(work, 'alone3'), formats: ['tei'], buildDate: '2025-01-02', jobs: 1, force: true });
      const own = blockTextsOfFile(alone.editions[0]!.outputs.find((file) => file.endsWith('.tei.xml'))!);
      const teiA = a.outputs.find((file) => file.endsWith('.tei.xml'))!;
      expect(blockTextsOfFile(teiA, 'wit-1975')).toEqual(own);
    }, 300_000);
  });
});
