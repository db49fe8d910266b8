/**
 * Who is asking, and may they: session lookup from the cookie, the read guard, role checks, and
 * the same-origin check every mutating request passes before anything else.
 *
 * Origin rule: the allowed origin is WAKELINE_ORIGIN when set. Unset in production, it is
 * http://localhost:PORT only (the Host header is the client's to choose, so it is never trusted);
 * unset in development, the request's own origin (its URL, or the Host header with the URL's
 * scheme). A write whose Origin header differs, or is "null", is refused with 403. A write with no Origin header is refused when Sec-Fetch-Site says
 * it is not same-origin; with neither header (curl, scripts) it is let through: no browser sends a
 * cross-site write without Origin, and such clients still need a session cookie of their own.
 */
import 'server-only';
import { config } from '@/lib/server/config';
import { readSessionCookie } from '@/lib/server/auth/session';
import { getDb } from '@/lib/server/db';
import { sessionActor } from '@/lib/server/db/sessions';
import { type Actor, type Role, canRead, hasRole } from '@/lib/core/domain/permissions';
import { AppError } from '@/lib/core/domain/errors';

export async function currentActor(request: Request): Promise<Actor | null> {
  const id = readSessionCookie(request);
  if (!id) return null;
  return sessionActor(await getDb(), id);
}

/** For GET routes: nothing unless WAKELINE_READ_REQUIRES_LOGIN=1, then a signed-in account. */
export async function requireReader(request: Request): Promise<Actor | null> {
  const actor = await currentActor(request);
  if (!canRead(actor, config().readRequiresLogin)) {
    throw new AppError(401, 'unauthenticated', 'Sign in to read this Wakeline instance.');
  }
  return actor;
}

/** The signed-in account with at least `role`: 401 when signed out, 403 when the role is short. */
export async function requireRole(request: Request, role: Role): Promise<Actor> {
  const actor = await currentActor(request);
  if (!actor) throw new AppError(401, 'unauthenticated', 'Sign in first.');
  if (!hasRole(actor, role)) throw new AppError(403, 'forbidden', `This needs the ${role} role; you are a ${actor.role}.`);
  return actor;
}

function allowedOrigins(request: Request): Set<string> {
  const { origin: configured, unconfiguredOrigin } = config();
  if (configured) return new Set([configured]);
  if (unconfiguredOrigin) return new Set([unconfiguredOrigin]);
  const url = new URL(request.url);
  const origins = new Set([url.origin]);
  const host = request.headers.get('host');
  if (host) origins.add(`${url.protocol}//${host}`);
  return origins;
}

/** 403 for a cross-site write. Call first in every POST, PATCH and DELETE handler. */
export function requireSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  if (origin === null) {
    if (site && site !== 'same-origin' && site !== 'none') throw crossSite();
    return;
  }
  if (!allowedOrigins(request).has(origin)) throw crossSite(config().unconfiguredOrigin);
}

function crossSite(unconfiguredOrigin: string | null = null) {
  const hint = unconfiguredOrigin
    ? ` This server accepts writes only from ${unconfiguredOrigin}: its operator must set WAKELINE_ORIGIN to the address people open.`
    : '';
  return new AppError(403, 'cross_site', `Cross-site requests cannot change data here.${hint}`);
}

