import { readSessionCookie, sessionCookie } from '@/lib/server/auth/session';
import { getDb } from '@/lib/server/db';
import { deleteSession } from '@/lib/server/db/sessions';
import { requireSameOrigin } from '../../_lib/auth';
import { handle, json } from '../../_lib/http';
import { methods } from '../../_lib/methods';

const post = handle(async (request: Request) => {
  requireSameOrigin(request);
  const id = readSessionCookie(request);
  if (id) await deleteSession(await getDb(), id);
  const res = json({ user: null });
  res.headers.append('Set-Cookie', sessionCookie(request, null));
  return res;
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
