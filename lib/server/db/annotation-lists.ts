/**
 * A record's annotation list, bounded: pages newest first with a keyset cursor on (created_at, id),
 * and the changes after a revision, read from the record's change counter (`annotation_targets`,
 * migration 0005). Every annotation write moves the counter in its own transaction through
 * `touchTarget`, so the counter, the counts and each annotation's `rev` never disagree.
 */
import 'server-only';
import type { Annotation, TargetType } from '@/lib/core/domain/annotations';
import { type AnnotationView, type PagePosition, encodeCursor, revisionToken } from '@/lib/core/domain/annotation-list';
import type { AnnotationList } from '@/lib/core/domain/dto';
import { type Actor, canAdminister } from '@/lib/core/domain/permissions';
import { selectRows, toAnnotation } from './annotation-rows';
import type { DB } from './connection';

/** A record's change counter: moved by every create, edit, delete and restore of its annotations. */
export interface TargetState {
  revision: number;
  /** When it last moved ('' before the first annotation). */
  changedAt: string;
  live: number;
  total: number;
}

/** What `actor` may see of a list: admins also see the soft-deleted annotations. */
export function annotationView(actor: Actor | null): AnnotationView {
  return canAdminister(actor) ? 'all' : 'live';
}

/** The record's change counter and counts: one primary-key read. */
export async function targetState(db: DB, type: TargetType, id: string): Promise<TargetState> {
  const row = await db
    .selectFrom('annotation_targets')
    .select(['revision', 'changed_at', 'live', 'total'])
    .where('target_type', '=', type)
    .where('target_id', '=', id)
    .executeTakeFirst();
  return row ? { revision: row.revision, changedAt: row.changed_at, live: row.live, total: row.total } : { revision: 0, changedAt: '', live: 0, total: 0 };
}

/**
 * Moves the record's change counter by one and its counts by `delta` (a create: +1 live, +1 total;
 * a delete: -1 live; a restore: +1 live) and returns the new revision, which the changed annotation
 * stores as its `rev`. Call inside the write's transaction.
 */
export async function touchTarget(trx: DB, type: TargetType, id: string, delta: { live: number; total: number }, at: string): Promise<number> {
  const row = await trx
    .insertInto('annotation_targets')
    .values({ target_type: type, target_id: id, revision: 1, changed_at: at, live: delta.live, total: delta.total })
    .onConflict((oc) =>
      oc.columns(['target_type', 'target_id']).doUpdateSet((eb) => ({
        revision: eb('annotation_targets.revision', '+', 1),
        changed_at: eb.ref('excluded.changed_at'),
        live: eb('annotation_targets.live', '+', delta.live),
        total: eb('annotation_targets.total', '+', delta.total),
      })),
    )
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

function ofRecord(db: DB, type: TargetType, id: string) {
  return selectRows(db).where('annotations.target_type', '=', type).where('annotations.target_id', '=', id);
}

const counts = (state: TargetState, view: AnnotationView) => ({ total: view === 'all' ? state.total : state.live, live: state.live });

/**
 * One page of the record's annotations, newest first, after `after` (the position a cursor stands
 * for). `state` is the counter read before the page: the page is at least as new as it.
 */
export async function annotationPage(
  db: DB,
  view: AnnotationView,
  target: { type: TargetType; id: string },
  state: TargetState,
  o: { limit: number; after: PagePosition | null },
): Promise<AnnotationList> {
  let q = ofRecord(db, target.type, target.id);
  if (view === 'live') q = q.where('annotations.deleted_at', 'is', null);
  const after = o.after;
  if (after) q = q.where((eb) => eb(eb.refTuple('annotations.created_at', 'annotations.id'), '<', eb.tuple(after.createdAt, after.id)));
  const rows = await q.orderBy('annotations.created_at', 'desc').orderBy('annotations.id', 'desc').limit(o.limit + 1).execute();
  const page = rows.slice(0, o.limit);
  const last = page.at(-1);
  return {
    annotations: page.map(toAnnotation),
    removed: [],
    nextCursor: rows.length > o.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    revision: revisionToken(state.revision, view),
    ...counts(state, view),
  };
}

/**
 * The record's annotations changed after revision `since`, oldest change first, at most `limit`:
 * when more wait, `nextCursor` is the revision to ask from next. Annotations deleted since are in
 * `removed` for readers who do not see deleted ones (admins get them with their deletedAt).
 */
export async function annotationChanges(
  db: DB,
  view: AnnotationView,
  target: { type: TargetType; id: string },
  state: TargetState,
  o: { limit: number; since: number },
): Promise<AnnotationList> {
  const rows = await ofRecord(db, target.type, target.id)
    .where('annotations.rev', '>', o.since)
    .orderBy('annotations.rev')
    .limit(o.limit + 1)
    .execute();
  const page = rows.slice(0, o.limit);
  const more = rows.length > o.limit;
  const upTo = Math.max(more ? 0 : state.revision, page.at(-1)?.rev ?? o.since);
  const annotations: Annotation[] = [];
  const removed: string[] = [];
  for (const r of page) {
    if (view === 'live' && r.deleted_at !== null) removed.push(r.id);
    else annotations.push(toAnnotation(r));
  }
  const revision = revisionToken(upTo, view);
  return { annotations, removed, nextCursor: more ? revision : null, revision, ...counts(state, view) };
}
