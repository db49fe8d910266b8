/**
 * Request bodies at the route level: every route that reads a body counts its bytes as they
 * stream in and stops at the limit with a 413 JSON error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTeamDatabase } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
let team: Awaited<ReturnType<typeof openTeamDatabase>>;
let createVoyage: Handler;
let importDataset: Handler;

beforeAll(async () => {
  team = await openTeamDatabase('bodies');
  createVoyage = (await import('@/app/api/voyages/route')).POST as unknown as Handler;
  importDataset = (await import('@/app/api/dataset/import/route')).POST as unknown as Handler;
}, 60_000);
afterAll(async () => team.close());

const headers = () => ({ cookie: team.cookies.admin, origin: 'http://localhost', 'content-type': 'application/json' });

/** An endless JSON body that counts how many 64 KiB chunks were pulled. */
function endless() {
  const state = { pulled: 0 };
  const chunk = new TextEncoder().encode(`{"notes":"${'x'.repeat(64 * 1024 - 11)}`);
  const body = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        state.pulled += 1;
        c.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { body, state };
}

describe('request bodies', () => {
  it('counts bytes: 150 K two-byte characters (300 KB) exceed the 256 KiB JSON limit', async () => {
    const body = JSON.stringify({ notes: 'é'.repeat(150 * 1024) });
    expect(body.length).toBeLessThan(256 * 1024);
    const res = await createVoyage(new Request('http://localhost/api/voyages', { method: 'POST', headers: headers(), body }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });

  it('stops reading an endless JSON body just past the limit', async () => {
    const { body, state } = endless();
    const request = new Request('http://localhost/api/voyages', { method: 'POST', headers: headers(), body, duplex: 'half' } as RequestInit);
    const res = await createVoyage(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(6);
  });

  it('stops reading an endless dataset bundle just past its 16 MiB limit', async () => {
    const { body, state } = endless();
    const request = new Request('http://localhost/api/dataset/import', { method: 'POST', headers: headers(), body, duplex: 'half' } as RequestInit);
    const res = await importDataset(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(16 * 16 + 2);
  });
});
