/**
 * Route handlers called directly, as Next.js calls them, against a real temporary SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seedPorts from '@/data/seed/ports.json';
import seedVoyages from '@/data/seed/voyages.json';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDatabase } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const routes: Record<string, Handler> = {};
let tmp: ReturnType<typeof tempDatabase>;

beforeAll(async () => {
  tmp = tempDatabase('api');
  process.env.DATABASE_URL = tmp.url;
  resetConfigForTests();
  const modules = {
    health: await import('@/app/api/health/route'),
    ports: await import('@/app/api/ports/route'),
    nearest: await import('@/app/api/ports/nearest/route'),
    vessels: await import('@/app/api/vessels/route'),
    sources: await import('@/app/api/sources/route'),
    claims: await import('@/app/api/claims/route'),
    observations: await import('@/app/api/observations/route'),
    voyages: await import('@/app/api/voyages/route'),
    voyage: await import('@/app/api/voyages/[id]/route'),
    basemap: await import('@/app/api/basemap/[layer]/route'),
    openapi: await import('@/app/api/openapi.json/route'),
    fallback: await import('@/app/api/[...path]/route'),
  };
  for (const [name, mod] of Object.entries(modules)) routes[name] = mod.GET as unknown as Handler;
});

afterAll(async () => {
  const { getDb } = await import('@/lib/server/db');
  await (await getDb()).destroy();
  tmp.cleanup();
});

async function call(name: string, query = '', params: Record<string, unknown> = {}) {
  const handler = routes[name];
  if (!handler) throw new Error(`no handler ${name}`);
  const res = await handler(new Request(`http://localhost/api/x${query}`), { params: Promise.resolve(params) });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, headers: res.headers, text, body: type.includes('json') ? JSON.parse(text) : text };
}

function expectBadField(r: Awaited<ReturnType<typeof call>>, field: string) {
  expect(r.status).toBe(400);
  expect(r.body.error.code).toMatch(/^invalid_/);
  expect(r.body.error.message).toContain(`"${field}"`);
  expect(r.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
  expect(r.text).not.toMatch(/at .+\.(ts|js):\d+/);
}

describe('GET /api/health', () => {
  it('answers ok when the database answers', async () => {
    const r = await call('health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });
});

describe('GET /api/ports', () => {
  it('lists every seeded port with its geofence', async () => {
    const r = await call('ports');
    expect(r.status).toBe(200);
    expect(r.body.ports.map((p: { id: string }) => p.id).sort()).toEqual(seedPorts.map((p) => p.id).sort());
    const dunai = r.body.ports.find((p: { id: string }) => p.id === 'dunai');
    expect(dunai.approximate).toBe(true);
    expect(dunai.approximateReason).toBeTruthy();
  });

  it('answers a GeoJSON FeatureCollection of points with ?format=geojson', async () => {
    const r = await call('ports', '?format=geojson');
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/geo+json');
    expect(r.body.type).toBe('FeatureCollection');
    expect(r.body.features).toHaveLength(seedPorts.length);
    expect(r.body.features.every((f: { geometry: { type: string } }) => f.geometry.type === 'Point')).toBe(true);
  });

  it('refuses an unknown format, naming the field', async () => {
    expectBadField(await call('ports', '?format=kml'), 'format');
  });
});

describe('GET /api/ports/nearest', () => {
  it('finds Rajin from a position in Rajin harbour, inside its geofence', async () => {
    const r = await call('nearest', '?lat=42.22&lon=130.31');
    expect(r.status).toBe(200);
    expect(r.body.port.id).toBe('rajin');
    expect(r.body.insideGeofence).toBe(true);
    expect(r.body.distanceNm).toBeLessThan(1.5);
  });

  it('says a position far out at sea is outside every geofence', async () => {
    const r = await call('nearest', '?lat=41.5&lon=131.5');
    expect(r.status).toBe(200);
    expect(r.body.insideGeofence).toBe(false);
    expect(r.body.distanceNm).toBeGreaterThan(20);
  });

  it.each([
    ['?lon=130', 'lat'],
    ['?lat=42', 'lon'],
    ['?lat=abc&lon=130', 'lat'],
    ['?lat=91&lon=130', 'lat'],
    ['?lat=42&lon=-181', 'lon'],
    ['?lat=42&lon=130&lat=43', 'lat'],
    ['?lat=42&lon=130&radius=5', 'radius'],
    ['?lat=1e400&lon=130', 'lat'],
    ['?lat=NaN&lon=130', 'lat'],
  ])('answers 400 for %s, naming "%s"', async (query, field) => {
    expectBadField(await call('nearest', query), field);
  });
});

describe('GET /api/vessels, /api/sources, /api/claims, /api/observations', () => {
  it('list their records', async () => {
    expect((await call('vessels')).body.vessels.length).toBeGreaterThan(0);
    expect((await call('sources')).body.sources.length).toBeGreaterThan(0);
    expect((await call('claims')).body.claims.length).toBeGreaterThan(0);
    expect((await call('observations')).body.observations.length).toBeGreaterThan(0);
  });

  it('filter observations by vessel and claims by port', async () => {
    const obs = (await call('observations', '?vessel=lady-r')).body.observations;
    expect(obs.length).toBeGreaterThan(0);
    expect(obs.every((o: { vesselId: string }) => o.vesselId === 'lady-r')).toBe(true);
    const claims = (await call('claims', '?port=dunai')).body.claims;
    expect(claims.every((c: { originPortId: string; destinationPortId: string }) => [c.originPortId, c.destinationPortId].includes('dunai'))).toBe(true);
  });

  it('refuse unknown parameters', async () => {
    expectBadField(await call('vessels', '?name=x'), 'name');
    expectBadField(await call('observations', '?vessel=Lady R'), 'vessel');
  });
});

describe('GET /api/voyages', () => {
  it('lists every seeded voyage with metrics and a total', async () => {
    const r = await call('voyages');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(seedVoyages.length);
    expect(r.body.voyages).toHaveLength(seedVoyages.length);
  });

  it('narrows by vessel', async () => {
    const r = await call('voyages', '?vessel=angara');
    expect(r.body.voyages.length).toBe(seedVoyages.filter((v) => v.vesselId === 'angara').length);
  });

  it('answers GeoJSON LineString features with ?format=geojson', async () => {
    const r = await call('voyages', '?format=geojson');
    expect(r.type).toContain('application/geo+json');
    expect(r.body.features).toHaveLength(seedVoyages.length);
    for (const f of r.body.features) {
      expect(f.geometry.type).toBe('LineString');
      expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      expect(f.properties.routeKind).toBe('inferred');
    }
  });

  it('answers CSV with a header and one row per voyage with ?format=csv', async () => {
    const r = await call('voyages', '?format=csv');
    expect(r.type).toContain('text/csv');
    const lines = r.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,vessel,origin,destination,/);
    expect(lines).toHaveLength(seedVoyages.length + 1);
  });

  it.each([
    ['?from=2023-13-01', 'from'],
    ['?from=yesterday', 'from'],
    ['?to=2023-02-30', 'to'],
    ['?from=2024-01-01&to=2023-01-01', 'to'],
    ['?confidence=certain', 'confidence'],
    ['?format=xml', 'format'],
    ['?limit=0', 'limit'],
    ['?limit=999999', 'limit'],
    ['?offset=-1', 'offset'],
    ['?vessel=<script>', 'vessel'],
    ['?port=dunai&port=rajin', 'port'],
    ['?sort=name', 'sort'],
  ])('answers 400 for %s, naming "%s"', async (query, field) => {
    expectBadField(await call('voyages', query), field);
  });

  it('pages JSON by 100 by default but gives downloads every match', async () => {
    expect((await call('voyages')).body.limit).toBe(100);
    const csv = await call('voyages', '?format=csv');
    expect(csv.headers.get('x-total-count')).toBe(String(seedVoyages.length));
  });
});

describe('GET /api/voyages/{id}', () => {
  it('answers one voyage with route, metrics, sources and sightings', async () => {
    const id = seedVoyages[0]!.id;
    const r = await call('voyage', '', { id });
    expect(r.status).toBe(200);
    expect(r.body.voyage.id).toBe(id);
    expect(r.body.voyage.route.type).toBe('LineString');
    expect(r.body.voyage.sources.length).toBeGreaterThan(0);
    expect(r.body.voyage.metrics.greatCircleNm).toBeGreaterThan(0);
    expect(Array.isArray(r.body.voyage.observations)).toBe(true);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await call('voyage', '', { id: 'no-such-voyage' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expectBadField(await call('voyage', '', { id: '../etc/passwd' }), 'id');
  });
});

describe('the rest of the API', () => {
  it('serves the offline basemap layers and refuses an unknown one', async () => {
    const land = await call('basemap', '', { layer: 'land' });
    expect(land.status).toBe(200);
    expect(land.body.type).toBe('FeatureCollection');
    expectBadField(await call('basemap', '', { layer: 'moon' }), 'layer');
  });

  it('describes every endpoint in the OpenAPI document', async () => {
    const r = await call('openapi');
    expect(r.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/ports', '/api/ports/nearest', '/api/vessels', '/api/sources', '/api/claims', '/api/observations', '/api/voyages', '/api/voyages/{id}']) {
      expect(Object.keys(r.body.paths)).toContain(path);
    }
  });

  it('answers a JSON 404 for an API path nobody serves', async () => {
    const r = await call('fallback');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });
});

describe('hostile input', () => {
  const nasty = ['', ' ', '%00', "'; drop table voyages; --", '9'.repeat(400), '-0', '1e309', '☃', '[object Object]', '__proto__', 'constructor'];
  const keys = ['vessel', 'port', 'from', 'to', 'confidence', 'format', 'limit', 'offset', 'lat', 'lon', 'layer', '__proto__'];

  it('never yields a 500 from any endpoint', async () => {
    const statuses = new Set<number>();
    for (const name of Object.keys(routes)) {
      for (const key of keys) {
        for (const value of nasty) {
          const query = `?${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
          const r = await call(name, query, { id: value, layer: value });
          statuses.add(r.status);
          expect(r.status, `${name} ${query}`).toBeLessThan(500);
          expect(r.text, `${name} ${query}`).not.toMatch(/\bat \S+:\d+:\d+/);
        }
      }
    }
    expect(statuses.has(400)).toBe(true);
  });
});
