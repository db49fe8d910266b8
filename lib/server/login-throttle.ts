/**
 * Sign-in throttling, kept in the database (lib/server/db/throttle.ts) so it holds across restarts
 * and across app processes on one file. Two counters of failures, with growing delays rather than
 * a lock (LOGIN_BACKOFF in lib/core/domain/backoff.ts):
 *   pair     one username (lower-cased) from one client address: 5 free, then 1 s, 2 s, 4 s … 15 min
 *   address  one client address, any username: 20 free, then 1 s, 2 s, 4 s … 15 min
 * An IPv6 client is counted by its /64 in both: the bits below it are the host's own to choose
 * (privacy addresses, a whole /64 on any rented server), so one /128 per guess would never be
 * delayed.
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

/**
 * The /64 of an IPv6 address (`2001:db8:7:1::/64`), however it is spelled (`::`, leading zeros,
 * an IPv4-style tail, a zone); anything else (IPv4, `unknown`) as it is.
 */
function addressGroup(address: string): string {
  if (!address.includes(':')) return address;
  let s = address.toLowerCase().split('%')[0]!;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return address;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array<string>(Math.max(0, fill)).fill('0'), ...tail];
  if (fill < 0 || groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

function keys(username: string, address: string) {
  const group = addressGroup(address);
  return {
    pair: `login:pair:${JSON.stringify([username.trim().toLowerCase(), group])}`,
    address: `login:addr:${group}`,
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
