import { getDb } from '@/lib/server/db';
import { getVoyage } from '@/lib/server/db/voyages';
import { emptyQuery, idParam } from '@/lib/core/domain/query';
import { cachedResponse } from '../../_lib/cache';
import { AppError } from '@/lib/core/domain/errors';
import { handle, parseParam, parseQuery } from '../../_lib/http';
import { requireReader } from '../../_lib/auth';

export const GET = handle(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  parseQuery(request.url, emptyQuery);
  await requireReader(request);
  const id = parseParam('id', (await ctx.params).id, idParam);
  return cachedResponse(request, `voyage ${id}`, async () => {
    const voyage = await getVoyage(await getDb(), id);
    if (!voyage) throw new AppError(404, 'not_found', `No voyage has the id "${id}".`);
    return { body: JSON.stringify({ voyage }), contentType: 'application/json' };
  });
});
