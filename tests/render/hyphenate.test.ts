/**
 * The print HTML's hyphenation finds words with one regular expression and
 * hands each distinct word to the `hyphen` package once (speed, issue 15); the
 * package itself reads a whole text one code unit at a time. These tests hold
 * the two to the same result, on hard cases and on every text block of the
 * seed, `../shared/corpus` and the real archive pages, in four languages' patterns.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hyphenateHtml, hyphenatorFor, packageHyphenatorFor, SOFT_HYPHEN } from '../../pipeline/render/hyphenate.js';
import { corpusHtmlMissing, corpusHtmlPages, pageSegments, pageText } from '../corpus-html-pages.js';

const CORPUS = path.resolve('../shared/corpus');
const SEED = path.resolve('seeds/wright-1941-soviet-union-at-war.txt');

/** Both hyphenators of a language agree on every text. */
function expectSame(lang: string, texts: string[]): void {
  const ours = hyphenatorFor(lang)!;
  const theirs = packageHyphenatorFor(lang)!;
  for (const text of texts) expect(ours(text), `${lang}: ${text.slice(0, 80)}`).toBe(theirs(text));
}

describe('hyphenation word by word', () => {
  it('gives the package’s result on hard cases', () => {
    const cases = [
      'international',
      'The revolutionary proletariat’s counter-revolutionary adversaries',
      "l'internationalisme d'organisation qu'aujourd'hui workers'revolution o'sullivan's",
      'don\'t misunderstand; re-establishment, 1917–1923 “extraordinary” — «révolutionnaire»',
      `already${SOFT_HYPHEN}hyphenated words and ${SOFT_HYPHEN}leading soft hyphens${SOFT_HYPHEN}`,
      'non\u00A0breaking\u00A0spaces and\u2009thin\u2009spaces, tabs\tand\nnewlines',
      'digits1234inside words9876 and under_scores, brackets[inside]words, a{b}c',
      'surrogates 𝔐𝔞𝔯𝔵𝔦𝔰𝔪𝔲𝔰 and emoji 🙂🙂🙂 beside Unterdrückungsmaschinerie',
      'Революционное движение пролетариата, Ἀριστοτέλης φιλοσοφία',
      'ends on a long word: internationalism',
      '', ' ', 'short', 'sixsix', '......', 'a',
    ];
    for (const lang of ['en', 'de', 'ru', 'fr']) expectSame(lang, cases);
  });

  it('gives the package’s result on the seed and the plain-text corpus', () => {
    const files = [SEED, ...(!existsSync(CORPUS) ? [] : readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).map((name) => path.join(CORPUS, name)))];
    const texts = files.flatMap((file) => readFileSync(file, 'utf8').split(/\n\s*\n/));
    expect(texts.length).toBeGreaterThan(20);
    expectSame('en', texts);
  });

  it.skipIf(!!corpusHtmlMissing)(`gives the package’s result on every text block of the real archive pages${corpusHtmlMissing ? ` — ${corpusHtmlMissing}` : ''}`, () => {
    // Each page's text blocks, and each whole page as it is read (markup, entities and all: hard input).
    const texts = corpusHtmlPages().flatMap((name) => [...pageSegments(pageText(name)), pageText(name)]);
    expect(texts.length).toBeGreaterThan(1000);
    for (const lang of ['en', 'de', 'es', 'ru']) expectSame(lang, texts);
  });

  it('keeps tags, references and the text outside <main> as they are', () => {
    const html = '<html lang="en"><head><title>internationalism</title></head><body><p>internationalism</p><main><h2>internationalism</h2><p>internationalism &amp; revolutionary</p></main></body></html>';
    const result = hyphenateHtml(html, 'en');
    expect(result.replaceAll(SOFT_HYPHEN, '')).toBe(html);
    expect(result).toContain('<h2>internationalism</h2>');
    expect(result).toContain(`<p>internationalism</p><main>`);
    expect(result).toMatch(new RegExp(`<p>in${SOFT_HYPHEN}?ter.*${SOFT_HYPHEN}.* &amp; rev`));
  });
});
