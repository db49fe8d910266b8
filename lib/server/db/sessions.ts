/**
 * Server-side sessions, stored as sha256(session id). Idle (sliding) and absolute timeouts are
 * checked on every lookup; an expired session is deleted when met, and the rest are pruned when
 * the database opens and every hour (prune.ts). An account keeps at most MAX_SESSIONS_PER_ACCOUNT.
 */
import 'server-only';
import type { ExpressionBuilder } from 'kysely';
import { hashSessionId, newSessionId, sessionState } from '@/lib/server/auth/session';
import { config } from '@/lib/server/config';
import type { Actor } from '@/lib/core/domain/permissions';
import type { DB } from './connection';
import type { Database } from './schema';
import { findUserById } from './users';

/** Touch last_seen at most this often, so reads do not turn into a write per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Live sessions one account may hold (a browser each); signing in once more ends the oldest, so a
 * leaked or forgotten session does not live on beside a user's fresh ones.
 */
export const MAX_SESSIONS_PER_ACCOUNT = 10;

/** Sessions past either timeout at `now` (the rule of `sessionState`, in SQL). */
function expired(now: number) {
  const { idleMs, absoluteMs } = config().session;
  return (eb: ExpressionBuilder<Database, 'sessions'>) =>
    eb.or([eb('created_at', '<=', now - absoluteMs), eb('last_seen_at', '<=', now - idleMs)]);
}

/**
 * Starts a session for a user and returns its id (the only copy: it goes in the cookie). The
 * user's expired sessions are dropped, and beyond MAX_SESSIONS_PER_ACCOUNT live ones the oldest end.
 */
export async function createSession(db: DB, userId: number, now = Date.now()): Promise<string> {
  const id = newSessionId();
  await db.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('sessions').select((eb) => eb.fn.max('ord').as('ord')).where('user_id', '=', userId).executeTakeFirst();
    const ord = Number(last?.ord ?? 0) + 1;
    await tx.insertInto('sessions').values({ id_hash: hashSessionId(id), user_id: userId, created_at: now, last_seen_at: now, ord }).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', userId).where(expired(now)).execute();
    // Newest first; `ord` orders sessions started in the same millisecond by insertion.
    const newest = tx
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('ord', 'desc')
      .limit(MAX_SESSIONS_PER_ACCOUNT);
    await tx.deleteFrom('sessions').where('user_id', '=', userId).where('id_hash', 'not in', newest).execute();
  });
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
  const { idleMs, absoluteMs } = config().session;
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

/** Removes sessions past either timeout; returns how many. Lookups also remove the ones they meet. */
export async function pruneSessions(db: DB, now = Date.now()): Promise<number> {
  const result = await db.deleteFrom('sessions').where(expired(now)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
