/**
 * Many rows into one table as plain SQL with parameters (CompiledQuery.raw): for tens of thousands
 * of rows at once (an import's positions and events), building the same multi-row INSERT through
 * the query builder cost more than SQLite's own work. The statement text is the same for every
 * full batch, so the connection's kept statement (connection.ts) serves them all. The same
 * rows can go to the writer thread as columns instead (columnInsert, lib/server/db/writer.ts).
 */
import 'server-only';
import { CompiledQuery } from 'kysely';
import { type DB, isPostgres } from './connection';
import type { ColumnInsert, InsertColumn, Statement } from './writer';

const texts = new Map<string, string>();

/** The multi-row INSERT's text, with SQLite's `?` placeholders or PostgreSQL's numbered `$n`. */
function insertSql(table: string, columns: readonly string[], rows: number, onConflictDoNothing: boolean, postgres = false): string {
  const key = `${table}|${columns.join(',')}|${rows}|${onConflictDoNothing}|${postgres}`;
  let text = texts.get(key);
  if (!text) {
    const width = columns.length;
    const tuples = postgres
      ? Array.from({ length: rows }, (_, r) => `(${columns.map((_c, i) => `$${r * width + i + 1}`).join(', ')})`)
      : new Array<string>(rows).fill(`(${columns.map(() => '?').join(', ')})`);
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}${onConflictDoNothing ? ' on conflict do nothing' : ''}`;
    texts.set(key, text);
  }
  return text;
}

/** The INSERT statements for rows given as their parameters, flat and in `columns` order, `rowsPerStatement` to a statement. */
function insertStatements(
  table: string,
  columns: readonly string[],
  parameters: readonly unknown[],
  options: { rowsPerStatement: number; onConflictDoNothing?: boolean; postgres?: boolean },
): Statement[] {
  const statements: Statement[] = [];
  const perStatement = options.rowsPerStatement * columns.length;
  for (let i = 0; i < parameters.length; i += perStatement) {
    const slice = parameters.slice(i, i + perStatement);
    statements.push({ sql: insertSql(table, columns, slice.length / columns.length, options.onConflictDoNothing ?? false, options.postgres), parameters: slice });
  }
  return statements;
}

/** The insert of `rows` rows given as columns, for the writer thread (lib/server/db/writer.ts), `rowsPerStatement` to a statement. */
export function columnInsert(
  table: string,
  columns: readonly string[],
  rows: number,
  data: readonly InsertColumn[],
  options: { rowsPerStatement: number; onConflictDoNothing?: boolean },
): ColumnInsert {
  const per = options.rowsPerStatement;
  const tail = rows % per;
  const conflict = options.onConflictDoNothing ?? false;
  return { sql: insertSql(table, columns, per, conflict), perStatement: per, tailSql: tail ? insertSql(table, columns, tail, conflict) : null, rows, columns: data };
}

/**
 * Inserts rows given as their parameters, flat and in `columns` order, `rowsPerStatement` to a
 * statement, inside the caller's transaction; answers how many rows were added.
 */
export async function insertValues(
  trx: DB,
  table: string,
  columns: readonly string[],
  parameters: readonly unknown[],
  options: { rowsPerStatement: number; onConflictDoNothing?: boolean },
): Promise<number> {
  let added = 0;
  for (const { sql, parameters: slice } of insertStatements(table, columns, parameters, { ...options, postgres: isPostgres(trx) })) {
    const result = await trx.executeQuery(CompiledQuery.raw(sql, [...slice]));
    added += Number(result.numAffectedRows ?? 0);
  }
  return added;
}
