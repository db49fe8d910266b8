import { AppError } from '@/lib/core/domain/errors';
import { handle } from '../_lib/http';

/** Any API path that no route serves answers a JSON 404 (whatever the method), not the HTML error page. */
const notFound = handle(async (request: Request) => {
  const { pathname } = new URL(request.url);
  throw new AppError(404, 'not_found', `No API endpoint at ${pathname}. See /api/openapi.json.`);
});

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
