import { getDb } from '@/lib/server/db';
import { listVoyageRoutes, listVoyages } from '@/lib/server/db/voyages';
import { voyageQuery } from '@/lib/core/domain/query';
import { visibilityFor } from '@/lib/core/domain/records';
import { voyagesToCsv, voyagesToGeoJSON } from '@/lib/core/domain/format';
import { type CachedAnswer, cachedResponse } from '../_lib/cache';
import { handle, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';
import { deskRoutes } from '../_lib/desk';
import { methods } from '../_lib/methods';

const get = handle(async (request: Request) => {
  const query = parseQuery(request.url, voyageQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  const { format, ...rest } = query;
  const filter = { ...rest, visibility };
  // The validated query, in a fixed key order, names the answer: equivalent URLs share one entry.
  const key = `voyages ${JSON.stringify([format, filter.vessel, filter.port, filter.from, filter.to, filter.confidence, filter.limit, filter.offset])}`;
  return cachedResponse(request, key, async (): Promise<CachedAnswer> => {
    const db = await getDb();
    if (format === 'geojson') {
      const { voyages, total } = await listVoyageRoutes(db, filter);
      return {
        body: JSON.stringify(voyagesToGeoJSON(voyages)),
        contentType: 'application/geo+json',
        headers: { 'X-Total-Count': String(total) },
      };
    }
    const list = await listVoyages(db, filter);
    if (format === 'csv') {
      return {
        body: voyagesToCsv(list.voyages),
        contentType: 'text/csv; charset=utf-8',
        headers: { 'Content-Disposition': 'attachment; filename="wakeline-voyages.csv"', 'X-Total-Count': String(list.total) },
      };
    }
    return { body: JSON.stringify(list), contentType: 'application/json', headers: { 'X-Total-Count': String(list.total) } };
  }, visibility);
});

const desk = deskRoutes('voyage');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: desk.create });
