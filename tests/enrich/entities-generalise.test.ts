/**
 * The recogniser on names no register has, in the forms the archive's pages
 * take: initials written together, titles in a row, dotted acronyms, capitals
 * for emphasis, surnames no dictionary lists, places by their last word, one
 * kind per name in a document, and towns looked up in GeoNames.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recognizeEntities, type EntityMention } from '../../pipeline/enrich/entities.js';
import { GAZETTEER_DATA } from '../../pipeline/enrich/entities-gazetteer.js';
import { isCommonWord, isKnownProperNoun } from '../../pipeline/enrich/entities-lexicon.js';
import { loadRegisters } from '../../pipeline/enrich/registers.js';
import { serializeTei } from '../../pipeline/tei/serialize.js';
import { teiOf } from './entities-helpers.js';

const register = loadRegisters([]);

function run(paragraphs: string[], year?: number): { mentions: EntityMention[]; xml: string } {
  const tei = teiOf(paragraphs);
  const { mentions } = recognizeEntities(tei, register, { documentYear: year });
  return { mentions, xml: serializeTei(tei) };
}
const brief = (mentions: EntityMention[]): string[] => mentions.map((m) => `${m.kind}:${m.text}${m.ref ? `:${m.ref}` : ''}`);

describe('the lexicon', () => {
  it('knows ordinary words in any case and inflection, and not surnames', () => {
    for (const word of ['Having', 'Home', 'WAR', 'Workers', 'Civilisation', 'Labour']) expect(isCommonWord(word), word).toBe(true);
    for (const word of ['Kirchner', 'Shinwell', 'Chkheidze', 'Victorian']) expect(isCommonWord(word), word).toBe(false);
    expect(isKnownProperNoun('Victorian')).toBe(true);
  });
});

describe('boundaries', () => {
  it('keeps initials written together with the name', () => {
    expect(brief(run(['From the pen of C.H. Norman, I was in doubt.']).mentions)).toEqual(['person:C.H. Norman']);
  });
  it('skips a row of titles', () => {
    expect(brief(run(['And now Mr. Bishop Norman gasps an episcopal sigh.']).mentions)).toEqual(['person:Norman']);
  });
  it('takes dotted acronyms whole, the pronoun I included, and a register name with its last full stop', () => {
    expect(brief(run(['after one R.A.F. raid, and the I.L.P. in 1926; Moscow, U.S.S.R.—a city']).mentions)).toEqual([
      'org:R.A.F.',
      'org:I.L.P.:org-ilp',
      'place:Moscow:place-moscow',
      'place:U.S.S.R.:place-ussr',
    ]);
  });
  it('takes places by their last word, a possessive included', () => {
    expect(brief(run(['He spoke at Nelson’s Monument and then in Downing Street and at the City Hall.']).mentions)).toEqual([
      'place:Nelson’s Monument',
      'place:Downing Street',
      'place:City Hall',
    ]);
  });
});

describe('types from evidence, not from capitals', () => {
  it('never takes words in capitals for emphasis, nor ordinary words after "at", for names', () => {
    expect(run(['HOW does he KNOW that it leads to WAR? I Am at Home here.']).mentions).toEqual([]);
  });
  it('takes a capitalised word no dictionary lists, in mid-sentence, for a person; not after an article', () => {
    expect(brief(run(['The struggle about the admission of Jagello to the fraction; the editors of the Luch refused.']).mentions)).toEqual(['person:Jagello']);
  });
  it('does not take creeds and peoples for persons', () => {
    expect(run(['They smooth the road to Noskism, said those of Victorian taste.']).mentions).toEqual([]);
  });
  it('an organisation whose name is an adjective and an organisation word is still an organisation', () => {
    expect(brief(run(['The record of the Socialist Party is clear.']).mentions)).toEqual(['org:Socialist Party']);
  });
});

describe('one name, one kind in a document', () => {
  it('takes the kind that the best evidence gives', () => {
    expect(brief(run(['John was on holiday at Tarbert.', 'He chalked the streets of Tarbert with the words.']).mentions).filter((m) => m.includes('Tarbert'))).toEqual([
      'place:Tarbert',
      'place:Tarbert',
    ]);
  });
  it('takes a word listed with places for a place', () => {
    const places = brief(run(['the massacres of militarist terrorism at Amritsar or Balbriggan']).mentions).map((m) => m.split(':').slice(0, 2).join(':'));
    expect(places).toEqual(['place:Amritsar', 'place:Balbriggan']);
  });
});

describe.skipIf(!existsSync(GAZETTEER_DATA))('towns from GeoNames (skipped without build/gazetteer.json: run npm run build)', () => {
  it('links a place the text shows to a GeoNames town, and carries it in the standOff', () => {
    const { mentions, xml } = run(['The congress met in Nagpur that year.']);
    expect(brief(mentions)).toEqual(['place:Nagpur:place-geonames-1262180']);
    expect(xml).toContain('<placeName ref="#place-geonames-1262180" cert="low">Nagpur</placeName>');
    expect(xml).toMatch(/<place xml:id="place-geonames-1262180" type="city">\s*<placeName>Nagpur<\/placeName>.*<idno type="GeoNames">1262180<\/idno>/s);
  });
  it('takes a large city for a place without other evidence, but not a town that is also a surname', () => {
    expect(brief(run(['The workers of Nagpur were delighted.']).mentions)).toEqual(['place:Nagpur:place-geonames-1262180']);
    expect(brief(run(['Scientists like Richardson formulate a City of Health.']).mentions)).toEqual(['person:Richardson']);
  });
});

describe('namesakes and the page’s own evidence', () => {
  it('does not link a surname whose given name contradicts the register entry, here or later in the text', () => {
    const { mentions } = run(['Theodore Draper wrote the history of American Communism.', 'Draper’s book appeared in 1957.']);
    expect(brief(mentions)).toEqual(['person:Theodore Draper', 'person:Draper']);
    expect(mentions.every((mention) => mention.cert === 'low' && !mention.ref)).toBe(true);
  });
  it('still links when the given name agrees, and when none is written', () => {
    expect(brief(run(['Hal Draper wrote it; later Draper replied.']).mentions)).toEqual(['person:Hal Draper:pers-draper', 'person:Draper:pers-draper']);
    expect(brief(run(['Robert Blum was shot in Vienna in 1848.']).mentions)).toEqual(['person:Robert Blum', 'place:Vienna:place-vienna']);
    expect(brief(run(['Léon Blum formed the government.']).mentions)).toEqual(['person:Léon Blum:pers-blum']);
  });
  it('takes a place name after a given name for a surname', () => {
    expect(brief(run(['songs by Cohan and Irving Berlin were sung']).mentions).filter((m) => m.includes('Berlin'))).toEqual(['person:Irving Berlin']);
  });
});

describe('English-only rules', () => {
  it('marks only register names in a text that is not in English', () => {
    const tei = teiOf(['Il compagno Jagello parla a Nagpur con Lenin.']);
    const root = tei.children[0] as { attributes: Record<string, string> };
    root.attributes['xml:lang'] = 'it';
    expect(brief(recognizeEntities(tei, register).mentions)).toEqual(['person:Lenin:pers-lenin']);
    expect(brief(run(['Comrade Jagello spoke in Nagpur with Lenin.']).mentions).map((m) => m.split(':').slice(0, 2).join(':'))).toEqual([
      'person:Jagello',
      'place:Nagpur',
      'person:Lenin',
    ]);
  });
});

describe('names inside longer names, and navigation', () => {
  it('marks a region of a known place, a place in a place, and an organisation headed by one', () => {
    expect(brief(run(['Central Europe was paralysed and Eastern Europe cut off, as in Western Europe.']).mentions)).toEqual([
      'place:Central Europe',
      'place:Eastern Europe',
      'place:Western Europe',
    ]);
    const { mentions, xml } = run(['The Government of India failed to act.']);
    expect(brief(mentions)).toEqual(['org:Government of India', 'place:India:place-india']);
    expect(xml).toContain('<orgName cert="low">Government of <placeName ref="#place-india">India</placeName></orgName>');
    expect(brief(run(['the Communist Party of Great Britain']).mentions)[0]).toBe('org:Communist Party of Great Britain');
  });
  it('takes words before a register organisation for another organisation, but not a nation’s adjective or a possessive', () => {
    expect(brief(run(['The Parliamentary Labour Party decided to withdraw.']).mentions)).toEqual(['org:Parliamentary Labour Party']);
    expect(brief(run(['It is Trotsky’s Red Army.']).mentions)).toEqual(['person:Trotsky:pers-trotsky', 'org:Red Army:org-red-army']);
  });
  it('keeps a regnal number with the name', () => {
    expect(brief(run(['the plan of Nicholas II came to grief']).mentions)[0]).toMatch(/^person:Nicholas II/);
  });
  it('finds groups named by their members, and persons named by words no dictionary lists', () => {
    expect(brief(run(['the Duma refused to admit the Trudoviks; Old Jimmy Johnstone spoke.']).mentions)).toEqual([
      'org:Duma',
      'org:Trudoviks',
      'person:Jimmy Johnstone',
    ]);
  });
  it('marks nothing in the page’s navigation', () => {
    expect(run(['MIA > Archive > Bax', 'Harry Young | Socialist Party of Great Britain', 'Top of the page']).mentions).toEqual([]);
  });
});

describe('peoples, titles of works, saints and lists of places', () => {
  it('does not take a people or the title of a work in quotation marks for a person', () => {
    expect(run(['yet striving to force Arabs to live their lives; two from the opera “Boris Godunov,” and a lullaby']).mentions).toEqual([]);
  });
  it('takes names after a place noun, a saint’s name, and the rest of their list for places', () => {
    expect(brief(run(['the dock areas covered by the three suburbs Hammerbrook, St. Georg, and Borgfeldt']).mentions)).toEqual([
      'place:Hammerbrook',
      'place:St. Georg',
      'place:Borgfeldt',
    ]);
  });
  it('gives a regnal number to a person found without a register', () => {
    expect(brief(run(['the plan of Tsar Nicolas II came to grief']).mentions)).toEqual(['person:Nicolas II']);
  });
});

describe('the failures seen on unseen archive pages', () => {
  it('reads initials, abbreviations and regions whole', () => {
    expect(brief(run(['As C.L.R. James argued, workers across North America joined them.']).mentions)).toEqual([
      'person:C.L.R. James',
      'place:North America:place-north-america',
    ]);
    expect(brief(run(['The strike at U.S. Rubber spread.']).mentions)).toEqual(['place:U.S.:place-usa']);
  });
  it('never takes function words, sentence-initial words, events or adjectives for names', () => {
    expect(run(['Having said that, the party went on. The war came. The World War changed everything.']).mentions).toEqual([]);
    expect(brief(run(['In Victorian England the workers were poor.']).mentions)).toEqual(['place:England:place-england']);
  });
  it('does not link a nation’s party to another nation’s party of the same name', () => {
    const { mentions } = run(['The Russian Liberals voted with the government; the Liberal Party in Britain did not.']);
    expect(brief(mentions)).toEqual(['org:Liberals', 'org:Liberal Party:org-liberal-party', 'place:Britain:place-britain']);
  });
});

describe('historical names and words that only look like names', () => {
  it('maps historical city names to the city as it is today, with its GeoNames id', () => {
    expect(brief(run(['dying in the streets of Calcutta; the congress at Basle; the port of Danzig']).mentions)).toEqual([
      'place:Calcutta:place-kolkata',
      'place:Basle:place-basel',
      'place:Danzig:place-gdansk',
    ]);
  });
  it('does not take an ordinary word for a person because a verb of saying follows, nor an office for an organisation', () => {
    expect(run(['the base of the Party declared it; the Minister of Labour spoke']).mentions).toEqual([]);
  });
  it('does not take a name used as an adjective for a group, nor a British spelling for a name', () => {
    expect(run(['under the Metaxas dictatorship the Programmes of the Co-operatives were banned']).mentions).toEqual([]);
  });
  it('takes place names by their first word', () => {
    expect(brief(run(['the fall of Port Arthur']).mentions)).toEqual(['place:Port Arthur']);
  });
});

describe('newspapers', () => {
  it('does not take the place in a newspaper’s title for a place', () => {
    expect(brief(run(['a report from the Manchester Guardian, and one from Manchester itself']).mentions)).toEqual(['place:Manchester:place-manchester']);
  });
});

describe('titles of works and foreign phrases', () => {
  it('takes no word for a name on the word alone in a foreign phrase or in italics', () => {
    expect(run(['in Archiv für die Geschichte des Sozialismus, vol. 2']).mentions).toEqual([]);
    const tei = teiOf(['']);
    const p = (tei.children[0] as { children: Array<{ children: Array<{ children: unknown[] }> }> }).children[1]!.children[0]!.children[0] as { children: unknown[] };
    p.children = [{ type: 'element', name: 'hi', attributes: { rend: 'italic' }, children: [{ type: 'text', value: 'Finanzierungsgesellschaften' }] }, { type: 'text', value: ' was cited by Jagello.' }];
    expect(brief(recognizeEntities(tei, register).mentions)).toEqual(['person:Jagello']);
  });
  it('leaves an ordinary word before initials out of the name', () => {
    expect(brief(run(['For the figures, see G. Soltysiak and the report.']).mentions)).toEqual(['person:G. Soltysiak']);
  });
});
