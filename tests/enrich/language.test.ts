/**
 * The language of the text (issue 9 item 6): the page's `lang` when it states
 * one, else detection from the body with a floor below which the language is
 * left undetermined; English-only rules of the quotation and date stages do
 * not run on other languages; guillemets and low-9 marks are quotation marks.
 */
import { describe, expect, it } from 'vitest';
import { detectLanguage, englishRulesApply, markLanguage, samplesOf } from '../../pipeline/enrich/language.js';
import { classifyQuotations, markQuotationsIn, pairQuoteMarks } from '../../pipeline/enrich/quotes.js';
import { findDates, markDatesIn } from '../../pipeline/enrich/dates.js';
import { assembleTei } from '../../pipeline/tei/assemble.js';
import { serializeTei } from '../../pipeline/tei/serialize.js';
import { MessageLog } from '../../pipeline/messages.js';
import { el } from '../../pipeline/tei/tree.js';
import { emptyMeta } from '../../pipeline/readers/text.js';
import type { Edition } from '../../pipeline/stages.js';
import type { Settings } from '../../pipeline/settings.js';
import { strings } from '../xslt/helpers.js';

const ICELANDIC =
  'Röð og regla ríkja í Varsjá, sagði Sebastiani ráðherra á þinginu í París. Röð og regla ríkja í Berlín, tilkynna borgarablöðin sigri hrósandi, tilkynna Ebert og Noske, tilkynna foringjar hinna sigursælu sveita, sem smáborgaraskríllinn í Berlín veifar til klútum á götunum og hrópar húrra fyrir. Hver getur nú annað en minnst sigurvímu reglumúgsins í París, svallveislu borgarastéttarinnar á líkum baráttumanna Kommúnunnar? Þessi sama borgarastétt var nýbúin að gefast vesællega upp fyrir Prússum og ofurselja höfuðborgina erlendum óvini. ';
const GERMAN =
  'Die bürgerliche Presse in Deutschland spekuliert auf den Ruin. Sie ist voll von Klagen über den Bankrott des Landes und legt mehr Gewicht auf den finanziellen Zusammenbruch, als es die kommunistische Agitation je tun könnte. Man darf annehmen, dass die Bourgeoisie damit bestimmte Absichten verfolgt: sie will die Arbeiter einschüchtern und die Forderungen nach höheren Löhnen zurückweisen. ';
const ENGLISH =
  'The bourgeois press in Germany is speculating on ruin. It is full of complaints about the country’s bankruptcy. It lays more stress on the financial collapse than communist agitation could ever do. It may be supposed that the bourgeoisie has certain purposes in view: it wants to frighten the workers and to reject their demands for higher wages. ';

/** An edition after `assemble`, for running the language stage on it. */
function editionOf(paragraphs: string[], language?: string): Edition {
  const meta = emptyMeta();
  if (language) Object.assign(meta, { language, languageStated: true });
  const read = { meta, body: [el('div', { type: 'section' }, ...paragraphs.map((text) => el('p', {}, text)))] };
  const tei = assembleTei(read, { buildDate: '2000-01-01', toolVersion: 'test', sourceFile: 'x.txt' });
  return { path: 'x.txt', bytes: new Uint8Array(), log: new MessageLog('x.txt'), read, tei };
}

async function languageAfterStage(edition: Edition): Promise<{ lang: string[]; ident: string[]; statement: string; messages: string[] }> {
  await markLanguage(edition, {} as Settings);
  const xml = serializeTei(edition.tei!);
  return {
    lang: strings(xml, '/tei:TEI/@xml:lang'),
    ident: strings(xml, '//tei:langUsage/tei:language/@ident'),
    statement: strings(xml, '//tei:langUsage/tei:language')[0]!,
    messages: edition.log.messages.map((message) => message.ruleId ?? ''),
  };
}

describe('language detection', () => {
  it('cuts a text into samples spread over it, none for a short text', () => {
    expect(samplesOf('word '.repeat(30))).toEqual([]);
    const samples = samplesOf(ENGLISH.repeat(20));
    expect(samples).toHaveLength(9);
    expect(samples.every((sample) => sample.length <= 600 && sample.length >= 500)).toBe(true);
  });

  it('detects Icelandic, German and English when enough samples agree', async () => {
    expect((await detectLanguage(ICELANDIC.repeat(4))).language).toBe('is');
    expect((await detectLanguage(GERMAN.repeat(4))).language).toBe('de');
    expect((await detectLanguage(ENGLISH.repeat(4))).language).toBe('en');
  });

  it('detects a language franc profiles under an individual code of a macrolanguage (Standard Arabic, Mandarin, Iranian Persian)', async () => {
    // Article 1 of the Universal Declaration of Human Rights, in each language's UN text.
    const arabic = 'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء. ';
    const chinese = '人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。';
    const persian = 'تمام افراد بشر آزاد به دنیا می‌آیند و از لحاظ حیثیت و حقوق با هم برابرند. همه دارای عقل و وجدان هستند و باید نسبت به یکدیگر با روح برادری رفتار کنند. ';
    expect((await detectLanguage(arabic.repeat(12))).language).toBe('ar');
    expect((await detectLanguage(chinese.repeat(30))).language).toBe('zh');
    expect((await detectLanguage(persian.repeat(12))).language).toBe('fa');
  });

  it('leaves a short text, or one half in each of two languages, undetermined', async () => {
    const short = await detectLanguage('Chapter IX. The Crisis of 1890');
    expect([short.language, short.samples]).toEqual([undefined, 0]);
    const mixed = await detectLanguage(ENGLISH.repeat(3) + GERMAN.repeat(3));
    expect(mixed.language).toBeUndefined();
    expect(mixed.samples).toBeGreaterThanOrEqual(3);
  });
});

describe('the language stage', () => {
  it('keeps the language the page states, and warns when the text reads otherwise', async () => {
    const result = await languageAfterStage(editionOf([ICELANDIC, ICELANDIC, ICELANDIC, ICELANDIC], 'en'));
    expect(result.lang).toEqual(['en']);
    expect(result.statement).toMatch(/as the page states/);
    expect(result.messages).toContain('language:disagrees');
  });

  it('writes a detected language and says it was detected', async () => {
    const result = await languageAfterStage(editionOf([ICELANDIC, ICELANDIC, ICELANDIC, ICELANDIC]));
    expect(result.lang).toEqual(['is']);
    expect(result.ident).toEqual(['is']);
    expect(result.statement).toMatch(/^Icelandic, detected from the text: the page states no language/);
    expect(result.messages).toEqual([]);
  });

  it('says und, and warns, when the language cannot be told', async () => {
    const result = await languageAfterStage(editionOf(['A short note.']));
    expect(result.lang).toEqual(['und']);
    expect(result.statement).toMatch(/^Undetermined: the page states no language and the text is too short/);
    expect(result.messages).toEqual(['language:undetermined']);
  });
});

describe('quotation marks in other languages', () => {
  const pairsOf = (text: string) => pairQuoteMarks(text).pairs.map((pair) => text.slice(pair.open, pair.close + 1));

  it('pairs «guillemets», »reversed guillemets«, „low-9“ and ‚single low-9‘ marks', () => {
    expect(pairsOf('Il dit « la paix » et «le pain».')).toEqual(['« la paix »', '«le pain»']);
    expect(pairsOf('Er sagte »Frieden« und „Brot“ und ‚Land‘.')).toEqual(['»Frieden«', '„Brot“', '‚Land‘']);
    expect(pairsOf('Mówił „chleb” i ‹pokój›.')).toEqual(['„chleb”', '‹pokój›']);
    expect(pairQuoteMarks('Er sagte „Brot“ und ging.').stray).toEqual([]);
  });

  it('does not read English words of saying into another language', () => {
    const german = 'Lenin said „Frieden“ and went.';
    const pairs = pairQuoteMarks(german).pairs;
    expect(classifyQuotations(german, pairs, undefined, true)[0]?.kind).toBe('q');
    const term = 'the „Frieden“ of them';
    expect(classifyQuotations(term, pairQuoteMarks(term).pairs, undefined, true)[0]?.kind).toBe('soCalled');
    expect(classifyQuotations(term, pairQuoteMarks(term).pairs, undefined, false)[0]?.kind).toBe('q');
  });

  it('marks quotations of a non-English document as q, with no speaker', () => {
    const edition = editionOf(['Wie Marx sagte: „Die Arbeiter haben kein Vaterland.“ Das ist »wahr«.'], 'de');
    const result = markQuotationsIn(edition.tei!, undefined, { persons: () => 'pers-marx' });
    expect(result.quotations.map((quotation) => [quotation.kind, quotation.text, quotation.who])).toEqual([
      ['q', '„Die Arbeiter haben kein Vaterland.“', undefined],
      ['q', '»wahr«', undefined],
    ]);
  });
});

describe('dates in other languages', () => {
  it('reads English month names and relative dates only in English', () => {
    expect(findDates('on 14 May 1919, last August and in 1920', { year: 1921, month: 3 }, true).dates.map((date) => date.text)).toEqual([
      '14 May 1919',
      'last August',
      '1920',
    ]);
    expect(findDates('on 14 May 1919, last August and in 1920', { year: 1921, month: 3 }, false).dates.map((date) => date.text)).toEqual(['1919', '1920']);
  });

  it('marks only numeric dates in a document whose language is not English', () => {
    const edition = editionOf(['Am 9. November 1918, im März 1919 und 1914–18 war es so; last August.'], 'de');
    expect(englishRulesApply(edition.tei!)).toBe(false);
    markDatesIn(edition.tei!);
    const xml = serializeTei(edition.tei!);
    expect(strings(xml, '//tei:body//tei:date')).toEqual(['1918', '1919', '1914–18']);
  });
});
