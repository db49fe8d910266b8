/**
 * What `npm run db:copy` (copy.ts) copies and how it reads it: the app's tables in an order that
 * satisfies their foreign keys, each with its primary key; the columns of a table as either
 * database has them (PostgreSQL's generated `geom` left out: the target makes it); a table's rows
 * read in batches (a SQLite statement iterated, a PostgreSQL cursor), never all at once; and the
 * checksum both sides compute the same way.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import { type RawBuilder, sql } from 'kysely';
import { postgresTables } from './change-counter';
import type { DB } from './connection';

export interface CopyTable {
  name: string;
  /** The primary key's columns: the order rows are read and checksummed in. */
  key: string[];
  /** Rows copied in two passes, those matching this first: a reply after the annotation it answers. */
  firstPass?: string;
}

/** Every app table, parents before the tables whose foreign keys name them. */
export const COPY_TABLES: CopyTable[] = [
  { name: 'users', key: ['id'] },
  { name: 'sources', key: ['id'] },
  { name: 'ports', key: ['id'] },
  { name: 'vessels', key: ['id'] },
  { name: 'voyages', key: ['id'] },
  { name: 'observations', key: ['id'] },
  { name: 'claims', key: ['id'] },
  { name: 'claim_vessels', key: ['claim_id', 'vessel_id'] },
  { name: 'port_sources', key: ['record_id', 'source_id'] },
  { name: 'vessel_sources', key: ['record_id', 'source_id'] },
  { name: 'voyage_sources', key: ['record_id', 'source_id'] },
  { name: 'observation_sources', key: ['record_id', 'source_id'] },
  { name: 'seed_log', key: ['record_type', 'record_id'] },
  { name: 'sessions', key: ['id_hash'] },
  { name: 'annotations', key: ['id'], firstPass: 'parent_id is null' },
  { name: 'annotation_revisions', key: ['id'] },
  { name: 'annotation_targets', key: ['target_type', 'target_id'] },
  { name: 'record_pending', key: ['kind', 'record_id'] },
  { name: 'record_revisions', key: ['id'] },
  { name: 'throttle', key: ['key'] },
  { name: 'imports', key: ['seq'] },
  { name: 'positions', key: ['vessel_id', 't'] },
  { name: 'track_events', key: ['id'] },
  { name: 'track_drafts', key: ['key'] },
];

/**
 * Tables that are not the app's data: the migrator's bookkeeping (the target is migrated itself),
 * PostgreSQL's change counter (made at the app's start) and the voyage change counter (made by
 * migration 0008, moved by the copy's own writes).
 */
const NOT_COPIED = new Set(['kysely_migration', 'kysely_migration_lock', 'change_counter', 'change_counts']);

/** A database as the copy sees it: which dialect, and its better-sqlite3 handle on SQLite. */
export interface Side {
  db: DB;
  sqlite: SQLite.Database | null;
}

export interface Column {
  name: string;
  /** Text, whose order must be byte order on PostgreSQL (collate "C") as it is on SQLite. */
  text: boolean;
}

/** The app's tables (partitions of positions not counted apart; PostGIS's spatial_ref_sys, an extension's, left out), sorted. */
export async function listTables(side: Side): Promise<string[]> {
  const names = side.sqlite
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(side.db)).rows.map((r) => r.name)
    : await postgresTables(side.db);
  return names.filter((n) => !NOT_COPIED.has(n)).sort();
}

/** A table's stored columns (generated ones left out), sorted by name so both sides list them alike. */
export async function listColumns(side: Side, table: string): Promise<Column[]> {
  const { rows } = side.sqlite
    ? await sql<{ name: string; type: string }>`select name, type from pragma_table_info(${table})`.execute(side.db)
    : await sql<{ name: string; type: string }>`select column_name as name, data_type as type from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'`.execute(side.db);
  return rows.map((r) => ({ name: r.name, text: /text|char/i.test(r.type) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Rows of the batches a reader yields: values in the order of the columns asked for. */
export type Batch = unknown[][];

/** How many rows a read brings at a time. */
const READ_BATCH = 2000;

function orderBy(side: Side, table: CopyTable, columns: Column[]): RawBuilder<unknown> {
  return sql.join(
    table.key.map((k) => {
      const text = columns.find((c) => c.name === k)?.text ?? false;
      return !side.sqlite && text ? sql`${sql.ref(k)} collate "C"` : sql.ref(k);
    }),
  );
}

let cursors = 0;

/**
 * A table's rows in key order (`where`: only those), in batches. On SQLite the statement is
 * iterated on the handle (inside the caller's transaction, if any); on PostgreSQL a cursor is
 * declared in `side.db`, which must be a transaction.
 */
export async function* readRows(side: Side, table: CopyTable, columns: Column[], where?: RawBuilder<unknown>): AsyncGenerator<Batch> {
  const cols = sql.join(columns.map((c) => sql.ref(c.name)));
  const filter = where ? sql`where ${where}` : sql``;
  const query = sql`select ${cols} from ${sql.table(table.name)} ${filter} order by ${orderBy(side, table, columns)}`;
  if (side.sqlite) {
    const compiled = query.compile(side.db);
    const iterator = side.sqlite.prepare(compiled.sql).raw(true).iterate(...compiled.parameters) as IterableIterator<unknown[]>;
    let batch: Batch = [];
    for (const row of iterator) {
      batch.push(row);
      if (batch.length === READ_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    return;
  }
  cursors += 1;
  const cursor = sql.raw(`copy_cursor_${cursors}`);
  await sql`declare ${cursor} no scroll cursor for ${query}`.execute(side.db);
  try {
    for (;;) {
      const { rows } = await sql<Record<string, unknown>>`fetch ${sql.raw(String(READ_BATCH))} from ${cursor}`.execute(side.db);
      if (rows.length === 0) break;
      yield rows.map((r) => columns.map((c) => r[c.name]));
    }
  } finally {
    await sql`close ${cursor}`.execute(side.db);
  }
}

/** A value as the checksum sees it: numbers as JS numbers, text as is, null as null. */
function normalise(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Buffer.isBuffer(v)) return `blob:${v.toString('hex')}`;
  return v;
}

export interface TableSum {
  rows: number;
  /** sha256, hex, over the rows in key order, each a JSON array of its normalised values in column-name order. */
  sha256: string;
}

/** A table's row count and checksum, read in key order. */
export async function tableChecksum(side: Side, table: CopyTable, columns: Column[]): Promise<TableSum> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of readRows(side, table, columns)) {
    for (const row of batch) {
      hash.update(JSON.stringify(row.map(normalise)));
      hash.update('\n');
    }
    rows += batch.length;
  }
  return { rows, sha256: hash.digest('hex') };
}
