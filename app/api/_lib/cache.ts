/**
 * A small in-memory cache of serialised answers, keyed by the request's meaning and the
 * database's data version: any committed write moves the version, so a stale answer is never
 * served. Answers carry an ETag, so a client revalidating an unchanged answer gets a 304.
 *
 * This is what lets one instance serve the common views (the default map, a popular filter) to
 * many readers at once without re-running the query and re-serialising thousands of voyages.
 */
import { createHash } from 'node:crypto';
import { getDataVersion } from '@/lib/db';

export interface CachedAnswer {
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

const MAX_ENTRIES = 200;
const MAX_BYTES = 64 * 1024 * 1024;

const entries = new Map<string, { version: string; etag: string; answer: CachedAnswer }>();
let bytes = 0;

function evict(key: string) {
  const e = entries.get(key);
  if (!e) return;
  bytes -= e.answer.body.length;
  entries.delete(key);
}

/**
 * Answers from the cache when the data has not changed since the answer was made; otherwise makes
 * it with `make` and keeps it. Least recently used answers go first.
 */
export async function cachedResponse(request: Request, key: string, make: () => Promise<CachedAnswer>): Promise<Response> {
  const version = await getDataVersion();
  let entry = entries.get(key);
  if (entry && entry.version !== version) {
    evict(key);
    entry = undefined;
  }
  if (entry) {
    entries.delete(key);
    entries.set(key, entry); // most recently used last
  } else {
    const answer = await make();
    const etag = `W/"${createHash('sha1').update(`${version}\n${key}`).digest('base64url').slice(0, 20)}"`;
    entry = { version, etag, answer };
    entries.set(key, entry);
    bytes += answer.body.length;
    for (const oldest of entries.keys()) {
      if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
      evict(oldest);
    }
  }
  const headers = {
    'Content-Type': entry.answer.contentType,
    'Cache-Control': 'no-cache',
    ETag: entry.etag,
    ...entry.answer.headers,
  };
  if (request.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers });
  return new Response(entry.answer.body, { status: 200, headers });
}
