/**
 * Annotations and their revisions. Every write runs in one BEGIN IMMEDIATE transaction that also
 * records the revision (who, when, before, after); edits are a conditional UPDATE on the version
 * the editor started from, so two edits of one version can never both be accepted.
 *
 * Authorisation is checked here too, not only in the route handlers.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type {
  Annotation,
  AnnotationRevision,
  AnnotationSnapshot,
  CreateAnnotationInput,
  TargetType,
  UpdateAnnotationInput,
} from '@/lib/core/domain/annotations';
import { isResolvable } from '@/lib/core/domain/annotations';
import { AppError } from '@/lib/core/domain/errors';
import { type Actor, canAdminister, canModify, canWrite } from '@/lib/core/domain/permissions';
import { touchTarget } from './annotation-lists';
import { type AnnotationRow, kindOf, locationOf, selectRows, toAnnotation } from './annotation-rows';
import type { DB } from './connection';
import type { AnnotationsTable } from './schema';
import { immediateTransaction } from './tx';

function snapshot(r: Selectable<AnnotationsTable>): AnnotationSnapshot {
  return {
    kind: kindOf(r.kind),
    body: r.body,
    evidenceUrls: JSON.parse(r.evidence_urls) as string[],
    location: locationOf(r),
    resolved: r.resolved === 1,
    deleted: r.deleted_at !== null,
    version: r.version,
  };
}

async function rowById(db: DB, id: string): Promise<AnnotationRow | undefined> {
  return selectRows(db).where('annotations.id', '=', id).executeTakeFirst();
}

const targetOf = (r: AnnotationRow) => r.target_type as TargetType;

const notFound = (id: string) => new AppError(404, 'not_found', `No annotation has the id "${id}".`);

function requireWriter(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError(401, 'unauthenticated', 'Sign in to write annotations.');
  if (!canWrite(actor)) throw new AppError(403, 'forbidden', 'Your role cannot write annotations: an editor or admin can.');
}

/** True when the voyage, port or vessel exists. */
export async function targetExists(db: DB, type: TargetType, id: string): Promise<boolean> {
  const table = ({ voyage: 'voyages', port: 'ports', vessel: 'vessels' } as const)[type];
  return Boolean(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
}

/** One annotation, or null when unknown (or deleted, for anyone but an admin). */
export async function getAnnotation(db: DB, actor: Actor | null, id: string): Promise<Annotation | null> {
  const r = await rowById(db, id);
  if (!r || (r.deleted_at !== null && !canAdminister(actor))) return null;
  return toAnnotation(r);
}

async function addRevision(
  db: DB,
  action: AnnotationRevision['action'],
  actor: Actor,
  at: string,
  before: Selectable<AnnotationsTable> | null,
  after: Selectable<AnnotationsTable>,
) {
  await db
    .insertInto('annotation_revisions')
    .values({
      annotation_id: after.id,
      version: after.version,
      action,
      actor_id: actor.id,
      at,
      before: before ? JSON.stringify(snapshot(before)) : null,
      after: JSON.stringify(snapshot(after)),
    })
    .execute();
}

export async function createAnnotation(
  db: DB,
  actor: Actor | null,
  target: { type: TargetType; id: string },
  input: CreateAnnotationInput,
): Promise<Annotation> {
  requireWriter(actor);
  return immediateTransaction(db, async (trx) => {
    if (!(await targetExists(trx, target.type, target.id))) {
      throw new AppError(404, 'not_found', `No ${target.type} has the id "${target.id}".`);
    }
    let parentId = input.parentId;
    if (parentId) {
      const parent = await trx.selectFrom('annotations').selectAll().where('id', '=', parentId).executeTakeFirst();
      if (!parent || parent.deleted_at !== null || parent.target_type !== target.type || parent.target_id !== target.id) {
        throw new AppError(400, 'invalid_body', 'Field "parentId" is invalid: no such annotation on this record.', {
          issues: [{ field: 'parentId', message: 'no such annotation on this record' }],
        });
      }
      parentId = parent.parent_id ?? parent.id; // threads are one level deep: a reply to a reply joins the thread
    }
    const now = new Date().toISOString();
    const rev = await touchTarget(trx, target.type, target.id, { live: 1, total: 1 }, now);
    const row: Selectable<AnnotationsTable> = {
      id: randomUUID(),
      target_type: target.type,
      target_id: target.id,
      parent_id: parentId,
      kind: input.kind,
      body: input.body,
      evidence_urls: JSON.stringify(input.evidenceUrls),
      lon: input.location?.[0] ?? null,
      lat: input.location?.[1] ?? null,
      resolved: 0,
      author_id: actor.id,
      created_at: now,
      edited_at: null,
      version: 1,
      deleted_at: null,
      deleted_by: null,
      rev,
    };
    await trx.insertInto('annotations').values(row).execute();
    await addRevision(trx, 'create', actor, now, null, row);
    return toAnnotation({ ...row, author_name: actor.username });
  });
}

/** The 409 answer: the annotation as it now is, so the editor can merge. */
function conflict(current: AnnotationRow) {
  return new AppError(
    409,
    'conflict',
    `Someone changed this annotation since you started (now at version ${current.version}). Merge your change with the current text.`,
    { current: toAnnotation(current) },
  );
}

/** Loads a live annotation for a change by `actor`, checking rights and the expected version. */
async function loadForChange(trx: DB, actor: Actor, id: string, version: number | undefined): Promise<AnnotationRow> {
  const current = await rowById(trx, id);
  if (!current || current.deleted_at !== null) throw notFound(id);
  if (!canModify(actor, { authorId: current.author_id })) {
    throw new AppError(403, 'forbidden', 'Only the author or an admin can change this annotation.');
  }
  if (version !== undefined && current.version !== version) throw conflict(current);
  return current;
}

export async function updateAnnotation(db: DB, actor: Actor | null, id: string, input: UpdateAnnotationInput): Promise<Annotation> {
  requireWriter(actor);
  return immediateTransaction(db, async (trx) => {
    const current = await loadForChange(trx, actor, id, input.version);
    const kind = input.kind ?? kindOf(current.kind);
    if (input.resolved !== undefined && !isResolvable(kind)) {
      throw new AppError(400, 'invalid_body', 'Field "resolved" is invalid: only a question or a correction can be resolved.', {
        issues: [{ field: 'resolved', message: 'only a question or a correction can be resolved' }],
      });
    }
    const now = new Date().toISOString();
    const set = {
      kind,
      body: input.body ?? current.body,
      evidence_urls: input.evidenceUrls ? JSON.stringify(input.evidenceUrls) : current.evidence_urls,
      lon: input.location === undefined ? current.lon : (input.location?.[0] ?? null),
      lat: input.location === undefined ? current.lat : (input.location?.[1] ?? null),
      resolved: !isResolvable(kind) ? 0 : input.resolved === undefined ? current.resolved : input.resolved ? 1 : 0,
      edited_at: now,
      version: current.version + 1,
      rev: await touchTarget(trx, targetOf(current), current.target_id, { live: 0, total: 0 }, now),
    };
    // The version check is in the UPDATE itself: of two edits of one version, one matches no row.
    const result = await trx
      .updateTable('annotations')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict((await rowById(trx, id)) ?? current);
    const after = { ...current, ...set };
    await addRevision(trx, 'edit', actor, now, current, after);
    return toAnnotation(after);
  });
}

/** Soft delete. `version`, when given, must be the current one. */
export async function deleteAnnotation(db: DB, actor: Actor | null, id: string, version?: number): Promise<Annotation> {
  requireWriter(actor);
  return immediateTransaction(db, async (trx) => {
    const current = await loadForChange(trx, actor, id, version);
    const now = new Date().toISOString();
    const rev = await touchTarget(trx, targetOf(current), current.target_id, { live: -1, total: 0 }, now);
    const set = { deleted_at: now, deleted_by: actor.id, version: current.version + 1, rev };
    const result = await trx
      .updateTable('annotations')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict((await rowById(trx, id)) ?? current);
    const after = { ...current, ...set };
    await addRevision(trx, 'delete', actor, now, current, after);
    return toAnnotation(after);
  });
}

/** Brings back a soft-deleted annotation: admins only. */
export async function restoreAnnotation(db: DB, actor: Actor | null, id: string): Promise<Annotation> {
  if (!actor) throw new AppError(401, 'unauthenticated', 'Sign in as an admin to restore annotations.');
  if (!canAdminister(actor)) throw new AppError(403, 'forbidden', 'Only an admin can restore a deleted annotation.');
  return immediateTransaction(db, async (trx) => {
    const current = await rowById(trx, id);
    if (!current) throw notFound(id);
    if (current.deleted_at === null) throw new AppError(409, 'not_deleted', 'This annotation is not deleted.');
    const now = new Date().toISOString();
    const rev = await touchTarget(trx, targetOf(current), current.target_id, { live: 1, total: 0 }, now);
    const set = { deleted_at: null, deleted_by: null, version: current.version + 1, rev };
    await trx.updateTable('annotations').set(set).where('id', '=', id).where('version', '=', current.version).execute();
    const after = { ...current, ...set };
    await addRevision(trx, 'restore', actor, now, current, after);
    return toAnnotation(after);
  });
}

/** Every accepted change to an annotation, oldest first. A deleted one's history is for admins. */
export async function annotationHistory(db: DB, actor: Actor | null, id: string): Promise<AnnotationRevision[] | null> {
  const a = await db.selectFrom('annotations').select(['id', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  if (!a || (a.deleted_at !== null && !canAdminister(actor))) return null;
  const rows = await db
    .selectFrom('annotation_revisions')
    .innerJoin('users', 'users.id', 'annotation_revisions.actor_id')
    .select([
      'annotation_revisions.version',
      'annotation_revisions.action',
      'annotation_revisions.actor_id',
      'annotation_revisions.at',
      'annotation_revisions.before',
      'annotation_revisions.after',
      'users.username',
    ])
    .where('annotation_revisions.annotation_id', '=', id)
    .orderBy('annotation_revisions.id')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    action: r.action as AnnotationRevision['action'],
    actor: { id: r.actor_id, username: r.username },
    at: r.at,
    before: r.before ? (JSON.parse(r.before) as AnnotationSnapshot) : null,
    after: r.after ? (JSON.parse(r.after) as AnnotationSnapshot) : null,
  }));
}
