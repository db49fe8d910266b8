import { burnPasswordCheck, verifyPassword } from '@/lib/server/auth/password';
import { clientAddress } from '@/lib/server/auth/client-address';
import { loginSucceeded, reserveLogin } from '@/lib/server/login-throttle';
import { readSessionCookie, sessionCookie } from '@/lib/server/auth/session';
import { getDb } from '@/lib/server/db';
import { createSession, deleteSession } from '@/lib/server/db/sessions';
import { findUserByName } from '@/lib/server/db/users';
import { loginInput } from '@/lib/core/domain/accounts';
import { requireSameOrigin } from '../../_lib/auth';
import { AppError } from '@/lib/core/domain/errors';
import { handle, json, parseJsonBody } from '../../_lib/http';
import { methods } from '../../_lib/methods';

function tooMany(seconds: number) {
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError(429, 'too_many_attempts', `Too many failed sign-ins from your address. Try again in ${wait}.`, {
    retryAfter: seconds,
  });
}

/**
 * Sign-in. The attempt is counted before the password is checked (lib/server/login-throttle.ts),
 * so parallel guesses cannot all pass as the first; a running delay answers 429 with Retry-After
 * before any password work. Unknown usernames take the same path and the same time.
 */
const post = handle(async (request: Request) => {
  requireSameOrigin(request);
  const { username, password } = await parseJsonBody(request, loginInput);
  const name = username.trim().toLowerCase();
  const address = clientAddress(request.headers);
  const db = await getDb();
  const reserved = await reserveLogin(db, name, address);
  if (!reserved.allowed) throw tooMany(reserved.retryAfterS);

  const user = await findUserByName(db, name);
  const ok = user ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  if (!user || !ok || !user.active) {
    throw new AppError(401, 'bad_credentials', 'Wrong username or password, or the account is deactivated.');
  }
  await loginSucceeded(db, name, address);
  // A new session id at every login; the one the browser held before (if any) ends.
  const previous = readSessionCookie(request);
  if (previous) await deleteSession(db, previous);
  const id = await createSession(db, user.id);
  const res = json({ user: { id: user.id, username: user.username, role: user.role } });
  res.headers.append('Set-Cookie', sessionCookie(request, id));
  return res;
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
