/**
 * The `imports` rows: created when a file is accepted, moved on batch by batch, read as the API's
 * {@link ImportDto}. Progress writes match `status = 'running'` only, so a cancel (or a sweep)
 * that changed the status is seen by the runner at its next batch.
 */
import 'server-only';
import type { Selectable } from 'kysely';
import type { ImportDto, ImportStatus } from '@/lib/core/domain/api-contract-tracks';
import type { CsvMapping, CsvPreset, TrackFormat } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import type { ImportsTable } from '@/lib/server/db/schema-tracks';
import type { Statement } from '@/lib/server/db/writer';

export interface ImportOptions {
  preset: CsvPreset | null;
  mapping: CsvMapping | null;
  vesselId: string | null;
}

/** What an import's final step found: per vessel whether it was matched, and the counts. */
export interface ImportSummary {
  vessels: { id: string; name: string; matched: boolean }[];
  events: ImportDto['events'];
  drafts: ImportDto['drafts'];
}

export interface Rejected {
  line: number;
  reason: string;
}

export const REJECTED_SAMPLE = 100;

type Row = Selectable<ImportsTable> & { username: string | null };

const EMPTY_SUMMARY: ImportSummary = {
  vessels: [],
  events: { portCalls: 0, gaps: 0, possiblePortCalls: 0 },
  drafts: { vessels: 0, observations: 0, voyages: 0, leftOut: 0, refused: 0, refusedReasons: [] },
};

function dto(r: Row): ImportDto {
  const options = JSON.parse(r.options) as Partial<ImportOptions>;
  const summary = { ...EMPTY_SUMMARY, ...(JSON.parse(r.summary) as Partial<ImportSummary>) };
  return {
    id: r.id,
    status: r.status as ImportStatus,
    name: r.file_name,
    format: r.format as TrackFormat,
    preset: options.preset ?? null,
    mapping: options.mapping ?? null,
    vesselId: options.vesselId ?? null,
    bytes: r.size_bytes,
    bytesRead: r.bytes_read,
    rows: r.rows_read,
    rejected: r.rejected_count,
    rejectedSample: JSON.parse(r.rejected_sample) as Rejected[],
    positionsAdded: r.positions_added,
    vessels: summary.vessels,
    events: summary.events,
    // Imports finished before `refused` was counted have none.
    drafts: { ...EMPTY_SUMMARY.drafts, ...summary.drafts },
    duplicateOf: r.duplicate_of,
    sourceId: r.source_id,
    checksum: r.checksum,
    licence: r.licence,
    error: r.error,
    createdBy: r.username,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

function selectImports(db: DB) {
  return db.selectFrom('imports').leftJoin('users', 'users.id', 'imports.created_by').selectAll('imports').select('users.username');
}

/** One import as the API answers it, or undefined. */
export async function readImport(db: DB, id: string): Promise<ImportDto | undefined> {
  const row = await selectImports(db).where('imports.id', '=', id).executeTakeFirst();
  return row ? dto(row) : undefined;
}

/** The most recent imports, newest first. */
export async function listImports(db: DB, limit = 50): Promise<ImportDto[]> {
  const rows = await selectImports(db).orderBy('imports.created_at', 'desc').orderBy('imports.seq', 'desc').limit(limit).execute();
  return rows.map(dto);
}

/** The completed import of a file with this checksum, if any (a duplicate's original). */
export async function completedImportOf(db: DB, checksum: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('imports')
    .select('id')
    .where('checksum', '=', checksum)
    .where('status', '=', 'done')
    .where('duplicate_of', 'is', null)
    .executeTakeFirst();
}

export interface NewImport {
  id: string;
  fileName: string;
  format: TrackFormat;
  options: ImportOptions;
  checksum: string;
  sizeBytes: number;
  createdBy: number | null;
  licence: string | null;
  owner: string;
}

/** The columns every new import row has, from what the upload said. */
function importColumns(n: NewImport, now: number) {
  return {
    id: n.id,
    file_name: n.fileName,
    format: n.format,
    options: JSON.stringify(n.options),
    checksum: n.checksum,
    size_bytes: n.sizeBytes,
    created_by: n.createdBy,
    created_at: new Date(now).toISOString(),
    licence: n.licence,
    owner: n.owner,
    heartbeat_at: now,
  };
}

/** A new running import; its `seq` is the key its positions carry. */
export async function insertImport(db: DB, n: NewImport): Promise<number> {
  const now = Date.now();
  const row = await db
    .insertInto('imports')
    .values({ ...importColumns(n, now), status: 'running' })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

/** A finished duplicate: the same file as `original`, nothing added. */
export async function insertDuplicate(db: DB, n: NewImport, original: string): Promise<void> {
  const now = Date.now();
  await db
    .insertInto('imports')
    .values({ ...importColumns(n, now), bytes_read: n.sizeBytes, status: 'done', duplicate_of: original, finished_at: new Date(now).toISOString() })
    .execute();
}

export interface Progress {
  bytesRead: number;
  rowsRead: number;
  positionsAdded: number;
  rejectedCount: number;
  rejectedSample: Rejected[];
}

/** Moves the counters and the heartbeat on; false when the import is no longer running (cancelled). */
export async function writeProgress(db: DB, id: string, p: Progress): Promise<boolean> {
  const result = await progressUpdate(db, id, p).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** writeProgress's UPDATE as a statement for the writer thread: it changed one row if the import still runs. */
export function progressStatement(db: DB, id: string, p: Progress): Statement {
  const { sql, parameters } = progressUpdate(db, id, p).compile();
  return { sql, parameters };
}

function progressUpdate(db: DB, id: string, p: Progress) {
  return db
    .updateTable('imports')
    .set({
      bytes_read: p.bytesRead,
      rows_read: p.rowsRead,
      positions_added: p.positionsAdded,
      rejected_count: p.rejectedCount,
      rejected_sample: JSON.stringify(p.rejectedSample),
      heartbeat_at: Date.now(),
    })
    .where('id', '=', id)
    .where('status', '=', 'running');
}

/** Sets a running import's status (cancelled by a person, failed); false when it was not running. */
export async function stopImport(db: DB, id: string, status: Extract<ImportStatus, 'cancelled' | 'failed' | 'interrupted'>, error: string | null = null) {
  const result = await db
    .updateTable('imports')
    .set({ status, error })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The import's rows are gone: it is over. */
export async function markFinished(db: DB, id: string) {
  await db.updateTable('imports').set({ finished_at: new Date().toISOString() }).where('id', '=', id).execute();
}
