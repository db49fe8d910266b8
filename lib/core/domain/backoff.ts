/**
 * Growing delays after failed attempts, instead of a hard lock: the first `free` failures cost
 * nothing; after that, the next attempt waits `baseMs`, then twice as long after each further
 * failure, never more than `capMs`. A counter untouched for `forgetMs` starts again from zero.
 * Pure: the server keeps the counters (lib/server/db/throttle.ts), this says what they mean.
 */
export interface Backoff {
  /** Failures that cost no delay. */
  free: number;
  /** The delay after the first failure beyond the free ones. */
  baseMs: number;
  /** The longest delay. */
  capMs: number;
  /** A counter is forgotten this long after its last failure. */
  forgetMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The sign-in schedule. `pair`: one username from one client address: 5 free failures, then 1 s,
 * 2 s, 4 s … up to 15 min. `address`: one client address across all usernames: 20 free failures,
 * then 1 s, 2 s, 4 s … up to 15 min. Both are forgotten a day after their last failure. There is
 * no per-account limit, so strangers' guesses never lock out someone who knows the password.
 */
export const LOGIN_BACKOFF = {
  pair: { free: 5, baseMs: 1000, capMs: 15 * MINUTE, forgetMs: DAY },
  address: { free: 20, baseMs: 1000, capMs: 15 * MINUTE, forgetMs: DAY },
} as const satisfies Record<string, Backoff>;

/** The delay owed after `failures` failures before the next attempt (0 within the free ones). */
export function backoffDelayMs(failures: number, b: Backoff): number {
  if (failures < b.free) return 0;
  const doublings = failures - b.free;
  // 2 ** 60 would still be finite, but there is no point computing past the cap.
  if (doublings >= 40) return b.capMs;
  return Math.min(b.capMs, b.baseMs * 2 ** doublings);
}

/**
 * How long, at `now`, the next attempt must still wait, given `failures` of which the last was at
 * `lastAt` (epoch ms). 0: it may go ahead. A counter past `forgetMs` counts as none.
 */
export function backoffWaitMs(failures: number, lastAt: number, now: number, b: Backoff): number {
  if (failures <= 0 || now - lastAt >= b.forgetMs) return 0;
  return Math.max(0, lastAt + backoffDelayMs(failures, b) - now);
}

/** A wait in whole seconds for Retry-After: rounded up, at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
