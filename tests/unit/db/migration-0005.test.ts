import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DB } from '@/lib/server/db';
import { createDb } from '@/lib/server/db/connection';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { migrationProvider } from '@/lib/server/db/migrations';
import { tempDatabase } from '../helpers';

/** Migration 0005 on a database holding annotations written before it (schema 0004). */
let tmp: ReturnType<typeof tempDatabase>;
let db: DB;

beforeEach(async () => {
  tmp = tempDatabase('migration-0005', { empty: true });
  db = createDb(tmp.target).db;
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo('0004_throttle');
  if (error) throw error;
  await sql`insert into users (id, username, role, password_hash, created_at, updated_at) values (1, 'ed', 'editor', 'x', 'now', 'now')`.execute(db);
  const note = (id: string, target: string, at: string, deleted: string | null = null) =>
    sql`insert into annotations (id, target_type, target_id, kind, body, author_id, created_at, deleted_at)
        values (${id}, 'voyage', ${target}, 'note', 'text', 1, ${at}, ${deleted})`.execute(db);
  await note('00000000-0000-4000-8000-00000000000c', 'a', '2026-01-03T00:00:00.000Z');
  await note('00000000-0000-4000-8000-00000000000a', 'a', '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z');
  await note('00000000-0000-4000-8000-00000000000b', 'a', '2026-01-01T00:00:00.000Z');
  await note('00000000-0000-4000-8000-00000000000d', 'b', '2026-01-02T00:00:00.000Z');
  await migrateToLatest(db);
});

afterEach(async () => {
  await db.destroy();
  tmp.cleanup();
});

describe('migration 0005 (annotation changes)', () => {
  it('numbers each record’s existing annotations 1..n in the order they were created', async () => {
    const rows = await db.selectFrom('annotations').select(['id', 'target_id', 'rev']).orderBy('target_id').orderBy('rev').execute();
    expect(rows.map((r) => [r.target_id, r.id.slice(-1), r.rev])).toEqual([
      ['a', 'a', 1],
      ['a', 'b', 2],
      ['a', 'c', 3],
      ['b', 'd', 1],
    ]);
  });

  it('counts each record’s annotations and sets its change counter', async () => {
    const targets = await db.selectFrom('annotation_targets').selectAll().orderBy('target_id').execute();
    expect(targets.map((t) => [t.target_id, t.revision, t.live, t.total])).toEqual([
      ['a', 3, 2, 3],
      ['b', 1, 1, 1],
    ]);
    expect(targets.every((t) => !Number.isNaN(Date.parse(t.changed_at)))).toBe(true);
  });

  it('refuses two annotations of one record at the same revision', async () => {
    await expect(sql`update annotations set rev = 1 where id = '00000000-0000-4000-8000-00000000000b'`.execute(db)).rejects.toThrow(/UNIQUE|duplicate key/);
  });
});
