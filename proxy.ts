import { type NextRequest, NextResponse } from 'next/server';
// Renamed here only because Next.js reserves this file's own `config` export.
import { config as appConfig } from '@/lib/server/config';
import { contentSecurityPolicy, newNonce } from '@/lib/server/csp';

/**
 * Adds the Content-Security-Policy to every page at request time, with a fresh nonce (see
 * lib/server/csp.ts). The policy also goes on the request, where Next.js reads the nonce for the
 * scripts it renders; `x-nonce` carries it for any script of our own (`headers().get('x-nonce')`).
 * Only headers: access control lives in the route handlers and the data layer, never here.
 */
export function proxy(request: NextRequest) {
  const { tileOrigin, production } = appConfig();
  const nonce = newNonce();
  const policy = contentSecurityPolicy(tileOrigin, !production, nonce);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Pages only: API answers are data, and static assets never run.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|readme/).*)'],
};
