import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seedPorts from '@/data/seed/ports.json';
import seedVoyages from '@/data/seed/voyages.json';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { getVoyage, listVoyages } from '@/lib/server/db/voyages';
import { tempDatabase } from '../helpers';

let tmp: ReturnType<typeof tempDatabase>;
let db: DB;
const all = { limit: 1000, offset: 0 };

beforeAll(async () => {
  tmp = tempDatabase();
  db = await openReadyDatabase(tmp.target);
});

afterAll(async () => {
  await db.destroy();
  tmp.cleanup();
});

describe('listVoyages', () => {
  it('lists every seeded voyage with computed metrics', async () => {
    const list = await listVoyages(db, all);
    expect(list.total).toBe(seedVoyages.length);
    expect(list.voyages.map((v) => v.id).sort()).toEqual(seedVoyages.map((v) => v.id).sort());
    for (const v of list.voyages) {
      expect(v.metrics.greatCircleNm).toBeGreaterThan(10);
      expect(v.metrics.routeNm).toBeGreaterThanOrEqual(v.metrics.greatCircleNm);
      expect(v.metrics.crossesLand).toBe(false);
      expect(v.sourceIds.length).toBeGreaterThan(0);
    }
  });

  it('filters by vessel, by port at either end, by confidence and by date overlap', async () => {
    const byVessel = await listVoyages(db, { ...all, vessel: 'lady-r' });
    expect(byVessel.voyages.length).toBe(seedVoyages.filter((v) => v.vesselId === 'lady-r').length);
    expect(byVessel.voyages.every((v) => v.vessel?.id === 'lady-r')).toBe(true);

    const byPort = await listVoyages(db, { ...all, port: 'dunai' });
    const expectedDunai = seedVoyages.filter((v) => v.originPortId === 'dunai' || v.destinationPortId === 'dunai');
    expect(byPort.voyages.map((v) => v.id).sort()).toEqual(expectedDunai.map((v) => v.id).sort());

    for (const confidence of ['reported', 'corroborated', 'disputed'] as const) {
      const list = await listVoyages(db, { ...all, confidence });
      expect(list.total, confidence).toBe(seedVoyages.filter((v) => v.confidence === confidence).length);
      expect(list.voyages.every((v) => v.confidence === confidence)).toBe(true);
    }

    const in2025 = await listVoyages(db, { ...all, from: '2025-01-01', to: '2025-12-31' });
    const expected2025 = seedVoyages.filter((v) => v.arrival.latest >= '2025-01-01' && v.departure.earliest <= '2025-12-31');
    expect(in2025.voyages.map((v) => v.id).sort()).toEqual(expected2025.map((v) => v.id).sort());
    expect(in2025.total).toBeLessThan(seedVoyages.length);
  });

  it('pages with limit and offset and reports the total', async () => {
    const first = await listVoyages(db, { limit: 2, offset: 0 });
    const second = await listVoyages(db, { limit: 2, offset: 2 });
    expect(first.voyages).toHaveLength(2);
    expect(first.total).toBe(seedVoyages.length);
    expect(new Set([...first.voyages, ...second.voyages].map((v) => v.id)).size).toBe(
      first.voyages.length + second.voyages.length,
    );
  });
});

describe('getVoyage', () => {
  it('attaches the sightings at the leg’s ends in its windows, and only the claims about its route', async () => {
    const v = await getVoyage(db, 'lady-r-rajin-vostochny-2024-03');
    if (!v) throw new Error('missing seeded leg');
    const sightings = v.observations.map((o) => o.id);
    expect(sightings).toContain('lady-r-loading-rajin-2024-03-12');
    expect(sightings).toContain('lady-r-vostochny-2024-03-14');
    expect(sightings).not.toContain('lady-r-rajin-2024-04-14');
    const claims = v.claims.map((c) => c.id);
    expect(claims).toContain('csis-2024-02-28-moved-to-vostochny');
    expect(claims).toContain('osc-2025-02-18-nine-trips');
    expect(claims).not.toContain('mt-2023-10-16-four-trips');
    expect(claims).not.toContain('csis-2024-02-28-19-dark-vessels');
    expect(v.portClaims.map((c) => c.id)).toContain('csis-2024-02-28-19-dark-vessels');
    const cited = new Set(v.citedSources.map((s) => s.id));
    for (const c of [...v.claims, ...v.portClaims]) expect(cited.has(c.sourceId), c.id).toBe(true);
  });

  it('returns null for an unknown id', async () => {
    expect(await getVoyage(db, 'no-such-voyage')).toBeNull();
  });

  it('returns the route from port to port, its sources and only sightings at its ends within its windows', async () => {
    for (const seed of seedVoyages) {
      const v = await getVoyage(db, seed.id);
      if (!v) throw new Error(`missing ${seed.id}`);
      const origin = seedPorts.find((p) => p.id === seed.originPortId)!;
      const destination = seedPorts.find((p) => p.id === seed.destinationPortId)!;
      expect(v.route.coordinates[0]).toEqual(origin.position);
      expect(v.route.coordinates.at(-1)).toEqual(destination.position);
      expect(v.routeKind).toBe('inferred');
      expect(v.sources.map((s) => s.id)).toEqual(seed.sourceIds);
      for (const o of v.observations) {
        expect([seed.originPortId, seed.destinationPortId]).toContain(o.portId);
        expect(o.vesselId).toBe(seed.vesselId);
        const overlapsDeparture = o.window.earliest <= seed.departure.latest && o.window.latest >= seed.departure.earliest;
        const overlapsArrival = o.window.earliest <= seed.arrival.latest && o.window.latest >= seed.arrival.earliest;
        expect(overlapsDeparture || overlapsArrival).toBe(true);
      }
      for (const c of v.claims) {
        const ends = [seed.originPortId, seed.destinationPortId];
        expect(c.originPortId === null || ends.includes(c.originPortId)).toBe(true);
        expect(c.destinationPortId === null || ends.includes(c.destinationPortId)).toBe(true);
      }
    }
  });
});
