import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type DB } from '@/lib/server/db/connection';
import { columnInsert } from '@/lib/server/db/insert-values';
import { SqliteWriter } from '@/lib/server/db/writer';
import { tempDbFile } from '../helpers';

let tmp: ReturnType<typeof tempDbFile>;
let db: DB;
let writer: SqliteWriter | null;

beforeEach(async () => {
  tmp = tempDbFile('writer');
  db = createDb(tmp.file).db;
  await sql`create table t (k integer primary key, v text not null)`.execute(db);
  writer = SqliteWriter.for(db);
});

afterEach(async () => {
  await writer?.close();
  await db.destroy();
  tmp.cleanup();
});

const rows = async () => (await sql<{ k: number; v: string }>`select k, v from t order by k`.execute(db)).rows;

describe('SqliteWriter: writes on a thread of its own', () => {
  it('runs a job’s statements in one transaction there and answers each one’s changed rows, seen at once by this connection', async () => {
    expect(writer).not.toBeNull();
    const changes = await writer!.run([
      { sql: 'insert into t (k, v) values (?, ?), (?, ?)', parameters: [1, 'a', 2, 'b'] },
      { sql: 'insert into t (k, v) values (?, ?) on conflict do nothing', parameters: [2, 'again'] },
      { sql: 'update t set v = ? where k = ?', parameters: ['A', 1] },
    ]);
    expect(changes).toEqual([2, 0, 1]);
    expect(await rows()).toEqual([
      { k: 1, v: 'A' },
      { k: 2, v: 'b' },
    ]);
  });

  it('rolls the whole job back when a statement fails, says why, and takes the next job', async () => {
    await expect(
      writer!.run([
        { sql: 'insert into t (k, v) values (?, ?)', parameters: [1, 'a'] },
        { sql: 'insert into t (k, v) values (?, ?)', parameters: [2, null] },
      ]),
    ).rejects.toThrow(/SqliteWriter: NOT NULL constraint failed: t\.v/);
    expect(await rows()).toEqual([]);
    expect(await writer!.run([{ sql: 'insert into t (k, v) values (?, ?)', parameters: [3, 'c'] }])).toEqual([1]);
  });

  it('answers jobs in the order they were sent', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => writer!.run([{ sql: 'insert into t (k, v) values (?, ?)', parameters: [i, `v${i}`] }])));
    expect(answers).toEqual(Array.from({ length: 20 }, () => [1]));
    expect((await rows()).map((r) => r.k)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('inserts rows given as columns, in full statements and a shorter last one, NaN as NULL, moving the arrays', async () => {
    await sql`create table c (k integer primary key, who text not null, tag text not null, x real)`.execute(db);
    const k = Float64Array.from({ length: 7 }, (_, i) => 10 + i);
    const x = Float64Array.from([0.5, NaN, 2.5, NaN, 4.5, 5.5, 6.5]);
    const codes = Uint32Array.from([0, 1, 1, 0, 2, 2, 0]);
    const insert = columnInsert('c', ['k', 'who', 'tag', 'x'], 7, [k, { codes, strings: ['ann', 'bo', 'cy'] }, { value: 'z' }, x], { rowsPerStatement: 3, onConflictDoNothing: true });
    expect(insert.tailSql).toMatch(/values \(\?, \?, \?, \?\) on conflict do nothing$/);
    expect(await writer!.run([insert])).toEqual([7]);
    // Moved to the writer's thread, not copied.
    expect(k.byteLength).toBe(0);
    expect(codes.byteLength).toBe(0);
    const got = (await sql<{ k: number; who: string; tag: string; x: number | null }>`select k, who, tag, x from c order by k`.execute(db)).rows;
    expect(got).toEqual([
      { k: 10, who: 'ann', tag: 'z', x: 0.5 },
      { k: 11, who: 'bo', tag: 'z', x: null },
      { k: 12, who: 'bo', tag: 'z', x: 2.5 },
      { k: 13, who: 'ann', tag: 'z', x: null },
      { k: 14, who: 'cy', tag: 'z', x: 4.5 },
      { k: 15, who: 'cy', tag: 'z', x: 5.5 },
      { k: 16, who: 'ann', tag: 'z', x: 6.5 },
    ]);
    // Only the first `rows` rows are read: room to spare in the arrays is ignored. Conflicts add nothing.
    const again = columnInsert('c', ['k', 'who', 'tag', 'x'], 2, [Float64Array.from([16, 17, 99]), { value: 'dee' }, { value: 'y' }, new Float64Array(3)], { rowsPerStatement: 3, onConflictDoNothing: true });
    expect(await writer!.run([again])).toEqual([1]);
    expect((await sql<{ n: number }>`select count(*) as n from c`.execute(db)).rows[0]!.n).toBe(8);
  });

  it('is not made for a database in memory (a second connection would not see it)', async () => {
    const memory = createDb(':memory:').db;
    try {
      expect(SqliteWriter.for(memory)).toBeNull();
    } finally {
      await memory.destroy();
    }
  });
});
