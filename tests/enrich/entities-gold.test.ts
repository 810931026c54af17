/**
 * Quality on the seed, against a gold annotation written by hand
 * (tests/gold/wright-1941-entities.json). A mention counts when line, type,
 * surface text and register id (or none, for names outside the registers) all
 * agree. Prints precision, recall and F1 per type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MessageLog } from '../../pipeline/messages.js';
import { resolveSettings } from '../../pipeline/settings.js';
import { teiStages, type Edition } from '../../pipeline/stages.js';
import { markEntities, recognizeEntities, documentYearOf } from '../../pipeline/enrich/entities.js';
import { loadRegisters } from '../../pipeline/enrich/registers.js';
import { differences, percent, score } from './entities-helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const seed = path.join(root, 'seeds/wright-1941-soviet-union-at-war.txt');

interface GoldMention {
  line: number;
  type: 'person' | 'place' | 'org';
  text: string;
  ref: string | null;
}

const TARGETS = { person: 0.97, place: 0.95, org: 0.9 } as const;

describe('entities on the seed, against the hand-made gold', async () => {
  const gold = (JSON.parse(readFileSync(path.join(root, 'tests/gold/wright-1941-entities.json'), 'utf8')) as { mentions: GoldMention[] }).mentions;
  // The stages before ours run as in a build (quotations and dates split text nodes first).
  const edition: Edition = { path: seed, bytes: readFileSync(seed), log: new MessageLog(seed) };
  const settings = resolveSettings({});
  for (const stage of teiStages) {
    if (stage === markEntities) break;
    await stage(edition, settings);
  }
  const result = recognizeEntities(edition.tei!, loadRegisters([]), { documentYear: documentYearOf(edition) });
  const key = (line: number | undefined, type: string, text: string, ref: string | null | undefined): string => `${line}|${type}|${text}|${ref ?? '-'}`;

  for (const type of ['person', 'place', 'org'] as const) {
    it(`${type}: F1 ≥ ${TARGETS[type]}`, () => {
      const goldKeys = gold.filter((mention) => mention.type === type).map((mention) => key(mention.line, type, mention.text, mention.ref));
      const systemKeys = result.mentions.filter((mention) => mention.kind === type).map((mention) => key(mention.line, type, mention.text, mention.ref));
      const s = score(goldKeys, systemKeys);
      console.log(`entities ${type.padEnd(6)} gold ${s.gold}, found ${s.system}, correct ${s.truePositives}: precision ${percent(s.precision)}, recall ${percent(s.recall)}, F1 ${percent(s.f1)}`);
      expect(s.f1, JSON.stringify(differences(goldKeys, systemKeys))).toBeGreaterThanOrEqual(TARGETS[type]);
    });
  }

  it('names outside the registers are marked cert="low" without @ref', () => {
    const unknown = result.mentions.filter((mention) => !mention.ref);
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((mention) => mention.cert === 'low')).toBe(true);
  });
});
