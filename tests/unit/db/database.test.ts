import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import claims from '@/data/seed/claims.json';
import observations from '@/data/seed/observations.json';
import ports from '@/data/seed/ports.json';
import sources from '@/data/seed/sources.json';
import vessels from '@/data/seed/vessels.json';
import voyages from '@/data/seed/voyages.json';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { createDb, createSqlite } from '@/lib/server/db/connection';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { basemapRouting } from '@/lib/server/basemap/router';
import { seedDatabase } from '@/lib/server/db/seed';
import { seedData } from '@/lib/server/db/seed-data';
import { onPostgres, tempDatabase } from '../helpers';

let tmp: ReturnType<typeof tempDatabase>;
let db: DB;

beforeEach(async () => {
  tmp = tempDatabase();
  db = await openReadyDatabase(tmp.target);
});

afterEach(async () => {
  await db.destroy();
  tmp.cleanup();
});

const count = async (table: 'sources' | 'ports' | 'vessels' | 'voyages' | 'observations' | 'claims') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('the database', () => {
  it.skipIf(onPostgres)('is a real SQLite file in WAL mode with full sync, foreign keys and a busy timeout', async () => {
    const { sqlite } = createSqlite(tmp.target);
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      sqlite.close();
    }
  });

  it('records the versioned migrations it applied', async () => {
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(rows.rows.map((r) => r.name)).toEqual(['0001_initial', '0002_accounts_annotations', '0003_evidence_desk', '0004_throttle', '0005_annotation_changes', '0006_tracks', '0007_login_order', '0008_voyage_listing']);
  });

  it('holds every seed record after the first start', async () => {
    expect(await count('sources')).toBe(sources.length);
    expect(await count('ports')).toBe(ports.length);
    expect(await count('vessels')).toBe(vessels.length);
    expect(await count('voyages')).toBe(voyages.length);
    expect(await count('observations')).toBe(observations.length);
    expect(await count('claims')).toBe(claims.length);
  });

  it('links every voyage to the sources its seed record lists, in order', async () => {
    for (const v of voyages) {
      const rows = await db
        .selectFrom('voyage_sources')
        .select('source_id')
        .where('record_id', '=', v.id)
        .orderBy('position')
        .execute();
      expect(rows.map((r) => r.source_id)).toEqual(v.sourceIds);
    }
  });

  it('seeds idempotently: a second run inserts nothing', async () => {
    const report = await seedDatabase(db, seedData, basemapRouting);
    expect(Object.values(report.inserted).every((n) => n === 0)).toBe(true);
    expect(report.skipped).toBe(
      sources.length + ports.length + vessels.length + voyages.length + observations.length + claims.length,
    );
    expect(await count('voyages')).toBe(voyages.length);
  });

  it('never overwrites a team edit of a seeded record, nor brings back a deleted one', async () => {
    const [edited, removed] = voyages;
    if (!edited || !removed) throw new Error('need two seeded voyages');
    await db.updateTable('voyages').set({ notes: 'edited by the team' }).where('id', '=', edited.id).execute();
    await db.deleteFrom('voyages').where('id', '=', removed.id).execute();
    await seedDatabase(db, seedData, basemapRouting);
    const row = await db.selectFrom('voyages').select('notes').where('id', '=', edited.id).executeTakeFirstOrThrow();
    expect(row.notes).toBe('edited by the team');
    expect(await db.selectFrom('voyages').select('id').where('id', '=', removed.id).executeTakeFirst()).toBeUndefined();
  });

  it('refuses a row that points at a port that does not exist', async () => {
    await expect(
      db.updateTable('voyages').set({ origin_port_id: 'atlantis' }).where('id', '=', voyages[0]!.id).execute(),
    ).rejects.toThrow(/FOREIGN KEY|foreign key constraint/);
  });

  it('rejects seed data with a broken reference before writing anything', async () => {
    const other = tempDatabase('broken', { empty: true });
    const { db: fresh } = createDb(other.target);
    try {
      await migrateToLatest(fresh);
      const broken = { ...seedData, voyages: [{ ...voyages[0]!, originPortId: 'atlantis' }] };
      await expect(seedDatabase(fresh, broken, basemapRouting)).rejects.toThrow(/unknown port "atlantis"/);
      const n = await fresh.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    } finally {
      await fresh.destroy();
      other.cleanup();
    }
  });
});
