/**
 * Running an import: the file streamed through the format's parser (constant memory), each row
 * given to a vessel, fixes written in committed batches tagged with the import (and kept in memory
 * for detection: lib/server/imports/fixes.ts), then the final step (lib/server/imports/finish.ts). All or nothing without one long transaction:
 *
 * - each batch (about 20,000 fixes and the progress counters) is one short BEGIN IMMEDIATE
 *   transaction, so another writer waits tens of milliseconds, never SQLite's 5 s busy timeout;
 *   it is written on a thread of its own (lib/server/db/writer.ts) while the next batch is parsed;
 * - readers see only positions of `done` imports, and `done` is set in the final transaction
 *   together with the source, the draft vessels, the events and the draft records;
 * - a cancel or a failure deletes the import's rows in short batches; a process killed part-way
 *   leaves them to the sweep (lib/server/imports/cleanup.ts), which runs before every import.
 */
import 'server-only';
import fs from 'node:fs';
import type { ImportDto } from '@/lib/core/domain/api-contract-tracks';
import type { Actor } from '@/lib/core/domain/permissions';
import type { TrackFormat } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { immediateTransaction } from '@/lib/server/db/tx';
import { SqliteWriter } from '@/lib/server/db/writer';
import { deletePositionsOf } from './cleanup';
import { ImportStopped, finishImport } from './finish';
import { ImportFixes } from './fixes';
import { parseTrack } from './formats';
import { PositionBatch, type PositionColumns, insertPositions, positionInsert } from './positions';
import { type ImportOptions, type Progress, REJECTED_SAMPLE, markFinished, progressStatement, readImport, stopImport, writeProgress } from './store';
import { VesselResolver } from './vessels';

/** Fixes per committed batch: big enough to amortise a commit, small enough to hold the lock briefly. */
const BATCH_FIXES = 20_000;

export interface Running {
  id: string;
  seq: number;
  file: string;
  fileName: string;
  format: TrackFormat;
  options: ImportOptions;
  checksum: string;
  sizeBytes: number;
  licence: string | null;
  actor: Actor;
}

export interface RunHooks {
  /** Aborted by a cancel in this process (a cancel from elsewhere is seen in the status). */
  signal?: AbortSignal;
  /** After every committed batch. */
  onBatch?: (p: Progress) => void;
}

async function* countedChunks(file: string, p: Progress): AsyncGenerator<Uint8Array> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    p.bytesRead += (chunk as Buffer).byteLength;
    yield chunk as Buffer;
  }
}

const NO_VESSEL = 'no MMSI, IMO or vessel name to give the fix to; import a single ship’s track with vessel=ID';

/** Reads, stores and finishes the import `r` (a running row); answers it as it ended. */
export async function runImport(db: DB, r: Running, hooks: RunHooks = {}): Promise<ImportDto> {
  const p: Progress = { bytesRead: 0, rowsRead: 0, positionsAdded: 0, rejectedCount: 0, rejectedSample: [] };
  const stillRunning = async () => !hooks.signal?.aborted && (await writeProgress(db, r.id, p));
  let writer: SqliteWriter | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const settle = async () => {
    await inFlight;
    if (failure) throw failure;
  };
  try {
    // Cancelled while it waited in the queue?
    if (!(await stillRunning())) throw new ImportStopped('cancelled');
    const resolver = await VesselResolver.load(db, r.options.vesselId);
    const fixes = new ImportFixes();
    const rows = new PositionBatch(r.seq);
    writer = SqliteWriter.for(db);
    const write = writer ? writeOnThread(db, writer, r.id) : writeHere(db, r.id);
    // One batch is written while the next is parsed (never more: memory stays bounded); a batch's
    // failure or a cancel surfaces at the next flush, or at the end.
    const flush = async () => {
      await settle();
      const batch = rows.take();
      const snapshot: Progress = { ...p, rejectedSample: [...p.rejectedSample] };
      inFlight = write(batch, snapshot).then(
        (added) => {
          if (added < 0 || hooks.signal?.aborted) {
            failure = new ImportStopped('cancelled');
            return;
          }
          p.positionsAdded += added;
          hooks.onBatch?.({ ...p });
        },
        (err: unknown) => {
          failure = err;
        },
      );
    };
    const options = { format: r.format, preset: r.options.preset ?? undefined, mapping: r.options.mapping ?? undefined };
    for await (const batch of parseTrack(countedChunks(r.file, p), options)) {
      for (const row of batch) {
        p.rowsRead += 1;
        const vesselId = 'error' in row ? null : resolver.resolve(row.identity);
        if ('error' in row || vesselId === null) {
          p.rejectedCount += 1;
          if (p.rejectedSample.length < REJECTED_SAMPLE) p.rejectedSample.push({ line: row.line, reason: 'error' in row ? row.error : NO_VESSEL });
          continue;
        }
        rows.add(vesselId, row.point);
        fixes.add(vesselId, row.point);
      }
      if (rows.size >= BATCH_FIXES) await flush();
    }
    await flush();
    await settle();
    const facts = { fileName: r.fileName, format: r.format, checksum: r.checksum, sizeBytes: r.sizeBytes, uploader: r.actor.username, licence: r.licence, importId: r.id };
    const done = await finishImport(db, { seq: r.seq, actor: r.actor, facts, resolver, fixes, alive: stillRunning });
    if (done.duplicateOf) await settleDuplicate(db, r, done.duplicateOf);
  } catch (err) {
    if (!(err instanceof ImportStopped)) {
      await stopImport(db, r.id, 'failed', err instanceof Error ? err.message : String(err));
    } else if (hooks.signal?.aborted) {
      await stopImport(db, r.id, 'cancelled');
    }
    // The batch under way lands (or fails) before its rows are deleted.
    await inFlight;
    await deletePositionsOf(db, r.seq);
    await markFinished(db, r.id);
  } finally {
    await writer?.close();
  }
  return (await readImport(db, r.id))!;
}

/** Writes a batch with its progress; answers the fixes added, or -1 when the import no longer runs (cancelled elsewhere). */
type WriteBatch = (batch: PositionColumns, progress: Progress) => Promise<number>;

/** On the writer's thread: the batch's inserts and its progress in one transaction there (the batch's columns move there). */
function writeOnThread(db: DB, writer: SqliteWriter, id: string): WriteBatch {
  return async (batch, progress) => {
    const [added, progressed] = await writer.run([positionInsert(batch), progressStatement(db, id, progress)]);
    return progressed === 1 ? added! : -1;
  };
}

/** On this connection (a database in memory): the same, in one immediate transaction. */
function writeHere(db: DB, id: string): WriteBatch {
  return (batch, progress) =>
    immediateTransaction(db, async (trx) => {
      const added = await insertPositions(trx, batch);
      return (await writeProgress(trx, id, progress)) ? added : -1;
    });
}

/** The same file completed meanwhile: this import becomes its duplicate, its rows go. */
async function settleDuplicate(db: DB, r: Running, original: string) {
  await db.updateTable('imports').set({ status: 'done', duplicate_of: original, positions_added: 0, finished_at: new Date().toISOString() }).where('id', '=', r.id).execute();
  await deletePositionsOf(db, r.seq);
}
