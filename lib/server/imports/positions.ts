/**
 * Writing positions: a batch of fixes (inside the runner's short BEGIN IMMEDIATE transaction, with
 * its progress), tagged with the import's `seq`. A fix whose (vessel, time) is already stored, by this import or an earlier one,
 * is skipped by the key: re-importing overlapping data adds nothing twice. The rows stay invisible
 * until the import's final transaction marks it done (lib/server/imports/visible.ts).
 */
import 'server-only';
import type { Insertable } from 'kysely';
import type { DB } from '@/lib/server/db';
import type { PositionsTable } from '@/lib/server/db/schema-tracks';

/** Rows per INSERT statement: 7 columns each stays far below SQLite's 32,766 bound variables. */
const ROWS_PER_STATEMENT = 2000;

export type PositionRow = Insertable<PositionsTable>;

/** Inserts `rows` inside the caller's transaction; answers how many were new. */
export async function insertPositions(trx: DB, rows: readonly PositionRow[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const result = await trx
      .insertInto('positions')
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}
