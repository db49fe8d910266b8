import { getDb } from '@/lib/server/db';
import { listUsers, toAccount } from '@/lib/server/db/users';
import { emptyQuery } from '@/lib/core/domain/query';
import { requireRole } from '../_lib/auth';
import { handle, json, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/** Accounts with their roles: admins only. Never includes password hashes. */
const get = handle(async (request: Request) => {
  parseQuery(request.url, emptyQuery);
  await requireRole(request, 'admin');
  return json({ users: (await listUsers(await getDb())).map(toAccount) });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
