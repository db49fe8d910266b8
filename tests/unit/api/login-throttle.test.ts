/**
 * Sign-in throttling at the route (issue 9, findings 1-3), the handler called directly against a
 * real temporary SQLite file, as `npm start`'s server calls it: with the front flag set and the
 * socket's address in x-wakeline-peer. The accounts here have cheap scrypt hashes (2^10), so the
 * many verifications stay fast; the clock (Date only) is frozen, so delays run only when told to.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '@/lib/server/auth/password';
import { resetConfigForTests } from '@/lib/server/config';
import { getDb } from '@/lib/server/db';
import { tempDatabase } from '../helpers';

type Handler = (request: Request) => Promise<Response>;
const FRONT = Symbol.for('wakeline.front');
const g = globalThis as Record<symbol, unknown>;
const PASSWORD = 'the right password';
const USERS = ['alice', 'bob', 'carol', 'dan', 'erin0', 'erin1', 'erin2', 'erin3', 'erin4', 'frank0', 'frank1', 'frank2', 'frank3', 'frank4', 'grace', 'hank'];
let tmp: ReturnType<typeof tempDatabase>;
let login: Handler;
/** Every 429 answer's Retry-After header, for the last test. */
const retryAfters: (string | null)[] = [];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
  tmp = tempDatabase('login-throttle');
  process.env.DATABASE_URL = tmp.url;
  resetConfigForTests();
  g[FRONT] = true;
  login = (await import('@/app/api/auth/login/route')).POST as Handler;
  const db = await getDb();
  const hash = await hashPassword(PASSWORD, { logN: 10, r: 8, p: 1 });
  const at = new Date().toISOString();
  await db
    .insertInto('users')
    .values(USERS.map((username) => ({ username, role: 'editor', password_hash: hash, active: 1, created_at: at, updated_at: at })))
    .execute();
}, 60_000);

afterAll(async () => {
  await (await getDb()).destroy();
  delete g[FRONT];
  vi.useRealTimers();
  tmp.cleanup();
});

/** One sign-in from the TCP peer `peer`, with the X-Forwarded-For a client or proxy sent (if any). */
async function attempt(username: string, password: string, peer: string, forwardedFor?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: 'http://localhost', 'x-wakeline-peer': peer };
  if (forwardedFor !== undefined) headers['x-forwarded-for'] = forwardedFor;
  const res = await login(new Request('http://localhost/api/auth/login', { method: 'POST', headers, body: JSON.stringify({ username, password }) }));
  if (res.status === 429) retryAfters.push(res.headers.get('retry-after'));
  return { status: res.status, cookie: res.headers.get('set-cookie'), body: (await res.json()) as { error?: { message: string } } };
}

const count = (statuses: number[], s: number) => statuses.filter((x) => x === s).length;

describe('parallel guesses (finding 1)', () => {
  it('verifies at most the five free guesses of 40 sent at once for one account from one address', async () => {
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt('alice', `wrong ${i}`, '198.51.100.1')));
    const statuses = all.map((r) => r.status);
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(35);
  });

  it('does not sign in with the right password sent after 30 wrong ones in the same burst', async () => {
    const wrong = Array.from({ length: 30 }, (_, i) => attempt('bob', `wrong ${i}`, '198.51.100.2'));
    const right = attempt('bob', PASSWORD, '198.51.100.2');
    const all = await Promise.all([...wrong, right]);
    expect(all.filter((r) => r.status !== 429)).toHaveLength(5);
    expect((await right).status).toBe(429);
    expect(all.some((r) => r.cookie)).toBe(false);
  });

  it('counts unknown usernames the same way, with the same 401', async () => {
    // Four failures already counted for this pair (a real scrypt check each would be slow here).
    const now = Date.now();
    const key = `login:pair:${JSON.stringify(['nobody', '198.51.100.3'])}`;
    await (await getDb()).insertInto('throttle').values({ key, hits: 4, window_start: now, last_at: now, expires_at: now + 86_400_000 }).execute();
    const all = await Promise.all(Array.from({ length: 3 }, () => attempt('nobody', 'a guess!', '198.51.100.3')));
    expect(all.map((r) => r.status).sort()).toEqual([401, 429, 429]);
    expect(all.find((r) => r.status === 401)!.body.error!.message).toBe('Wrong username or password, or the account is deactivated.');
  });
});

describe('the client address (finding 2)', () => {
  it('hits the per-address limit however the client rotates X-Forwarded-For', async () => {
    for (let i = 0; i < 20; i += 1) {
      const r = await attempt(`erin${i % 5}`, `wrong ${i}`, '198.51.100.4', `10.77.0.${i}`);
      expect(r.status).toBe(401);
    }
    const r = await attempt('erin0', PASSWORD, '198.51.100.4', '10.77.0.99');
    expect(r.status).toBe(429);
    expect(r.body.error!.message).toMatch(/^Too many failed sign-ins from your address\. Try again in 1 second\.$/);
  });

  it("does not delay the victim whose address an attacker writes in X-Forwarded-For", async () => {
    const victim = '203.0.113.77';
    for (let i = 0; i < 25; i += 1) await attempt(`frank${i % 5}`, `wrong ${i}`, '198.51.100.5', victim);
    // The victim's own request: Next.js fills X-Forwarded-For with the socket address when none came.
    const r = await attempt('grace', PASSWORD, victim, victim);
    expect(r.status).toBe(200);
    expect(r.cookie).toMatch(/^wakeline_session=/);
  });
});

describe('no account lock (finding 3)', () => {
  it('lets the right password in at once from another address after wrong ones from address A, and delays only A', async () => {
    const a = '198.51.100.6';
    const first = [];
    for (let i = 0; i < 6; i += 1) first.push((await attempt('carol', `wrong ${i}`, a)).status);
    expect(first).toEqual([401, 401, 401, 401, 401, 429]);
    const fromB = await attempt('carol', PASSWORD, '203.0.113.6');
    expect(fromB.status).toBe(200);
    expect((await attempt('carol', PASSWORD, a)).status).toBe(429);
    // The delays grow: 1 s after the fifth failure, then 2 s after the sixth.
    vi.advanceTimersByTime(1000);
    expect((await attempt('carol', 'wrong again', a)).status).toBe(401);
    vi.advanceTimersByTime(1000);
    expect((await attempt('carol', PASSWORD, a)).status).toBe(429);
    vi.advanceTimersByTime(1000);
    expect((await attempt('carol', PASSWORD, a)).status).toBe(200);
  });

  it('clears the pair after a success and gives the address back only that attempt', async () => {
    const peer = '198.51.100.8';
    for (let i = 0; i < 4; i += 1) expect((await attempt('hank', `wrong ${i}`, peer)).status).toBe(401);
    expect((await attempt('hank', PASSWORD, peer)).status).toBe(200);
    const db = await getDb();
    const rows = await db.selectFrom('throttle').select(['key', 'hits']).where('key', 'like', '%198.51.100.8%').execute();
    expect(rows).toEqual([{ key: 'login:addr:198.51.100.8', hits: 4 }]);
    const again = [];
    for (let i = 0; i < 6; i += 1) again.push((await attempt('hank', `wrong ${i}`, peer)).status);
    expect(again).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('IPv6 clients', () => {
  it('counts one /64 as one address: rotating the low 64 bits (one host holds them all) does not reset the limit', async () => {
    // The bits below the /64 are the host's own to choose (SLAAC privacy addresses, any VPS).
    const statuses = [];
    for (let i = 1; i <= 21; i += 1) statuses.push((await attempt(`erin${i % 5}`, `wrong ${i}`, `2001:db8:7:1::${i.toString(16)}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Spelled in full or through an IPv4-style tail, it is the same /64; another /64 is not delayed.
    expect((await attempt('erin0', 'wrong', '2001:0db8:0007:0001:ffff:0:1.2.3.4')).status).toBe(429);
    expect((await attempt('erin0', 'wrong', '2001:db8:7:2::1')).status).toBe(401);
  });
});

describe('durability', () => {
  it('keeps the counters across a restart (a new connection to the same file, a fresh process state)', async () => {
    const peer = '198.51.100.9';
    for (let i = 0; i < 5; i += 1) expect((await attempt('dan', `wrong ${i}`, peer)).status).toBe(401);
    // A restart: the database closed and every per-process holder (database, limits) gone.
    await (await getDb()).destroy();
    for (const s of Object.getOwnPropertySymbols(g)) {
      if (s.description?.startsWith('wakeline.') && s !== FRONT) delete g[s];
    }
    const r = await attempt('dan', PASSWORD, peer);
    expect(r.status).toBe(429);
  });
});

it('sends Retry-After in whole seconds with every 429', () => {
  expect(retryAfters.length).toBeGreaterThan(40);
  for (const value of retryAfters) expect(value).toMatch(/^[1-9]\d*$/);
});
