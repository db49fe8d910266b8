import { getDb } from '@/lib/server/db';
import { restoreAnnotation } from '@/lib/server/db/annotations';
import { annotationId } from '@/lib/core/domain/annotations';
import { emptyQuery } from '@/lib/core/domain/query';
import { requireAnnotationWriteAllowance } from '../../../_lib/annotation-writes';
import { requireRole, requireSameOrigin } from '../../../_lib/auth';
import { handle, json, parseParam, parseQuery } from '../../../_lib/http';
import { methods } from '../../../_lib/methods';

/** Restores a soft-deleted annotation: admins only. */
const post = handle(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  parseQuery(request.url, emptyQuery);
  const id = parseParam('id', (await ctx.params).id, annotationId);
  const actor = await requireRole(request, 'admin');
  await requireAnnotationWriteAllowance(actor);
  return json({ annotation: await restoreAnnotation(await getDb(), actor, id) });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
