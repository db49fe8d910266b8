/**
 * Writing positions: a batch of fixes (inside the runner's short BEGIN IMMEDIATE transaction, with
 * its progress), tagged with the import's `seq`. A fix whose (vessel, time) is already stored, by this import or an earlier one,
 * is skipped by the key: re-importing overlapping data adds nothing twice. The rows stay invisible
 * until the import's final transaction marks it done (lib/server/imports/visible.ts).
 *
 * A million fixes go through here: they wait as number columns, never as row objects, and travel
 * to the writer's thread as those columns, moved rather than copied (lib/server/db/writer.ts).
 */
import 'server-only';
import type { TrackPoint } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { isPostgres } from '@/lib/server/db/connection';
import { columnInsert, insertValues } from '@/lib/server/db/insert-values';
import { ensureMonthPartitions } from '@/lib/server/db/partitions';
import type { ColumnInsert } from '@/lib/server/db/writer';

/** Rows per INSERT statement: 7 columns each, 3,500 parameters, far below SQLite's 32,766 bound. */
const ROWS_PER_STATEMENT = 500;
/** The positions table's columns (lib/server/db/schema-tracks.ts), in the order of PositionColumns. */
const COLUMNS = ['vessel_id', 't', 'import_seq', 'lon', 'lat', 'sog', 'cog'] as const;
/** Fixes a new batch has room for before its columns grow. */
const INITIAL = 1 << 15;

/** A batch of fixes as columns; NaN speed or course is "not reported" (NULL). */
export interface PositionColumns {
  size: number;
  seq: number;
  /** Each fix's vessel, an index into `vesselIds`. */
  vessel: Uint32Array;
  vesselIds: string[];
  t: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  sog: Float64Array;
  cog: Float64Array;
}

function empty(seq: number, capacity: number): PositionColumns {
  const f = () => new Float64Array(capacity);
  return { size: 0, seq, vessel: new Uint32Array(capacity), vesselIds: [], t: f(), lon: f(), lat: f(), sog: f(), cog: f() };
}

function grown<A extends Float64Array | Uint32Array>(a: A, capacity: number): A {
  const b = new (a.constructor as new (n: number) => A)(capacity);
  b.set(a);
  return b;
}

/** Fixes waiting to be written, as number columns: a million fixes make no row objects on their way to SQLite. */
export class PositionBatch {
  private c: PositionColumns;
  private readonly vesselIndex = new Map<string, number>();

  constructor(private readonly seq: number) {
    this.c = empty(seq, INITIAL);
  }

  /** How many fixes wait. */
  get size(): number {
    return this.c.size;
  }

  add(vesselId: string, p: TrackPoint): void {
    let c = this.c;
    const i = c.size;
    if (i === c.t.length) {
      const n = 2 * i;
      c = this.c = { ...c, vessel: grown(c.vessel, n), t: grown(c.t, n), lon: grown(c.lon, n), lat: grown(c.lat, n), sog: grown(c.sog, n), cog: grown(c.cog, n) };
    }
    let v = this.vesselIndex.get(vesselId);
    if (v === undefined) {
      v = c.vesselIds.push(vesselId) - 1;
      this.vesselIndex.set(vesselId, v);
    }
    c.vessel[i] = v;
    c.t[i] = p.t;
    c.lon[i] = p.lon;
    c.lat[i] = p.lat;
    c.sog[i] = p.sog ?? NaN;
    c.cog[i] = p.cog ?? NaN;
    c.size = i + 1;
  }

  /** The waiting fixes, handed over; the batch starts empty again. */
  take(): PositionColumns {
    const taken = this.c;
    this.c = empty(this.seq, taken.t.length);
    this.vesselIndex.clear();
    return taken;
  }
}

/** Inserts a batch (PositionBatch.take()) inside the caller's transaction; answers how many fixes were new. */
export async function insertPositions(trx: DB, c: PositionColumns): Promise<number> {
  if (isPostgres(trx) && c.size > 0) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < c.size; i++) {
      if (c.t[i]! < min) min = c.t[i]!;
      if (c.t[i]! > max) max = c.t[i]!;
    }
    await ensureMonthPartitions(trx, min, max);
  }
  const parameters: unknown[] = [];
  const orNull = (x: number) => (Number.isNaN(x) ? null : x);
  for (let i = 0; i < c.size; i++) parameters.push(c.vesselIds[c.vessel[i]!], c.t[i], c.seq, c.lon[i], c.lat[i], orNull(c.sog[i]!), orNull(c.cog[i]!));
  return insertValues(trx, 'positions', COLUMNS, parameters, { rowsPerStatement: ROWS_PER_STATEMENT, onConflictDoNothing: true });
}

/**
 * The same insert for the writer thread (lib/server/db/writer.ts): the columns are moved there, not
 * copied, room to spare included (only the first `size` rows are read).
 */
export function positionInsert(c: PositionColumns): ColumnInsert {
  const data = [{ codes: c.vessel, strings: c.vesselIds }, c.t, { value: c.seq }, c.lon, c.lat, c.sog, c.cog];
  return columnInsert('positions', COLUMNS, c.size, data, { rowsPerStatement: ROWS_PER_STATEMENT, onConflictDoNothing: true });
}
