import 'server-only';
import { getDb } from '@/lib/server/db';
import { sessionActor } from '@/lib/server/db/sessions';
import type { Actor } from '@/lib/core/domain/permissions';
import { readSessionCookie } from '@/lib/server/auth/session';

/** The signed-in account for a page render (server components have headers, not a Request). */
export async function pageActor(
  h: { get(name: string): string | null },
  c: { toString(): string },
): Promise<Actor | null> {
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  const request = new Request(`${proto}://${h.get('host') ?? 'localhost'}/`, { headers: { cookie: c.toString() } });
  const id = readSessionCookie(request);
  return id ? sessionActor(await getDb(), id) : null;
}
