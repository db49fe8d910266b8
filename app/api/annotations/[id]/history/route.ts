import { getDb } from '@/lib/server/db';
import { annotationHistory } from '@/lib/server/db/annotations';
import { annotationId } from '@/lib/core/domain/annotations';
import { emptyQuery } from '@/lib/core/domain/query';
import { requireReader } from '../../../_lib/auth';
import { AppError } from '@/lib/core/domain/errors';
import { handle, json, parseParam, parseQuery } from '../../../_lib/http';
import { methods } from '../../../_lib/methods';

const get = handle(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  parseQuery(request.url, emptyQuery);
  const id = parseParam('id', (await ctx.params).id, annotationId);
  const actor = await requireReader(request);
  const revisions = await annotationHistory(await getDb(), actor, id);
  if (!revisions) throw new AppError(404, 'not_found', `No annotation has the id "${id}".`);
  return json({ revisions });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
