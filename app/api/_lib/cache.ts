/**
 * A small in-memory cache of serialised answers, keyed by the request's meaning and the
 * database's data version: any committed write moves the version, so a stale answer is never
 * served. Answers carry an ETag, so a client revalidating an unchanged answer gets a 304.
 *
 * This is what lets one instance serve the common views (the default map, a popular filter) to
 * many readers at once without re-running the query and re-serialising thousands of voyages.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Visibility } from '@/lib/core/domain/records';
import { getDataVersion, getDb } from '@/lib/server/db';
import { voyageDataVersion } from '@/lib/server/db/voyage-index';
import { EncodedBody, encodedResponse } from './encoded';

export interface CachedAnswer {
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

const MAX_ENTRIES = 200;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The data version restarts with every process, so ETags also carry this process's random id: an
 * answer cached by a browser before a restart (and a data change) is never confirmed with a 304.
 */
const BOOT_ID = randomBytes(8).toString('hex');

/** The answer's body is kept as bytes: see encoded.ts. */
type Entry = { version: string; etag: string; answer: Omit<CachedAnswer, 'body'>; body: EncodedBody };
const entries = new Map<string, Entry>();
/** Answers being made right now: concurrent misses for one key share one query. */
const making = new Map<string, Promise<Entry>>();
let bytes = 0;

function evict(key: string) {
  const e = entries.get(key);
  if (!e) return;
  bytes -= e.body.bytes.byteLength;
  entries.delete(key);
}

function keep(key: string, entry: Entry) {
  evict(key);
  entries.set(key, entry);
  bytes += entry.body.bytes.byteLength;
  for (const oldest of entries.keys()) {
    if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
    evict(oldest);
  }
}

/** A weak ETag for an answer made at a data version: `${version}\n${visibility} ${meaning}`. */
const etagOf = (id: string) => `W/"${createHash('sha1').update(`${BOOT_ID}\n${id}`).digest('base64url').slice(0, 22)}"`;

/** True when If-None-Match names `etag` (weak comparison, one of a list) or is `*`. */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/**
 * The ETag of an answer not kept here (a streamed download), made as `cachedResponse` makes its
 * own: from the data version, what the request means and what the reader may see. Read before the
 * data, so that an answer made while the data changed carries the older version's tag and is
 * made again on the next request, never confirmed.
 */
export async function versionEtag(meaning: string, visibility: Visibility): Promise<string> {
  return etagOf(`${await getDataVersion()}\n${visibility} ${meaning}`);
}

async function make(key: string, version: string, build: () => Promise<CachedAnswer>): Promise<Entry> {
  const id = `${version}\n${key}`;
  let pending = making.get(id);
  if (!pending) {
    pending = build()
      .then(({ body, ...answer }) => {
        const etag = etagOf(id);
        const entry = { version, etag, answer, body: new EncodedBody(body) };
        keep(key, entry);
        return entry;
      })
      .finally(() => making.delete(id));
    making.set(id, pending);
  }
  return pending;
}

/** What the cache holds now: the number of answers and the size it counts against its limit. */
export function cacheStats(): { entries: number; bytes: number } {
  return { entries: entries.size, bytes };
}

/**
 * Answers from the cache when the data has not changed since the answer was made; otherwise makes
 * it with `make` and keeps it. Least recently used answers go first. What the reader may see
 * (`visibility`: drafts or not) is part of the key, so a signed-in answer never reaches anyone else.
 *
 * `dataVersion` is what the answer depends on: by default any committed write anywhere; a route
 * whose answer is made from a few tables may pass a narrower counter (GET /api/voyages), so that
 * sign-ins, notes and track imports do not discard it.
 */
export async function cachedResponse(
  request: Request,
  meaning: string,
  build: () => Promise<CachedAnswer>,
  visibility: Visibility = 'published',
  dataVersion: () => Promise<string> = getDataVersion,
): Promise<Response> {
  const key = `${visibility} ${meaning}`;
  const version = await dataVersion();
  let entry = entries.get(key);
  if (entry && entry.version === version) {
    entries.delete(key);
    entries.set(key, entry); // most recently used last
  } else {
    entry = await make(key, version, build);
  }
  const headers = {
    'Content-Type': entry.answer.contentType,
    'Cache-Control': 'no-cache',
    ETag: entry.etag,
    ...entry.answer.headers,
  };
  if (notModified(request, entry.etag)) return new Response(null, { status: 304, headers });
  return encodedResponse(entry.body, headers);
}

/**
 * The version of answers made from the voyages, their sources, vessels and ports alone (the list in
 * every format, its facets): their change counter (lib/server/db/voyage-index.ts).
 */
export const voyageAnswersVersion = async (): Promise<string> => voyageDataVersion(await getDb());

/**
 * A value read from the database (for example a whole reference table) and kept until the data
 * version moves, one per visibility: for routes that need the same small tables on every request.
 */
export function versioned<T>(read: (visibility: Visibility) => Promise<T>): (visibility: Visibility) => Promise<T> {
  const memo = new Map<Visibility, { version: string; value: Promise<T> }>();
  return async (visibility) => {
    const version = await getDataVersion();
    const held = memo.get(visibility);
    if (held && held.version === version) return held.value;
    const value = read(visibility);
    memo.set(visibility, { version, value });
    // A failed read is not kept: the next request tries again.
    value.catch(() => memo.delete(visibility));
    return value;
  };
}
