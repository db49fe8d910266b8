/**
 * `npm run db:copy` (lib/server/db/copy.ts): a SQLite database with every kind of row (the seed,
 * an account, an annotation and its reply, a desk edit, an imported track) copied to the suite's
 * database (PostgreSQL on the PG pass) and back to a new SQLite file, with the same counts and
 * checksums at each step; the copy opens as the app's and serves the same voyages. A non-empty
 * target, a source behind the latest migration and a tampered row are refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/core/domain/permissions';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { createAnnotation } from '@/lib/server/db/annotations';
import { createDb } from '@/lib/server/db/connection';
import { CopyMismatch, CopyRefused, type TableReport, copyDatabase } from '@/lib/server/db/copy';
import { COPY_TABLES, listTables } from '@/lib/server/db/copy-tables';
import { migrationProvider, migrations } from '@/lib/server/db/migrations';
import { createUser } from '@/lib/server/db/users';
import { listVoyages } from '@/lib/server/db/voyages';
import { updateRecord } from '@/lib/server/desk/write';
import { startImport } from '@/lib/server/imports/start';
import { onPostgres, tempDatabase, tempDbFile } from '../helpers';
import { vessels, writeCsv } from '../imports/track-files';

const cleanups: (() => void)[] = [];
let source: string;

/** The SQLite source: seeded, then an account, an annotation with a reply, a desk edit and an import. */
async function makeSource(): Promise<string> {
  const tmp = tempDbFile('copy-source');
  cleanups.push(tmp.cleanup);
  const db = await openReadyDatabase(tmp.file);
  try {
    const u = await createUser(db, { username: 'ed', role: 'editor', password: 'correct horse battery' });
    const actor: Actor = { id: u.id, username: u.username, role: 'editor' };
    const voyage = await db.selectFrom('voyages').select('id').orderBy('id').executeTakeFirstOrThrow();
    const note = await createAnnotation(db, actor, { type: 'voyage', id: voyage.id }, { kind: 'note', body: 'Seen on the satellite pass', evidenceUrls: [], location: [130.5, 42.3], parentId: null });
    await createAnnotation(db, actor, { type: 'voyage', id: voyage.id }, { kind: 'note', body: 'A reply, ünïcode', evidenceUrls: [], location: null, parentId: note.id });
    await updateRecord(db, actor, 'voyage', voyage.id, { version: 1, reason: 'the cargo was coal', changes: { cargo: 'coal' } });
    const dir = fs.mkdtempSync(path.join(path.dirname(tmp.file), 'files-'));
    const [ship] = vessels({ seed: 5, count: 1, itinerary: ['rajin', 'vostochny'], gapProbability: 0 });
    const file = writeCsv(dir, 'one-ship.csv', [ship!]);
    const done = await (await startImport(db, { file, fileName: 'one-ship.csv', actor })).run();
    expect(done.status).toBe('done');
    expect(done.positionsAdded).toBeGreaterThan(10);
  } finally {
    await db.destroy();
  }
  return tmp.file;
}

const sums = (reports: TableReport[]) => Object.fromEntries(reports.map((r) => [r.table, r.target]));

beforeAll(async () => {
  source = await makeSource();
}, 120_000);

afterAll(() => {
  for (const c of cleanups) c();
});

describe('db:copy round trip', () => {
  let there: TableReport[];
  let back: TableReport[];
  let middle: string;
  let final: string;

  beforeAll(async () => {
    const mid = tempDatabase('copy-middle', { empty: true });
    const end = tempDbFile('copy-back');
    cleanups.push(mid.cleanup, end.cleanup);
    middle = mid.target;
    final = end.file;
    there = await copyDatabase(source, middle);
    back = await copyDatabase(middle, final);
  }, 120_000);

  it('copies every table with the same counts and checksums on both sides, and back again', () => {
    expect(there.map((r) => r.table).sort()).toEqual(COPY_TABLES.map((t) => t.name).sort());
    for (const r of [...there, ...back]) expect(r.target, r.table).toEqual(r.source);
    expect(sums(back)).toEqual(sums(there));
    const rows = sums(there);
    for (const t of ['users', 'annotations', 'annotation_revisions', 'record_pending', 'record_revisions', 'imports', 'positions', 'track_events', 'seed_log', 'voyages']) {
      expect(rows[t]!.rows, t).toBeGreaterThan(0);
    }
  });

  it('lists every table the migrations make (a table a later migration adds must be copied too)', async () => {
    const { db, sqlite } = createDb(final);
    try {
      expect(await listTables({ db, sqlite })).toEqual(COPY_TABLES.map((t) => t.name).sort());
    } finally {
      await db.destroy();
    }
  });

  it('opens the final copy as the app does, serving the same voyages, drafts included', async () => {
    const a = await openReadyDatabase(source);
    const b = await openReadyDatabase(final);
    try {
      for (const visibility of ['published', 'team'] as const) {
        const f = { limit: 500, offset: 0, visibility };
        expect(await listVoyages(b, f)).toEqual(await listVoyages(a, f));
      }
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });

  it.skipIf(!onPostgres)('on PostgreSQL: positions have their geometry and month partitions, and new ids follow the copied ones', async () => {
    const db: DB = await openReadyDatabase(middle);
    try {
      const geom = await sql<{ n: number; with_geom: number }>`select count(*) as n, count(geom) as with_geom from positions`.execute(db);
      expect(geom.rows[0]!.with_geom).toBe(geom.rows[0]!.n);
      const inDefault = await sql<{ n: number }>`select count(*) as n from positions_default`.execute(db);
      expect(Number(inDefault.rows[0]!.n)).toBe(0);
      const max = await db.selectFrom('users').select((e) => e.fn.max('id').as('m')).executeTakeFirstOrThrow();
      const u = await createUser(db, { username: 'newcomer', role: 'viewer', password: 'correct horse battery' });
      expect(u.id).toBeGreaterThan(Number(max.m));
    } finally {
      await db.destroy();
    }
  });
});

describe('db:copy refusals', () => {
  it('refuses a target that holds rows, and leaves it as it was', async () => {
    const tmp = tempDatabase('copy-full');
    cleanups.push(tmp.cleanup);
    const full = await openReadyDatabase(tmp.target);
    const before = await full.selectFrom('voyages').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await full.destroy();
    const err = await copyDatabase(source, tmp.target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CopyRefused);
    expect((err as Error).message).toMatch(/is not empty: .*voyages \(\d+\)/);
    const again = await openReadyDatabase(tmp.target);
    try {
      const after = await again.selectFrom('voyages').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    } finally {
      await again.destroy();
    }
  }, 60_000);

  it('refuses a source behind the latest migration, naming both versions', async () => {
    const old = tempDbFile('copy-old');
    const to = tempDbFile('copy-old-target');
    cleanups.push(old.cleanup, to.cleanup);
    const { db } = createDb(old.file);
    await new Migrator({ db, provider: migrationProvider }).migrateTo('0005_annotation_changes');
    await db.destroy();
    const err = await copyDatabase(old.file, to.file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CopyRefused);
    expect((err as Error).message).toMatch(new RegExp(`is at 0005_annotation_changes; .* at ${Object.keys(migrations).at(-1)}`));
  });

  it('detects a row changed on the target before verification, and rolls the target back', async () => {
    const to = tempDatabase('copy-tampered', { empty: true });
    cleanups.push(to.cleanup);
    const err = await copyDatabase(source, to.target, {
      beforeVerify: async (trx) => {
        const one = await trx.selectFrom('positions').select(['vessel_id', 't']).orderBy('t').executeTakeFirstOrThrow();
        await trx.updateTable('positions').set({ lon: 130 }).where('vessel_id', '=', one.vessel_id).where('t', '=', one.t).execute();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CopyMismatch);
    expect((err as Error).message).toMatch(/verification failed for positions;/);
    const bad = (err as CopyMismatch & { reports: TableReport[] }).reports.filter((r) => r.source.sha256 !== r.target.sha256);
    expect(bad.map((r) => r.table)).toEqual(['positions']);
    const { db } = createDb(to.target);
    try {
      for (const t of ['voyages', 'positions', 'users']) {
        const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db);
        expect(Number(rows[0]!.n), t).toBe(0);
      }
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
