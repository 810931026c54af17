/**
 * The print browser: one headless Chromium per process, started on the first
 * PDF and reused across a batch ({@link closePrintBrowser} ends it), with
 * no network of its own.
 */
// playwright-core is imported on first use: it costs ~0.7 s to load, and most builds make no PDF.
import type { Browser } from 'playwright-core';

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

let browser: { executable: string; launched: Promise<Browser> } | undefined;

/** Starts (once) and returns the shared browser for this Chromium executable. */
export function printBrowser(executable: string): Promise<Browser> {
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

/** Thrown when Chromium cannot be found or started: the PDF is skipped, the other formats are still built. */
export class NoChromiumError extends Error {
  override readonly name = 'NoChromiumError';
}
