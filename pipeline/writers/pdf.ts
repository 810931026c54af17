/**
 * The PDF writer: the print HTML laid out in pages by Paged.js inside headless
 * Chromium, then printed by Chromium's own PDF back end (Skia).
 *
 * Why Paged.js: Chromium alone honours `@page` sizes, margins and
 * `counter(page)`, but not `string-set` (running heads), `target-counter`
 * (page numbers in the table of contents and the index) or `float: footnote`.
 * Paged.js polyfills those in the page itself, so the same CSS that a
 * Paged.js-aware reader previews on screen is what we print.
 *
 * One browser per process, started on the first PDF and reused across a batch
 * (pdf/browser.ts; `buildEditions` closes it at the end). Each document gets
 * its own browser context, so no state leaks between them. The scripts run in
 * the page are in pdf/page-scripts.ts, the PDF's normalisation in pdf/normalise.ts.
 */

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import type { MessageLog } from '../messages.js';
import { NoChromiumError, printBrowser } from './pdf/browser.js';
import { installPagedConfig, loadAllFonts, mergeRepeatedPageRefs, readDocumentInfo, renameRandomIds, unjustifySplitContainers } from './pdf/page-scripts.js';
import { normalisePdf, withDocumentInfo } from './pdf/normalise.js';
import { editionDate } from '../stages.js';
import type { OutputFile } from './output-file.js';
import type { Writer } from './writer.js';

export { closePrintBrowser, NoChromiumError } from './pdf/browser.js';
export { normalisePdf, withDocumentInfo } from './pdf/normalise.js';
export type { DocumentInfo } from './pdf/page-scripts.js';

/** How long one document may take to lay out before we give up (the seed takes about 2 s). */
const LAYOUT_TIMEOUT_MS = 90_000;

/** The Paged.js polyfill script, from the installed `pagedjs` package. */
function pagedPolyfillPath(): string {
  // `pagedjs` exports only its entry points; its dist/ folder sits one level above lib/index.cjs.
  const entry = createRequire(import.meta.url).resolve('pagedjs');
  let folder = path.dirname(entry);
  while (path.basename(folder) !== 'pagedjs' && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return path.join(folder, 'dist', 'paged.polyfill.js');
}

/** What {@link renderPdf} needs besides the HTML. */
export interface PdfOptions {
  /** Path of the Chromium executable (the `chromium` setting; default `/usr/bin/chromium`). */
  chromium: string;
  /** The edition date (`YYYY-MM-DD`), written as the PDF's creation and modification date. */
  date: string;
  /** Where messages go. */
  log: MessageLog;
}

/**
 * Renders a print HTML document (and the files it links to) as PDF bytes.
 *
 * `files` are the HTML writer's outputs; `htmlName` names the document among
 * them. They are written to a temporary folder so that relative links to
 * stylesheets, fonts and images resolve as they would beside the edition.
 * Returns the PDF with its dates set to `options.date` (see {@link normalisePdf}).
 */
export async function renderPdf(files: readonly OutputFile[], htmlName: string, options: PdfOptions): Promise<Uint8Array> {
  if (!existsSync(options.chromium)) throw new NoChromiumError(`Chromium was not found at ${options.chromium}`);
  let shared: Browser;
  try {
    shared = await printBrowser(options.chromium);
  } catch (error) {
    throw new NoChromiumError(`Chromium at ${options.chromium} did not start: ${firstLine(error)}`);
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tei-press-pdf-'));
  const context = await shared.newContext({ javaScriptEnabled: true, offline: true, serviceWorkers: 'block' });
  try {
    await confineRequests(context, folder, options.log);
    for (const file of files) {
      const destination = path.join(folder, file.name);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.data);
    }
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.goto(pathToFileURL(path.join(folder, htmlName)).href, { waitUntil: 'load' });
    // Every face is loaded before Paged.js measures anything: a face that arrived during layout (the
    // browser loads a font when text first needs it) reflowed pages already cut, and text was repeated or lost.
    await page.evaluate(loadAllFonts);
    // Paged.js reads PagedConfig when its script runs: `before` registers our handler (handlers are
    // set up when the preview starts), `after` receives the laid-out flow.
    await page.evaluate(installPagedConfig);
    await page.addScriptTag({ path: pagedPolyfillPath() });
    try {
      await page.waitForFunction(
        () => (window as unknown as { __teiPressPages?: number }).__teiPressPages !== undefined,
        null,
        { timeout: LAYOUT_TIMEOUT_MS, polling: 100 },
      );
    } catch {
      const detail = scriptErrors.length ? `; script errors: ${scriptErrors.join(' | ')}` : '';
      throw new PdfLayoutError(`Paged.js did not finish laying out ${htmlName} within ${LAYOUT_TIMEOUT_MS / 1000} s${detail}`);
    }
    for (const message of scriptErrors) options.log.warn('pdf:script-error', `Paged.js reported an error while laying out ${htmlName}: ${message}`);
    await page.evaluate(renameRandomIds);
    await page.evaluate(unjustifySplitContainers);
    await page.evaluate(mergeRepeatedPageRefs);
    const info = await page.evaluate(readDocumentInfo);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return withDocumentInfo(normalisePdf(pdf, options.date), info, options.date);
  } finally {
    await context.close().catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Lets the pages of `context` load only the files of `folder` (the print HTML
 * and what it links to); every other request — a URL of any scheme, a local
 * file elsewhere (`file:///etc/passwd`), from HTML, CSS `url()`/`@import` or a
 * script — gets an empty "403 Forbidden" made here, with a warning, so the PDF never depends on, or sends
 * anything to, the network, and shows no file outside the edition. Inlined
 * `data:` URLs make no request and are not affected.
 */
async function confineRequests(context: BrowserContext, folder: string, log: MessageLog): Promise<void> {
  const own = pathToFileURL(folder).href + '/';
  await context.route(/.*/, async (route) => {
    const url = route.request().url();
    if (url.startsWith(own) && !/%2e%2e|%2f|%5c/i.test(url.slice(own.length))) return route.continue();
    log.warn('pdf:remote-resource', `the print HTML asks for ${url.length > 200 ? `${url.slice(0, 200)}…` : url}, which is not read; the PDF is made without it. Keep the print HTML self-contained`);
    // An empty answer, not an abort: Paged.js waits for ever on a stylesheet whose fetch failed.
    await route.fulfill({ status: 403, contentType: 'text/plain', body: '' });
  });
}

/** The document could not be laid out (Paged.js failed or hung). */
export class PdfLayoutError extends Error {
  override readonly name = 'PdfLayoutError';
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

/**
 * The `pdf` format: renders the HTML writer's files to `<slug>.pdf`.
 * Without Chromium it warns (`pdf:no-chromium`) and returns nothing, so the
 * edition's other formats are still built; a document that cannot be laid out
 * is an error on that input (`pdf:layout`).
 */
export async function writePdf(htmlFiles: readonly OutputFile[], slug: string, options: PdfOptions): Promise<OutputFile[]> {
  try {
    return [{ name: `${slug}.pdf`, data: await renderPdf(htmlFiles, `${slug}.html`, options) }];
  } catch (error) {
    if (error instanceof NoChromiumError) {
      options.log.warn(
        'pdf:no-chromium',
        `${error.message}, so ${slug}.pdf was not made; the other formats are built. Install Chromium (apt-get install chromium) or set TEI_PRESS_CHROMIUM to its path`,
      );
      return [];
    }
    if (error instanceof PdfLayoutError) options.log.fail('pdf:layout', `${error.message}; check the print CSS`);
    throw error;
  }
}

/** The `pdf` writer: prints the print HTML this build made (the `html` row's files; not made again). */
export const write: Writer = async (edition, { slug, settings, made }) =>
  writePdf(made.get('html') ?? [], slug, { chromium: settings.chromium, date: editionDate(edition, settings), log: edition.log });
