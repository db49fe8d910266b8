/** Reading through the desk: one record as the reader may see it, its history, the review queue. */
import 'server-only';
import { RECORD_TABLES } from '@/lib/server/db/schema';
import { sql } from 'kysely';
import { AppError } from '@/lib/core/domain/errors';
import type { ReviewItem, RevisionAction } from '@/lib/core/domain/desk-dto';
import { type Actor, canWrite } from '@/lib/core/domain/permissions';
import { RECORD_KINDS, type RecordKind, type Visibility } from '@/lib/core/domain/records';
import type { DB } from '@/lib/server/db';
import { type AnyRecord, type DeskRecord, loadLive, notFound, publicView, teamView } from './common';
import { ADAPTERS } from './kinds';

async function visibleLive(db: DB, kind: RecordKind, id: string, visibility: Visibility) {
  const live = await loadLive(db, kind, id);
  if (visibility === 'published' && live.meta.status !== 'published') throw notFound(kind, id);
  return live;
}

/** One record: the team sees drafts and the pending change applied; others the published record. */
export async function getRecord(db: DB, kind: RecordKind, id: string, visibility: Visibility): Promise<DeskRecord> {
  const live = await visibleLive(db, kind, id, visibility);
  return visibility === 'team' ? teamView(live) : publicView(live);
}

interface RevisionRow {
  version: number;
  action: string;
  actor_id: number | null;
  username: string | null;
  at: string;
  reason: string | null;
  before: string | null;
  after: string | null;
}

const parsed = (s: string | null) => (s === null ? null : (JSON.parse(s) as Record<string, unknown>));

/** Every change to a record, oldest first: who, when, why, before and after. */
export async function recordHistory(db: DB, kind: RecordKind, id: string, visibility: Visibility) {
  await visibleLive(db, kind, id, visibility);
  const { rows } = await sql<RevisionRow>`select r.version, r.action, r.actor_id, u.username, r.at, r.reason, r.before, r.after
    from record_revisions r left join users u on u.id = r.actor_id
    where r.kind = ${kind} and r.record_id = ${id} order by r.id`.execute(db);
  return rows.map((r) => ({
    version: r.version,
    action: r.action as RevisionAction,
    actor: r.actor_id !== null && r.username !== null ? { id: r.actor_id, username: r.username } : null,
    at: r.at,
    reason: r.reason,
    before: parsed(r.before),
    after: parsed(r.after),
  }));
}

/** Every draft and every pending change, oldest first, with what a reviewer needs to diff them. */
export async function reviewQueue(db: DB, actor: Actor | null): Promise<ReviewItem[]> {
  if (!actor) throw new AppError(401, 'unauthenticated', 'Sign in to see the review queue.');
  if (!canWrite(actor)) throw new AppError(403, 'forbidden', 'The review queue is for editors and admins.');
  const items: ReviewItem[] = [];
  for (const kind of RECORD_KINDS) {
    const adapter = ADAPTERS[kind] as (typeof ADAPTERS)['source'];
    const { rows } = await sql<{ id: string }>`select t.id from ${sql.table(RECORD_TABLES[kind])} t
      where t.deleted_at is null and (t.status = 'draft' or exists (select 1 from record_pending p where p.kind = ${kind} and p.record_id = t.id))
      order by t.id`.execute(db);
    for (const { id } of rows) {
      const live = await loadLive(db, kind, id);
      const { rows: last } = await sql<{ actor_id: number | null; username: string | null; reason: string | null; at: string }>`
        select r.actor_id, u.username, r.reason, r.at from record_revisions r left join users u on u.id = r.actor_id
        where r.kind = ${kind} and r.record_id = ${id} order by r.id desc limit 1`.execute(db);
      const latest = last[0];
      const after = (live.pending?.data ?? live.record) as AnyRecord;
      items.push({
        kind,
        id,
        label: adapter.label(after as never),
        status: live.meta.status,
        version: live.meta.version,
        author: live.pending?.author ?? (latest?.actor_id != null && latest.username ? { id: latest.actor_id, username: latest.username } : null),
        reason: live.pending?.reason ?? latest?.reason ?? null,
        at: live.pending?.at ?? latest?.at ?? '',
        before: live.meta.status === 'draft' ? null : (live.record as unknown as Record<string, unknown>),
        after: after as unknown as Record<string, unknown>,
      });
    }
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}
