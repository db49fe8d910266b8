import { getDb } from '@/lib/server/db';
import { voyageFacets } from '@/lib/server/db/voyage-facets';
import { facetsQuery } from '@/lib/core/domain/facets';
import { visibilityFor } from '@/lib/core/domain/records';
import { type CachedAnswer, cachedResponse, voyageAnswersVersion } from '../../_lib/cache';
import { handle, parseQuery } from '../../_lib/http';
import { requireReader } from '../../_lib/auth';
import { methods } from '../../_lib/methods';

/** GET /api/voyages/facets: the vessels and ports with voyages under the other filters, with counts. */
const get = handle(async (request: Request) => {
  const filter = { ...parseQuery(request.url, facetsQuery), visibility: visibilityFor(Boolean(await requireReader(request))) };
  const key = `voyage-facets ${JSON.stringify([filter.vessel, filter.port, filter.from, filter.to, filter.confidence])}`;
  return cachedResponse(
    request,
    key,
    async (): Promise<CachedAnswer> => ({ body: JSON.stringify(await voyageFacets(await getDb(), filter)), contentType: 'application/json' }),
    filter.visibility,
    // Made from the voyages, vessels and ports alone: kept through sign-ins, notes and imports.
    voyageAnswersVersion,
  );
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
