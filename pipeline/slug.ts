/** Edition slugs: `<author surname>-<year>-<title words>`, ASCII and filesystem-safe. */
import type { ArticleMeta } from './model.js';
import { looksLikeName } from './readers/text.js';
import { namesOfAuthorLine, workDate } from './work-facts.js';

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

/** The year the work was written or first printed (see {@link workDate}); never an edition's or the page's update. */
export function yearOf(meta: ArticleMeta): string {
  return workDate(meta)?.date.iso.slice(0, 4) ?? '';
}

/** Particles that belong to a surname (`Daniel De Leon` → `De Leon`, `Ludwig von Mises` → `von Mises`). */
const SURNAME_PARTICLES = /^(?:de|del|della|der|den|di|da|du|van|von|le|la|ten|ter|zu|dos|das)$/i;

/** The surname of a person's name as printed: its last word with the particles before it. */
export function surnameOf(name: string): string {
  const words = name.replace(/\s*,?\s*(?:Jr|Sr)\.?$/i, '').split(/\s+/).filter(Boolean);
  let first = words.length - 1;
  while (first > 1 && SURNAME_PARTICLES.test(words[first - 1]!)) first--;
  return words.slice(Math.max(first, 0)).join(' ');
}

/**
 * The slug of an article, e.g. `wright-1941-soviet-union-at-war`: author surname, year, title words
 * (without a leading article), at most 80 characters. Without a title the input file name stands in
 * for it (used as it is when it already starts with the surname and year, as archive file names do).
 */
export function slugOf(meta: ArticleMeta, fileName: string): string {
  const line = meta.authors[0];
  const author = line ? namesOfAuthorLine(line)[0]?.replace(/\u00A0/g, ' ').trim() : undefined;
  // A person gives their surname; an organisation (`Political Committee of the SWP`) its first two words.
  const person = !!author && (!!line?.names?.length || looksLikeName(author));
  const surname = !author ? '' : person ? asciiWords(surnameOf(author)) : asciiWords(author.split(/\s+/).slice(0, 2).join(' '));
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
