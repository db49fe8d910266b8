import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary directory for a SQLite file; removed by the returned cleanup. */
export function tempDbFile(name = 'test'): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-'));
  return { file: path.join(dir, `${name}.sqlite`), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The team the API tests sign in: vera the viewer, ed and otto (`other`) the editors, ada the admin. */
export const TEAM = {
  viewer: { username: 'vera', role: 'viewer' },
  editor: { username: 'ed', role: 'editor' },
  other: { username: 'otto', role: 'editor' },
  admin: { username: 'ada', role: 'admin' },
} as const;
export type TeamMember = keyof typeof TEAM;
export const TEAM_PASSWORD = 'correct horse battery';

/** Each member's account id and session cookie, once the database is open. */
export interface SignedInTeam {
  ids: Record<TeamMember, number>;
  cookies: Record<TeamMember, string>;
}

/**
 * Whether the unit tests run on PostgreSQL: `WAKELINE_TEST_DB=postgres` (npm test runs the suite
 * once on each), with a throwaway cluster tests/pg-global-setup.ts starts.
 */
export const onPostgres = process.env.WAKELINE_TEST_DB === 'postgres';

/** The migrated, seeded database every PostgreSQL test database is copied from (tests/pg-global-setup.ts). */
export const PG_TEMPLATE = 'wakeline_template';

/** Runs SQL on the test cluster's `postgres` database (psql: synchronous, for a test's set-up and clean-up). */
export function clusterSql(text: string): string {
  const base = new URL(process.env.WAKELINE_TEST_PG_URL ?? '');
  return execFileSync('psql', ['-h', base.hostname, '-p', base.port, '-U', decodeURIComponent(base.username), '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAtc', text], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface TempDatabase {
  /** What createDb and openReadyDatabase take: a SQLite file's path or a postgres:// URL. */
  target: string;
  /** The same as DATABASE_URL. */
  url: string;
  /** A fresh folder for the test's other files. */
  dir: string;
  cleanup: () => void;
}

/**
 * A fresh temporary database for a test, on the suite's database (see onPostgres): a SQLite file,
 * or a PostgreSQL database copied from the migrated and seeded template (`empty`: with PostGIS and
 * nothing else, for tests that migrate it themselves).
 */
export function tempDatabase(name = 'test', options: { empty?: boolean } = {}): TempDatabase {
  const tmp = tempDbFile(name);
  const dir = path.dirname(tmp.file);
  if (!onPostgres) return { target: tmp.file, url: `file:${tmp.file}`, dir, cleanup: tmp.cleanup };
  const database = `t_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30)}_${randomUUID().slice(0, 8)}`;
  clusterSql(`create database ${database} template ${options.empty ? 'template1' : PG_TEMPLATE}`);
  const url = new URL(process.env.WAKELINE_TEST_PG_URL!);
  url.pathname = `/${database}`;
  return {
    target: url.toString(),
    url: url.toString(),
    dir,
    cleanup: () => {
      tmp.cleanup();
      try {
        clusterSql(`drop database if exists ${database} with (force)`);
      } catch {
        // The cluster is thrown away after the run: a database left behind costs nothing.
      }
    },
  };
}

/**
 * Opens a fresh temporary database as the app's own (DATABASE_URL), migrated and seeded, with the
 * team's accounts signed in, and returns their ids and cookies; `close` destroys it afterwards.
 * Four scrypt hashes, the migrations and the seed: callers give their hook a generous timeout.
 */
export async function openTeamDatabase(name: string): Promise<SignedInTeam & { close: () => Promise<void> }> {
  const tmp = tempDatabase(name);
  process.env.DATABASE_URL = tmp.url;
  const { resetConfigForTests } = await import('@/lib/server/config');
  resetConfigForTests();
  const { getDb } = await import('@/lib/server/db');
  const { createUser } = await import('@/lib/server/db/users');
  const { createSession } = await import('@/lib/server/db/sessions');
  const db = await getDb();
  const ids = {} as Record<TeamMember, number>;
  const cookies = {} as Record<TeamMember, string>;
  for (const [member, { username, role }] of Object.entries(TEAM) as [TeamMember, (typeof TEAM)[TeamMember]][]) {
    const u = await createUser(db, { username, role, password: TEAM_PASSWORD });
    ids[member] = u.id;
    cookies[member] = `wakeline_session=${await createSession(db, u.id)}`;
  }
  return {
    ids,
    cookies,
    close: async () => {
      await db.destroy();
      tmp.cleanup();
    },
  };
}

/**
 * Gives every account a fresh annotation write allowance: the per-account limit (30 a minute) is
 * for people, and a test file writes more than that in a second. Call it before each test.
 */
export async function resetAnnotationWriteLimits(): Promise<void> {
  const { getDb } = await import('@/lib/server/db');
  await (await getDb()).deleteFrom('throttle').where('key', 'like', 'annotate:%').execute();
}
