import { openApiDocument } from '@/lib/core/domain/openapi';
import { handle } from '../_lib/http';

export const GET = handle(async () =>
  Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } }),
);
