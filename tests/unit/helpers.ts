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
 * Opens a fresh temporary database as the app's own (DATABASE_URL), migrated and seeded, with the
 * team's accounts signed in, and returns their ids and cookies; `close` destroys it afterwards.
 * Four scrypt hashes, the migrations and the seed: callers give their hook a generous timeout.
 */
export async function openTeamDatabase(name: string): Promise<SignedInTeam & { close: () => Promise<void> }> {
  const tmp = tempDbFile(name);
  process.env.DATABASE_URL = `file:${tmp.file}`;
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
