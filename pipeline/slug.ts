/** Edition slugs: `<author surname>-<year>-<title words>`, ASCII and filesystem-safe. */
import type { ArticleMeta } from './model.js';

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

/** The slug of an article, e.g. `wright-1941-soviet-union-at-war`; falls back to the input file name. */
export function slugOf(meta: ArticleMeta, fileName: string): string {
  const author = meta.authors[0]?.text.trim();
  const surname = author ? asciiWords(author.split(/\s+/).pop() ?? '') : '';
  const year = (meta.dateLine?.date?.iso ?? meta.source?.date?.iso ?? '').slice(0, 4);
  const title = asciiWords(meta.title.map((line) => line.text.trim()).join(' ').replace(LEADING_ARTICLES, ''));
  const parts = [surname, year, title].filter(Boolean);
  let slug = parts.join('-');
  if (!title) slug = [slug, asciiWords(fileName.replace(/\.[^.]+$/, ''))].filter(Boolean).join('-');
  slug = slug.slice(0, 80).replace(/-+$/, '');
  return slug || 'edition';
}
