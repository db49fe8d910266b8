/**
 * Imports in the server process: an upload is stored to a file (hashed and counted as it streams,
 * refused past the limit), accepted (start.ts), and run in the background, one at a time: two
 * imports of overlapping data running together could each skip the other's rows, and a cancelled
 * import's rows must be gone before the next one writes. A cancel marks the row (a runner in any
 * process sees it at its next batch) and aborts the local runner at once.
 */
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportDto } from '@/lib/core/domain/api-contract-tracks';
import { IMPORT_MAX_BYTES } from '@/lib/core/domain/api-contract-tracks';
import { AppError } from '@/lib/core/domain/errors';
import { dataDirectory } from '@/lib/server/config';
import type { DB } from '@/lib/server/db';
import { type StartInput, startImport } from './start';
import { readImport, stopImport } from './store';

/**
 * The process's queue and its runners' abort controllers, on globalThis: the production build gives
 * each route its own copy of this module, and a cancel (DELETE /api/imports/{id}) must find the
 * controller the upload's route (POST /api/imports) made, or the runner would only stop at its next
 * batch. Likewise one chain for the process keeps imports one at a time.
 */
const QUEUE = Symbol.for('wakeline.importQueue');
type Queue = { controllers: Map<string, AbortController>; chain: Promise<unknown> };
const queue: Queue = ((globalThis as { [QUEUE]?: Queue })[QUEUE] ??= { controllers: new Map(), chain: Promise.resolve() });
const { controllers } = queue;

export interface StoredUpload {
  file: string;
  checksum: string;
  sizeBytes: number;
}

function tooLarge(): AppError {
  return new AppError(413, 'too_large', `The file must be at most ${IMPORT_MAX_BYTES / (1024 * 1024)} MiB; split it and import the parts.`, { maxBytes: IMPORT_MAX_BYTES });
}

/** Streams the request body to a file beside the database, with its sha256 and size; 413 past the limit. */
export async function storeUpload(request: Request, maxBytes = IMPORT_MAX_BYTES): Promise<StoredUpload> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  const dir = path.join(dataDirectory(), 'import-uploads');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.upload`);
  const out = fs.createWriteStream(file);
  const hash = createHash('sha256');
  let size = 0;
  try {
    const reader = request.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      hash.update(value);
      if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return { file, checksum: hash.digest('hex'), sizeBytes: size };
  } catch (err) {
    out.destroy();
    fs.rmSync(file, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError(400, 'body_incomplete', 'The file could not be read to its end (the upload broke off).', { issues: [{ field: '(body)', message: 'incomplete' }] });
  }
}

/** Accepts the import and queues its run; answers the import as accepted. Removes the file afterwards. */
export async function acceptImport(db: DB, input: StartInput): Promise<ImportDto> {
  let started;
  try {
    started = await startImport(db, input);
  } catch (err) {
    fs.rmSync(input.file, { force: true });
    throw err;
  }
  const { id } = started.import;
  if (started.import.status !== 'running') {
    fs.rmSync(input.file, { force: true });
    return started.import;
  }
  const controller = new AbortController();
  controllers.set(id, controller);
  queue.chain = queue.chain
    .then(() => started.run({ signal: controller.signal }))
    .catch((err: unknown) => console.error('[wakeline] import run failed', id, err))
    .finally(() => {
      controllers.delete(id);
      fs.rmSync(input.file, { force: true });
    });
  return started.import;
}

/** Cancels a running import: 404 when unknown, 409 when it is not running. */
export async function cancelImport(db: DB, id: string): Promise<ImportDto> {
  const current = await readImport(db, id);
  if (!current) throw new AppError(404, 'not_found', `No import has the id "${id}".`);
  if (!(await stopImport(db, id, 'cancelled'))) {
    throw new AppError(409, 'not_running', `The import is ${current.status}, not running: only a running import can be cancelled.`);
  }
  controllers.get(id)?.abort();
  return (await readImport(db, id))!;
}

/** Resolves when every queued import has run (for tests and a clean shutdown). */
export async function importsSettled(): Promise<void> {
  await queue.chain;
}

/** The whole (small) request body as bytes; 413 past `maxBytes`. */
export async function readSmallBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  const refuse = () => new AppError(413, 'too_large', `Send at most the first ${maxBytes / 1024} KiB of the file.`, { maxBytes });
  if (declared !== null && Number(declared) > maxBytes) throw refuse();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > maxBytes) throw refuse();
  return bytes;
}
