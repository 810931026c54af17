/**
 * The one way TypeScript writes HTML (the review report, the corpus index):
 * hast trees made with hastscript and serialised by hast-util-to-html, which
 * does all the escaping. The reading editions are XSLT's (xslt/).
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent, Root } from 'hast';

export { h };
export type { ElementContent };

/** Children with a line end between each, so that the page reads well as source. */
export function lines(children: readonly (ElementContent | readonly ElementContent[] | null | undefined)[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child === null || child === undefined) continue;
    for (const node of Array.isArray(child) ? child : [child as ElementContent]) out.push(node, { type: 'text', value: '\n' });
  }
  return out;
}

/** Items joined by a separator text (`', '`, `' · '`). */
export function joined(items: readonly (ElementContent | string)[], separator: string): (ElementContent | string)[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [separator, item]));
}

/** A whole page: doctype, `html` with its language, a head with title and inline style, and the body's children. */
export function htmlPage(page: { lang: string; title: string; style: string; body: readonly ElementContent[] }): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      { type: 'text', value: '\n' },
      h('html', { lang: page.lang }, [
        '\n',
        h('head', ['\n', ...lines([h('meta', { charset: 'utf-8' }), h('title', page.title), h('style', `\n${page.style}\n`)])]),
        '\n',
        h('body', ['\n', ...page.body]),
        '\n',
      ]),
      { type: 'text', value: '\n' },
    ],
  };
  return toHtml(tree, { characterReferences: { useShortestReferences: true } });
}
