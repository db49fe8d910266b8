import { openApiDocument } from '@/lib/core/domain/openapi';
import { handle } from '../_lib/http';

/** Generated from the zod schemas on the first request, then kept: the schemas never change at run time. */
let document: ReturnType<typeof openApiDocument> | undefined;

export const GET = handle(async () => {
  document ??= openApiDocument();
  return Response.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } });
});
