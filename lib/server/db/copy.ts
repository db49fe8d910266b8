/**
 * `npm run db:copy -- --from FILE_OR_URL --to FILE_OR_URL` (scripts/db-copy.ts): every app table
 * copied from one database to another, SQLite or PostgreSQL either way, ids kept.
 *
 * - The source must be at this version's latest migration; the target is migrated to it (not
 *   seeded) and must then hold no row in any app table.
 * - Everything is written in one transaction on the target: a failure, or a verification that does
 *   not match, rolls it all back and leaves the target empty.
 * - Rows are read in batches (positions: millions) from one consistent snapshot of the source.
 * - On PostgreSQL, positions' month partitions are made first and the generated `geom` column is
 *   left to the database; every identity sequence is moved past the largest id copied.
 * - Verified before the commit: per table, the row count and a sha256 over the rows in key order
 *   (copy-tables.ts tableChecksum), computed the same way on both sides.
 */
import 'server-only';
import { sql } from 'kysely';
import { createDb, type DB } from './connection';
import { insertValues } from './insert-values';
import { COPY_TABLES, type Column, type CopyTable, listColumns, listTables, readRows, type Side, type TableSum, tableChecksum } from './copy-tables';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { ensureMonthPartitions } from './partitions';
import { immediateTransaction } from './tx';

/** The copy was refused before anything was written (exit code 2). */
export class CopyRefused extends Error {}
/** The copy's verification found a difference; the target was rolled back (exit code 3). */
export class CopyMismatch extends Error {}

export interface TableReport {
  table: string;
  source: TableSum;
  target: TableSum;
}

export interface CopyOptions {
  /** Progress lines (a table started, rows so far). */
  log?: (line: string) => void;
  /** Runs in the target's transaction after the rows are written and before they are verified (tests tamper here). */
  beforeVerify?: (target: DB) => Promise<void>;
}

/** Parameters per insert statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 16000;

/** A database named in a message: a URL's password left out. */
function shown(target: string): string {
  if (!URL.canParse(target)) return target;
  const url = new URL(target);
  if (url.password) url.password = '***';
  return url.protocol === 'file:' ? target : url.toString();
}

async function appliedMigrations(db: DB): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db).catch(() => ({ rows: [] as { name: string }[] }));
  return rows.map((r) => r.name);
}

async function checkSourceVersion(db: DB, from: string): Promise<void> {
  const known = Object.keys(migrations).sort();
  const applied = await appliedMigrations(db);
  const latest = known[known.length - 1];
  const same = applied.length === known.length && applied.every((n, i) => n === known[i]);
  if (same) return;
  const at = applied.length ? applied[applied.length - 1] : 'no migration (not a Wakeline database?)';
  throw new CopyRefused(
    `db:copy: the source ${shown(from)} is at ${at}; this version of Wakeline copies databases at ${latest}. ` +
      'Start the app (or npm run db:seed) on the source with the same version first, then copy.',
  );
}

/** Tables the copy knows and the source's, the same: a table a later migration adds must be listed in COPY_TABLES. */
async function checkTables(source: Side): Promise<void> {
  const have = await listTables(source);
  const known = COPY_TABLES.map((t) => t.name).sort();
  const unknown = have.filter((t) => !known.includes(t));
  const missing = known.filter((t) => !have.includes(t));
  if (unknown.length || missing.length) {
    throw new CopyRefused(`db:copy: the source's tables differ from those this copy knows (unknown: ${unknown.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'})`);
  }
}

async function rowCount(db: DB, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Refuses a target with any row in any app table (after its migration, which adds none). */
async function checkTargetEmpty(db: DB, to: string): Promise<void> {
  const full: string[] = [];
  for (const t of COPY_TABLES) {
    const n = await rowCount(db, t.name);
    if (n > 0) full.push(`${t.name} (${n})`);
  }
  if (full.length) {
    throw new CopyRefused(`db:copy: the target ${shown(to)} is not empty: ${full.join(', ')}. Copy into a new file or an empty database only.`);
  }
}

function sameColumns(a: Column[], b: Column[]): boolean {
  return a.length === b.length && a.every((c, i) => c.name === b[i]!.name);
}

async function copyTable(source: Side, target: Side, table: CopyTable, columns: Column[], log: (line: string) => void): Promise<number> {
  const perInsert = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const names = columns.map((c) => c.name);
  const passes = table.firstPass ? [sql.raw(table.firstPass), sql.raw(`not (${table.firstPass})`)] : [undefined];
  let copied = 0;
  for (const where of passes) {
    for await (const batch of readRows(source, table, columns, where)) {
      await insertValues(target.db, table.name, names, batch.flat(), { rowsPerStatement: perInsert });
      copied += batch.length;
      if (table.name === 'positions' && copied % 100_000 < batch.length) log(`  positions: ${copied} rows`);
    }
  }
  return copied;
}

/** PostgreSQL: every identity column's sequence moved to the largest value copied, so the next row numbers after it. */
async function resetIdentities(trx: DB): Promise<void> {
  const { rows } = await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(trx);
  for (const { t, c } of rows) {
    await sql`select setval(pg_get_serial_sequence(${t}, ${c}), m) from (select max(${sql.ref(c)}) as m from ${sql.table(t)}) s where m is not null`.execute(trx);
  }
}

/** PostgreSQL: the month partitions of the source's positions, before they are copied. */
async function preparePartitions(source: Side, trx: DB): Promise<void> {
  const { rows } = await sql<{ lo: number | null; hi: number | null }>`select min(t) as lo, max(t) as hi from positions`.execute(source.db);
  const { lo, hi } = rows[0] ?? { lo: null, hi: null };
  if (lo !== null && hi !== null) await ensureMonthPartitions(trx, Number(lo), Number(hi));
}

/** The source read from one snapshot: a read-only repeatable-read transaction on PostgreSQL, a read transaction on SQLite. */
async function withSnapshot<T>(side: Side, fn: (snapshot: Side) => Promise<T>): Promise<T> {
  if (!side.sqlite) {
    return side.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute((trx) => fn({ db: trx, sqlite: null }));
  }
  const sqlite = side.sqlite;
  sqlite.exec('begin');
  try {
    return await fn(side);
  } finally {
    sqlite.exec('commit');
  }
}

function mismatches(reports: TableReport[]): string[] {
  return reports.filter((r) => r.source.rows !== r.target.rows || r.source.sha256 !== r.target.sha256).map((r) => r.table);
}

/** Copies every app table from `from` to `to` (file paths or postgres:// URLs) and returns each table's verified counts and checksums. */
export async function copyDatabase(from: string, to: string, options: CopyOptions = {}): Promise<TableReport[]> {
  const log = options.log ?? (() => undefined);
  if (from === to) throw new CopyRefused('db:copy: --from and --to name the same database');
  const source: Side = createDb(from);
  const target: Side = createDb(to);
  try {
    await checkSourceVersion(source.db, from);
    await checkTables(source);
    await migrateToLatest(target.db);
    await checkTargetEmpty(target.db, to);
    return await withSnapshot(source, (snap) =>
      immediateTransaction(target.db, async (trx) => {
        const into: Side = { db: trx, sqlite: target.sqlite };
        const plan: { table: CopyTable; columns: Column[] }[] = [];
        for (const table of COPY_TABLES) {
          const columns = await listColumns(snap, table.name);
          const theirs = await listColumns(into, table.name);
          if (!sameColumns(columns, theirs)) throw new CopyRefused(`db:copy: ${table.name} has other columns on the target (${theirs.map((c) => c.name).join(', ')}) than on the source (${columns.map((c) => c.name).join(', ')})`);
          plan.push({ table, columns });
        }
        for (const { table, columns } of plan) {
          if (table.name === 'positions' && !into.sqlite) await preparePartitions(snap, trx);
          const n = await copyTable(snap, into, table, columns, log);
          log(`copied ${table.name}: ${n} rows`);
        }
        if (!into.sqlite) await resetIdentities(trx);
        if (options.beforeVerify) await options.beforeVerify(trx);
        const reports: TableReport[] = [];
        for (const { table, columns } of plan) {
          reports.push({ table: table.name, source: await tableChecksum(snap, table, columns), target: await tableChecksum(into, table, columns) });
        }
        const bad = mismatches(reports);
        if (bad.length) {
          throw Object.assign(new CopyMismatch(`db:copy: verification failed for ${bad.join(', ')}; the target was rolled back\n${formatReport(reports)}`), { reports });
        }
        return reports;
      }),
    );
  } finally {
    await source.db.destroy();
    await target.db.destroy();
  }
}

/** The verification as a table: rows and checksum (first 16 hex digits) on each side. */
export function formatReport(reports: TableReport[]): string {
  const width = Math.max(...reports.map((r) => r.table.length));
  return reports
    .map((r) => {
      const ok = r.source.rows === r.target.rows && r.source.sha256 === r.target.sha256 ? 'ok' : 'MISMATCH';
      const side = (s: TableSum) => `${String(s.rows).padStart(9)} ${s.sha256.slice(0, 16)}`;
      return `${r.table.padEnd(width)} ${side(r.source)}  → ${side(r.target)}  ${ok}`;
    })
    .join('\n');
}
