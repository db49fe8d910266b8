/**
 * Publishing, deleting and restoring records (each one BEGIN IMMEDIATE transaction with the
 * version check in the UPDATE and a revision). Publishing needs a second person: whoever created,
 * edited or proposed a change since the last publish cannot publish it, except an admin who gives
 * a reason (kept in the revision).
 */
import 'server-only';
import { RECORD_TABLES } from '@/lib/server/db/schema';
import { AppError } from '@/lib/core/domain/errors';
import { type Actor, canAdminister } from '@/lib/core/domain/permissions';
import { KIND_SEGMENTS, type RecordKind } from '@/lib/core/domain/records';
import type { DB } from '@/lib/server/db';
import { immediateTransaction } from '@/lib/server/db/tx';
import { type WritableKind, writeRecord } from '@/lib/server/db/write-record';
import { type DeskRecord, badInput, loadLive, requireEditor, staleVersion, teamView, validRecord, writeContext } from './common';
import { ADAPTERS } from './kinds';
import { addRevision, authoredSincePublish, bumpVersion, creatorOf, dropPending } from './store';

export async function publishRecord(
  db: DB,
  actor: Actor | null,
  kind: RecordKind,
  id: string,
  input: { version: number; reason?: string },
): Promise<DeskRecord> {
  requireEditor(actor, `publish a ${kind}`);
  return immediateTransaction(db, async (trx) => {
    const live = await loadLive(trx, kind, id);
    if (live.meta.version !== input.version) throw staleVersion(kind, live);
    if (live.meta.status === 'published' && !live.pending) {
      throw new AppError(409, 'nothing_to_publish', `This ${kind} is published and has no pending change to publish.`);
    }
    if (await authoredSincePublish(trx, kind, id, actor.id)) {
      if (!canAdminister(actor)) {
        throw new AppError(403, 'own_change', `You wrote this ${kind} or its pending change: another team member must publish it.`);
      }
      if (!input.reason) throw badInput([{ field: 'reason', message: 'an admin publishing their own change must say why' }]);
    }
    let after = live.record;
    if (live.pending) {
      // The proposal was valid when made; its references may have gone since.
      after = await validRecord(trx, kind, live.pending.data);
      await writeRecord(trx, kind as WritableKind, after as never, await writeContext(trx, after), 'replace');
      await dropPending(trx, kind, id);
    }
    if (!(await bumpVersion(trx, RECORD_TABLES[kind], id, input.version, { status: 'published' }))) {
      throw staleVersion(kind, await loadLive(trx, kind, id));
    }
    await addRevision(trx, {
      kind,
      id,
      version: input.version + 1,
      action: 'publish',
      actorId: actor.id,
      at: new Date().toISOString(),
      reason: input.reason ?? null,
      before: live.meta.status === 'draft' ? null : live.record,
      after,
    });
    return teamView(await loadLive(trx, kind, id));
  });
}

/**
 * Soft delete: an editor may delete a draft they created; an admin anything. A record others
 * still cite or name answers 409 `in_use` with `details.dependents`.
 */
export async function deleteRecord(db: DB, actor: Actor | null, kind: RecordKind, id: string, version?: number): Promise<DeskRecord> {
  requireEditor(actor, `delete a ${kind}`);
  return immediateTransaction(db, async (trx) => {
    const live = await loadLive(trx, kind, id);
    if (version !== undefined && live.meta.version !== version) throw staleVersion(kind, live);
    if (!canAdminister(actor)) {
      const own = live.meta.status === 'draft' && (await creatorOf(trx, kind, id)) === actor.id;
      if (!own) throw new AppError(403, 'forbidden', `Only an admin can delete a published ${kind} or another editor's draft.`);
    }
    const dependents = await ADAPTERS[kind].dependents(trx, id);
    if (dependents.length) {
      const named = dependents.map((d) => `${KIND_SEGMENTS[d.kind]}/${d.id}`).join(', ');
      throw new AppError(409, 'in_use', `This ${kind} is still cited or named by ${named}; change or delete those first.`, { dependents });
    }
    const at = new Date().toISOString();
    if (!(await bumpVersion(trx, RECORD_TABLES[kind], id, live.meta.version, { deleted: { at, by: actor.id } }))) {
      throw staleVersion(kind, await loadLive(trx, kind, id));
    }
    await dropPending(trx, kind, id);
    await addRevision(trx, { kind, id, version: live.meta.version + 1, action: 'delete', actorId: actor.id, at, reason: null, before: teamView(live), after: null });
    return teamView(await loadLive(trx, kind, id, { deleted: true }));
  });
}

/** Brings back a soft-deleted record: admins only. */
export async function restoreRecord(db: DB, actor: Actor | null, kind: RecordKind, id: string): Promise<DeskRecord> {
  if (!actor) throw new AppError(401, 'unauthenticated', `Sign in as an admin to restore a ${kind}.`);
  if (!canAdminister(actor)) throw new AppError(403, 'forbidden', `Only an admin can restore a deleted ${kind}.`);
  return immediateTransaction(db, async (trx) => {
    const live = await loadLive(trx, kind, id, { deleted: true });
    if (live.meta.deleted_at === null) throw new AppError(409, 'not_deleted', `This ${kind} is not deleted.`);
    await bumpVersion(trx, RECORD_TABLES[kind], id, live.meta.version, { deleted: null });
    await addRevision(trx, {
      kind,
      id,
      version: live.meta.version + 1,
      action: 'restore',
      actorId: actor.id,
      at: new Date().toISOString(),
      reason: null,
      before: null,
      after: live.record,
    });
    return teamView(await loadLive(trx, kind, id));
  });
}
