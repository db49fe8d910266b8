import { config } from '@/lib/server/config';
import { burnPasswordCheck, verifyPassword } from '@/lib/server/auth/password';
import { loginLimiters } from '@/lib/server/auth/rate-limit';
import { readSessionCookie, sessionCookie } from '@/lib/server/auth/session';
import { getDb } from '@/lib/server/db';
import { createSession, deleteSession } from '@/lib/server/db/sessions';
import { findUserByName } from '@/lib/server/db/users';
import { loginInput } from '@/lib/core/domain/accounts';
import { requireSameOrigin } from '../../_lib/auth';
import { AppError } from '@/lib/core/domain/errors';
import { handle, json, parseJsonBody } from '../../_lib/http';

/**
 * The client address for the per-address limit. Behind one trusted proxy (WAKELINE_TRUST_PROXY=1)
 * it is the last X-Forwarded-For entry, the one that proxy appended. Otherwise it is the header
 * as Next.js passes it on: the socket address, unless the client sent its own header.
 */
function clientAddress(request: Request): string {
  const xff = request.headers.get('x-forwarded-for') ?? '';
  if (config().trustProxy) return xff.split(',').pop()?.trim() || 'unknown';
  return xff.trim() || 'unknown';
}

function tooMany(seconds: number, what: string) {
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    429,
    'too_many_attempts',
    `Too many failed sign-ins ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfter: seconds },
  );
}

export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const { username, password } = await parseJsonBody(request, loginInput);
  const limits = loginLimiters();
  const accountKey = username.trim().toLowerCase();
  const addressKey = clientAddress(request);
  const accountWait = limits.account.retryAfter(accountKey);
  if (accountWait) throw tooMany(accountWait, 'for this account');
  const addressWait = limits.address.retryAfter(addressKey);
  if (addressWait) throw tooMany(addressWait, 'from your address');

  const db = await getDb();
  const user = await findUserByName(db, accountKey);
  const ok = user ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  if (!user || !ok || !user.active) {
    limits.account.fail(accountKey);
    limits.address.fail(addressKey);
    throw new AppError(401, 'bad_credentials', 'Wrong username or password, or the account is deactivated.');
  }
  limits.account.clear(accountKey);
  // A new session id at every login; the one the browser held before (if any) ends.
  const previous = readSessionCookie(request);
  if (previous) await deleteSession(db, previous);
  const id = await createSession(db, user.id);
  const res = json({ user: { id: user.id, username: user.username, role: user.role } });
  res.headers.append('Set-Cookie', sessionCookie(request, id));
  return res;
});
