/**
 * Fixture tests for lib/core/track detection: each tests/fixtures/geo/in/track-<name>.json names
 * the function (`fn`), the sea distance (`seaDistance`: `great-circle`, a lower bound used where
 * land does not matter, or `sea-graph`, the app's seaRoute over data/basemap), optional `params`
 * over DEFAULT_DETECTION, and the points as `[time, lon, lat, sog, cog]` rows. The ports are
 * tests/fixtures/geo/ports.json. out/track-<name>.json holds the answer: times as ISO strings,
 * numbers rounded to 6 decimals, Infinity as "Infinity", or `{ error }` for a refusal in the
 * function's own words. Inputs are deep-frozen, so a function that mutates them fails.
 *
 * After an intended change, regenerate the answers and review the diff:
 *   REGEN=1 npx vitest run tests/unit/track/fixtures.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTION, detectEvents, detectGaps, detectPortCalls, type DetectionParams, type TrackPoint } from '@/lib/core/track';
import type { SeaDistanceNm } from '@/lib/core/track/types';
import { ports } from '../geo/_load';
import { greatCircleSeaNm, seaGraphNm } from './_sea';

type Fn = 'detectEvents' | 'detectPortCalls' | 'detectGaps';
interface InFixture {
  fn: Fn;
  note: string;
  seaDistance?: 'great-circle' | 'sea-graph';
  params?: Partial<DetectionParams>;
  points: [string, number, number, number | null, number | null][];
}

const fixturesDir = path.resolve(__dirname, '../../fixtures/geo');
const regen = process.env.REGEN === '1';
const names = fs
  .readdirSync(path.join(fixturesDir, 'in'))
  .filter((f) => f.startsWith('track-') && f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

const run: Record<Fn, (points: TrackPoint[], params: DetectionParams, sea: SeaDistanceNm) => unknown> = {
  detectEvents: (points, params, sea) => detectEvents(points, ports, params, sea),
  detectPortCalls: (points, params) => detectPortCalls(points, ports, params),
  detectGaps: (points, params, sea) => detectGaps(points, params, sea),
};

const TIME_KEYS = new Set(['t', 'arrival', 'departure']);
/** Times as ISO strings, numbers to 6 decimals, Infinity spelt out (JSON has no Infinity). */
function readable(value: unknown, key = ''): unknown {
  if (typeof value === 'number') {
    if (TIME_KEYS.has(key)) return new Date(value).toISOString();
    if (!Number.isFinite(value)) return String(value);
    return Math.round(value * 1e6) / 1e6 || 0;
  }
  if (Array.isArray(value)) return value.map((v) => readable(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v, k)]));
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

deepFreeze(ports);

describe('lib/core/track fixtures (tests/fixtures/geo/in/track-* → out/track-*)', () => {
  for (const name of names) {
    const input = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'in', `${name}.json`), 'utf8')) as InFixture;
    it(`${name}: ${input.fn} gives out/${name}.json and leaves its frozen input alone`, () => {
      const points = deepFreeze(input.points.map(([time, lon, lat, sog, cog]) => ({ t: Date.parse(time), lon, lat, sog, cog })));
      const params = deepFreeze({ ...DEFAULT_DETECTION, ...input.params });
      const sea = input.seaDistance === 'sea-graph' ? seaGraphNm : greatCircleSeaNm;
      let answer: unknown;
      try {
        answer = run[input.fn](points, params, sea);
      } catch (err) {
        if (!(err instanceof Error) || !err.message.startsWith(`${input.fn}: `)) throw err;
        answer = { error: err.message };
      }
      const actual = readable(answer);
      const outFile = path.join(fixturesDir, 'out', `${name}.json`);
      if (regen) fs.writeFileSync(outFile, `${JSON.stringify(actual, null, 2)}\n`);
      else if (!fs.existsSync(outFile)) throw new Error(`no out/${name}.json: run REGEN=1 npx vitest run tests/unit/track/fixtures.test.ts`);
      expect(actual).toEqual(JSON.parse(fs.readFileSync(outFile, 'utf8')));
    });
  }

  it('has an out fixture for every track in fixture and none without one', () => {
    const outs = fs.readdirSync(path.join(fixturesDir, 'out')).filter((f) => f.startsWith('track-') && f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
    expect(outs.sort()).toEqual(names);
  });
});
