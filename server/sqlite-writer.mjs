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

const runJob = db.transaction((statements) => statements.map(({ sql, parameters }) => statement(sql).run(parameters).changes));

parentPort.on('message', ({ id, statements }) => {
  try {
    parentPort.postMessage({ id, changes: runJob.immediate(statements) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.on('close', () => db.close());
