/**
 * The web edition in a real browser (issue 11, item 8), opened from disk as a
 * reader would: Debian's Chromium through playwright-core. From the home page
 * a reader searches a name, follows a result to the edition, a name to its
 * register page and a mention back to its place in the text; every request
 * the browser makes stays inside the site folder; without JavaScript the
 * search page says where else to look. Skipped, with the reason, without
 * Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildEditions } from '../pipeline/build.js';
import { buildSite, type SiteResult } from '../pipeline/site/build.js';
import { toolVersion } from '../pipeline/settings.js';

const CHROMIUM = process.env.TEI_PRESS_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP = HAVE_CHROMIUM ? '' : ` — skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`;
const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-site-browser-'));
let site: SiteResult;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  const out = path.join(work, 'out');
  const batch = await buildEditions([SEED], { outDir: out, buildDate: '2025-01-02' });
  expect(batch.editions[0]!.status).toBe('built');
  site = await buildSite(out, { buildDate: '2025-01-02', toolVersion: toolVersion() });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the web edition in Chromium, from file://', () => {
  it.skipIf(!HAVE_CHROMIUM)(`searches a name, follows it to the edition, to the register and back, loading nothing from outside${SKIP}`, async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const root = pathToFileURL(site.siteDir).href;

    await page.goto(`${root}/index.html`);
    await page.fill('#site-q', 'Trotsky');
    await Promise.all([page.waitForURL(/search\.html\?q=Trotsky/), page.press('#site-q', 'Enter')]);
    const result = page.locator('#results ol.results a').first();
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toBe('The Soviet Union at War');
    // The context comes with the edition's text, loaded for the result shown.
    await page.locator('#results .context mark').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('#results .context mark').first().textContent()).toBe('Trotsky');
    // The index is loaded a shard at a time: the meta, the shard of "trotsky" and the one text shown, nothing else of it.
    const index = requests.filter((url) => url.includes('/assets/search/')).map((url) => url.slice(url.indexOf('/assets/search/') + 1));
    expect(index.sort()).toEqual(['assets/search/meta.js', 'assets/search/t-tr.js', 'assets/search/text/wright-1941-soviet-union-at-war.js']);
    expect(await page.locator('#results ul.results a', { hasText: 'Leon Trotsky' }).count()).toBe(1);

    await Promise.all([page.waitForURL(/editions\/wright-1941-soviet-union-at-war\.html$/), result.click()]);
    const name = page.locator('#text a[href$="registers/pers-trotsky.html"]').first();
    await Promise.all([page.waitForURL(/registers\/pers-trotsky\.html$/), name.click()]);
    expect(await page.locator('h1').textContent()).toBe('Leon Trotsky');

    const mention = page.locator('ul.kwic a').first();
    const target = (await mention.getAttribute('href'))!.split('#')[1]!;
    await Promise.all([page.waitForURL(new RegExp(`#${target}$`)), mention.click()]);
    expect(await page.locator(`[id="${target}"]`).textContent()).toContain('Trotsky');
    // The downloads are there.
    expect(await page.locator('#downloads a').count()).toBeGreaterThanOrEqual(4);

    // The map: a place's dot leads to its register page.
    await page.goto(`${root}/map.html`);
    await Promise.all([page.waitForURL(/registers\/place-moscow\.html$/), page.locator('svg a[href="registers/place-moscow.html"]').click()]);
    expect(await page.locator('h1').textContent()).toBe('Moscow');

    const outside = requests.filter((url) => !url.startsWith(`${root}/`));
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
    await context.close();
  }, 180_000);

  it.skipIf(!HAVE_CHROMIUM)(`filters the results by author, year, source and kind, from the form or the address${SKIP}`, async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const root = pathToFileURL(site.siteDir).href;
    const editions = async () => {
      await page.locator('#results h2').first().waitFor({ timeout: 60_000 });
      return page.locator('#results ol.results > li > a').allTextContents();
    };
    const heads = () => page.locator('#results h2').allTextContents();

    // From the form: choose an author and search; the choice is in the address and kept in the form.
    await page.goto(`${root}/search.html`);
    await page.fill('#q', 'Moscow');
    await page.selectOption('#filter-author', 'John G. Wright');
    await Promise.all([page.waitForURL(/author=John\+G\.\+Wright/), page.click('form.search-page-form button[type=submit]')]);
    expect(await editions()).toEqual(['The Soviet Union at War']);
    expect(await page.inputValue('#filter-author')).toBe('John G. Wright');

    const search = async (query: string) => {
      await page.goto(`${root}/search.html?${query}`);
      await page.locator('#results h2').first().waitFor({ timeout: 60_000 });
    };
    await search('q=Moscow&author=Nobody');
    expect(await editions()).toEqual([]);
    await search('q=Moscow&from=1941&to=1941');
    expect(await editions()).toEqual(['The Soviet Union at War']);
    await search('q=Moscow&from=1950');
    expect(await editions()).toEqual([]);
    await search('q=Moscow&source=Nowhere+Weekly');
    expect(await heads()).toEqual(['Editions (0)']);
    expect(await page.locator('#filter-source option').allTextContents()).toEqual(['Any source', 'Fourth International']);
    await search('q=Moscow&source=Fourth+International');
    expect(await editions()).toEqual(['The Soviet Union at War']);
    // Kind: only names of that kind, or only editions.
    await search('q=Moscow&kind=place');
    expect(await heads()).toEqual(['Names (1)']);
    expect(await page.locator('#results ul.results a').allTextContents()).toEqual(['Moscow']);
    await search('q=Moscow&kind=person');
    expect(await heads()).toEqual(['Names (0)']);
    await search('q=Moscow&kind=edition');
    expect(await heads()).toEqual(['Editions (1)']);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it.skipIf(!HAVE_CHROMIUM)(`leads from a year of the timeline to a date the text mentions, at its place${SKIP}`, async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const root = pathToFileURL(site.siteDir).href;
    await page.goto(`${root}/timeline.html`);
    await Promise.all([page.waitForURL(/timeline\/1917\.html$/), page.locator('a[href="timeline/1917.html"]').click()]);
    const date = page.locator('ul.dates a', { hasText: 'February 1917' }).first();
    const target = (await date.getAttribute('href'))!.split('#')[1]!;
    await Promise.all([page.waitForURL(new RegExp(`#${target}$`)), date.click()]);
    const element = page.locator(`[id="${target}"]`);
    expect(await element.textContent()).toBe('February 1917');
    expect(await element.getAttribute('datetime')).toBe('1917-02');
    await context.close();
  }, 180_000);

  it.skipIf(!HAVE_CHROMIUM)(`has no serious or critical accessibility violation (axe-core, WCAG 2 A and AA) on each kind of page, also on a phone${SKIP}`, async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const root = pathToFileURL(site.siteDir).href;
    const pages = ['index.html', 'editions/wright-1941-soviet-union-at-war.html', 'registers/pers-trotsky.html', 'registers/person.html', 'registers/index.html', 'map.html', 'maps/wright-1941-soviet-union-at-war.html', 'timeline.html', 'timeline/1917.html', 'search.html?q=Trotsky'];
    const found: string[] = [];
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
      const context = await browser!.newContext({ viewport });
      const page = await context.newPage();
      for (const name of pages) {
        await page.goto(`${root}/${name}`);
        if (name.startsWith('search')) await page.locator('#results ol.results a').first().waitFor({ timeout: 60_000 });
        // axe is given to the page by the test harness, not loaded by the site.
        await page.addScriptTag({ content: axe });
        const violations = (await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 2).map((n) => n.target.join(' ')) }));
        })) as { id: string; impact: string; where: string[] }[];
        for (const violation of violations) if (violation.impact === 'serious' || violation.impact === 'critical') found.push(`${name} (${viewport.width}px): ${violation.id} ${violation.impact} at ${violation.where.join(', ')}`);
        // Readable on a phone: nothing wider than the screen but the text itself may scroll.
        if (viewport.width < 400) {
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          if (wide > viewport.width + 1) found.push(`${name}: ${wide}px wide on a ${viewport.width}px screen`);
        }
      }
      await context.close();
    }
    expect(found).toEqual([]);
  }, 300_000);

  it.skipIf(!HAVE_CHROMIUM)(`is usable without JavaScript: the search page says where to look, the edition reads${SKIP}`, async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const root = pathToFileURL(site.siteDir).href;
    await page.goto(`${root}/search.html?q=Trotsky`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Search needs JavaScript');
    // The form and its filters still show, and the page points to the ways to browse by author, year and kind.
    expect(await page.locator('#filter-author option').count()).toBeGreaterThan(1);
    for (const link of ['index.html', 'timeline.html', 'registers/person.html', 'registers/place.html', 'registers/org.html']) expect(await page.locator(`noscript a[href="${link}"], main a[href="${link}"]`).count(), link).toBeGreaterThan(0);
    await page.goto(`${root}/editions/wright-1941-soviet-union-at-war.html`);
    expect(await page.locator('#text').innerText()).toContain('As these lines are being written');
    await context.close();
  }, 180_000);
});
