import { getDb } from '@/lib/server/db';
import { listVoyageRoutes } from '@/lib/server/db/voyages';
import { voyagesToGeoJSON } from '@/lib/core/domain/format';
import { MAX_PAGE } from '@/lib/core/domain/query';
import { visibilityFor } from '@/lib/core/domain/records';
import { encodeVoyageMap, voyageMapQuery } from '@/lib/core/domain/voyage-map';
import { type CachedAnswer, cachedResponse } from '../../_lib/cache';
import { handle, parseQuery } from '../../_lib/http';
import { requireReader } from '../../_lib/auth';
import { methods } from '../../_lib/methods';

/**
 * GET /api/voyages/map: every voyage matching the filters, for the map, the list and (asked
 * without from/to) the timeline; no page cap (lib/core/domain/voyage-map.ts). Made once per data
 * version and filter (the answer cache), then served from bytes with an ETag, so a browser
 * revalidating an unchanged map gets a 304.
 */
const get = handle(async (request: Request) => {
  const filter = { ...parseQuery(request.url, voyageMapQuery), visibility: visibilityFor(Boolean(await requireReader(request))) };
  const key = `voyage-map ${JSON.stringify([filter.vessel, filter.port, filter.from, filter.to, filter.confidence])}`;
  return cachedResponse(
    request,
    key,
    async (): Promise<CachedAnswer> => {
      const db = await getDb();
      // Read in pages of the list's own size: each query stays bounded however many voyages match.
      const first = await listVoyageRoutes(db, { ...filter, limit: MAX_PAGE, offset: 0 });
      const voyages = [...first.voyages];
      while (voyages.length < first.total) {
        const page = await listVoyageRoutes(db, { ...filter, limit: MAX_PAGE, offset: voyages.length });
        if (page.voyages.length === 0) break;
        voyages.push(...page.voyages);
      }
      const answer = encodeVoyageMap(voyagesToGeoJSON(voyages));
      return { body: JSON.stringify(answer), contentType: 'application/json', headers: { 'X-Total-Count': String(answer.count) } };
    },
    filter.visibility,
  );
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
