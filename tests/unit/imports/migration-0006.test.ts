import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DB } from '@/lib/server/db/connection';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { tempDatabase } from '../helpers';

const tmp = tempDatabase('migration-0006', { empty: true });
let db: DB;

beforeAll(async () => {
  db = createDb(tmp.target).db;
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
  tmp.cleanup();
});

const importRow = (id: string, status: string, checksum = 'abc') => ({
  id,
  file_name: 'a.csv',
  format: 'csv',
  checksum,
  size_bytes: 10,
  status,
  created_at: '2026-01-01T00:00:00.000Z',
  owner: 'test',
  heartbeat_at: 0,
});

describe('migration 0006 (tracks)', () => {
  it('keeps one position per vessel and instant, whatever import brings it', async () => {
    const p = { vessel_id: 'v', t: 1000, import_seq: 1, lon: 130, lat: 42, sog: null, cog: null };
    await db.insertInto('positions').values(p).execute();
    const again = await db.insertInto('positions').values({ ...p, import_seq: 2 }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    expect(Number(again.numInsertedOrUpdatedRows)).toBe(0);
    await expect(db.insertInto('positions').values({ ...p, import_seq: 3 }).execute()).rejects.toThrow(/UNIQUE|duplicate key/);
  });

  it('refuses a second completed import of the same file, but not a failed one or a duplicate', async () => {
    await db.insertInto('imports').values(importRow('a', 'done')).execute();
    await db.insertInto('imports').values(importRow('b', 'failed')).execute();
    await db.insertInto('imports').values({ ...importRow('c', 'done'), duplicate_of: 'a' }).execute();
    await expect(db.insertInto('imports').values(importRow('d', 'done')).execute()).rejects.toThrow(/UNIQUE|duplicate key/);
    await expect(db.insertInto('imports').values(importRow('e', 'paused')).execute()).rejects.toThrow(/CHECK|check constraint/);
  });
});
