import { type NextRequest, NextResponse } from 'next/server';
// Renamed here only because Next.js reserves this file's own `config` export.
import { config as appConfig } from '@/lib/server/config';
import { contentSecurityPolicy } from '@/lib/server/csp';

/**
 * Adds the Content-Security-Policy to every page at request time (see lib/server/csp.ts). Only
 * headers: access control lives in the route handlers and the data layer, never here.
 */
export function proxy(_request: NextRequest) {
  const response = NextResponse.next();
  const { tileOrigin, production } = appConfig();
  response.headers.set('Content-Security-Policy', contentSecurityPolicy(tileOrigin, !production));
  return response;
}

export const config = {
  // Pages only: API answers are data, and static assets never run.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|readme/).*)'],
};
