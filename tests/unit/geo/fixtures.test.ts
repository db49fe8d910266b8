/**
 * Fixture tests for lib/core/geo, in the style of turf: each tests/fixtures/geo/in/<name>.geojson
 * names in its properties the function to run (`fn`) and what that function needs (`options`, a
 * `port` id), and out/<name>.geojson holds the answer with every number rounded to 6 decimals.
 * The land, the sea graph and the ports are the shared ones of ./_load (data/basemap and
 * tests/fixtures/geo/ports.json).
 *
 * Inputs, land, graph and ports are deep-frozen before the call, so a function that mutates any of
 * them throws instead of passing. A function that refuses its input is expected to say so in an
 * error that starts with its own name; out then holds that message.
 *
 * After an intended change, regenerate the answers and review the diff:
 *   REGEN=1 npx vitest run tests/unit/geo/fixtures.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, GeoJSON, Geometry, GeometryCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  BERTH_TOLERANCE_NM,
  type BerthToleranceOptions,
  buildSeaGraph,
  coastline,
  isInsideGeofence,
  nearestPort,
  routeCrossesLand,
  routeLengthNm,
  seaRoute,
} from '@/lib/core/geo';
import { land, port, ports, waypoints } from './_load';

const fixturesDir = path.resolve(__dirname, '../../fixtures/geo');
const inDir = path.join(fixturesDir, 'in');
const outDir = path.join(fixturesDir, 'out');
const regen = process.env.REGEN === '1';

type Fn = 'seaRoute' | 'routeCrossesLand' | 'routeLengthNm' | 'nearestPort' | 'isInsideGeofence' | 'coastline';

interface FixtureProperties {
  fn: Fn;
  /** `"BERTH_TOLERANCE_NM"` stands for the constant the app uses for its seeded ports. */
  options?: { ignoreWithinNmOfEnds?: number | 'BERTH_TOLERANCE_NM' };
  /** For isInsideGeofence: the id of the port (in ports.json) whose geofence is tested. */
  port?: string;
  /** Why this fixture exists: for regression fixtures, the bug it pins. */
  note?: string;
}

/** A Feature, or a FeatureCollection carrying the fixture's properties as a foreign member. */
type InFixture = Feature<Geometry, FixtureProperties> | (FeatureCollection & { properties: FixtureProperties });

type SingleGeometry = Exclude<Geometry, GeometryCollection>;

function geometryOf<T extends SingleGeometry['type']>(input: InFixture, type: T): Extract<SingleGeometry, { type: T }> {
  if (input.type !== 'Feature' || input.geometry?.type !== type) {
    throw new Error(`fixture: ${input.properties.fn} takes a Feature with a ${type} geometry`);
  }
  return input.geometry as Extract<SingleGeometry, { type: T }>;
}

const feature = <P>(geometry: Geometry | null, properties: P): Feature<Geometry | null, P> => ({ type: 'Feature', properties, geometry });

const graph = buildSeaGraph(waypoints, land);

function optionsOf(input: InFixture): BerthToleranceOptions {
  const radius = input.properties.options?.ignoreWithinNmOfEnds;
  return radius === undefined ? {} : { ignoreWithinNmOfEnds: radius === 'BERTH_TOLERANCE_NM' ? BERTH_TOLERANCE_NM : radius };
}

const run: Record<Fn, (input: InFixture) => GeoJSON | Feature<null>> = {
  seaRoute: (input) => {
    const [from, to] = geometryOf(input, 'MultiPoint').coordinates;
    if (!from || !to) throw new Error('fixture: seaRoute takes a MultiPoint of [from, to]');
    const route = seaRoute(from, to, graph, land, optionsOf(input));
    return feature(route, { lengthNm: routeLengthNm(route) });
  },
  routeCrossesLand: (input) => {
    const line = input as Feature<LineString, FixtureProperties>;
    geometryOf(input, 'LineString');
    return feature(line.geometry, { crossesLand: routeCrossesLand(line, land, optionsOf(input)) });
  },
  routeLengthNm: (input) => {
    const line = geometryOf(input, 'LineString');
    return feature(line, { lengthNm: routeLengthNm(line) });
  },
  nearestPort: (input) => {
    const at = geometryOf(input, 'Point').coordinates;
    const r = nearestPort(at, ports);
    if (!r) return feature(null, { port: null });
    const toPort: LineString = { type: 'LineString', coordinates: [at, r.port.position] };
    return feature(toPort, { port: r.port.id, distanceNm: r.distanceNm, insideGeofence: r.insideGeofence });
  },
  isInsideGeofence: (input) => {
    const at = geometryOf(input, 'Point');
    const id = input.properties.port;
    if (!id) throw new Error('fixture: isInsideGeofence needs properties.port, a port id from ports.json');
    return feature(at, { port: id, inside: isInsideGeofence(at.coordinates, port(id)) });
  },
  coastline: (input) => {
    if (input.type !== 'FeatureCollection') throw new Error('fixture: coastline takes a FeatureCollection of polygons');
    return coastline(input as FeatureCollection<Polygon | MultiPolygon>);
  },
};

/** Every number rounded to 6 decimals (about 0.1 m in a coordinate), -0 written as 0. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6 || 0;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** JSON with two-space indents, but each position (an array of numbers) on one line. */
function serialise(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_all, nums: string) => `[${nums.split(/,\s*/).join(', ')}]`);
  return `${json}\n`;
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const names = fs
  .readdirSync(inDir)
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => f.slice(0, -'.geojson'.length))
  .sort();

deepFreeze(land);
deepFreeze(graph);
deepFreeze(ports);

describe('lib/core/geo fixtures (tests/fixtures/geo/in → out)', () => {
  for (const name of names) {
    const input = deepFreeze(readJson(path.join(inDir, `${name}.geojson`)) as InFixture);
    const { fn } = input.properties;

    it(`${name}: ${fn} gives out/${name}.geojson and leaves its frozen input alone`, () => {
      let answer: unknown;
      try {
        answer = run[fn](input);
      } catch (err) {
        // Only a refusal in the function's own words is an answer; anything else (a write to a
        // frozen input, a crash) fails the test.
        if (!(err instanceof Error) || !err.message.startsWith(`${fn}: `)) throw err;
        answer = feature(null, { error: err.message });
      }
      const actual = rounded(answer);
      const outFile = path.join(outDir, `${name}.geojson`);
      if (regen) fs.writeFileSync(outFile, serialise(actual));
      else if (!fs.existsSync(outFile)) throw new Error(`no out/${name}.geojson: run REGEN=1 npx vitest run tests/unit/geo/fixtures.test.ts`);
      expect(actual).toEqual(readJson(outFile));

      // Whatever the stored answer says, an inferred route must never cross land.
      if (fn === 'seaRoute' && answer && (answer as Feature).geometry) {
        const route = (answer as Feature<LineString>).geometry;
        const [from, to] = geometryOf(input, 'MultiPoint').coordinates;
        expect(route.coordinates[0]).toEqual(from);
        expect(route.coordinates.at(-1)).toEqual(to);
        expect(routeCrossesLand(route, land, optionsOf(input))).toBe(false);
      }
    });
  }

  it('has an out fixture for every in fixture and no out fixture without one', () => {
    const outs = fs.readdirSync(outDir).filter((f) => f.endsWith('.geojson')).map((f) => f.slice(0, -'.geojson'.length));
    if (regen) for (const stale of outs.filter((o) => !names.includes(o))) fs.rmSync(path.join(outDir, `${stale}.geojson`));
    else expect(outs.sort()).toEqual(names);
  });
});
