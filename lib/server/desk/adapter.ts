/** What the generic desk needs to know about one kind of record. */
import 'server-only';
import { sql } from 'kysely';
import type { FieldIssue, RecordKind } from '@/lib/core/domain/records';
import type { DB } from '@/lib/server/db';
import type { RecordByKind } from '@/lib/server/db/write-record';
import type { RecordTable } from './store';

/** A record another one points at: deleting it would leave the other one citing nothing. */
export interface Dependent {
  kind: RecordKind;
  id: string;
}

/** Ids a record names in `field`, each of which must be a live record of `kind`. */
export interface Reference {
  field: string;
  kind: 'source' | 'port' | 'vessel' | 'observation';
  ids: readonly (string | null)[];
}

export interface KindAdapter<K extends RecordKind> {
  /** How the review queue and error messages name the record. */
  label: (record: RecordByKind[K]) => string;
  references: (record: RecordByKind[K]) => Reference[];
  /** Live records that cite or name this one. */
  dependents: (db: DB, id: string) => Promise<Dependent[]>;
  /** Checks that need the database or the basemap, beyond references. */
  check?: (db: DB, record: RecordByKind[K]) => Promise<FieldIssue[]>;
}

/** Records of `table` that are live (not deleted) and whose `column` is `id`. */
export async function liveWhere(
  db: DB,
  kind: RecordKind,
  table: RecordTable,
  column: string,
  id: string,
): Promise<Dependent[]> {
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} where ${sql.ref(column)} = ${id} and deleted_at is null order by id`.execute(db);
  return rows.map((r) => ({ kind, id: r.id }));
}

/** Live records of `table` linked to `id` through `linkTable` (record_id → source_id, or claim_vessels). */
export async function liveLinked(
  db: DB,
  kind: RecordKind,
  table: RecordTable,
  linkTable: string,
  from: string,
  to: string,
  id: string,
): Promise<Dependent[]> {
  const { rows } = await sql<{ id: string }>`select distinct r.id from ${sql.table(linkTable)} l
    join ${sql.table(table)} r on r.id = ${sql.ref(`l.${from}`)}
    where ${sql.ref(`l.${to}`)} = ${id} and r.deleted_at is null order by r.id`.execute(db);
  return rows.map((r) => ({ kind, id: r.id }));
}
