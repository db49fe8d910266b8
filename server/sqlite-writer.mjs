/**
 * A SQLite writer on a thread of its own (node:worker_threads), for an import's position batches
 * (lib/server/db/writer.ts): the import parses the next batch while this thread writes the last,
 * so the two cores of a small server share the work instead of taking turns.
 *
 * It opens its own connection to the same file with the app's pragmas (lib/server/db/connection.ts)
 * and runs each job's statements in one BEGIN IMMEDIATE transaction, answering each statement's
 * changed-row count, or the error that rolled the job back. Plain JavaScript: Vitest and the CLI
 * load it as it is, and `next build` bundles it as a worker entry of its own (Turbopack follows
 * the `new Worker(path)` in lib/server/db/writer.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

const prepared = new Map();
const statement = (sql) => {
  let s = prepared.get(sql);
  if (!s) {
    s = db.prepare(sql);
    prepared.set(sql, s);
  }
  return s;
};

/** One parameter array per statement size, refilled for every run: a million rows allocate none. */
const buffers = new Map();
const buffer = (size) => {
  let b = buffers.get(size);
  if (!b) {
    b = new Array(size).fill(null);
    buffers.set(size, b);
  }
  return b;
};

/** Row `i` of a column (lib/server/db/writer.ts InsertColumn): NaN is NULL. */
const cell = (column, i) => {
  if (column instanceof Float64Array) {
    const x = column[i];
    return x === x ? x : null;
  }
  return 'codes' in column ? column.strings[column.codes[i]] : column.value;
};

/** Rows given as columns (a ColumnInsert), `perStatement` at a time; answers the rows changed. */
function insertColumns({ sql, perStatement, tailSql, rows, columns }) {
  let changes = 0;
  const width = columns.length;
  for (let first = 0; first < rows; first += perStatement) {
    const count = Math.min(perStatement, rows - first);
    const parameters = buffer(count * width);
    let k = 0;
    for (let i = first; i < first + count; i++) for (let c = 0; c < width; c++) parameters[k++] = cell(columns[c], i);
    changes += statement(count === perStatement ? sql : tailSql).run(parameters).changes;
  }
  return changes;
}

const runJob = db.transaction((steps) => steps.map((step) => ('columns' in step ? insertColumns(step) : statement(step.sql).run(step.parameters).changes)));

parentPort.on('message', ({ id, statements }) => {
  try {
    parentPort.postMessage({ id, changes: runJob.immediate(statements) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.on('close', () => db.close());
