/**
 * Accepting an import: the stored file's format checked on its first bytes (and its first rows
 * parsed, so a wrong mapping or an unreadable file is refused now, with the parser's message,
 * rather than failing later), the vessel it is forced to checked, the same file completed before
 * answered as a duplicate, and otherwise a running import row made. The caller then runs it.
 */
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { ImportDto } from '@/lib/core/domain/api-contract-tracks';
import { AppError } from '@/lib/core/domain/errors';
import type { Actor } from '@/lib/core/domain/permissions';
import type { CsvMapping, CsvPreset, TrackFormat } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { sweepDeadImports } from './cleanup';
import { TrackFormatError, parseTrack, sniffTrackFile } from './formats';
import { ownerId } from './owner';
import { type RunHooks, runImport } from './run';
import { type ImportOptions, type NewImport, completedImportOf, insertDuplicate, insertImport, readImport } from './store';

const HEAD_BYTES = 64 * 1024;

export interface StartInput {
  /** The file on disk (an upload is stored first). */
  file: string;
  fileName: string;
  format?: TrackFormat;
  preset?: CsvPreset;
  mapping?: CsvMapping;
  vesselId?: string;
  licence?: string;
  actor: Actor;
  /** sha256 (hex) and size, when the caller computed them while storing the file. */
  checksum?: string;
  sizeBytes?: number;
}

export interface Started {
  import: ImportDto;
  /** Runs the import to its end (a duplicate is already at its end). */
  run: (hooks?: RunHooks) => Promise<ImportDto>;
}

/** The first bytes of a file. */
function readHead(file: string, bytes = HEAD_BYTES): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** A TrackFormatError as the API's 400, naming the file or the mapping. */
export function formatRefusal(err: TrackFormatError): AppError {
  const field = err.field === 'mapping' ? 'mapping' : '(body)';
  return new AppError(400, 'invalid_file', err.message, { issues: [{ field, message: err.message }] });
}

async function* once(head: Uint8Array): AsyncGenerator<Uint8Array> {
  yield head;
}

async function checkReadable(head: Uint8Array, fileName: string, format: TrackFormat | undefined, csv: { preset?: CsvPreset; mapping?: CsvMapping }): Promise<TrackFormat> {
  try {
    const sniffed = sniffTrackFile(head, fileName);
    const chosen = format ?? sniffed.format;
    if (chosen === 'csv') {
      // The first rows, parsed now: a header that fits no preset and no mapping is refused here.
      for await (const batch of parseTrack(once(head), { format: 'csv', ...csv })) void batch;
    }
    return chosen;
  } catch (err) {
    if (err instanceof TrackFormatError) throw formatRefusal(err);
    throw err;
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checks and registers an import of `input.file`; 400 for a file imports cannot read, 404 for an unknown vessel=. */
export async function startImport(db: DB, input: StartInput): Promise<Started> {
  await sweepDeadImports(db);
  const format = await checkReadable(readHead(input.file), input.fileName, input.format, { preset: input.preset, mapping: input.mapping });
  if (input.vesselId) {
    const vessel = await db.selectFrom('vessels').select('id').where('id', '=', input.vesselId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!vessel) throw new AppError(404, 'not_found', `startImport: no vessel has the id "${input.vesselId}"; give the id of an existing vessel, or leave vessel out.`);
  }
  const options: ImportOptions = { preset: input.preset ?? null, mapping: input.mapping ?? null, vesselId: input.vesselId ?? null };
  const row: NewImport = {
    id: randomUUID(),
    fileName: input.fileName,
    format,
    options,
    checksum: input.checksum ?? (await sha256Of(input.file)),
    sizeBytes: input.sizeBytes ?? fs.statSync(input.file).size,
    createdBy: input.actor.id,
    licence: input.licence ?? null,
    owner: ownerId(),
  };
  const earlier = await completedImportOf(db, row.checksum);
  if (earlier) {
    await insertDuplicate(db, row, earlier.id);
    const dto = (await readImport(db, row.id))!;
    return { import: dto, run: async () => dto };
  }
  const seq = await insertImport(db, row);
  const running = { ...row, seq, file: input.file, licence: row.licence, actor: input.actor };
  return {
    import: (await readImport(db, row.id))!,
    run: (hooks) => runImport(db, running, hooks),
  };
}
