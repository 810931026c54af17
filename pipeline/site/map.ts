/**
 * Maps of the places the editions name, drawn once at build time as SVG:
 * Natural Earth land outlines (npm `world-atlas`, 1:110m) in an Equal Earth
 * projection (`d3-geo`), one dot per place with coordinates, each a link to
 * its register page. No tiles, no script, no request: the SVG is part of the
 * page. A list of the places follows the map, for readers who cannot see it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, Feature, Geometry } from 'geojson';
import { escape } from './pages.js';

/** A place to draw. */
export interface MapPlace {
  name: string;
  /** The register page, relative to the page the map is on. */
  link: string;
  lat: number;
  long: number;
  mentions: number;
}

const WIDTH = 960;
const HEIGHT = 470;

let land: Feature<Geometry> | FeatureCollection<Geometry> | undefined;

/** The land outlines, read once from world-atlas. */
function landShape(): Feature<Geometry> | FeatureCollection<Geometry> {
  if (!land) {
    const file = createRequire(import.meta.url).resolve('world-atlas/land-110m.json');
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ land: GeometryCollection }>;
    land = feature(topology, topology.objects.land);
  }
  return land;
}

/**
 * What the map shows: the whole world, or, when the places lie within half of it, their
 * region with a margin (at least 40° across), so that a map of European cities is not a dot cloud.
 */
function frame(places: readonly MapPlace[]): { type: 'Sphere' } | { type: 'MultiPoint'; coordinates: [number, number][] } {
  if (places.length === 0) return { type: 'Sphere' };
  const longs = places.map((place) => place.long);
  const lats = places.map((place) => place.lat);
  let [west, east, south, north] = [Math.min(...longs), Math.max(...longs), Math.min(...lats), Math.max(...lats)];
  if (east - west > 180 || north - south > 90) return { type: 'Sphere' };
  const widen = (low: number, high: number, least: number): [number, number] => {
    const middle = (low + high) / 2;
    const half = Math.max((high - low) / 2 + 5, least / 2);
    return [middle - half, middle + half];
  };
  [west, east] = widen(west, east, 40);
  [south, north] = widen(south, north, 20);
  south = Math.max(south, -85);
  north = Math.min(north, 85);
  return { type: 'MultiPoint', coordinates: [[west, south], [east, north], [west, north], [east, south], [(west + east) / 2, north]] };
}

/**
 * The map as inline SVG with its list of places; `label` names it for assistive technology. The SVG is a
 * group, not an image: it holds links (axe's nested-interactive), each named by its place.
 */
export function placesMap(places: readonly MapPlace[], label: string, id = 'map'): string {
  const projection = geoEqualEarth().fitExtent(
    [
      [8, 8],
      [WIDTH - 8, HEIGHT - 8],
    ],
    frame(places),
  );
  const path = geoPath(projection).digits(1);
  const outline = path({ type: 'Sphere' }) ?? '';
  const landPath = path(landShape() as FeatureCollection<Geometry>) ?? '';
  // Larger places first, so that smaller dots stay on top and clickable.
  const sorted = [...places].sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const dots = sorted.map((place) => {
    const [x, y] = projection([place.long, place.lat]) ?? [0, 0];
    const r = Math.min(9, 3 + Math.sqrt(place.mentions)).toFixed(1);
    return `<a href="${escape(place.link)}" aria-label="${escape(place.name)}"><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}"><title>${escape(place.name)} (${place.mentions})</title></circle></a>`;
  });
  const list = [...places]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((place) => `<li><a href="${escape(place.link)}">${escape(place.name)}</a> <span class="count">(${place.mentions})</span></li>`);
  return `<figure class="map">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-labelledby="${id}-label" overflow="hidden">
<title id="${id}-label">${escape(label)}</title>
<path class="sphere" d="${outline}"/>
<path class="land" d="${landPath}"/>
<g class="places">${dots.join('')}</g>
</svg>
<figcaption>${escape(label)}. Land outlines: Natural Earth (public domain), via world-atlas.</figcaption>
</figure>
<ul class="map-places">
${list.join('\n')}
</ul>`;
}
