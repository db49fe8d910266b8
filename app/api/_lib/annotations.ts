/** GET and POST of a record's annotations, shared by voyages, ports and vessels. */
import { getDb } from '@/lib/server/db';
import { createAnnotation, listAnnotations, targetExists } from '@/lib/server/db/annotations';
import { type TargetType, createAnnotationInput, targetIdParam } from '@/lib/core/domain/annotations';
import { emptyQuery } from '@/lib/core/domain/query';
import { requireReader, requireRole, requireSameOrigin } from './auth';
import { AppError } from '@/lib/core/domain/errors';
import { handle, json, parseJsonBody, parseParam, parseQuery } from './http';

type Ctx = { params: Promise<{ id: string }> };

export function annotationRoutes(type: TargetType) {
  const GET = handle(async (request: Request, ctx: Ctx) => {
    parseQuery(request.url, emptyQuery);
    const id = parseParam('id', (await ctx.params).id, targetIdParam);
    const actor = await requireReader(request);
    const db = await getDb();
    if (!(await targetExists(db, type, id))) throw new AppError(404, 'not_found', `No ${type} has the id "${id}".`);
    return json({ annotations: await listAnnotations(db, actor, type, id) });
  });

  const POST = handle(async (request: Request, ctx: Ctx) => {
    requireSameOrigin(request);
    parseQuery(request.url, emptyQuery);
    const id = parseParam('id', (await ctx.params).id, targetIdParam);
    const actor = await requireRole(request, 'editor');
    const input = await parseJsonBody(request, createAnnotationInput);
    const annotation = await createAnnotation(await getDb(), actor, { type, id }, input);
    return Response.json({ annotation }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  });

  return { GET, POST };
}
