/**
 * The seed revision step: a seed record corrected after it was first written reaches the
 * database, unless the team has touched the row since (edited, proposed a change, deleted): a
 * team's later edit or deletion always wins, and the skipped correction is logged by name.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { VoyageRouting } from '@/lib/core/domain/voyage';
import type { DB } from './connection';
import { readRecord } from './read-record';
import { portFromRow } from './rows';
import { RECORD_TABLES } from './schema';
import { type RecordByKind, type WritableKind, type WriteContext, writeRecord } from './write-record';


/** JSON with every object's keys sorted, so equal records serialise equally whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A claim's vessels are a set (stored without order); every other list keeps its order. */
function comparable(kind: WritableKind, record: object): string {
  const r = kind === 'claim' ? { ...record, vesselIds: [...(record as RecordByKind['claim']).vesselIds].sort() } : record;
  return canonicalJson(r);
}

/** The hash seed_log keeps of a seed record as last written. */
export function seedRecordHash(kind: WritableKind, record: object): string {
  return createHash('sha256').update(comparable(kind, record)).digest('hex');
}

/**
 * Why the team owns the row now, or null when it is as the seed left it: not deleted, no
 * revision or pending change by a person, and its version where the seed's last write left it.
 */
async function touchedBecause(db: DB, kind: WritableKind, id: string): Promise<string | null> {
  const row = await sql<{ version: number; deleted_at: string | null }>`select version, deleted_at from ${sql.table(RECORD_TABLES[kind])} where id = ${id}`.execute(db);
  const meta = row.rows[0];
  if (!meta) return 'its row is gone';
  if (meta.deleted_at !== null) return 'the team deleted it';
  const { rows } = await sql<{ by_team: number; seed_version: number | null; pending: number }>`select
      (select count(*) from record_revisions where kind = ${kind} and record_id = ${id} and actor_id is not null) as by_team,
      (select max(version) from record_revisions where kind = ${kind} and record_id = ${id} and actor_id is null) as seed_version,
      (select count(*) from record_pending where kind = ${kind} and record_id = ${id}) as pending`.execute(db);
  const r = rows[0];
  if (r && r.by_team > 0) return 'the team edited it';
  if (r && r.pending > 0) return 'the team proposed a change to it';
  if (meta.version !== (r?.seed_version ?? 1)) return 'its version moved on since the seed wrote it';
  return null;
}

export type Revision = 'unchanged' | 'revised' | 'kept';

/**
 * Brings the seeded row of `record` up to the seed record when the seed changed since it was
 * written (`loggedHash`) and the team has not touched the row: the row is rewritten (a voyage's
 * route and metrics recomputed), its version bumped, and a revision by the seed (actor null,
 * reason "seed correction") keeps the record before and after.
 */
export async function reviseSeeded<K extends WritableKind>(
  tx: DB,
  kind: K,
  record: RecordByKind[K],
  loggedHash: string | null,
  ctx: WriteContext,
  at: string,
): Promise<Revision> {
  const hash = seedRecordHash(kind, record);
  if (loggedHash === hash) return 'unchanged';
  const setHash = () =>
    tx.updateTable('seed_log').set({ record_hash: hash }).where('record_type', '=', kind).where('record_id', '=', record.id).execute();
  const before = await readRecord(tx, kind, record.id);
  if (before !== null && comparable(kind, before) === comparable(kind, record)) {
    await setHash();
    return 'unchanged';
  }
  const why = await touchedBecause(tx, kind, record.id);
  if (why !== null) {
    console.warn(`[wakeline] seed: ${kind} "${record.id}" has a seed correction not applied because ${why}; review it in the desk.`);
    return 'kept';
  }
  const { rows } = await sql<{ version: number }>`select version from ${sql.table(RECORD_TABLES[kind])} where id = ${record.id}`.execute(tx);
  const version = (rows[0]?.version ?? 1) + 1;
  await writeRecord(tx, kind, record, ctx, 'replace');
  await sql`update ${sql.table(RECORD_TABLES[kind])} set version = ${version} where id = ${record.id}`.execute(tx);
  await tx
    .insertInto('record_revisions')
    .values({
      kind,
      record_id: record.id,
      version,
      action: 'edit',
      actor_id: null,
      at,
      reason: 'seed correction',
      before: JSON.stringify(before),
      after: JSON.stringify(record),
    })
    .execute();
  await setHash();
  return 'revised';
}

/**
 * Recomputes the route and metrics of every voyage that starts or ends at one of `portIds`: a
 * corrected port moves its voyages' routes. The voyage records do not change, so neither do their
 * versions. Ports are taken as stored, a team's edits included.
 */
export async function rerouteVoyagesAt(tx: DB, portIds: ReadonlySet<string>, routing: () => VoyageRouting): Promise<void> {
  if (portIds.size === 0) return;
  const ids = [...portIds];
  const voyages = await tx
    .selectFrom('voyages')
    .select('id')
    .where((eb) => eb.or([eb('origin_port_id', 'in', ids), eb('destination_port_id', 'in', ids)]))
    .execute();
  if (voyages.length === 0) return;
  const ports = new Map((await tx.selectFrom('ports').selectAll().execute()).map((r) => [r.id, portFromRow(r, [])]));
  for (const { id } of voyages) {
    const record = await readRecord(tx, 'voyage', id);
    if (record) await writeRecord(tx, 'voyage', record, { ports, routing }, 'replace');
  }
}
