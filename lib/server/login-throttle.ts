/**
 * Sign-in throttling, kept in the database (lib/server/db/throttle.ts) so it holds across restarts
 * and across app processes on one file. Two counters of failures, with growing delays rather than
 * a lock (LOGIN_BACKOFF in lib/core/domain/backoff.ts):
 *   pair     one username (lower-cased) from one client address: 5 free, then 1 s, 2 s, 4 s … 15 min
 *   address  one client address, any username: 20 free, then 1 s, 2 s, 4 s … 15 min
 * There is deliberately no per-account counter: guesses from elsewhere never stop someone who
 * knows the password from their own address (OWASP Authentication Cheat Sheet).
 *
 * The attempt is reserved (counted as a failure) before the password is checked, in one immediate
 * transaction, so concurrent guesses are counted one after another; a success clears the pair and
 * gives the address back its one failure. Unknown usernames are counted the same way.
 */
import 'server-only';
import { LOGIN_BACKOFF } from '@/lib/core/domain/backoff';
import type { DB } from './db/connection';
import { reserveAttempt, settleAttempt } from './db/throttle';

function keys(username: string, address: string) {
  return {
    pair: `login:pair:${JSON.stringify([username.trim().toLowerCase(), address])}`,
    address: `login:addr:${address}`,
  };
}

/**
 * Counts a sign-in attempt for `username` from `address` before its password is checked.
 * `allowed: false`: a delay is still running; answer 429 with Retry-After `retryAfterS` seconds.
 */
export async function reserveLogin(db: DB, username: string, address: string, now = Date.now()) {
  const k = keys(username, address);
  return reserveAttempt(
    db,
    [
      { key: k.pair, backoff: LOGIN_BACKOFF.pair },
      { key: k.address, backoff: LOGIN_BACKOFF.address },
    ],
    now,
  );
}

/** After a successful sign-in: the pair starts from zero, the address loses this attempt's failure. */
export async function loginSucceeded(db: DB, username: string, address: string): Promise<void> {
  const k = keys(username, address);
  await settleAttempt(db, { clear: [k.pair], refund: [k.address] });
}
