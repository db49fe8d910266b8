/**
 * The whole evidence base as one bundle (lib/core/domain/dataset.ts), read in one transaction so
 * that records, revisions and annotations are of one moment. Accounts appear as usernames only.
 */
import 'server-only';
import { readRecord } from '@/lib/server/db/read-record';
import { RECORD_TABLES } from '@/lib/server/db/schema';
import { sql } from 'kysely';
import {
  DATASET_FORMAT,
  DATASET_FORMAT_VERSION,
  type DatasetBundle,
  type DatasetRecord,
  KIND_KEYS,
  type KindKey,
} from '@/lib/core/domain/dataset';
import { RECORD_KINDS, type RecordKind } from '@/lib/core/domain/records';
import type { DB } from '@/lib/server/db';
import { readPending } from '@/lib/server/desk/store';

const json = (s: string | null) => (s === null ? null : (JSON.parse(s) as Record<string, unknown>));

interface MetaRow {
  id: string;
  version: number;
  status: DatasetRecord['status'];
  deleted_at: string | null;
  deleted_by: string | null;
}

/** Every record of `kind`, drafts and deleted ones included, ordered by id. */
async function recordsOf(db: DB, kind: RecordKind): Promise<DatasetRecord[]> {
  const { rows } = await sql<MetaRow>`select t.id, t.version, t.status, t.deleted_at, u.username as deleted_by
    from ${sql.table(RECORD_TABLES[kind])} t left join users u on u.id = t.deleted_by order by t.id`.execute(db);
  const out: DatasetRecord[] = [];
  for (const meta of rows) {
    const record = (await readRecord(db, kind, meta.id)) as Record<string, unknown> | null;
    if (!record) continue;
    const pending = await readPending(db, kind, meta.id);
    out.push({
      ...record,
      id: meta.id,
      version: meta.version,
      status: meta.status,
      deletedAt: meta.deleted_at,
      deletedBy: meta.deleted_by,
      pendingChange: pending ? { record: pending.data, author: pending.author?.username ?? null, reason: pending.reason, at: pending.at } : null,
    });
  }
  return out;
}

/** Every record of every kind, by the bundle's kind key. */
export async function allRecords(db: DB): Promise<Record<KindKey, DatasetRecord[]>> {
  const out = {} as Record<KindKey, DatasetRecord[]>;
  for (const [i, kind] of RECORD_KINDS.entries()) out[KIND_KEYS[i]!] = await recordsOf(db, kind);
  return out;
}

async function revisions(db: DB): Promise<DatasetBundle['revisions']> {
  const { rows } = await sql<{
    kind: RecordKind;
    record_id: string;
    version: number;
    action: DatasetBundle['revisions'][number]['action'];
    username: string | null;
    at: string;
    reason: string | null;
    before: string | null;
    after: string | null;
  }>`select r.kind, r.record_id, r.version, r.action, u.username, r.at, r.reason, r.before, r.after
    from record_revisions r left join users u on u.id = r.actor_id order by r.id`.execute(db);
  return rows.map((r) => ({
    kind: r.kind,
    recordId: r.record_id,
    version: r.version,
    action: r.action,
    actor: r.username,
    at: r.at,
    reason: r.reason,
    before: json(r.before),
    after: json(r.after),
  }));
}

type Annotation = DatasetBundle['annotations'][number];

async function annotations(db: DB): Promise<Annotation[]> {
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('users as author', 'author.id', 'a.author_id')
    .leftJoin('users as deleter', 'deleter.id', 'a.deleted_by')
    .selectAll('a')
    .select(['author.username as author_name', 'deleter.username as deleter_name'])
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const history = await db
    .selectFrom('annotation_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.actor_id')
    .select(['r.annotation_id', 'r.version', 'r.action', 'r.at', 'r.before', 'r.after', 'u.username'])
    .orderBy('r.id')
    .execute();
  const byAnnotation = new Map<string, Annotation['revisions']>();
  for (const r of history) {
    const list = byAnnotation.get(r.annotation_id) ?? [];
    list.push({
      version: r.version,
      action: r.action as Annotation['revisions'][number]['action'],
      actor: r.username,
      at: r.at,
      before: json(r.before) as Annotation['revisions'][number]['before'],
      after: json(r.after) as Annotation['revisions'][number]['after'],
    });
    byAnnotation.set(r.annotation_id, list);
  }
  return rows.map((a) => ({
    id: a.id,
    target: { type: a.target_type as Annotation['target']['type'], id: a.target_id },
    parentId: a.parent_id,
    kind: a.kind as Annotation['kind'],
    body: a.body,
    evidenceUrls: JSON.parse(a.evidence_urls) as string[],
    location: a.lon === null || a.lat === null ? null : [a.lon, a.lat],
    resolved: a.resolved === 1,
    author: a.author_name,
    createdAt: a.created_at,
    editedAt: a.edited_at,
    version: a.version,
    deletedAt: a.deleted_at,
    deletedBy: a.deleter_name,
    revisions: byAnnotation.get(a.id) ?? [],
  }));
}

/** The name of the last migration applied: which schema the bundle's records were read from. */
async function schemaVersion(db: DB): Promise<string> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return rows[0]?.name ?? 'none';
}

/** The whole evidence base, read as of one moment. */
export async function exportDataset(db: DB, now = new Date()): Promise<DatasetBundle> {
  return db.transaction().execute(async (trx) => ({
    format: DATASET_FORMAT,
    formatVersion: DATASET_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: await schemaVersion(trx),
    records: await allRecords(trx),
    revisions: await revisions(trx),
    annotations: await annotations(trx),
  }));
}
