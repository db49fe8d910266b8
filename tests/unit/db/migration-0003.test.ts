import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DB } from '@/lib/server/db';
import { createDb } from '@/lib/server/db/connection';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { migrationProvider } from '@/lib/server/db/migrations';
import { tempDatabase } from '../helpers';

/** Migration 0003 on a database holding rows written before it (schema 0002). */
let tmp: ReturnType<typeof tempDatabase>;
let db: DB;

beforeEach(async () => {
  tmp = tempDatabase('migration-0003', { empty: true });
  db = createDb(tmp.target).db;
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo('0002_accounts_annotations');
  if (error) throw error;
  await sql`insert into sources (id, publisher, title, kind, access) values ('src', 'P', 'T', 'news', 'direct')`.execute(db);
  await sql`insert into claims (id, source_id, statement, min_count, count_unit) values ('c1', 'src', 'at least 300 containers', 300, 'containers')`.execute(db);
  await sql`insert into vessels (id, name, sanctions) values ('v1', 'Angara', '[]')`.execute(db);
  await sql`insert into seed_log (record_type, record_id, seeded_at) values ('claim', 'c1', '2026-01-01')`.execute(db);
  await migrateToLatest(db);
});

afterEach(async () => {
  await db.destroy();
  tmp.cleanup();
});

describe('migration 0003 (evidence desk)', () => {
  it("keeps a claim's figure under the neutral name and leaves its qualifier not recorded", async () => {
    const row = await db.selectFrom('claims').selectAll().where('id', '=', 'c1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ count: 300, count_qualifier: null, count_as_reported: null, read_in_source_ids: '[]' });
    expect(row).not.toHaveProperty('min_count');
  });

  it('makes every existing row published at version 1, undeleted, with hedges not recorded', async () => {
    const v = await db.selectFrom('vessels').selectAll().where('id', '=', 'v1').executeTakeFirstOrThrow();
    expect(v).toMatchObject({ version: 1, status: 'published', deleted_at: null, deleted_by: null, identity_history: '[]' });
    const log = await db.selectFrom('seed_log').selectAll().executeTakeFirstOrThrow();
    expect(log.record_hash).toBeNull();
  });

  it('refuses a status other than draft or published, and an unknown revision action', async () => {
    await expect(sql`update claims set status = 'hidden' where id = 'c1'`.execute(db)).rejects.toThrow(/CHECK|check constraint/);
    await expect(
      sql`insert into record_revisions (kind, record_id, version, action, at) values ('claim', 'c1', 2, 'rename', 'now')`.execute(db),
    ).rejects.toThrow(/CHECK|check constraint/);
  });
});
