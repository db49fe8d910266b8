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

  /** Runs the statements in one immediate transaction on the writer's thread; answers each one's changed rows. */
  run(statements: readonly Statement[]): Promise<number[]> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, statements });
    });
  }

  /** Stops the thread once its jobs are answered (the caller awaits them first). */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
