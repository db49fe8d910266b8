import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSessionId } from '@/lib/server/auth/session';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import {
  createSession,
  MAX_SESSIONS_PER_ACCOUNT,
  pruneSessions,
  sessionActor,
} from '@/lib/server/db/sessions';
import { pruneExpiredPeriodically } from '@/lib/server/db/prune';
import { tempDatabase } from '../helpers';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

let tmp: ReturnType<typeof tempDatabase>;
let db: DB;

async function addUser(username: string): Promise<number> {
  const r = await db
    .insertInto('users')
    .values({ username, role: 'editor', password_hash: 'x', active: 1, created_at: '', updated_at: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Writes a session row directly, so a test can place it anywhere in time. */
async function addSession(userId: number, name: string, createdAt: number, lastSeenAt = createdAt): Promise<void> {
  await db.insertInto('sessions').values({ id_hash: name, user_id: userId, created_at: createdAt, last_seen_at: lastSeenAt }).execute();
}

const stored = async () => (await db.selectFrom('sessions').select('id_hash').orderBy('id_hash').execute()).map((r) => r.id_hash);

beforeEach(async () => {
  tmp = tempDatabase('sessions');
  db = await openReadyDatabase(tmp.target);
});

afterEach(async () => {
  await db.destroy();
  tmp.cleanup();
});

describe('pruneSessions', () => {
  it('removes sessions past the idle or the absolute timeout and keeps live ones', async () => {
    const ann = await addUser('ann');
    const now = Date.now();
    await addSession(ann, 'idle-9h', now - 9 * HOUR_MS);
    await addSession(ann, 'active-but-8-days-old', now - 8 * DAY_MS, now - 60_000);
    await addSession(ann, 'live', now - 2 * DAY_MS, now - HOUR_MS);
    expect(await pruneSessions(db, now)).toBe(2);
    expect(await stored()).toEqual(['live']);
  });

  it('runs when the database is opened', async () => {
    const ann = await addUser('ann');
    const now = Date.now();
    await addSession(ann, 'expired', now - 8 * DAY_MS);
    await addSession(ann, 'live', now);
    await db.destroy();
    db = await openReadyDatabase(tmp.target);
    expect(await stored()).toEqual(['live']);
  });

  it('runs on an unref’d timer, so it never keeps a process alive', async () => {
    const ann = await addUser('ann');
    const timer = pruneExpiredPeriodically(db, 20);
    try {
      expect(timer.hasRef()).toBe(false);
      await addSession(ann, 'expired', Date.now() - 8 * DAY_MS);
      for (let i = 0; i < 100 && (await stored()).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await stored()).toEqual([]);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('createSession', () => {
  it(`keeps at most ${MAX_SESSIONS_PER_ACCOUNT} live sessions per account: the next sign-in ends the oldest`, async () => {
    const ann = await addUser('ann');
    const bob = await addUser('bob');
    const t0 = Date.now();
    const bobs = await createSession(db, bob, t0 - 1000);
    const ids: string[] = [];
    for (let i = 0; i <= MAX_SESSIONS_PER_ACCOUNT; i++) ids.push(await createSession(db, ann, t0 + i));
    const [oldest, ...rest] = ids;
    const hashes = new Set(await stored());
    expect(hashes.has(hashSessionId(oldest!))).toBe(false);
    for (const id of rest) expect(hashes.has(hashSessionId(id))).toBe(true);
    expect(hashes.has(hashSessionId(bobs))).toBe(true);
    expect(await sessionActor(db, oldest!, t0 + 100)).toBeNull();
    expect(await sessionActor(db, rest.at(-1)!, t0 + 100)).toMatchObject({ username: 'ann' });
  });

  it('ends the first-started of sessions started in the same millisecond', async () => {
    const ann = await addUser('ann');
    const now = Date.now();
    const ids: string[] = [];
    for (let i = 0; i <= MAX_SESSIONS_PER_ACCOUNT; i++) ids.push(await createSession(db, ann, now));
    const hashes = new Set(await stored());
    expect(hashes.size).toBe(MAX_SESSIONS_PER_ACCOUNT);
    expect(hashes.has(hashSessionId(ids[0]!))).toBe(false);
  });

  it('does not count the account’s expired sessions against the cap', async () => {
    const ann = await addUser('ann');
    const now = Date.now();
    await addSession(ann, 'live', now - 2 * DAY_MS, now - HOUR_MS);
    // Started after 'live' but idle for 9 hours: counted, they would push 'live' out as the oldest.
    for (let i = 0; i < MAX_SESSIONS_PER_ACCOUNT; i++) await addSession(ann, `idle-${i}`, now - 20 * HOUR_MS + i, now - 9 * HOUR_MS);
    await createSession(db, ann, now);
    const hashes = await stored();
    expect(hashes).toContain('live');
    expect(hashes.filter((h) => h.startsWith('idle-'))).toEqual([]);
  });
});
