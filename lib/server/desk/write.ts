/**
 * Creating and editing records. Each write is one BEGIN IMMEDIATE transaction that checks the
 * version in the UPDATE itself and records a revision. A new record is a draft; an edit of a
 * draft changes it in place; an edit of a published record is stored as its pending change (the
 * live row keeps the published values until the change is published) and needs a reason.
 */
import 'server-only';
import { RECORD_TABLES } from '@/lib/server/db/schema';
import { randomBytes } from 'node:crypto';
import { AppError } from '@/lib/core/domain/errors';
import type { Actor } from '@/lib/core/domain/permissions';
import type { RecordKind } from '@/lib/core/domain/records';
import type { DB } from '@/lib/server/db';
import { immediateTransaction } from '@/lib/server/db/tx';
import { type WritableKind, writeRecord } from '@/lib/server/db/write-record';
import {
  type AnyRecord,
  type DeskRecord,
  badInput,
  loadLive,
  requireEditor,
  staleVersion,
  teamView,
  validRecord,
  writeContext,
} from './common';
import { addRevision, bumpVersion, markNewDraft, putPending, readMeta } from './store';

/** What a record's generated id is made from, by kind. */
function idStem(kind: RecordKind, body: Record<string, unknown>): string {
  const pick = (...keys: string[]) => keys.map((k) => body[k]).filter((v) => typeof v === 'string').join(' ');
  const stem = {
    source: () => pick('publisher', 'title'),
    port: () => pick('name'),
    vessel: () => pick('name'),
    observation: () => pick('vesselId', 'activity', 'portId'),
    voyage: () => pick('vesselId', 'originPortId', 'destinationPortId'),
    claim: () => pick('sourceId', 'statement'),
  }[kind]();
  const slug = stem
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${slug || kind}-${randomBytes(3).toString('hex')}`;
}

/** Stores `record`'s row and links in place of the current ones. */
async function store(trx: DB, kind: RecordKind, record: AnyRecord) {
  await writeRecord(trx, kind as WritableKind, record as never, await writeContext(trx, record), 'replace');
}

/** A new draft record, version 1. 409 when the id is taken (even by a deleted record). */
export async function createRecord(db: DB, actor: Actor | null, kind: RecordKind, body: Record<string, unknown>): Promise<DeskRecord> {
  requireEditor(actor, `add a ${kind}`);
  return immediateTransaction(db, async (trx) => {
    const id = typeof body.id === 'string' ? body.id : idStem(kind, body);
    if (await readMeta(trx, RECORD_TABLES[kind], id)) {
      throw new AppError(409, 'id_taken', `A ${kind} with the id "${id}" exists already (perhaps deleted); choose another id.`);
    }
    const record = await validRecord(trx, kind, { ...body, id });
    await store(trx, kind, record);
    // The row was inserted with the columns' defaults (published): a new record starts as a draft.
    await markNewDraft(trx, RECORD_TABLES[kind], id);
    await addRevision(trx, { kind, id, version: 1, action: 'create', actorId: actor.id, at: new Date().toISOString(), reason: null, before: null, after: record });
    return teamView(await loadLive(trx, kind, id));
  });
}

export interface UpdateInput {
  version: number;
  reason?: string;
  changes: Record<string, unknown>;
}

/** Edits a draft in place, or proposes a change to a published record (with a reason). */
export async function updateRecord(db: DB, actor: Actor | null, kind: RecordKind, id: string, input: UpdateInput): Promise<DeskRecord> {
  requireEditor(actor, `edit a ${kind}`);
  return immediateTransaction(db, async (trx) => {
    const live = await loadLive(trx, kind, id);
    if (live.meta.version !== input.version) throw staleVersion(kind, live);
    const published = live.meta.status === 'published';
    if (published && !input.reason) {
      throw badInput([{ field: 'reason', message: 'a change to a published record needs a reason (what was wrong, and the source)' }]);
    }
    const before = teamView(live);
    const { version: _v, status: _s, pendingChange: _p, ...current } = before;
    const record = await validRecord(trx, kind, { ...current, ...input.changes, id });
    const table = RECORD_TABLES[kind];
    // The version check is in the UPDATE itself: of two edits of one version, one matches no row.
    if (!(await bumpVersion(trx, table, id, input.version))) throw staleVersion(kind, await loadLive(trx, kind, id));
    const at = new Date().toISOString();
    if (published) {
      await putPending(trx, kind, id, { data: record, baseVersion: input.version, authorId: actor.id, reason: input.reason!, at });
    } else {
      await store(trx, kind, record);
    }
    await addRevision(trx, {
      kind,
      id,
      version: input.version + 1,
      action: published ? 'propose' : 'edit',
      actorId: actor.id,
      at,
      reason: input.reason ?? null,
      before: published ? live.record : current,
      after: record,
    });
    return teamView(await loadLive(trx, kind, id));
  });
}
