/**
 * The desk's bookkeeping in SQL: each record row's version, status and deletion columns, the
 * pending change of a published record (record_pending) and the revision log (record_revisions).
 * Every function runs inside the caller's BEGIN IMMEDIATE transaction.
 */
import 'server-only';
import type { RECORD_TABLES } from '@/lib/server/db/schema';
import { sql } from 'kysely';
import type { RecordKind, RecordStatus } from '@/lib/core/domain/records';
import type { RevisionAction } from '@/lib/core/domain/desk-dto';
import type { DB } from '@/lib/server/db';

export type RecordTable = (typeof RECORD_TABLES)[RecordKind];

export interface Meta {
  version: number;
  status: RecordStatus;
  deleted_at: string | null;
}

export async function readMeta(db: DB, table: RecordTable, id: string): Promise<Meta | undefined> {
  const { rows } = await sql<Meta>`select version, status, deleted_at from ${sql.table(table)} where id = ${id}`.execute(db);
  return rows[0];
}

/**
 * Moves the row on from `expected` to the next version, setting `status` and the deletion
 * columns when given. False when the row is not at `expected` (someone else wrote first).
 */
export async function bumpVersion(
  db: DB,
  table: RecordTable,
  id: string,
  expected: number,
  set: { status?: RecordStatus; deleted?: { at: string; by: number } | null } = {},
): Promise<boolean> {
  const status = set.status === undefined ? sql`status` : sql`${set.status}`;
  const deleted =
    set.deleted === undefined
      ? sql``
      : set.deleted === null
        ? sql`, deleted_at = null, deleted_by = null`
        : sql`, deleted_at = ${set.deleted.at}, deleted_by = ${set.deleted.by}`;
  const result = await sql`update ${sql.table(table)} set version = version + 1, status = ${status}${deleted}
    where id = ${id} and version = ${expected}`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** A row just inserted by the desk: a draft at version 1. */
export async function markNewDraft(db: DB, table: RecordTable, id: string) {
  await sql`update ${sql.table(table)} set status = 'draft', version = 1, deleted_at = null, deleted_by = null where id = ${id}`.execute(db);
}

export interface Pending {
  data: Record<string, unknown>;
  base_version: number;
  author: { id: number; username: string } | null;
  reason: string | null;
  at: string;
}

export async function readPending(db: DB, kind: RecordKind, id: string): Promise<Pending | undefined> {
  const { rows } = await sql<{ data: string; base_version: number; author_id: number | null; username: string | null; reason: string | null; at: string }>`
    select p.data, p.base_version, p.author_id, u.username, p.reason, p.at
    from record_pending p left join users u on u.id = p.author_id
    where p.kind = ${kind} and p.record_id = ${id}`.execute(db);
  const r = rows[0];
  if (!r) return undefined;
  return {
    data: JSON.parse(r.data) as Record<string, unknown>,
    base_version: r.base_version,
    author: r.author_id !== null && r.username !== null ? { id: r.author_id, username: r.username } : null,
    reason: r.reason,
    at: r.at,
  };
}

export async function putPending(db: DB, kind: RecordKind, id: string, p: { data: unknown; baseVersion: number; authorId: number; reason: string; at: string }) {
  await sql`insert into record_pending (kind, record_id, data, base_version, author_id, reason, at)
    values (${kind}, ${id}, ${JSON.stringify(p.data)}, ${p.baseVersion}, ${p.authorId}, ${p.reason}, ${p.at})
    on conflict (kind, record_id) do update set data = excluded.data, base_version = excluded.base_version,
      author_id = excluded.author_id, reason = excluded.reason, at = excluded.at`.execute(db);
}

export async function dropPending(db: DB, kind: RecordKind, id: string) {
  await sql`delete from record_pending where kind = ${kind} and record_id = ${id}`.execute(db);
}

export interface RevisionInput {
  kind: RecordKind;
  id: string;
  version: number;
  action: RevisionAction;
  actorId: number | null;
  at: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export async function addRevision(db: DB, r: RevisionInput) {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  await sql`insert into record_revisions (kind, record_id, version, action, actor_id, at, reason, before, after)
    values (${r.kind}, ${r.id}, ${r.version}, ${r.action}, ${r.actorId}, ${r.at}, ${r.reason}, ${json(r.before)}, ${json(r.after)})`.execute(db);
}

/** The account that created the record through the desk (null for the seed's records). */
export async function creatorOf(db: DB, kind: RecordKind, id: string): Promise<number | null> {
  const { rows } = await sql<{ actor_id: number | null }>`select actor_id from record_revisions
    where kind = ${kind} and record_id = ${id} and action = 'create' order by id limit 1`.execute(db);
  return rows[0]?.actor_id ?? null;
}

/** True when `actorId` created, edited or proposed a change to the record since it was last published. */
export async function authoredSincePublish(db: DB, kind: RecordKind, id: string, actorId: number): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from record_revisions
    where kind = ${kind} and record_id = ${id} and actor_id = ${actorId} and action in ('create', 'edit', 'propose')
      and id > coalesce((select max(id) from record_revisions where kind = ${kind} and record_id = ${id} and action = 'publish'), 0)`.execute(db);
  return Number(rows[0]?.n ?? 0) > 0;
}
