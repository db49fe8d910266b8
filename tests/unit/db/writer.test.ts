import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type DB } from '@/lib/server/db/connection';
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

  it('is not made for a database in memory (a second connection would not see it)', async () => {
    const memory = createDb(':memory:').db;
    try {
      expect(SqliteWriter.for(memory)).toBeNull();
    } finally {
      await memory.destroy();
    }
  });
});
