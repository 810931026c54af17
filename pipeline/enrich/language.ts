/**
 * The language of the text (issue 9 item 6). A page that states its language
 * (`<html lang="de">`) is taken at its word; otherwise the language is
 * detected from the body text with franc (trigram profiles of 400+
 * languages, npm `franc-all`), restricted to the living languages that have a
 * two-letter ISO 639-1 code, and written as that code (`xml:lang="is"`).
 *
 * Detection is trusted only when it is clear: the body is cut into samples of
 * 300 to 600 characters spread over the text (see {@link samplesOf}), each sample is
 * detected on its own, and the language is taken only when at least
 * {@link MIN_AGREEING} samples and {@link MIN_SHARE} of them agree. Below that
 * floor (a short text, a text in two languages) the language is left
 * undetermined (`und`), never guessed, and a warning says so. The header says
 * which it was: `langUsage/language` carries the code and a sentence saying
 * whether the page stated it, it was detected (with the samples that
 * agreed), or it could not be told.
 *
 * Stages after this one read the language from `TEI/@xml:lang` ({@link languageOf})
 * and run their English-only rules only where {@link englishRulesApply}.
 */
import type { Stage } from '../edition.js';
import { findFirst, textOf, type Element, type Root } from '../tei/tree.js';

/** Characters in one detection sample. */
export const SAMPLE_LENGTH = 600;
/** The shortest sample: a text needs {@link MIN_AGREEING} of these to be detected at all. */
export const MIN_SAMPLE_LENGTH = 300;
/** At most this many samples are taken, spread over the text. */
const MAX_SAMPLES = 9;
/** Samples that must agree for a detection to be trusted. */
export const MIN_AGREEING = 3;
/** Share of the samples that must agree. */
export const MIN_SHARE = 0.8;

/** What detection found. */
export interface LanguageGuess {
  /** ISO 639-1 code, when the detection is clear. */
  language?: string;
  /** The most frequent language of the samples, clear or not (ISO 639-1, or ISO 639-3 when it has no 639-1 code). */
  leading?: string;
  samples: number;
  /** Samples that gave the leading language. */
  agreeing: number;
}

interface Detector {
  detect(sample: string): string;
  /** ISO 639-3 → ISO 639-1. */
  toIso1: Record<string, string>;
  /** ISO 639-1 → English name. */
  names: Map<string, string>;
}

let detector: Promise<Detector> | undefined;

/** franc's `minLength`: a shorter sample is `und`. */
export const MIN_DETECT_LENGTH = 50;

/**
 * Individual languages franc knows by their ISO 639-3 code that have no
 * ISO 639-1 code of their own but belong to a macrolanguage that has one
 * (SIL International's ISO 639-3 macrolanguage mappings,
 * `iso-639-3-macrolanguages.tab`): franc profiles Standard Arabic as `arb`
 * and Mandarin as `cmn`, not `ara` and `zho`, so without them an Arabic text
 * read as Urdu or Persian and a Chinese one as undetermined. Written as the
 * macrolanguage's two-letter code (`arb` → `ar`).
 */
export const MACROLANGUAGE_CODES: Readonly<Record<string, string>> = {
  arb: 'ar', // Standard Arabic → Arabic (ara)
  cmn: 'zh', // Mandarin Chinese → Chinese (zho)
  pes: 'fa', prs: 'fa', // Iranian Persian, Dari → Persian (fas)
  zlm: 'ms', // Malay (individual language) → Malay (msa)
  swh: 'sw', // Swahili (individual language) → Swahili (swa)
  ekk: 'et', // Standard Estonian → Estonian (est)
  lvs: 'lv', // Standard Latvian → Latvian (lav)
  als: 'sq', // Tosk Albanian → Albanian (sqi)
  uzn: 'uz', // Northern Uzbek → Uzbek (uzb)
  azj: 'az', azb: 'az', // North and South Azerbaijani → Azerbaijani (aze)
  khk: 'mn', // Halh Mongolian → Mongolian (mon)
  npi: 'ne', // Nepali (individual language) → Nepali (nep)
  ydd: 'yi', // Eastern Yiddish → Yiddish (yid)
  ckb: 'ku', // Central Kurdish → Kurdish (kur)
  pbu: 'ps', // Northern Pashto → Pashto (pus)
  plt: 'mg', // Plateau Malagasy → Malagasy (mlg)
  gaz: 'om', // West Central Oromo → Oromo (orm)
  fuv: 'ff', fuf: 'ff', // Nigerian Fulfulde, Pular → Fulah (ful)
  knc: 'kr', // Central Kanuri → Kanuri (kau)
  kng: 'kg', // Koongo → Kongo (kon)
  fat: 'ak', // Fanti → Akan (aka)
  ayr: 'ay', // Central Aymara → Aymara (aym)
  gug: 'gn', // Paraguayan Guaraní → Guarani (grn)
  zyb: 'za', // Yongbei Zhuang → Zhuang (zha)
  koi: 'kv', // Komi-Permyak → Komi (kom)
  csw: 'cr', // Swampy Cree → Cree (cre)
  ojb: 'oj', // Northwestern Ojibwa → Ojibwa (oji)
  ike: 'iu', // Eastern Canadian Inuktitut → Inuktitut (iku)
  // The Quechua languages franc profiles → Quechua (que).
  qug: 'qu', quz: 'qu', quy: 'qu', qwh: 'qu', qxn: 'qu', qva: 'qu', qvm: 'qu', qvn: 'qu', qvh: 'qu', qvc: 'qu', quh: 'qu', qxu: 'qu',
};

/**
 * The languages detection may give (ISO 639-3 codes, franc's): living, with
 * an ISO 639-1 code, or in a macrolanguage that has one ({@link MACROLANGUAGE_CODES}).
 */
export function detectableLanguages(iso6393: readonly { iso6391?: string; iso6393: string; type: string }[]): string[] {
  return iso6393.filter((entry) => (entry.iso6391 || entry.iso6393 in MACROLANGUAGE_CODES) && entry.type === 'living').map((entry) => entry.iso6393);
}

/** Loads franc's profiles (see trigram-detector.ts) and the ISO 639 tables on first use (a build of a stated-language page never needs the trigram data). */
function loadDetector(): Promise<Detector> {
  detector ??= Promise.all([import('./trigram-detector.js'), import('iso-639-3')]).then(([{ trigramDetector }, { iso6393, iso6393To1 }]) => {
    const names = new Map(iso6393.filter((entry) => entry.iso6391).map((entry) => [entry.iso6391!, entry.name]));
    return { detect: trigramDetector(detectableLanguages(iso6393), MIN_DETECT_LENGTH), toIso1: { ...iso6393To1, ...MACROLANGUAGE_CODES }, names };
  });
  return detector;
}

/**
 * Samples spread evenly over the text, cut at spaces: as many as fit up to
 * {@link MAX_SAMPLES}, each of {@link SAMPLE_LENGTH} characters, or shorter
 * (down to {@link MIN_SAMPLE_LENGTH}) when the text is short.
 */
export function samplesOf(text: string): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  const count = Math.min(MAX_SAMPLES, Math.floor(clean.length / MIN_SAMPLE_LENGTH));
  if (count === 0) return [];
  const step = clean.length / count;
  const length = Math.min(SAMPLE_LENGTH, Math.floor(step));
  const samples: string[] = [];
  for (let index = 0; index < count; index++) {
    let start = Math.floor(index * step);
    const space = clean.indexOf(' ', start);
    if (start > 0 && space >= 0 && space - start < 40) start = space + 1;
    samples.push(clean.slice(start, start + length));
  }
  return samples;
}

/** Detects the language of a text (see the module's notes for when a guess is trusted). */
export async function detectLanguage(text: string): Promise<LanguageGuess> {
  const samples = samplesOf(text);
  if (samples.length === 0) return { samples: 0, agreeing: 0 };
  const { detect, toIso1 } = await loadDetector();
  const counts = new Map<string, number>();
  for (const sample of samples) {
    const code = detect(sample);
    const iso1 = toIso1[code] ?? code;
    counts.set(iso1, (counts.get(iso1) ?? 0) + 1);
  }
  const [leading, agreeing] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  const clear = leading !== 'und' && agreeing >= MIN_AGREEING && agreeing / samples.length >= MIN_SHARE;
  return { language: clear ? leading : undefined, leading, samples: samples.length, agreeing };
}

/** The primary language subtag of a BCP 47 tag, lower-cased (`en-GB` → `en`). */
export function primaryLanguage(tag: string | undefined): string | undefined {
  return tag?.split('-')[0]?.toLowerCase() || undefined;
}

/** The language of a TEI document, from `TEI/@xml:lang` (primary subtag), or undefined. */
export function languageOf(tei: Root): string | undefined {
  const root = findFirst(tei, 'TEI');
  const value = root?.attributes?.['xml:lang'];
  return primaryLanguage(typeof value === 'string' ? value : undefined);
}

/**
 * True when rules written for English may run on the document: its language
 * is English, or not known to be anything else (`und`: a text too short to
 * tell; no `xml:lang`: a tree not made by the pipeline). A document known to be
 * in another language never gets them.
 */
export function englishRulesApply(tei: Root): boolean {
  const language = languageOf(tei);
  return language === undefined || language === 'en' || language === 'und';
}

/** Writes the language into `TEI/@xml:lang` and `langUsage/language` with a sentence on where it came from. */
function setLanguage(tei: Root, code: string, statement: string): void {
  const root = findFirst(tei, 'TEI');
  if (root) root.attributes = { ...root.attributes, 'xml:lang': code };
  const language: Element | undefined = findFirst(tei, 'langUsage') && findFirst(findFirst(tei, 'langUsage')!, 'language');
  if (language) {
    language.attributes = { ...language.attributes, ident: code };
    language.children = [{ type: 'text', value: statement }];
  }
}

/** How a detection is described in the header. */
function evidence(guess: LanguageGuess): string {
  return `${guess.agreeing} of ${guess.samples} samples of the text`;
}

/**
 * Stage: the language of the text. Runs after `assemble`, before the
 * stages that have English-only rules (quotations, dates).
 */
export const markLanguage: Stage = async (edition, settings) => {
  const tei = edition.tei!;
  const meta = edition.read!.meta;
  const body = findFirst(tei, 'body');
  const guess = await detectLanguage(body ? textOf(body) : '');
  const { names } = await loadDetector();
  const nameOf = (code: string) => names.get(primaryLanguage(code)!) ?? code;
  if (meta.languageStated) {
    setLanguage(tei, meta.language, `${nameOf(meta.language)}, as the page states (lang="${meta.language}").`);
    if (guess.language && guess.language !== primaryLanguage(meta.language)) {
      edition.log.warn(
        'language:disagrees',
        `the page says its language is ${nameOf(meta.language)} (lang="${meta.language}"), but the text reads as ${nameOf(guess.language)} (${evidence(guess)}); the page's statement is kept — check it`,
      );
    }
    return;
  }
  if (guess.language) {
    setLanguage(tei, guess.language, `${nameOf(guess.language)}, detected from the text: the page states no language (franc trigram detection, ${evidence(guess)} agree).`);
    return;
  }
  const why =
    guess.samples < MIN_AGREEING
      ? 'the text is too short to tell'
      : `the samples of the text disagree (the most frequent, ${nameOf(guess.leading ?? 'und')}, in ${evidence(guess)})`;
  // The press's default language (tei-press.json) is taken only where neither the page nor the text tells.
  const fallback = settings?.edition?.language;
  if (fallback) {
    setLanguage(tei, fallback, `${nameOf(fallback)}, the default language of the edition settings (${settings.edition.file ? settings.edition.file.split(/[\\/]/).pop() : 'tei-press.json'}): the page states no language and ${why}.`);
    return;
  }
  setLanguage(tei, 'und', `Undetermined: the page states no language and ${why}.`);
  edition.log.warn('language:undetermined', `the language of the text is not known: the page states none and ${why}; xml:lang="und" — set it in the source (lang) if it matters`);
};
