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
export function mergePageRefs(): void {
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
