import { getDb } from '@/lib/server/db';
import { voyageMapJson } from '@/lib/server/db/voyage-pages';
import { visibilityFor } from '@/lib/core/domain/records';
import { voyageMapQuery } from '@/lib/core/domain/voyage-map';
import { type CachedAnswer, cachedResponse } from '../../_lib/cache';
import { handle, parseQuery } from '../../_lib/http';
import { requireReader } from '../../_lib/auth';
import { methods } from '../../_lib/methods';

/**
 * GET /api/voyages/map: every voyage matching the filters, for the map, the list and (asked
 * without from/to) the timeline; no page cap (lib/core/domain/voyage-map.ts). Written from a
 * per-version table of the voyages' parts (lib/server/db/voyage-pages.ts) and made once per data
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
      const { body, total } = await voyageMapJson(await getDb(), filter);
      return { body, contentType: 'application/json', headers: { 'X-Total-Count': String(total) } };
    },
    filter.visibility,
  );
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
