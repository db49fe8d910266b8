/**
 * The import dialog's requests (lib/client/api/imports.ts) against the real route handlers and a
 * temporary SQLite file, with `fetch` answered by the handlers as an editor's browser would be:
 * the preview of a MarineCadastre file, a refusal read back in the server's words, and an unknown
 * import's 404 for both reading and cancelling.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/client/api';
import { cancelImport, fetchImport, previewImport } from '@/lib/client/api/imports';
import { openTeamDatabase } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Routes = Partial<Record<'GET' | 'POST' | 'DELETE', Handler>>;
const ORIGIN = 'http://localhost';
const offline = globalThis.fetch;
let team: Awaited<ReturnType<typeof openTeamDatabase>>;

beforeAll(async () => {
  team = await openTeamDatabase('imports-api-client');
  const preview = (await import('@/app/api/imports/preview/route')) as unknown as Routes;
  const one = (await import('@/app/api/imports/[id]/route')) as unknown as Routes;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), ORIGIN);
    const method = (init?.method ?? 'GET') as 'GET' | 'POST' | 'DELETE';
    const headers = new Headers(init?.headers);
    headers.set('cookie', team.cookies.editor);
    if (method !== 'GET') headers.set('origin', ORIGIN);
    const body = init?.body instanceof Blob ? await init.body.arrayBuffer() : (init?.body as BodyInit | undefined);
    const request = new Request(url, { method, headers, body });
    const id = /^\/api\/imports\/([^/]+)$/.exec(url.pathname)?.[1];
    const routes = url.pathname === '/api/imports/preview' ? preview : id && id !== 'preview' ? one : null;
    const handler = routes?.[method];
    if (!handler) throw new Error(`imports-api.test: no route for ${method} ${url.pathname}`);
    const params: Record<string, string> = id ? { id } : {};
    return handler(request, { params: Promise.resolve(params) });
  }) as typeof fetch;
}, 60_000);

afterAll(async () => {
  globalThis.fetch = offline;
  await team.close();
});

describe('the import dialog’s requests', () => {
  it('previews a MarineCadastre file: CSV, its preset, its headers and sample rows', async () => {
    const file = new Blob([readFileSync('tests/fixtures/tracks/e2e/rajin-dark-vostochny.csv')]);
    const preview = await previewImport(file, 'rajin-dark-vostochny.csv');
    expect(preview.format).toBe('csv');
    expect(preview.preset).toBe('marinecadastre');
    expect(preview.headers.slice(0, 4)).toEqual(['MMSI', 'BaseDateTime', 'LAT', 'LON']);
    expect(preview.sample[0]?.VesselName).toBe('E2E KESTREL');
  });

  it('gives a CSV whose headers match no preset with a null preset, for the mapping form', async () => {
    const preview = await previewImport(new Blob([readFileSync('tests/fixtures/tracks/e2e/own-columns.csv')]), 'own-columns.csv');
    expect(preview).toMatchObject({ format: 'csv', preset: null, headers: ['when', 'ship id', 'y', 'x', 'knots'] });
  });

  it('reads a refused file back as an ApiError in the server’s words, naming what was expected', async () => {
    const refusal = await previewImport(new Blob([readFileSync('tests/fixtures/tracks/e2e/not-a-track.txt')]), 'not-a-track.txt').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).status).toBe(400);
    expect((refusal as ApiError).message).toMatch(/expected CSV/);
  });

  it('answers an unknown import with a 404 for reading and for cancelling', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expect(fetchImport(id)).rejects.toMatchObject({ status: 404 });
    await expect(cancelImport(id)).rejects.toMatchObject({ status: 404 });
  });
});
