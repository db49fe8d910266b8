/**
 * Session ids and cookies. An id is 256 random bits, given to the browser once in a cookie; the
 * server keeps only its sha256, so a leaked database holds no usable session.
 *
 * Cookie rule: when the app's origin (WAKELINE_ORIGIN, else the request URL) is https, the cookie
 * is `__Host-wakeline_session` with Secure; over plain http (local use, the e2e tests) it is
 * `wakeline_session` without Secure, since browsers drop Secure cookies on http. Always HttpOnly,
 * SameSite=Lax, Path=/, no Domain.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { config } from '@/lib/server/config';

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** The app's own origin for a request: WAKELINE_ORIGIN when set, else the request URL's. */
function appOrigin(request: Request): string {
  return config().origin ?? new URL(request.url).origin;
}

export function cookieSpec(request: Request): { name: string; secure: boolean } {
  const secure = appOrigin(request).startsWith('https:');
  return { name: secure ? '__Host-wakeline_session' : 'wakeline_session', secure };
}

export function readSessionCookie(request: Request): string | null {
  const { name } = cookieSpec(request);
  return readCookie(request.headers.get('cookie'), name);
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** A Set-Cookie value carrying a session id, or clearing it when id is null. */
export function sessionCookie(request: Request, id: string | null): string {
  const { name, secure } = cookieSpec(request);
  const attrs = [`${name}=${id ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (secure) attrs.push('Secure');
  if (id === null) attrs.push('Max-Age=0');
  else attrs.push(`Max-Age=${Math.floor(config().session.absoluteMs / 1000)}`);
  return attrs.join('; ');
}

export type SessionState = 'valid' | 'idle-expired' | 'expired';

/** Whether a session is still good at `now`: idle timeout (sliding) and absolute timeout. */
export function sessionState(
  s: { createdAt: number; lastSeenAt: number },
  now: number,
  limits: { idleMs: number; absoluteMs: number } = config().session,
): SessionState {
  if (now - s.createdAt >= limits.absoluteMs) return 'expired';
  if (now - s.lastSeenAt >= limits.idleMs) return 'idle-expired';
  return 'valid';
}
