/**
 * Server-side sessions, stored as sha256(session id). Idle (sliding) and absolute timeouts are
 * checked on every lookup; an expired session is deleted when met.
 */
import 'server-only';
import { hashSessionId, newSessionId, sessionState } from '@/lib/server/auth/session';
import { authConfig } from '@/lib/server/auth/config';
import type { Actor } from '@/lib/core/domain/permissions';
import type { DB } from './connection';
import { findUserById } from './users';

/** Touch last_seen at most this often, so reads do not turn into a write per request. */
const TOUCH_EVERY_MS = 60_000;

/** Starts a session for a user and returns its id (the only copy: it goes in the cookie). */
export async function createSession(db: DB, userId: number, now = Date.now()): Promise<string> {
  const id = newSessionId();
  await db.insertInto('sessions').values({ id_hash: hashSessionId(id), user_id: userId, created_at: now, last_seen_at: now }).execute();
  return id;
}

export async function deleteSession(db: DB, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(id)).execute();
}

/** The account behind a session id, or null when it is unknown, expired or the account inactive. */
export async function sessionActor(db: DB, id: string, now = Date.now()): Promise<Actor | null> {
  const hash = hashSessionId(id);
  const s = await db.selectFrom('sessions').selectAll().where('id_hash', '=', hash).executeTakeFirst();
  if (!s) return null;
  const { idleMs, absoluteMs } = authConfig();
  if (sessionState({ createdAt: s.created_at, lastSeenAt: s.last_seen_at }, now, { idleMs, absoluteMs }) !== 'valid') {
    await db.deleteFrom('sessions').where('id_hash', '=', hash).execute();
    return null;
  }
  const user = await findUserById(db, s.user_id);
  if (!user || !user.active) return null;
  if (now - s.last_seen_at >= TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', hash).execute();
  }
  return { id: user.id, username: user.username, role: user.role };
}

/** Removes sessions past either timeout (called now and then; lookups also remove them). */
export async function pruneSessions(db: DB, now = Date.now()): Promise<void> {
  const { idleMs, absoluteMs } = authConfig();
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('created_at', '<=', now - absoluteMs), eb('last_seen_at', '<=', now - idleMs)]))
    .execute();
}
