/**
 * Writing positions: a batch of fixes (inside the runner's short BEGIN IMMEDIATE transaction, with
 * its progress), tagged with the import's `seq`. A fix whose (vessel, time) is already stored, by this import or an earlier one,
 * is skipped by the key: re-importing overlapping data adds nothing twice. The rows stay invisible
 * until the import's final transaction marks it done (lib/server/imports/visible.ts).
 *
 * A million fixes go through here: they travel as the statement's parameters, never as row
 * objects, and are written by insertValues (lib/server/db/insert-values.ts).
 */
import 'server-only';
import type { TrackPoint } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { insertStatements, insertValues } from '@/lib/server/db/insert-values';
import type { Statement } from '@/lib/server/db/writer';

/** Rows per INSERT statement: 7 columns each, 3,500 parameters, far below SQLite's 32,766 bound. */
const ROWS_PER_STATEMENT = 500;
/** The positions table's columns (lib/server/db/schema-tracks.ts), in the order PositionBatch adds them. */
const COLUMNS = ['vessel_id', 't', 'import_seq', 'lon', 'lat', 'sog', 'cog'] as const;

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
export function insertPositions(trx: DB, parameters: readonly unknown[]): Promise<number> {
  return insertValues(trx, 'positions', COLUMNS, parameters, { rowsPerStatement: ROWS_PER_STATEMENT, onConflictDoNothing: true });
}

/** The same inserts as statements, for the writer thread (lib/server/db/writer.ts). */
export function positionStatements(parameters: readonly unknown[]): Statement[] {
  return insertStatements('positions', COLUMNS, parameters, { rowsPerStatement: ROWS_PER_STATEMENT, onConflictDoNothing: true });
}
