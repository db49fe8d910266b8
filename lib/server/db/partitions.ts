/**
 * PostgreSQL's positions table is partitioned by month of `t` (migration 0006): a batch of fixes
 * first makes the partitions of the months it spans (positions_YYYY_MM, UTC), so a month's rows
 * land in a table of their own and a time-bounded read scans only its months. A month whose rows
 * already sit in the default partition (data written before its partition could be made) keeps
 * them there: the partition is then not made, and nothing is lost.
 */
import 'server-only';
import { sql } from 'kysely';
import type { DB } from './connection';
import { immediateTransaction } from './tx';

function monthsBetween(minMs: number, maxMs: number): { name: string; from: number; to: number }[] {
  const out: { name: string; from: number; to: number }[] = [];
  const first = new Date(minMs);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  for (;;) {
    const from = Date.UTC(y, m, 1);
    if (from > maxMs) break;
    const to = Date.UTC(y, m + 1, 1);
    out.push({ name: `positions_${y}_${String(m + 1).padStart(2, '0')}`, from, to });
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

/** Makes the month partitions for fixes between `minMs` and `maxMs` (inside the caller's transaction; a month made already costs a catalog lookup). */
export async function ensureMonthPartitions(trx: DB, minMs: number, maxMs: number): Promise<void> {
  if (!(Number.isFinite(minMs) && Number.isFinite(maxMs))) return;
  for (const month of monthsBetween(minMs, maxMs)) {
    try {
      // A savepoint of its own: a month the default partition already holds rows of is refused, and only that.
      await immediateTransaction(trx, (t) =>
        sql`create table if not exists ${sql.table(month.name)} partition of positions for values from (${sql.lit(month.from)}) to (${sql.lit(month.to)})`.execute(t),
      );
    } catch (err) {
      if (!/default partition/i.test(err instanceof Error ? err.message : '')) throw err;
    }
  }
}
