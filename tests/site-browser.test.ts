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
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
    expect(await page.locator('#results .context').first().textContent()).toContain('Trotsky');
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

  it.skipIf(!HAVE_CHROMIUM)(`is usable without JavaScript: the search page says where to look, the edition reads${SKIP}`, async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const root = pathToFileURL(site.siteDir).href;
    await page.goto(`${root}/search.html?q=Trotsky`);
    expect(await page.locator('main').innerText()).toContain('Search needs JavaScript');
    await page.goto(`${root}/editions/wright-1941-soviet-union-at-war.html`);
    expect(await page.locator('#text').innerText()).toContain('As these lines are being written');
    await context.close();
  }, 180_000);
});
