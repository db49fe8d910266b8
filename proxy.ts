import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from '@/lib/server/csp';

/**
 * Adds the Content-Security-Policy to every page at request time (see lib/server/csp.ts). Only
 * headers: access control lives in the route handlers and the data layer, never here.
 */
export function proxy(_request: NextRequest) {
  const response = NextResponse.next();
  response.headers.set(
    'Content-Security-Policy',
    contentSecurityPolicy({ WAKELINE_TILE_URL: process.env.WAKELINE_TILE_URL }, process.env.NODE_ENV !== 'production'),
  );
  return response;
}

export const config = {
  // Pages only: API answers are data, and static assets never run.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|readme/).*)'],
};
