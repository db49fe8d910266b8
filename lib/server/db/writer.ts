/**
 * Writes on a thread of its own (server/sqlite-writer.mjs): statements sent as SQL text and
 * parameters, run there in one BEGIN IMMEDIATE transaction per job on a second connection to the
 * same file. An import hands its position batches here so that parsing and writing overlap.
 *
 * Only for a database in a file (a second connection cannot see an in-memory one): there,
 * `SqliteWriter.for` answers null and the caller writes on its own connection.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type DB, databaseFileOf } from './connection';

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * One column of a {@link ColumnInsert}: numbers (NaN written as NULL), one value for every row, or
 * strings given by their index in `strings`.
 */
export type InsertColumn = Float64Array | { value: string | number } | { codes: Uint32Array; strings: readonly string[] };

/**
 * Rows as columns, inserted by a multi-row statement: `sql` inserts `perStatement` rows at a time,
 * `tailSql` the rows left over. The columns' arrays are moved to the writer's thread, not copied:
 * a batch of 20,000 fixes costs the sender no row objects and the receiver no cloned arrays.
 */
export interface ColumnInsert {
  sql: string;
  perStatement: number;
  tailSql: string | null;
  rows: number;
  columns: readonly InsertColumn[];
}

/** A job's step: a statement, or rows as columns (answering the rows changed in all). */
export type Step = Statement | ColumnInsert;

interface Answer {
  id: number;
  changes?: number[];
  error?: string;
}

/** The worker's script, beside the custom server (the app runs from the repository's root; `next build` bundles it as a worker entry). */
const SCRIPT = path.join(process.cwd(), 'server', 'sqlite-writer.mjs');

export class SqliteWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (changes: number[]) => void; reject: (err: Error) => void }>();
  private next = 0;
  private failed: Error | null = null;

  private constructor(file: string) {
    // A small heap: the thread holds one batch at a time, and a lazy collector there would add to
    // the import's peak memory for nothing.
    this.worker = new Worker(SCRIPT, { workerData: { file }, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } });
    this.worker.on('message', (a: Answer) => {
      const job = this.waiting.get(a.id);
      this.waiting.delete(a.id);
      if (a.error !== undefined) job?.reject(new Error(`SqliteWriter: ${a.error}`));
      else job?.resolve(a.changes!);
    });
    const fail = (err: Error) => {
      this.failed = err;
      for (const job of this.waiting.values()) job.reject(err);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`SqliteWriter: the writer thread stopped (exit code ${code})`)));
  }

  /** A writer to `db`'s file, or null when `db` is in memory or the writer's script is missing. */
  static for(db: DB): SqliteWriter | null {
    const file = databaseFileOf(db);
    if (!file || file === ':memory:' || !fs.existsSync(SCRIPT)) return null;
    return new SqliteWriter(file);
  }

  /**
   * Runs the steps in one immediate transaction on the writer's thread; answers each one's changed
   * rows. A ColumnInsert's arrays are moved there: the caller must not use them again.
   */
  run(steps: readonly Step[]): Promise<number[]> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    const moved = steps.flatMap((s) => ('columns' in s ? s.columns.flatMap(bufferOf) : []));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, statements: steps }, moved);
    });
  }

  /** Stops the thread once its jobs are answered (the caller awaits them first). */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

function bufferOf(c: InsertColumn): ArrayBuffer[] {
  const array = c instanceof Float64Array ? c : 'codes' in c ? c.codes : null;
  // A view on part of a buffer (or a shared one) is copied: moving it would take the rest too.
  return array && array.byteOffset === 0 && array.byteLength === array.buffer.byteLength && array.buffer instanceof ArrayBuffer ? [array.buffer] : [];
}
