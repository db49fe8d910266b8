import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedSchema } from '@/lib/core/domain/schemas';
import { apiVoyageMetrics, assembleVoyage } from '@/lib/core/domain/voyage';
import { basemapRouting } from '@/lib/server/basemap/router';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { createDb } from '@/lib/server/db/connection';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { seedDatabase } from '@/lib/server/db/seed';
import { seedData } from '@/lib/server/db/seed-data';
import { tempDatabase } from '../helpers';

/**
 * The seed revision step, on real SQLite files: a database first seeded with an older seed
 * (`oldSeed`: one claim's statement, one voyage's dates and cargo and one port's position differ) is opened again with
 * the committed seed, as a server start after a seed correction does.
 */
const seed = seedSchema.parse(seedData);
const claim = seed.claims[0]!;
const voyage = seed.voyages[0]!;
const movedPort = seed.voyages[1]!.originPortId;

function oldSeed() {
  const old = structuredClone(seedData) as unknown as { claims: { id: string; statement: string }[]; voyages: Record<string, unknown>[] };
  old.claims[0]!.statement = 'the wording before the correction';
  const v = old.voyages[0]!;
  v.cargo = 'cargo before the correction';
  v.departure = { earliest: '2020-01-01', latest: '2020-01-01', precision: 'day' };
  const port = (old as unknown as { ports: { id: string; position: [number, number] }[] }).ports.find((p) => p.id === movedPort)!;
  port.position = [port.position[0] + 0.01, port.position[1]];
  return old;
}

let tmp: ReturnType<typeof tempDatabase>;
let db: DB;

beforeEach(async () => {
  tmp = tempDatabase('seed-revision', { empty: true });
  const first = createDb(tmp.target).db;
  await migrateToLatest(first);
  await seedDatabase(first, oldSeed(), basemapRouting);
  await first.destroy();
});

afterEach(async () => {
  await db?.destroy();
  tmp.cleanup();
});

const revisions = (kind: string, id: string) =>
  db.selectFrom('record_revisions').selectAll().where('kind', '=', kind).where('record_id', '=', id).orderBy('id').execute();

async function teamEdit(table: 'claims' | 'voyages', kind: string, id: string, set: { statement?: string; cargo?: string }) {
  const user = await db
    .insertInto('users')
    .values({ username: 'editor', role: 'editor', password_hash: 'x', active: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (table === 'claims') await db.updateTable('claims').set({ statement: set.statement, version: 2 }).where('id', '=', id).execute();
  else await db.updateTable('voyages').set({ cargo: set.cargo, version: 2 }).where('id', '=', id).execute();
  await db
    .insertInto('record_revisions')
    .values({ kind, record_id: id, version: 2, action: 'edit', actor_id: user.id, at: '2026-01-02T00:00:00Z', reason: 'team', before: null, after: null })
    .execute();
}

describe('the seed revision step', () => {
  it('brings an untouched seeded row up to the corrected seed record, as a revision by the seed', async () => {
    db = await openReadyDatabase(tmp.target);
    const row = await db.selectFrom('claims').select(['statement', 'version']).where('id', '=', claim.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ statement: claim.statement, version: 2 });
    const [rev, ...more] = await revisions('claim', claim.id);
    expect(more).toEqual([]);
    expect(rev).toMatchObject({ version: 2, action: 'edit', actor_id: null, reason: 'seed correction' });
    expect(JSON.parse(rev!.before!).statement).toBe('the wording before the correction');
    expect(JSON.parse(rev!.after!).statement).toBe(claim.statement);
  });

  it("recomputes a corrected voyage's route and metrics through assembleVoyage", async () => {
    db = await openReadyDatabase(tmp.target);
    const row = await db.selectFrom('voyages').selectAll().where('id', '=', voyage.id).executeTakeFirstOrThrow();
    const { drawRoute, land } = basemapRouting();
    const want = assembleVoyage(voyage, new Map(seed.ports.map((p) => [p.id, p])), drawRoute, land);
    expect([row.departure_earliest, row.cargo, row.version]).toEqual([voyage.departure.earliest, voyage.cargo, 2]);
    expect(JSON.parse(row.route_geojson)).toEqual(want.route);
    expect([row.min_hours, row.max_hours]).toEqual([want.metrics.duration.minHours, want.metrics.duration.maxHours]);
    expect(apiVoyageMetrics(want.metrics).maxHours).toBe(row.max_hours);
  });

  it('reroutes every voyage at a corrected port, the voyage records unchanged', async () => {
    db = await openReadyDatabase(tmp.target);
    const { drawRoute, land } = basemapRouting();
    const ports = new Map(seed.ports.map((p) => [p.id, p]));
    const atPort = seed.voyages.filter((v) => v.id !== voyage.id && (v.originPortId === movedPort || v.destinationPortId === movedPort));
    expect(atPort.length).toBeGreaterThan(0);
    for (const v of atPort) {
      const row = await db.selectFrom('voyages').select(['route_geojson', 'version']).where('id', '=', v.id).executeTakeFirstOrThrow();
      expect(JSON.parse(row.route_geojson)).toEqual(assembleVoyage(v, ports, drawRoute, land).route);
      expect(row.version).toBe(1);
    }
  });

  it("keeps the team's edit and deletion, and names the records it left", async () => {
    db = createDb(tmp.target).db;
    await teamEdit('claims', 'claim', claim.id, { statement: 'the team wording' });
    await db.updateTable('voyages').set({ deleted_at: '2026-01-03T00:00:00Z', version: 2 }).where('id', '=', voyage.id).execute();
    const report = await seedDatabase(db, seedData, basemapRouting);
    expect(report.kept).toEqual([`voyage ${voyage.id}`, `claim ${claim.id}`]);
    expect(report.revised).toEqual([`port ${movedPort}`]);
    const row = await db.selectFrom('claims').select(['statement', 'version']).where('id', '=', claim.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ statement: 'the team wording', version: 2 });
    const v = await db.selectFrom('voyages').select(['cargo', 'deleted_at']).where('id', '=', voyage.id).executeTakeFirstOrThrow();
    expect(v).toEqual({ cargo: 'cargo before the correction', deleted_at: '2026-01-03T00:00:00Z' });
    expect((await revisions('claim', claim.id)).map((r) => r.actor_id)).not.toContain(null);
  });

  it('changes nothing on a second start', async () => {
    db = await openReadyDatabase(tmp.target);
    const before = await db.selectFrom('record_revisions').selectAll().execute();
    const report = await seedDatabase(db, seedData, basemapRouting);
    expect([report.revised, report.kept]).toEqual([[], []]);
    expect(await db.selectFrom('record_revisions').selectAll().execute()).toEqual(before);
    const versions = await db.selectFrom('claims').select(['id', 'version']).where('version', '!=', 1).execute();
    expect(versions).toEqual([{ id: claim.id, version: 2 }]);
  });

  it('keeps quiet about rows seeded before hashes were kept when they equal the seed', async () => {
    db = await openReadyDatabase(tmp.target);
    await db.updateTable('seed_log').set({ record_hash: null }).execute();
    const report = await seedDatabase(db, seedData, basemapRouting);
    expect([report.revised, report.kept]).toEqual([[], []]);
    expect(await db.selectFrom('seed_log').select('record_id').where('record_hash', 'is', null).execute()).toEqual([]);
    expect(await db.selectFrom('record_revisions').select('record_id').execute()).toHaveLength(3);
  });
});
