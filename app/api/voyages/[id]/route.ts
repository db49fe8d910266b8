import { getDb } from '@/lib/server/db';
import { getVoyage } from '@/lib/server/db/voyages';
import { emptyQuery, idParam } from '@/lib/core/domain/query';
import { visibilityFor } from '@/lib/core/domain/records';
import { cachedResponse } from '../../_lib/cache';
import { AppError } from '@/lib/core/domain/errors';
import { handle, parseParam, parseQuery } from '../../_lib/http';
import { requireReader } from '../../_lib/auth';
import { deskRoutes } from '../../_lib/desk';
import { methods } from '../../_lib/methods';

const get = handle(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  parseQuery(request.url, emptyQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  const id = parseParam('id', (await ctx.params).id, idParam);
  return cachedResponse(request, `voyage ${id}`, async () => {
    const voyage = await getVoyage(await getDb(), id, visibility);
    if (!voyage) throw new AppError(404, 'not_found', `No voyage has the id "${id}".`);
    return { body: JSON.stringify({ voyage }), contentType: 'application/json' };
  }, visibility);
});

/** Editing and deleting a voyage go through the evidence desk (GET stays the detail with route and evidence). */
const desk = deskRoutes('voyage');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, PATCH: desk.update, DELETE: desk.remove });
