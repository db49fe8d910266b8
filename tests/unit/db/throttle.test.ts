import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_BACKOFF } from '@/lib/core/domain/backoff';
import { createDb, type DB } from '@/lib/server/db/connection';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { hitWindow, pruneThrottle, reserveAttempt, settleAttempt } from '@/lib/server/db/throttle';
import { tempDatabase } from '../helpers';

let tmp: ReturnType<typeof tempDatabase>;
let db: DB;
const T0 = 1_700_000_000_000;

beforeEach(async () => {
  tmp = tempDatabase('throttle');
  db = createDb(tmp.target).db;
  await migrateToLatest(db);
});

afterEach(async () => {
  await db.destroy();
  tmp.cleanup();
});

const limit = { max: 3, windowMs: 60_000 };

describe('hitWindow', () => {
  it('allows max hits in a window, refuses the next without counting it, and opens a new window after', async () => {
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await hitWindow(db, 'k', limit, T0 + i * 1000));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[3]!.retryAfterS).toBe(57);
    const row = await db.selectFrom('throttle').selectAll().where('key', '=', 'k').executeTakeFirstOrThrow();
    expect(row.hits).toBe(3);
    expect((await hitWindow(db, 'k', limit, T0 + 60_000)).allowed).toBe(true);
  });

  it('counts concurrent hits one after another', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => hitWindow(db, 'burst', limit, T0)));
    expect(all.filter((r) => r.allowed)).toHaveLength(3);
    expect(all.filter((r) => !r.allowed).every((r) => r.retryAfterS === 60)).toBe(true);
  });

  it('keeps keys apart', async () => {
    for (let i = 0; i < 3; i += 1) await hitWindow(db, 'a', limit, T0);
    expect((await hitWindow(db, 'a', limit, T0)).allowed).toBe(false);
    expect((await hitWindow(db, 'b', limit, T0)).allowed).toBe(true);
  });
});

describe('reserveAttempt and settleAttempt', () => {
  const keys = [
    { key: 'pair', backoff: LOGIN_BACKOFF.pair },
    { key: 'addr', backoff: LOGIN_BACKOFF.address },
  ];

  it('counts concurrent reservations: only the free ones go ahead, and refusals are not counted', async () => {
    const all = await Promise.all(Array.from({ length: 40 }, () => reserveAttempt(db, keys, T0)));
    expect(all.filter((r) => r.allowed)).toHaveLength(5);
    expect(all.filter((r) => !r.allowed).every((r) => r.retryAfterS === 1)).toBe(true);
    const pair = await db.selectFrom('throttle').select('hits').where('key', '=', 'pair').executeTakeFirstOrThrow();
    expect(pair.hits).toBe(5);
    // After the 1 s delay, one more; then 2 s.
    expect((await reserveAttempt(db, keys, T0 + 1000)).allowed).toBe(true);
    expect(await reserveAttempt(db, keys, T0 + 2000)).toEqual({ allowed: false, retryAfterS: 1 });
    expect((await reserveAttempt(db, keys, T0 + 3000)).allowed).toBe(true);
  });

  it('clears and refunds on success', async () => {
    for (let i = 0; i < 4; i += 1) await reserveAttempt(db, keys, T0);
    await settleAttempt(db, { clear: ['pair'], refund: ['addr'] });
    const rows = await db.selectFrom('throttle').select(['key', 'hits']).orderBy('key').execute();
    expect(rows).toEqual([{ key: 'addr', hits: 3 }]);
  });

  it('forgets a counter a day after its last failure, and prunes it', async () => {
    for (let i = 0; i < 6; i += 1) await reserveAttempt(db, keys, T0 + i * 60_000);
    expect((await reserveAttempt(db, keys, T0 + 5 * 60_000 + 1)).allowed).toBe(false);
    const day = LOGIN_BACKOFF.pair.forgetMs;
    expect(await pruneThrottle(db, T0 + 5 * 60_000 + day - 1)).toBe(0);
    expect(await pruneThrottle(db, T0 + 5 * 60_000 + day)).toBe(2);
    expect((await reserveAttempt(db, keys, T0 + 5 * 60_000 + day)).allowed).toBe(true);
  });
});
