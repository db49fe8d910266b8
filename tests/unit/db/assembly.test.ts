import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSchema } from '@/lib/core/domain/schemas';
import { apiVoyageMetrics, assembleVoyage } from '@/lib/core/domain/voyage';
import { basemapRouting } from '@/lib/server/basemap/router';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { seedData } from '@/lib/server/db/seed-data';
import { listVoyages } from '@/lib/server/db/voyages';
import { tempDatabase } from '../helpers';

let tmp: ReturnType<typeof tempDatabase>;
let db: DB;
const seed = seedSchema.parse(seedData);
const ports = new Map(seed.ports.map((p) => [p.id, p]));

beforeAll(async () => {
  tmp = tempDatabase('assembly');
  db = await openReadyDatabase(tmp.target);
});

afterAll(async () => {
  await db.destroy();
  tmp.cleanup();
});

describe('the seeded voyages', () => {
  it('store exactly what assembleVoyage makes of their seed records', async () => {
    const { drawRoute, land } = basemapRouting();
    const rows = new Map((await db.selectFrom('voyages').selectAll().execute()).map((r) => [r.id, r]));
    expect(rows.size).toBe(seed.voyages.length);
    for (const v of seed.voyages) {
      const a = assembleVoyage(v, ports, drawRoute, land);
      expect(rows.get(v.id), v.id).toMatchObject({
        route_kind: a.routeKind,
        route_geojson: JSON.stringify(a.route),
        great_circle_nm: a.metrics.greatCircleNm,
        route_nm: a.metrics.routeLengthNm,
        crosses_land: a.metrics.crossesLand ? 1 : 0,
        min_hours: a.metrics.duration.minHours,
        max_hours: a.metrics.duration.maxHours,
      });
    }
  });

  it('are listed with the API metrics of their assembled measures', async () => {
    const { drawRoute, land } = basemapRouting();
    const listed = new Map((await listVoyages(db, { limit: 1000, offset: 0 })).voyages.map((v) => [v.id, v.metrics]));
    for (const v of seed.voyages) {
      expect(listed.get(v.id), v.id).toEqual(apiVoyageMetrics(assembleVoyage(v, ports, drawRoute, land).metrics));
    }
  });
});
