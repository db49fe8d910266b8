import { sql } from 'kysely';
import { getDb } from '@/lib/server/db';
import { AppError } from '@/lib/core/domain/errors';
import { handle, json } from '../_lib/http';
import { methods } from '../_lib/methods';

const get = handle(async () => {
  try {
    const db = await getDb();
    await sql`select 1`.execute(db);
    return json({ status: 'ok' });
  } catch (err) {
    console.error('[wakeline] health check failed', err);
    throw new AppError(503, 'unavailable', 'The database does not answer.');
  }
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
