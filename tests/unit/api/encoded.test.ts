/**
 * Large answers are turned into bytes once, not per request (app/api/_lib/encoded.ts): the cached
 * voyage answers and the basemap layers still answer the very text, multi-byte characters
 * included, and never claim a Content-Encoding (Next.js drops it and compresses again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncodedBody, encodedResponse } from '@/app/api/_lib/encoded';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDatabase } from '../helpers';

describe('answers encoded once', () => {
  it('answers the text as UTF-8, the same for every reader', async () => {
    const text = JSON.stringify({ name: 'Rajin → Дунай', note: '“hedged”' });
    const body = new EncodedBody(text);
    for (let i = 0; i < 2; i++) {
      const res = encodedResponse(body, { 'Content-Type': 'application/json' });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(await res.text()).toBe(text);
    }
    expect(body.bytes.byteLength).toBe(Buffer.byteLength(text));
  });
});

describe('routes that answer encoded bodies', () => {
  let tmp: ReturnType<typeof tempDatabase>;
  beforeAll(() => {
    tmp = tempDatabase('api-encoded');
    process.env.DATABASE_URL = tmp.url;
    resetConfigForTests();
  });
  afterAll(async () => {
    const { getDb } = await import('@/lib/server/db');
    await (await getDb()).destroy();
    tmp.cleanup();
  });

  type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  it.each([
    ['/api/voyages?format=geojson', '@/app/api/voyages/route', {}],
    ['/api/basemap/land', '@/app/api/basemap/[layer]/route', { layer: 'land' }],
  ])('%s answers the same whole GeoJSON twice, leaving compression to the server', async (url, module, params) => {
    const GET = (await import(module)).GET as Handler;
    const ask = () => GET(new Request(`http://localhost${url}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } }), { params: Promise.resolve(params) });
    const first = await ask();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBeNull();
    const text = await first.text();
    expect(JSON.parse(text).type).toBe('FeatureCollection');
    expect(await (await ask()).text()).toBe(text);
  });
});
