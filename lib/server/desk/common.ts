/**
 * What every desk operation shares: who may write, loading a live record, the record as the team
 * sees it (a pending change applied), validation at the edge, and the 409 for a stale version.
 */
import 'server-only';
import { readRecord } from '@/lib/server/db/read-record';
import { RECORD_TABLES } from '@/lib/server/db/schema';
import { sql } from 'kysely';
import { AppError } from '@/lib/core/domain/errors';
import { type Actor, canWrite } from '@/lib/core/domain/permissions';
import { type FieldIssue, RECORD_SCHEMAS, type RecordKind, checkRecord } from '@/lib/core/domain/records';
import type { Port } from '@/lib/core/domain/schemas';
import { basemapRouting } from '@/lib/server/basemap/router';
import type { DB } from '@/lib/server/db';
import type { RecordByKind, WriteContext } from '@/lib/server/db/write-record';
import { ADAPTERS } from './kinds';
import { type Meta, type Pending, readMeta, readPending } from './store';

export type AnyRecord = RecordByKind[RecordKind];

/** A record as the desk answers it: the record's fields and its bookkeeping. */
export type DeskRecord = AnyRecord & {
  version: number;
  status: Meta['status'];
  pendingChange: { author: Pending['author']; reason: string | null; at: string } | null;
};

export function requireEditor(actor: Actor | null, what: string): asserts actor is Actor {
  if (!actor) throw new AppError(401, 'unauthenticated', `Sign in to ${what}.`);
  if (!canWrite(actor)) throw new AppError(403, 'forbidden', `Your role cannot ${what}: an editor or admin can.`);
}

export function notFound(kind: RecordKind, id: string) {
  return new AppError(404, 'not_found', `No ${kind} has the id "${id}".`);
}

export function badInput(issues: FieldIssue[]): AppError {
  const first = issues[0] ?? { field: '(body)', message: 'invalid' };
  return new AppError(400, 'invalid_body', `Field "${first.field}" is invalid: ${first.message}.`, { issues });
}

export interface Live {
  meta: Meta;
  record: AnyRecord;
  pending: Pending | undefined;
}

/** The record's row, its bookkeeping and any pending change; 404 when unknown or deleted. */
export async function loadLive(db: DB, kind: RecordKind, id: string, opts: { deleted?: boolean } = {}): Promise<Live> {
  const meta = await readMeta(db, RECORD_TABLES[kind], id);
  if (!meta || (meta.deleted_at !== null && !opts.deleted)) throw notFound(kind, id);
  const record = (await readRecord(db, kind, id)) as AnyRecord;
  return { meta, record, pending: await readPending(db, kind, id) };
}

/** The record as the team sees and edits it: with its pending change, if any, applied. */
export function teamView(live: Live): DeskRecord {
  const { meta, record, pending } = live;
  return {
    ...((pending?.data as AnyRecord | undefined) ?? record),
    version: meta.version,
    status: meta.status,
    pendingChange: pending ? { author: pending.author, reason: pending.reason, at: pending.at } : null,
  };
}

/** The record as a reader who is not signed in sees it: the published values. */
export function publicView(live: Live): DeskRecord {
  return { ...live.record, version: live.meta.version, status: live.meta.status, pendingChange: null };
}

export function staleVersion(kind: RecordKind, live: Live): AppError {
  return new AppError(
    409,
    'conflict',
    `Someone changed this ${kind} since you started (now at version ${live.meta.version}). Merge your change with the current record.`,
    { current: teamView(live) },
  );
}

async function missingReferences(db: DB, kind: RecordKind, record: AnyRecord): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const adapter = ADAPTERS[kind] as (typeof ADAPTERS)['source'];
  for (const ref of adapter.references(record as RecordByKind['source'])) {
    const table = RECORD_TABLES[ref.kind];
    for (const id of ref.ids) {
      if (id === null) continue;
      const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} where id = ${id} and deleted_at is null`.execute(db);
      if (rows.length === 0) issues.push({ field: ref.field, message: `no ${ref.kind} has the id "${id}"` });
    }
  }
  return issues;
}

/**
 * The record as it will be stored, after its schema, the desk's pure checks, its references and
 * its kind's own checks: 400 naming the first failing field otherwise.
 */
export async function validRecord(db: DB, kind: RecordKind, raw: unknown): Promise<AnyRecord> {
  const parsed = RECORD_SCHEMAS[kind].safeParse(raw);
  if (!parsed.success) {
    throw badInput(parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message })));
  }
  const { record, issues } = checkRecord(kind, parsed.data as AnyRecord);
  if (issues.length) throw badInput(issues);
  const refs = await missingReferences(db, kind, record);
  if (refs.length) throw badInput(refs);
  const check = (ADAPTERS[kind] as (typeof ADAPTERS)['source']).check;
  const own = check ? await check(db, record as RecordByKind['source']) : [];
  if (own.length) throw badInput(own);
  return record;
}

/** The ports a voyage names, from the database, and the basemap routing. */
export async function writeContext(db: DB, record: AnyRecord): Promise<WriteContext> {
  const ports = new Map<string, Port>();
  if ('originPortId' in record && 'departure' in record) {
    for (const id of [record.originPortId, record.destinationPortId]) {
      const port = await readRecord(db, 'port', id);
      if (port) ports.set(id, port);
    }
  }
  return { ports, routing: basemapRouting };
}
