import { openApiDocument } from '@/lib/core/domain/openapi';
import { handle } from '../_lib/http';
import { methods } from '../_lib/methods';

/** Generated from the zod schemas on the first request, then kept: the schemas never change at run time. */
let document: ReturnType<typeof openApiDocument> | undefined;

const get = handle(async () => {
  document ??= openApiDocument();
  return Response.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
