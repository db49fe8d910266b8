import { getDb } from '@/lib/server/db';
import { visibilityFor } from '@/lib/core/domain/records';
import { searchQuery, searchRecords } from '@/lib/core/domain/search';
import { listPorts, listSources, listVessels } from '@/lib/server/db/reference';
import { requireReader } from '../_lib/auth';
import { handle, json, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/**
 * One search over vessels, ports and sources (lib/core/domain/search.ts matches). The reference
 * tables are small and read whole, as their own lists are; drafts only for signed-in readers.
 */
const get = handle(async (request: Request) => {
  const { q } = parseQuery(request.url, searchQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  const db = await getDb();
  const [vessels, ports, sources] = await Promise.all([listVessels(db, visibility), listPorts(db, visibility), listSources(db, undefined, visibility)]);
  return json(searchRecords(q, { vessels, ports, sources }));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
