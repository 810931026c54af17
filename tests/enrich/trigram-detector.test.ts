/**
 * The language stage's detector gives franc's answer exactly (issue 15): for
 * every sample the stage takes of the seed, `../shared/corpus/`,
 * `../shared/corpus-html/` and of texts in many scripts, the language it
 * returns is `francAll(sample, { only, minLength: 50 })[0][0]` — franc-all
 * 7.2.0, the version package.json pins — including franc's script choice,
 * its `und` and the order in which it breaks ties.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { francAll } from 'franc-all';
import { expressions } from 'franc-all/expressions.js';
import { iso6393 } from 'iso-639-3';
import { detectableLanguages, MIN_DETECT_LENGTH, samplesOf } from '../../pipeline/enrich/language.js';
import { scriptCounts, trigramCounts, trigramDetector } from '../../pipeline/enrich/trigram-detector.js';
import { assemble, decode, read, type Edition } from '../../pipeline/stages.js';
import { findFirst, textOf } from '../../pipeline/tei/tree.js';
import { MessageLog } from '../../pipeline/messages.js';
import type { Settings } from '../../pipeline/settings.js';
import { asTuples } from 'trigram-utils';

const only = detectableLanguages(iso6393);
const detect = trigramDetector(only, MIN_DETECT_LENGTH);
const franc = (sample: string) => francAll(sample, { only, minLength: MIN_DETECT_LENGTH })[0]![0];

/** Samples whose answers differ from franc's, as `sample → ours ≠ franc's` (empty when all agree). */
function disagreements(samples: string[]): string[] {
  return samples.filter((sample) => detect(sample) !== franc(sample)).map((sample) => `${sample.slice(0, 60)}… → ${detect(sample)} ≠ ${franc(sample)}`);
}

/** The samples the language stage takes of an input file's body. */
async function samplesOfInput(file: string): Promise<string[]> {
  const edition: Edition = { path: file, bytes: new Uint8Array(readFileSync(file)), log: new MessageLog(path.basename(file)) };
  const settings = { buildDate: '2000-01-01', toolVersion: 'test' } as Settings;
  for (const stage of [decode, read, assemble]) await stage(edition, settings);
  const body = findFirst(edition.tei!, 'body');
  return samplesOf(body ? textOf(body) : '');
}

const SHARED = path.resolve('../shared');
const sharedMissing = existsSync(SHARED) ? undefined : `${SHARED} is absent (it is not part of the repository)`;

function inputsUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.(txt|md|html?)$/i.test(name) && name !== 'README.md')
    .sort()
    .map((name) => path.join(folder, name));
}

const TEXTS: Record<string, string> = {
  english: 'The bourgeois press in Germany is speculating on ruin. It is full of complaints about the country’s bankruptcy, and lays more stress on the financial collapse than communist agitation could ever do.',
  german: 'Die bürgerliche Presse in Deutschland spekuliert auf den Ruin. Sie ist voll von Klagen über den Bankrott des Landes und legt mehr Gewicht auf den finanziellen Zusammenbruch.',
  french: 'La presse bourgeoise d’Allemagne spécule sur la ruine. Elle est pleine de plaintes sur la banqueroute du pays et insiste davantage sur l’effondrement financier que ne le ferait jamais l’agitation communiste.',
  spanish: 'La prensa burguesa de Alemania especula con la ruina. Está llena de quejas sobre la bancarrota del país y pone más énfasis en el colapso financiero que la agitación comunista.',
  icelandic: 'Röð og regla ríkja í Varsjá, sagði Sebastiani ráðherra á þinginu í París. Röð og regla ríkja í Berlín, tilkynna borgarablöðin sigri hrósandi.',
  russian: 'Буржуазная печать Германии спекулирует на разорении. Она полна жалоб на банкротство страны и придаёт финансовому краху больше значения, чем когда-либо могла бы коммунистическая агитация.',
  ukrainian: 'Буржуазна преса Німеччини спекулює на руїні. Вона сповнена скарг на банкрутство країни і надає фінансовому краху більше ваги, ніж будь-коли могла б комуністична агітація.',
  greek: 'Ο αστικός τύπος της Γερμανίας κερδοσκοπεί πάνω στην καταστροφή. Είναι γεμάτος παράπονα για τη χρεοκοπία της χώρας και δίνει μεγαλύτερη έμφαση στην οικονομική κατάρρευση.',
  arabic: 'إن الصحافة البرجوازية في ألمانيا تراهن على الخراب. إنها مليئة بالشكاوى من إفلاس البلاد وتركز على الانهيار المالي أكثر مما يمكن أن يفعله التحريض الشيوعي.',
  persian: 'مطبوعات بورژوایی آلمان روی ویرانی حساب باز کرده است. آنها پر از شکایت از ورشکستگی کشور هستند و بیش از تبلیغات کمونیستی بر فروپاشی مالی تأکید می‌کنند.',
  hebrew: 'העיתונות הבורגנית בגרמניה מהמרת על החורבן. היא מלאה תלונות על פשיטת הרגל של המדינה ומדגישה את הקריסה הפיננסית יותר מכל תעמולה קומוניסטית.',
  hindi: 'जर्मनी का पूंजीवादी प्रेस बर्बादी पर सट्टा लगा रहा है। यह देश के दिवालियापन की शिकायतों से भरा है और वित्तीय पतन पर कम्युनिस्ट आंदोलन से अधिक ज़ोर देता है।',
  chinese: '德国的资产阶级报刊在投机于破产。它充满了对国家破产的抱怨，比共产主义宣传更强调财政崩溃。资产阶级想借此恐吓工人，拒绝他们提高工资的要求。',
  japanese: 'ドイツのブルジョア新聞は破滅に賭けている。それは国の破産についての不満に満ちており、共産主義の扇動よりも財政の崩壊を強調している。',
  korean: '독일의 부르주아 언론은 파멸에 투기하고 있다. 그것은 나라의 파산에 대한 불평으로 가득 차 있으며 공산주의 선동보다 재정 붕괴를 더 강조한다.',
  astral: '𠀀𠀁𠀂𠀃 Chinese extension B characters 𠀄𠀅𠀆 and 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 letters 😀 with words of English around them, enough of them.',
  tied: 'zqxj vvkq zqxj vvkq zqxj vvkq zqxj vvkq zqxj vvkq zqxj vvkq zqxj vvkq zqxj vvkq',
  digits: '1914 1917 1918 1919 1920 1921 1922 1923 1924 1925 1926 1927 1928 1929 1930 1931 1932',
  punctuation: '!!! ??? ... ,,, ;;; ::: --- *** ((( ))) [[[ ]]] ### $$$ %%% &&& !!! ??? ... ,,, ;;;',
};

/** Windows of each text at several lengths and offsets, mixed pairs of texts, and the texts themselves. */
function textSamples(): string[] {
  const texts = Object.values(TEXTS);
  const samples: string[] = [...texts, ''];
  for (const text of texts) {
    const long = `${text} `.repeat(5);
    for (const length of [40, 49, 50, 51, 80, 150, 300, 600, 2100]) {
      for (let start = 0; start < 120; start += 17) samples.push(long.slice(start, start + length));
    }
  }
  for (const first of texts) for (const second of texts) samples.push(first.slice(0, 90) + second.slice(0, 90));
  return samples;
}

describe('the trigram detector gives franc-all’s answer', () => {
  it('on texts in many scripts and languages, windows of them and mixtures', () => {
    const samples = textSamples();
    expect(samples.length).toBeGreaterThan(1000);
    expect(disagreements(samples)).toEqual([]);
    // The texts reach every way franc answers: trigrams in the Latin, Cyrillic, Arabic, Hebrew and Devanagari
    // scripts (Standard Arabic and Dari allowed as members of macrolanguages), a script with one
    // language (Greek, Japanese, Korean, Mandarin), und (digits).
    const answers = new Set(Object.values(TEXTS).map(detect));
    for (const code of ['eng', 'deu', 'fra', 'spa', 'rus', 'ukr', 'arb', 'prs', 'heb', 'hin', 'ell', 'jpn', 'kor', 'cmn', 'und']) expect(answers).toContain(code);
  });

  it('breaks ties as franc does: a text with no trigram in any profile goes to the first allowed language', () => {
    const ranked = francAll(TEXTS.tied!, { only });
    expect(ranked.filter(([, score]) => score === 1).length).toBeGreaterThan(1);
    expect(detect(TEXTS.tied!)).toBe(ranked[0]![0]);
  });

  it('counts scripts and trigrams as franc and trigram-utils do', () => {
    // Every BMP code unit but the surrogates, once: each expression's count is franc's `match(...).length`.
    let every = '';
    for (let unit = 0; unit < 0x10000; unit++) if (unit < 0xd800 || unit > 0xdfff) every += String.fromCharCode(unit);
    const ours = scriptCounts(every);
    const theirs = Object.values(expressions).map((expression) => every.match(expression)?.length ?? 0);
    expect(ours).toEqual(theirs);
    // No expression has a quantifier: in a text without surrogates each match is one code unit.
    for (const expression of Object.values(expressions)) expect(expression.source).not.toMatch(/[*+?{]/);
    for (const text of [...Object.values(TEXTS), every.slice(0, 3000)]) {
      expect([...trigramCounts(text)].sort()).toEqual(asTuples(text).sort());
    }
  });

  it.skipIf(sharedMissing)(`on every sample of the seed and of ../shared/corpus and corpus-html${sharedMissing ? ` (skipped: ${sharedMissing})` : ''}`, async () => {
    const inputs = [...inputsUnder(path.resolve('seeds')), ...inputsUnder(path.join(SHARED, 'corpus')), ...inputsUnder(path.join(SHARED, 'corpus-html'))];
    expect(inputs.length).toBeGreaterThanOrEqual(77);
    const samples = (await Promise.all(inputs.map(samplesOfInput))).flat();
    expect(samples.length).toBeGreaterThan(400);
    expect(disagreements(samples)).toEqual([]);
  }, 120_000);

  it('on every sample of the seed', async () => {
    const samples = (await Promise.all(inputsUnder(path.resolve('seeds')).map(samplesOfInput))).flat();
    expect(samples.length).toBeGreaterThan(0);
    expect(disagreements(samples)).toEqual([]);
    expect(samples.map(detect)).toContain('eng');
  });
});
