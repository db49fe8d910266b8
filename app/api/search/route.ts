import { getDb } from '@/lib/server/db';
import { visibilityFor } from '@/lib/core/domain/records';
import { searchQuery, searchRecords } from '@/lib/core/domain/search';
import { listPorts, listSources, listVessels } from '@/lib/server/db/reference';
import { requireReader } from '../_lib/auth';
import { cachedResponse, versioned } from '../_lib/cache';
import { handle, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/**
 * The reference tables a search reads: small, read whole, and kept until the data changes (not
 * read again for every keystroke of every reader); drafts only for signed-in readers.
 */
const referenceTables = versioned(async (visibility) => {
  const db = await getDb();
  const [vessels, ports, sources] = await Promise.all([listVessels(db, visibility), listPorts(db, visibility), listSources(db, undefined, visibility)]);
  return { vessels, ports, sources };
});

/** One search over vessels, ports and sources (lib/core/domain/search.ts matches). */
const get = handle(async (request: Request) => {
  const { q } = parseQuery(request.url, searchQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  return cachedResponse(
    request,
    `search ${JSON.stringify(q)}`,
    async () => ({ body: JSON.stringify(searchRecords(q, await referenceTables(visibility))), contentType: 'application/json' }),
    visibility,
  );
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
