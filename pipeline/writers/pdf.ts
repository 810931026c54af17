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
 * ({@link closePrintBrowser} ends it; `buildEditions` calls it at the end).
 * Each document gets its own browser context, so no state leaks between them.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
// playwright-core is imported on first use: it costs ~0.7 s to load, and most builds make no PDF.
import type { Browser, BrowserContext } from 'playwright-core';
import type { MessageLog } from '../messages.js';
import type { OutputFile } from './output-file.js';

/**
 * Chromium's command-line switches: no sandbox (we run as root in CI), no GPU,
 * and no network of its own. Every request a page makes is also checked by
 * {@link confineRequests}; these switches stop what Chromium does by itself
 * (updates, safe browsing, DNS prefetch, pings) and make any host name
 * unresolvable, so that nothing leaves the machine even if a request slipped
 * past the check.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  // Paged.js fetches the document's stylesheets again with fetch(); on file:// that needs this switch or it hangs on
  // CORS. It would let a script read any local file; confineRequests allows only the document's own folder.
  '--allow-file-access-from-files',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=NetworkPrediction,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,InterestFeedContentSuggestions',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--no-first-run',
];

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

let browser: { executable: string; launched: Promise<Browser> } | undefined;

/** Starts (once) and returns the shared browser for this Chromium executable. */
function printBrowser(executable: string): Promise<Browser> {
  if (browser && browser.executable !== executable) {
    // A different executable was asked for: end the old one, start the new one.
    const old = browser.launched;
    browser = undefined;
    void old.then((b) => b.close()).catch(() => undefined);
  }
  if (!browser) {
    // launch() gives the browser a fresh, temporary user-data-dir and removes it on close.
    const launched = import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath: executable, headless: true, args: CHROMIUM_ARGS }),
    );
    browser = { executable, launched };
    const forget = (): void => {
      if (browser?.launched === launched) browser = undefined;
    };
    // A browser that failed to start or later crashed is not reused: the next PDF starts a new one.
    launched.then((started) => started.on('disconnected', forget), forget);
  }
  return browser.launched;
}

/** Closes the shared print browser, if one was started. Safe to call more than once. */
export async function closePrintBrowser(): Promise<void> {
  const current = browser;
  browser = undefined;
  if (current) await current.launched.then((b) => b.close()).catch(() => undefined);
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

/** Thrown when Chromium cannot be found or started: the PDF is skipped, the other formats are still built. */
export class NoChromiumError extends Error {
  override readonly name = 'NoChromiumError';
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
    await page.evaluate(mergePageRefs);
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

/** Runs in the page: loads every @font-face of the document (each unicode-range subset), then waits for all. */
async function loadAllFonts(): Promise<void> {
  await Promise.all(Array.from(document.fonts).map((face) => face.load().catch(() => undefined)));
  await document.fonts.ready;
}

/** The document could not be laid out (Paged.js failed or hung). */
export class PdfLayoutError extends Error {
  override readonly name = 'PdfLayoutError';
}

/**
 * Runs in the page, before Paged.js loads: sets `PagedConfig`, with a handler
 * that keeps link targets where their content is.
 *
 * Why: when a heading is pushed to the next page (`break-after: avoid`), its
 * section leaves an empty first fragment at the foot of the page before, and
 * that fragment keeps the section's `id`. Paged.js's `target-counter` (and
 * Chromium's link destinations) then give the page of the empty fragment:
 * the contents would send the reader one page too early. The handler moves
 * such an `id` from an empty fragment that continues on the next page to its
 * continuation, before `target-counter` reads it (in `beforeRenderResult`,
 * which runs before the page's `afterPageLayout`).
 */
function installPagedConfig(): void {
  type Wrapper = { querySelectorAll(selector: string): ArrayLike<HTMLElement>; querySelector(selector: string): HTMLElement | null };
  const stash = new Map<string, string>();
  const holdsContent = (element: HTMLElement): boolean =>
    (element.textContent ?? '').trim() !== '' || element.querySelector('img, svg, video, canvas, iframe, object, embed, hr, table, math') !== null;
  /** The data-ref of every element of the source that contains the node where the next page resumes. */
  const continuing = (breakToken: { node?: Node } | undefined): Set<string> => {
    const refs = new Set<string>();
    for (let node: Node | null = breakToken?.node ?? null; node; node = node.parentNode) {
      const ref = (node as HTMLElement).dataset?.ref;
      if (ref) refs.add(ref);
    }
    return refs;
  };
  const target = window as unknown as {
    PagedConfig: unknown;
    __teiPressPages?: number;
    Paged: { Handler: new (...args: unknown[]) => object; registerHandlers(...handlers: unknown[]): void };
  };
  target.PagedConfig = {
    auto: true,
    before: () => {
      class KeepTargetsWithContent extends target.Paged.Handler {
        beforeRenderResult(breakToken: { node?: Node } | undefined, wrapper: Wrapper): void {
          for (const [ref, id] of stash) {
            const fragment = wrapper.querySelector(`[data-ref="${CSS.escape(ref)}"]`);
            if (fragment && !fragment.id) {
              fragment.id = id;
              stash.delete(ref);
            }
          }
          const continues = continuing(breakToken);
          for (const element of Array.from(wrapper.querySelectorAll('[id][data-ref]'))) {
            if (continues.has(element.dataset.ref!) && !holdsContent(element)) {
              stash.set(element.dataset.ref!, element.id);
              element.removeAttribute('id');
            }
          }
        }
      }
      // A page that ends inside a word ends where the line does: at the soft hyphen. Paged.js 0.4.3 measures
      // the letter after a soft hyphen on the line before (its box is taken at the end of that line), so it
      // cut one letter late ("broad­c‑" / "asts"). Such a cut, one letter past a soft hyphen, is never a
      // line end, so the overflow is moved back to the soft hyphen.
      class BreakWordsAtTheirHyphen extends target.Paged.Handler {
        onOverflow(overflow: Range | undefined): Range | undefined {
          const node = overflow?.startContainer;
          const at = overflow?.startOffset ?? 0;
          if (!overflow || node?.nodeType !== Node.TEXT_NODE || at < 2) return undefined;
          const text = node.textContent ?? '';
          if (text[at - 2] !== '\u00AD' || !/\p{L}/u.test(text[at - 1] ?? '')) return undefined;
          const mended = document.createRange();
          mended.setStart(node, at - 1);
          mended.setEnd(overflow.endContainer, overflow.endOffset);
          return mended;
        }
        // Paged.js marks such a break with U+2011, which the bundled face lacks (a fallback face drew it): a hyphen.
        afterPageLayout(page: HTMLElement): void {
          for (const element of Array.from(page.querySelectorAll('.pagedjs_hyphen'))) {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            let last: Node | null = null;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
            if (last?.textContent?.endsWith('\u2011')) last.textContent = `${last.textContent.slice(0, -1)}-`;
          }
        }
      }
      target.Paged.registerHandlers(KeepTargetsWithContent, BreakWordsAtTheirHyphen);
    },
    after: (flow: { total: number }) => {
      target.__teiPressPages = flow.total;
    },
  };
}

/**
 * Runs in the page: Paged.js names footnotes (and some other elements) with
 * random UUIDs, which Chromium writes into the PDF as link destinations.
 * Renaming them in document order keeps the PDF's bytes the same from one
 * build to the next.
 */
function renameRandomIds(): void {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const renamed = new Map<string, string>();
  let counter = 0;
  for (const element of Array.from(document.querySelectorAll('[id]'))) {
    if (!uuid.test(element.id)) continue;
    uuid.lastIndex = 0;
    const old = element.id;
    const fresh = old.replace(uuid, () => `n${String(++counter).padStart(4, '0')}`);
    renamed.set(old, fresh);
    element.id = fresh;
  }
  uuid.lastIndex = 0;
  for (const link of Array.from(document.querySelectorAll('a[href^="#"]'))) {
    const target = renamed.get(decodeURIComponent(link.getAttribute('href')!.slice(1)));
    if (target) link.setAttribute('href', `#${target}`);
  }
}

/**
 * Runs in the page, after layout: Paged.js marks the element split at a page
 * end with `data-align-last-split-element="justify"` so that the last line
 * before the break is justified. When the split falls between two blocks,
 * the marked element is their container (a section, a list), and since
 * `text-align-last` is inherited, every paragraph and heading of that
 * container on the page gets its last line stretched across the measure.
 * Only a block that holds the broken line needs the mark, so containers of
 * blocks lose it. Alignment does not move line breaks, so the pages stay as
 * laid out.
 */
function unjustifySplitContainers(): void {
  for (const element of Array.from(document.querySelectorAll('[data-align-last-split-element]'))) {
    const holdsBlocks = Array.from(element.children).some((child) => !getComputedStyle(child).display.startsWith('inline'));
    if (holdsBlocks) element.removeAttribute('data-align-last-split-element');
  }
}

/**
 * Runs in the page, after layout: an index lists every mention, so a name
 * said three times on page 12 would read "12, 12, 12", and one named on every
 * page from 7 to 9 "7, 8, 9". Among sibling links of class `pageref` (the
 * print HTML's mark for a link shown as a page number), a link whose target is
 * on the same page as the previous one is dropped, with the separator before
 * it; then a run of consecutive pages keeps its first and last link, joined by
 * an en dash ("7–9", and "7–8" for two). The numbers stay Paged.js's
 * `target-counter`s: CSS cannot count a range, so the run is found here, from
 * the page each target was laid out on. Only text is removed or shortened
 * after layout, so lines can only get shorter and no page can overflow.
 */
function mergePageRefs(): void {
  const pageOf = (element: Element | null): number => Number(element?.closest<HTMLElement>('.pagedjs_page')?.dataset.pageNumber);
  /** Removes a link and the separator (", ") before it. */
  const drop = (link: Element): void => {
    const separator = link.previousSibling;
    if (separator?.nodeType === Node.TEXT_NODE && /^[\s,;]*$/.test(separator.textContent ?? '')) separator.remove();
    link.remove();
  };
  const containers = new Set(Array.from(document.querySelectorAll('a.pageref[href^="#"]')).map((link) => link.parentElement));
  for (const container of containers) {
    if (!container) continue;
    const kept: { link: Element; page: number }[] = [];
    for (const link of Array.from(container.querySelectorAll<HTMLAnchorElement>(':scope > a.pageref[href^="#"]'))) {
      const page = pageOf(document.getElementById(decodeURIComponent(link.getAttribute('href')!.slice(1))));
      if (Number.isInteger(page) && page === kept[kept.length - 1]?.page) drop(link);
      else kept.push({ link, page });
    }
    for (let first = 0; first < kept.length; ) {
      let last = first;
      while (last + 1 < kept.length && Number.isInteger(kept[last]!.page) && kept[last + 1]!.page === kept[last]!.page + 1) last++;
      if (last > first) {
        for (let middle = first + 1; middle < last; middle++) drop(kept[middle]!.link);
        const separator = kept[last]!.link.previousSibling;
        if (separator?.nodeType === Node.TEXT_NODE && /^[\s,;]*$/.test(separator.textContent ?? '')) separator.textContent = '\u2013';
        else kept[last]!.link.before('\u2013');
      }
      first = last + 1;
    }
  }
}

/**
 * Makes Chromium's PDF reproducible. Skia stamps `/CreationDate` and
 * `/ModDate` from the clock (it writes no `/ID` and no XMP stream unless asked
 * for PDF/A); we overwrite both with the build's fixed date. The replacement
 * has exactly the same length, so the cross-reference offsets stay valid.
 */
export function normalisePdf(pdf: Uint8Array, isoDate: string): Uint8Array {
  if (!/^\d{4}-\d\d-\d\d$/.test(isoDate)) throw new Error(`the PDF date must be YYYY-MM-DD, got "${isoDate}"`);
  const stamp = `${isoDate.replaceAll('-', '')}000000`;
  // latin1 maps bytes to characters one to one, so offsets in the string are offsets in the file.
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (_match, key: string, _clock: string, zone: string) => {
    // Skia writes the machine's offset as +HH'MM'; UTC has the same length. Any other form is kept as it is.
    const utc = /^[+-]\d\d'\d\d'$/.test(zone) ? "+00'00'" : zone;
    return `/${key} (D:${stamp}${utc})`;
  });
  if (fixed.length !== text.length) throw new Error('normalising the PDF dates changed its length');
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/** The PDF's document information: what the print HTML's head says of the text. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
}

/** Runs in the page: title, authors, description and keywords from the print HTML's head (html.xsl writes them from the TEI header). */
function readDocumentInfo(): DocumentInfo {
  const metas = (name: string) => Array.from(document.querySelectorAll<HTMLMetaElement>(`head meta[name="${name}"]`)).map((meta) => meta.content.trim()).filter(Boolean);
  return { title: document.title.trim(), author: metas('author').join('; '), subject: metas('description').join(' '), keywords: metas('keywords').join(', ') };
}

/** A PDF text string: UTF-16BE with its byte order mark, written in hex (any character, no escaping). */
function pdfTextString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/**
 * Gives the PDF its document information (Title, Author, Subject, Keywords),
 * which Chromium does not write beyond the title, by an incremental update
 * (ISO 32000-1, 7.5.6): a new Info dictionary, a cross-reference section for
 * it and a trailer pointing back to Chromium's. Chromium's bytes stay as they
 * are, so the outline, tags and links are untouched; the dates are the
 * edition's, and the update depends only on its inputs, so builds stay
 * byte-identical.
 */
export function withDocumentInfo(pdf: Uint8Array, info: DocumentInfo, isoDate: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const trailerAt = text.lastIndexOf('trailer');
  const startAt = text.lastIndexOf('startxref');
  if (trailerAt < 0 || startAt < trailerAt) throw new Error('the PDF has no classic trailer to update (Chromium wrote a cross-reference stream?)');
  const trailer = text.slice(trailerAt, startAt);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const previous = Number(/startxref\s+(\d+)/.exec(text.slice(startAt))?.[1]);
  if (!Number.isInteger(size) || !root || !Number.isInteger(previous)) throw new Error('the PDF trailer lacks /Size, /Root or startxref');
  // Chromium's Producer and Creator are kept, read from its Info dictionary.
  const oldInfoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const oldInfo = oldInfoRef ? new RegExp(`(?:^|\\s)${oldInfoRef[1]} ${oldInfoRef[2]} obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)?.[1] ?? '' : '';
  const kept = (key: string) => new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f]*>)`).exec(oldInfo)?.[1];
  const stamp = `(D:${isoDate.replaceAll('-', '')}000000+00'00')`;
  const entries = [
    info.title && `/Title ${pdfTextString(info.title)}`,
    info.author && `/Author ${pdfTextString(info.author)}`,
    info.subject && `/Subject ${pdfTextString(info.subject)}`,
    info.keywords && `/Keywords ${pdfTextString(info.keywords)}`,
    kept('Creator') && `/Creator ${kept('Creator')}`,
    kept('Producer') && `/Producer ${kept('Producer')}`,
    `/CreationDate ${stamp}`,
    `/ModDate ${stamp}`,
  ].filter(Boolean);
  const lead = text.endsWith('\n') ? '' : '\n';
  const objectAt = text.length + lead.length;
  const object = `${size} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const update =
    `${lead}${object}xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${previous}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]));
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
