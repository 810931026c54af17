/** Edition slugs: `<author surname>-<year>-<title words>`, ASCII and filesystem-safe. */
import type { ArticleMeta } from './model.js';
import { looksLikeName } from './readers/text.js';

const LEADING_ARTICLES = /^(the|a|an)\s+/i;

/** Lower-case ASCII words joined by hyphens. */
export function asciiWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The year the text was written or first printed: dateline, then a `Written:` field, then the print source's date. */
export function yearOf(meta: ArticleMeta): string {
  const written = meta.info.find((field) => /^written$/i.test(field.label));
  const writtenYear = written ? /\b(1[5-9]\d\d|20\d\d)\b/.exec(written.value)?.[1] : undefined;
  return (meta.dateLine?.date?.iso ?? writtenYear ?? meta.source?.date?.iso ?? '').slice(0, 4);
}

/**
 * The slug of an article, e.g. `wright-1941-soviet-union-at-war`: author surname, year, title words
 * (without a leading article), at most 80 characters. Without a title the input file name stands in
 * for it (used as it is when it already starts with the surname and year, as archive file names do).
 */
export function slugOf(meta: ArticleMeta, fileName: string): string {
  const author = meta.authors[0]?.text.replace(/\u00A0/g, ' ').trim().replace(/^By\s+/i, '');
  // A person gives their surname; an organisation (`Political Committee of the SWP`) its first two words.
  const surname = !author ? '' : looksLikeName(author) ? asciiWords(author.split(/\s+/).pop() ?? '') : asciiWords(author.split(/\s+/).slice(0, 2).join(' '));
  const year = yearOf(meta);
  const titleText = meta.title
    .map((line) => line.text.replace(/\[\^?\[\d+\]\^?\]\([^)]*\)(?:\{[^}]*\})?/g, '').trim())
    .join(' ')
    .replace(LEADING_ARTICLES, '');
  const title = asciiWords(titleText);
  const prefix = [surname, year].filter(Boolean).join('-');
  let slug: string;
  if (title) slug = [prefix, title].filter(Boolean).join('-');
  else {
    const stem = asciiWords(fileName.replace(/\.[^.]+$/, ''));
    slug = prefix && stem.startsWith(prefix) ? stem : [prefix, stem].filter(Boolean).join('-');
  }
  slug = slug.slice(0, 80).replace(/-+$/, '');
  return slug || 'edition';
}
