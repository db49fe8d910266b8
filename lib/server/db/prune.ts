/**
 * Deleting what has expired: sessions past either timeout and rate-limit counters past their
 * `expires_at`. Neither is needed for correctness (lookups ignore expired rows); pruning keeps the
 * tables small. Run once when a database opens, then every hour by the process-wide one.
 */
import 'server-only';
import type { DB } from './connection';
import { pruneSessions } from './sessions';
import { pruneThrottle } from './throttle';

const PRUNE_EVERY_MS = 3_600_000;

export async function pruneExpired(db: DB, now = Date.now()): Promise<void> {
  await pruneSessions(db, now);
  await pruneThrottle(db, now);
}

/**
 * Prunes every `everyMs`. The timer is unref'd, so it never keeps a process (a script, a test run)
 * alive; clear it with `clearInterval` to stop. A failed prune is retried on the next tick.
 */
export function pruneExpiredPeriodically(db: DB, everyMs = PRUNE_EVERY_MS): NodeJS.Timeout {
  const timer = setInterval(() => {
    pruneExpired(db).catch((err: unknown) => {
      console.warn('[wakeline] pruning expired sessions and counters failed; retrying at the next interval:', err);
    });
  }, everyMs);
  return timer.unref();
}
