import { type ChildProcess, spawn } from 'node:child_process';

/**
 * A production server of a spec's own (server/index.mjs, as `npm start` serves it) on `port`, on
 * `database` (DATABASE_URL: `file:…` or a postgres:// URL), in a process group of its own so that
 * a kill of the group reaches every process it started.
 */
export function startOwnServer(port: number, database: string): ChildProcess {
  return spawn(process.execPath, ['server/index.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WAKELINE_ORIGIN: `http://127.0.0.1:${port}`, DATABASE_URL: database, NODE_ENV: 'production', WAKELINE_TILE_URL: '' },
    stdio: 'ignore',
    detached: true,
  });
}

/** Waits until `origin` answers /api/health, or throws after `timeoutMs`. */
export async function waitUp(origin: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${origin} did not start`);
}

/** Whether a database the specs name is PostgreSQL (a postgres:// URL) rather than a SQLite file. */
export const isPostgresTarget = (target: string) => /^postgres(ql)?:\/\//.test(target);

/** DATABASE_URL for a database the specs name: a postgres:// URL as it is, a SQLite file as `file:…`. */
export const databaseUrl = (target: string) => (isPostgresTarget(target) ? target : `file:${target}`);
