import { afterEach, describe, expect, it } from 'vitest';
import { openReadyDatabase } from '@/lib/server/db';
import { createSession, sessionActor } from '@/lib/server/db/sessions';
import { cookieSpec, hashSessionId, newSessionId, readCookie, sessionCookie, sessionState } from '@/lib/server/auth/session';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDatabase } from '../helpers';

const limits = { idleMs: 8 * 3600_000, absoluteMs: 7 * 86_400_000 };

describe('session ids', () => {
  it('are 256 random bits, url-safe, never repeated, and stored as their sha256', () => {
    const ids = new Set(Array.from({ length: 1000 }, newSessionId));
    expect(ids.size).toBe(1000);
    const id = [...ids][0]!;
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(hashSessionId(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionId(id)).not.toContain(id);
  });
});

describe('session expiry', () => {
  const t0 = Date.UTC(2025, 0, 1);
  it('is valid while used within the idle timeout, up to the absolute timeout', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, t0 + 1000, limits)).toBe('valid');
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 + 6 * 86_400_000 }, t0 + 6 * 86_400_000 + 3600_000, limits)).toBe('valid');
  });
  it('ends after 8 idle hours', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, t0 + 8 * 3600_000, limits)).toBe('idle-expired');
  });
  it('ends after 7 days however active', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 + 7 * 86_400_000 - 1 }, t0 + 7 * 86_400_000, limits)).toBe('expired');
  });
});

describe('session cookie', () => {
  afterEach(() => {
    delete process.env.WAKELINE_ORIGIN;
    resetConfigForTests();
  });
  it('is __Host- prefixed and Secure when the app is served over https', () => {
    const r = new Request('https://wakeline.example/api/auth/login');
    expect(cookieSpec(r)).toEqual({ name: '__Host-wakeline_session', secure: true });
    const c = sessionCookie(r, 'a'.repeat(43));
    expect(c).toMatch(/^__Host-wakeline_session=a{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=\d+$/);
    expect(c).not.toMatch(/Domain/i);
  });
  it('follows WAKELINE_ORIGIN when set, even if the request arrives over http behind a proxy', () => {
    process.env.WAKELINE_ORIGIN = 'https://wakeline.example';
    resetConfigForTests();
    expect(cookieSpec(new Request('http://10.0.0.5:3000/')).secure).toBe(true);
  });
  it('has a plain name and no Secure over http, where browsers would drop a Secure cookie', () => {
    const r = new Request('http://127.0.0.1:3000/');
    expect(sessionCookie(r, 'b'.repeat(43))).toBe(`wakeline_session=${'b'.repeat(43)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=604800`);
    expect(sessionCookie(r, null)).toContain('Max-Age=0');
  });
  it('reads only a well-formed value of the right cookie', () => {
    expect(readCookie(`x=1; wakeline_session=${'c'.repeat(43)}`, 'wakeline_session')).toBe('c'.repeat(43));
    expect(readCookie('wakeline_session=<script>', 'wakeline_session')).toBeNull();
    expect(readCookie(null, 'wakeline_session')).toBeNull();
  });
});

describe('sessions in the database', () => {
  it('find the account, slide the idle timeout, and end on either timeout', async () => {
    const tmp = tempDatabase('sessions');
    const db = await openReadyDatabase(tmp.target);
    try {
      const now = Date.now();
      await db
        .insertInto('users')
        .values({ username: 'ann', role: 'editor', password_hash: 'x', active: 1, created_at: '', updated_at: '' })
        .execute();
      const id = await createSession(db, 1, now);
      const stored = await db.selectFrom('sessions').selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.id_hash).toBe(hashSessionId(id));
      expect(JSON.stringify(stored)).not.toContain(id);

      expect(await sessionActor(db, id, now + 7 * 3600_000)).toMatchObject({ username: 'ann', role: 'editor' });
      // used at +7 h, so still good at +14 h (idle 7 h), not at +7 h + 8 h
      expect(await sessionActor(db, id, now + 14 * 3600_000)).not.toBeNull();
      expect(await sessionActor(db, id, now + 22 * 3600_000 + 1)).toBeNull();
      expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);

      const id2 = await createSession(db, 1, now);
      expect(await sessionActor(db, id2, now + 7 * 86_400_000)).toBeNull();

      const id3 = await createSession(db, 1, now);
      await db.updateTable('users').set({ active: 0 }).execute();
      expect(await sessionActor(db, id3, now + 1000)).toBeNull();
      expect(await sessionActor(db, 'unknown-session-id-that-is-long', now)).toBeNull();
    } finally {
      await db.destroy();
      tmp.cleanup();
    }
  });
});
