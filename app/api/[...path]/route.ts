import { errorResponse } from '../_lib/http';

/** Any API path that no route serves answers a JSON 404, not the HTML error page. */
async function notFound(request: Request) {
  const { pathname } = new URL(request.url);
  return errorResponse(404, 'not_found', `No API endpoint at ${pathname}. See /api/openapi.json.`);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
