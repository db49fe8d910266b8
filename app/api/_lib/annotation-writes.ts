/**
 * The per-account limit on annotation writes (create, reply, edit, delete, restore): at most
 * ANNOTATION_WRITE_LIMIT.max in a fixed window of one minute that starts at the account's first
 * write in it. A person annotating writes a few notes a minute; a script or a stuck client that
 * floods a voyage with notes (each one re-sent to every open dashboard) gets 429 with Retry-After
 * until the window ends. The counters are in the database (lib/server/db/throttle.ts), so they
 * hold across restarts and across several app processes; a refused write is not counted.
 */
import 'server-only';
import { getDb } from '@/lib/server/db';
import { hitWindow } from '@/lib/server/db/throttle';
import { AppError } from '@/lib/core/domain/errors';
import { ANNOTATION_WRITE_LIMIT } from '@/lib/core/domain/annotation-list';
import type { Actor } from '@/lib/core/domain/permissions';

/** Counts one annotation write by `actor`; 429 with Retry-After when the account is over the limit. */
export async function requireAnnotationWriteAllowance(actor: Actor): Promise<void> {
  const { allowed, retryAfterS } = await hitWindow(await getDb(), `annotate:user:${actor.id}`, ANNOTATION_WRITE_LIMIT);
  if (!allowed) {
    throw new AppError(
      429,
      'rate_limited',
      `Too many annotation writes: at most ${ANNOTATION_WRITE_LIMIT.max} a minute per account. Try again in ${retryAfterS} s.`,
      { retryAfter: retryAfterS },
    );
  }
}
