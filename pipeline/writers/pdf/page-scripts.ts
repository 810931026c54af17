/**
 * Scripts that run inside the print page (passed to page.evaluate, so each is
 * self-contained: no imports, no closures): fonts loaded, Paged.js configured,
 * its random ids made stable, layout fixes, the document's metadata read.
 */

/** Runs in the page: loads every @font-face of the document (each unicode-range subset), then waits for all. */
export async function loadAllFonts(): Promise<void> {
  await Promise.all(Array.from(document.fonts).map((face) => face.load().catch(() => undefined)));
  await document.fonts.ready;
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
export function installPagedConfig(): void {
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
      target.Paged.registerHandlers(KeepTargetsWithContent);
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
export function renameRandomIds(): void {
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
export function unjustifySplitContainers(): void {
  for (const element of Array.from(document.querySelectorAll('[data-align-last-split-element]'))) {
    const holdsBlocks = Array.from(element.children).some((child) => !getComputedStyle(child).display.startsWith('inline'));
    if (holdsBlocks) element.removeAttribute('data-align-last-split-element');
  }
}

/**
 * Runs in the page, after layout: an index lists every mention, so a name
 * said three times on page 12 would read "12, 12, 12". Among sibling links of
 * class `pageref` (the print HTML's mark for a link shown as a page number),
 * a link whose target is on the same page as the previous one is dropped,
 * with the separator before it. Only text is removed after layout, so lines
 * can only get shorter and no page can overflow.
 */
export function mergeRepeatedPageRefs(): void {
  const pageOf = (element: Element | null): string | undefined => element?.closest<HTMLElement>('.pagedjs_page')?.dataset.pageNumber;
  const containers = new Set(Array.from(document.querySelectorAll('a.pageref[href^="#"]')).map((link) => link.parentElement));
  for (const container of containers) {
    if (!container) continue;
    let previous: string | undefined;
    for (const link of Array.from(container.querySelectorAll<HTMLAnchorElement>(':scope > a.pageref[href^="#"]'))) {
      const page = pageOf(document.getElementById(decodeURIComponent(link.getAttribute('href')!.slice(1))));
      if (page !== undefined && page === previous) {
        const separator = link.previousSibling;
        if (separator?.nodeType === Node.TEXT_NODE && /^[\s,;]*$/.test(separator.textContent ?? '')) separator.remove();
        link.remove();
        continue;
      }
      previous = page;
    }
  }
}

/** The PDF's document information: what the print HTML's head says of the text. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
}

/** Runs in the page: title, authors, description and keywords from the print HTML's head (html.xsl writes them from the TEI header). */
export function readDocumentInfo(): DocumentInfo {
  const metas = (name: string) => Array.from(document.querySelectorAll<HTMLMetaElement>(`head meta[name="${name}"]`)).map((meta) => meta.content.trim()).filter(Boolean);
  return { title: document.title.trim(), author: metas('author').join('; '), subject: metas('description').join(' '), keywords: metas('keywords').join(', ') };
}
