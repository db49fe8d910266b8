/**
 * Every API route answers every method: the ones it serves, and for the rest a 405 with an
 * `Allow` header and the JSON error (Next.js alone answers an empty 405 and a 500 for methods it
 * does not know). Each route file ends with
 *
 *   export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: read, POST: create });
 *
 * HEAD is GET without the body; OPTIONS answers 204 with `Allow`. A method Next.js cannot route
 * (TRACE, CONNECT, anything made up) is turned into an OPTIONS by the front server
 * (server/front.mjs), which names the real one in the `x-wakeline-method` header: that OPTIONS
 * answers the 405.
 */
import { NextResponse } from 'next/server';
import type { ApiErrorBody } from '@/lib/core/domain/dto';
import { ORIGINAL_METHOD_HEADER } from '@/server/front.mjs';


type Served = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Handler<C> = (request: Request, ctx: C) => Promise<Response>;
type AllMethods<C> = Record<Served | 'HEAD' | 'OPTIONS', Handler<C>>;

function notAllowed(method: string, allow: string): Response {
  const body: ApiErrorBody = {
    error: {
      code: 'method_not_allowed',
      message: `${method} is not allowed here; this endpoint answers ${allow}.`,
      details: { allow: allow.split(', ') },
    },
  };
  return NextResponse.json(body, { status: 405, headers: { Allow: allow, 'Cache-Control': 'no-store' } });
}

export function methods<C>(served: Partial<Record<Served, Handler<C>>>): AllMethods<C> {
  const names = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((m) => served[m]);
  const allow = [...names.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])), 'OPTIONS'].join(', ');
  const refuse = (method: string) => async () => notAllowed(method, allow);
  return {
    GET: served.GET ?? refuse('GET'),
    HEAD: served.GET ?? refuse('HEAD'),
    POST: served.POST ?? refuse('POST'),
    PUT: served.PUT ?? refuse('PUT'),
    PATCH: served.PATCH ?? refuse('PATCH'),
    DELETE: served.DELETE ?? refuse('DELETE'),
    OPTIONS: async (request: Request) => {
      const original = request.headers.get(ORIGINAL_METHOD_HEADER);
      if (original) return notAllowed(original.slice(0, 32), allow);
      return new Response(null, { status: 204, headers: { Allow: allow, 'Cache-Control': 'no-store' } });
    },
  };
}
