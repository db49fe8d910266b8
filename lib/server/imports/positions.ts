/**
 * Writing positions: a batch of fixes (inside the runner's short BEGIN IMMEDIATE transaction, with
 * its progress), tagged with the import's `seq`. A fix whose (vessel, time) is already stored, by this import or an earlier one,
 * is skipped by the key: re-importing overlapping data adds nothing twice. The rows stay invisible
 * until the import's final transaction marks it done (lib/server/imports/visible.ts).
 *
 * A million fixes go through here, so the statement is written once per batch size as plain SQL
 * with its parameters (CompiledQuery.raw): building the same 500-row INSERT through the query
 * builder cost more than SQLite's work, and the connection keeps the prepared statement
 * (lib/server/db/connection.ts), so only the parameters change from one statement to the next.
 */
import 'server-only';
import { CompiledQuery } from 'kysely';
import type { TrackPoint } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';

/** Rows per INSERT statement: 7 columns each, 3,500 parameters, far below SQLite's 32,766 bound. */
const ROWS_PER_STATEMENT = 500;
/** The positions table's columns (lib/server/db/schema-tracks.ts), in the order PositionBatch adds them. */
const COLUMNS = ['vessel_id', 't', 'import_seq', 'lon', 'lat', 'sog', 'cog'] as const;

const statements = new Map<number, string>();

/** `insert into positions (…) values (?, …), … on conflict do nothing` for `rows` rows. */
function insertSql(rows: number): string {
  let text = statements.get(rows);
  if (!text) {
    const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
    text = `insert into "positions" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) values ${new Array<string>(rows).fill(tuple).join(', ')} on conflict do nothing`;
    statements.set(rows, text);
  }
  return text;
}

/**
 * Fixes waiting to be written, as the statement's parameters in column order: a million fixes
 * make no row objects on their way to SQLite.
 */
export class PositionBatch {
  private parameters: unknown[] = [];

  /** How many fixes wait. */
  get size(): number {
    return this.parameters.length / COLUMNS.length;
  }

  add(vesselId: string, seq: number, p: TrackPoint): void {
    this.parameters.push(vesselId, p.t, seq, p.lon, p.lat, p.sog, p.cog);
  }

  /** The waiting fixes, handed over; the batch starts empty again. */
  take(): unknown[] {
    const taken = this.parameters;
    this.parameters = [];
    return taken;
  }
}

/** Inserts the fixes of `parameters` (PositionBatch.take()) inside the caller's transaction; answers how many were new. */
export async function insertPositions(trx: DB, parameters: readonly unknown[]): Promise<number> {
  let added = 0;
  const perStatement = ROWS_PER_STATEMENT * COLUMNS.length;
  for (let i = 0; i < parameters.length; i += perStatement) {
    const slice = parameters.slice(i, i + perStatement);
    const result = await trx.executeQuery(CompiledQuery.raw(insertSql(slice.length / COLUMNS.length), slice));
    added += Number(result.numAffectedRows ?? 0);
  }
  return added;
}
