/**
 * Removing an import that did not complete: its positions are deleted in short transactions
 * (a few thousand rows each), so the cleanup of a large import never holds SQLite's one write
 * lock long enough to make another writer wait out its busy timeout. Readers never saw these
 * rows (only a `done` import's positions are visible), so the order of deletion does not matter.
 *
 * The sweep finds imports left unfinished by a process that died (`kill -9`, a crash, a power
 * cut): still `running`, or cancelled by a person but not yet cleaned up, with an owner that no
 * longer lives. It runs when the server starts (instrumentation.ts), before each new import and
 * whenever imports are read.
 */
import 'server-only';
import type { DB } from '@/lib/server/db';
import { ownerDead } from './owner';
import { markFinished } from './store';

const DELETE_BATCH = 5000;

/** Deletes every position of import `seq`, a batch per transaction. */
export async function deletePositionsOf(db: DB, seq: number): Promise<void> {
  for (;;) {
    // The key of the batch's last row, in the (import_seq, vessel_id, t) index order.
    const edge = await db
      .selectFrom('positions')
      .select(['vessel_id', 't'])
      .where('import_seq', '=', seq)
      .orderBy('vessel_id')
      .orderBy('t')
      .limit(1)
      .offset(DELETE_BATCH - 1)
      .executeTakeFirst();
    let q = db.deleteFrom('positions').where('import_seq', '=', seq);
    if (edge) q = q.where((eb) => eb.or([eb('vessel_id', '<', edge.vessel_id), eb.and([eb('vessel_id', '=', edge.vessel_id), eb('t', '<=', edge.t)])]));
    await q.execute();
    if (!edge) return;
    // Let queued requests have the connection between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Cleans up every import a dead process left unfinished; the running ones read as interrupted. */
export async function sweepDeadImports(db: DB): Promise<string[]> {
  const open = await db.selectFrom('imports').select(['id', 'seq', 'status', 'owner', 'heartbeat_at']).where('finished_at', 'is', null).execute();
  const swept: string[] = [];
  for (const imp of open) {
    if (!ownerDead(imp.owner, imp.heartbeat_at)) continue;
    if (imp.status === 'running') {
      await db
        .updateTable('imports')
        .set({ status: 'interrupted', error: 'The process running this import stopped before it completed; nothing of it was kept. Import the file again.' })
        .where('id', '=', imp.id)
        .where('status', '=', 'running')
        .execute();
    }
    await deletePositionsOf(db, imp.seq);
    await markFinished(db, imp.id);
    swept.push(imp.id);
  }
  return swept;
}

/**
 * The sweep as the server starts (instrumentation.ts): what a crashed process left is cleaned up
 * before anyone asks, and said in the log. A failure is logged, never thrown: a database that
 * cannot be swept now is swept again before the next import, and must not stop the server.
 */
export async function sweepAtStart(db: DB, log: Pick<Console, 'log' | 'error'> = console): Promise<string[]> {
  try {
    const swept = await sweepDeadImports(db);
    if (swept.length) log.log(`[wakeline] ${swept.length} import${swept.length === 1 ? '' : 's'} left unfinished by a stopped process marked interrupted and removed: ${swept.join(', ')}`);
    return swept;
  } catch (err) {
    log.error(`[wakeline] the sweep of unfinished imports failed (it runs again before the next import): ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}
