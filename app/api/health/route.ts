import { sql } from 'kysely';
import { getDb } from '@/lib/server/db';
import { errorResponse, handle, json } from '../_lib/http';

export const GET = handle(async () => {
  try {
    const db = await getDb();
    await sql`select 1`.execute(db);
    return json({ status: 'ok' });
  } catch (err) {
    console.error('[wakeline] health check failed', err);
    return errorResponse(503, 'unavailable', 'The database does not answer.');
  }
});
