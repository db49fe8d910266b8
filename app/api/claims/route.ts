import { getDb } from '@/lib/server/db';
import { listClaims } from '@/lib/server/db/reference';
import { claimsQuery } from '@/lib/core/domain/query';
import { handle, json, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';

export const GET = handle(async (request: Request) => {
  const filter = parseQuery(request.url, claimsQuery);
  await requireReader(request);
  return json({ claims: await listClaims(await getDb(), filter) });
});
