/**
 * Rate-limit counters in the database (table `throttle`, migration 0004): they hold across
 * restarts and are shared by every app process on the same file. Each check-and-count runs in one
 * BEGIN IMMEDIATE transaction, so concurrent requests (in this process or another) are counted one
 * after another and none slips past the limit.
 *
 * Two kinds of counter, each under a key whose prefix says what it limits (`login:pair:`,
 * `login:addr:`, `annotate:user:` …; callers keep their prefixes distinct):
 *   hitWindow       a fixed window: at most `max` hits per `windowMs`; a refused hit is not counted.
 *   reserveAttempt  growing delays after failures (lib/core/domain/backoff.ts): the attempt is
 *                   counted as a failure before the caller checks it, and given back on success.
 * Rows past `expires_at` mean nothing; the database's periodic prune deletes them (prune.ts).
 */
import 'server-only';
import { backoffWaitMs, retryAfterSeconds, type Backoff } from '@/lib/core/domain/backoff';
import type { DB } from './connection';
import { immediateTransaction } from './tx';

/** Deletes every counter that has expired at `now`; returns how many. */
export async function pruneThrottle(db: DB, now = Date.now()): Promise<number> {
  const r = await db.deleteFrom('throttle').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

async function liveRow(trx: DB, key: string, now: number) {
  const row = await trx.selectFrom('throttle').selectAll().where('key', '=', key).executeTakeFirst();
  return row && row.expires_at > now ? row : undefined;
}

async function put(trx: DB, row: { key: string; hits: number; window_start: number; last_at: number; expires_at: number }) {
  const { hits, window_start, last_at, expires_at } = row;
  await trx
    .insertInto('throttle')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ hits, window_start, last_at, expires_at }))
    .execute();
}

/**
 * Counts one hit on `key` in a fixed window of `limit.windowMs` that starts at the first hit:
 * allowed while fewer than `limit.max` hits are in the window; a refused hit is not counted, and
 * `retryAfterS` says when the window ends (0 when allowed).
 */
export async function hitWindow(
  db: DB,
  key: string,
  limit: { max: number; windowMs: number },
  now = Date.now(),
): Promise<{ allowed: boolean; retryAfterS: number }> {
  return immediateTransaction(db, async (trx) => {
    const row = await liveRow(trx, key, now);
    const open = row && row.window_start + limit.windowMs > now ? row : undefined;
    if (open && open.hits >= limit.max) {
      return { allowed: false, retryAfterS: retryAfterSeconds(open.window_start + limit.windowMs - now) };
    }
    const windowStart = open?.window_start ?? now;
    await put(trx, { key, hits: (open?.hits ?? 0) + 1, window_start: windowStart, last_at: now, expires_at: windowStart + limit.windowMs });
    return { allowed: true, retryAfterS: 0 };
  });
}

/**
 * Reserves one attempt against every key at once: when any key is still in its delay, nothing is
 * counted and `retryAfterS` is the longest wait; otherwise each key's failure count goes up by
 * one before the caller checks the attempt, so concurrent attempts cannot all pass as the first.
 * On success the caller gives the attempt back with `settleAttempt`.
 */
export async function reserveAttempt(
  db: DB,
  keys: { key: string; backoff: Backoff }[],
  now = Date.now(),
): Promise<{ allowed: boolean; retryAfterS: number }> {
  return immediateTransaction(db, async (trx) => {
    const rows = [];
    for (const k of keys) rows.push({ ...k, row: await liveRow(trx, k.key, now) });
    const wait = Math.max(0, ...rows.map(({ row, backoff }) => (row ? backoffWaitMs(row.hits, row.last_at, now, backoff) : 0)));
    if (wait > 0) return { allowed: false, retryAfterS: retryAfterSeconds(wait) };
    for (const { key, backoff, row } of rows) {
      await put(trx, { key, hits: (row?.hits ?? 0) + 1, window_start: row?.window_start ?? now, last_at: now, expires_at: now + backoff.forgetMs });
    }
    return { allowed: true, retryAfterS: 0 };
  });
}

/**
 * After an attempt reserved with `reserveAttempt` succeeded: the `clear` keys start again from
 * zero, and the `refund` keys lose the one failure the reservation counted (never below zero).
 */
export async function settleAttempt(db: DB, { clear, refund }: { clear: string[]; refund: string[] }): Promise<void> {
  await immediateTransaction(db, async (trx) => {
    if (clear.length) await trx.deleteFrom('throttle').where('key', 'in', clear).execute();
    for (const key of refund) {
      await trx
        .updateTable('throttle')
        .set((eb) => ({ hits: eb.case().when('hits', '>', 1).then(eb('hits', '-', 1)).else(0).end() }))
        .where('key', '=', key)
        .execute();
    }
  });
}
