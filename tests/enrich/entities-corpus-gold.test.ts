/**
 * Entity quality on real archive pages the registers were not written for,
 * against gold written by hand (tests/gold/entities-*.json, guidelines in
 * tests/gold/README.md). Each page is read and enriched as in a build up to
 * the entity stage; its mentions are compared with the gold as multisets of
 * (type, surface form) per page. Prints precision, recall and F1 per type and
 * overall, and holds them at floors measured when they were last raised.
 * The pages live in ../shared/corpus-html (not in the repository): without
 * them the test is skipped, with the reason.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentYearOf, markEntities, recognizeEntities, type EntityMention } from '../../pipeline/enrich/entities.js';
import { loadRegisters } from '../../pipeline/enrich/registers.js';
import { MessageLog } from '../../pipeline/messages.js';
import { resolveSettings } from '../../pipeline/settings.js';
import { teiStages, type Edition } from '../../pipeline/stages.js';
import { differences, percent, score } from './entities-helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const goldDir = path.join(root, 'tests/gold');
const corpus = path.resolve(root, '../shared/corpus-html');

type Kind = 'person' | 'place' | 'org';
interface GoldFile {
  source: string;
  /** Source lines of the annotated part: first, and the line after the last. */
  scopeLines: [number, number];
  mentions: Array<{ type: Kind; text: string; count: number }>;
}

/** Floors at what the recogniser reaches (raise them when it improves; never lower them to pass). */
const FLOORS = {
  overall: { precision: 0.98, recall: 0.94 },
  /** Over the mentions inside each page's annotated lines: the recogniser without the reader's header leftovers. */
  inScope: { precision: 0.98, recall: 0.92 },
  person: { f1: 0.96 },
  place: { f1: 0.97 },
  org: { f1: 0.93 },
} as const;

const goldFiles = readdirSync(goldDir).filter((name) => /^entities-.*\.json$/.test(name)).sort();

async function mentionsOf(file: string): Promise<EntityMention[]> {
  const edition: Edition = { path: file, bytes: readFileSync(file), log: new MessageLog(file) };
  const settings = resolveSettings({});
  for (const stage of teiStages) {
    if (stage === markEntities) break;
    await stage(edition, settings);
  }
  return recognizeEntities(edition.tei!, loadRegisters([]), { documentYear: documentYearOf(edition) }).mentions;
}

const key = (type: string, text: string): string => `${type}|${text.replace(/\s+/g, ' ')}`;

const present = existsSync(corpus);

describe.skipIf(!present)(present ? 'entities on archive pages, against hand-made gold' : 'entities on archive pages (skipped: ../shared/corpus-html is absent)', async () => {
  const goldKeys: Record<Kind, string[]> = { person: [], place: [], org: [] };
  const systemKeys: Record<Kind, string[]> = { person: [], place: [], org: [] };
  const scopedKeys: string[] = [];
  const perPage: string[] = [];
  for (const name of goldFiles) {
    const gold = JSON.parse(readFileSync(path.join(goldDir, name), 'utf8')) as GoldFile;
    const page = path.basename(gold.source);
    const mentions = await mentionsOf(path.join(corpus, page));
    const pageGold: string[] = [];
    const pageSystem: string[] = [];
    for (const mention of gold.mentions) {
      for (let n = 0; n < mention.count; n++) {
        goldKeys[mention.type].push(`${page}|${key(mention.type, mention.text)}`);
        pageGold.push(key(mention.type, mention.text));
      }
    }
    const [first, after] = gold.scopeLines;
    for (const mention of mentions) {
      systemKeys[mention.kind].push(`${page}|${key(mention.kind, mention.text)}`);
      pageSystem.push(key(mention.kind, mention.text));
      if (mention.line === undefined || (mention.line >= first && mention.line < after)) scopedKeys.push(`${page}|${key(mention.kind, mention.text)}`);
    }
    const s = score(pageGold, pageSystem);
    perPage.push(`  ${page.padEnd(48)} P ${percent(s.precision).padStart(7)}  R ${percent(s.recall).padStart(7)}  (gold ${s.gold}, found ${s.system})`);
  }

  const all = (keys: Record<Kind, string[]>): string[] => [...keys.person, ...keys.place, ...keys.org];

  it('prints and holds precision and recall overall', () => {
    const s = score(all(goldKeys), all(systemKeys));
    console.log(
      [
        `entities on ${goldFiles.length} archive pages: gold ${s.gold}, found ${s.system}, correct ${s.truePositives}: precision ${percent(s.precision)}, recall ${percent(s.recall)}, F1 ${percent(s.f1)}`,
        ...perPage,
      ].join('\n'),
    );
    const diff = differences(all(goldKeys), all(systemKeys));
    const detail = JSON.stringify({ missed: diff.missed.slice(0, 60), extra: diff.extra.slice(0, 60) });
    expect(s.precision, detail).toBeGreaterThanOrEqual(FLOORS.overall.precision);
    expect(s.recall, detail).toBeGreaterThanOrEqual(FLOORS.overall.recall);
  });

  it('prints and holds precision and recall inside the annotated lines', () => {
    const s = score(all(goldKeys), scopedKeys);
    console.log(`entities inside the annotated lines: gold ${s.gold}, found ${s.system}, correct ${s.truePositives}: precision ${percent(s.precision)}, recall ${percent(s.recall)}, F1 ${percent(s.f1)}`);
    const diff = differences(all(goldKeys), scopedKeys);
    expect(s.precision, JSON.stringify(diff.extra)).toBeGreaterThanOrEqual(FLOORS.inScope.precision);
    expect(s.recall, JSON.stringify(diff.missed)).toBeGreaterThanOrEqual(FLOORS.inScope.recall);
  });

  for (const type of ['person', 'place', 'org'] as const) {
    it(`${type}: prints and holds F1`, () => {
      const s = score(goldKeys[type], systemKeys[type]);
      console.log(`entities ${type.padEnd(6)} on archive pages: gold ${s.gold}, found ${s.system}, correct ${s.truePositives}: precision ${percent(s.precision)}, recall ${percent(s.recall)}, F1 ${percent(s.f1)}`);
      expect(s.f1, JSON.stringify(differences(goldKeys[type], systemKeys[type]))).toBeGreaterThanOrEqual(FLOORS[type].f1);
    });
  }
});
