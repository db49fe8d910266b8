/**
 * Large answers are encoded and gzipped once, not per request (app/api/_lib/encoded.ts), and the
 * cached voyage answers and basemap layers go out gzipped to the clients that take it.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncodedBody, acceptsGzip, encodedResponse } from '@/app/api/_lib/encoded';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDbFile } from '../helpers';

const withEncoding = (value: string | null) => new Request('http://localhost/api/x', value === null ? {} : { headers: { 'Accept-Encoding': value } });

describe('answers encoded once', () => {
  it('reads Accept-Encoding as a browser sends it, and a refusal of gzip', () => {
    expect(acceptsGzip(withEncoding('gzip, deflate, br, zstd'))).toBe(true);
    expect(acceptsGzip(withEncoding('br;q=1.0, GZIP;q=0.5'))).toBe(true);
    expect(acceptsGzip(withEncoding('*'))).toBe(true);
    expect(acceptsGzip(withEncoding('gzip;q=0, br'))).toBe(false);
    expect(acceptsGzip(withEncoding('deflate, br'))).toBe(false);
    expect(acceptsGzip(withEncoding('x-gzip-not'))).toBe(false);
    expect(acceptsGzip(withEncoding(null))).toBe(false);
  });

  it('gzips a body once however many clients ask, and sends it as it is to those that do not take gzip', async () => {
    const text = JSON.stringify({ voyages: Array.from({ length: 500 }, (_, i) => ({ id: `v-${i}`, note: 'Rajin → Vladivostok' })) });
    const body = new EncodedBody(text);
    expect(body.gzip()).toBe(body.gzip());
    const zipped = await encodedResponse(withEncoding('gzip, deflate, br'), body, { 'Content-Type': 'application/json' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 5);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    const plain = await encodedResponse(withEncoding(null), body, { 'Content-Type': 'application/json' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(text);
  });

  it('sends a short body as it is, where compressing saves nothing', async () => {
    const res = await encodedResponse(withEncoding('gzip'), new EncodedBody('{"ok":true}'), { 'Content-Type': 'application/json' });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('{"ok":true}');
  });
});

describe('routes that answer encoded bodies', () => {
  let tmp: ReturnType<typeof tempDbFile>;
  beforeAll(() => {
    tmp = tempDbFile('api-encoded');
    process.env.DATABASE_URL = `file:${tmp.file}`;
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
  ])('%s goes out gzipped to a browser and whole to a client without gzip', async (url, module, params) => {
    const GET = (await import(module)).GET as Handler;
    const ask = (encoding: string | null) =>
      GET(new Request(`http://localhost${url}`, encoding ? { headers: { 'Accept-Encoding': encoding } } : {}), { params: Promise.resolve(params) });
    const plain = await ask(null);
    expect(plain.status).toBe(200);
    const text = await plain.text();
    expect(JSON.parse(text).type).toBe('FeatureCollection');
    const zipped = await ask('gzip, deflate, br');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(text);
  });
});
