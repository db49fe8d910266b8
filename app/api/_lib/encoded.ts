/**
 * Answers that many readers fetch unchanged (the cached voyage answers, the basemap layers) are
 * turned into bytes once, and gzipped once for the clients that accept it, instead of on every
 * request: with 200 viewers, re-encoding and re-compressing the 4.6 MB map layer of 10,000 voyages
 * for each of them kept the server too busy to answer anything else (`npm run bench`, viewers).
 * An answer that carries its own Content-Encoding is left alone by Next.js's compression.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Below this, compressing saves too little to matter: sent as it is. */
const GZIP_FROM_BYTES = 1024;

export class EncodedBody {
  readonly bytes: Uint8Array<ArrayBuffer>;
  private gzipped: Promise<Uint8Array<ArrayBuffer>> | undefined;

  constructor(text: string) {
    this.bytes = new TextEncoder().encode(text);
  }

  /** The gzipped bytes, made on first use (off the main thread) and kept. */
  gzip(): Promise<Uint8Array<ArrayBuffer>> {
    this.gzipped ??= gzipAsync(this.bytes).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength) as Uint8Array<ArrayBuffer>);
    return this.gzipped;
  }
}

/** Whether the request's Accept-Encoding takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(request: Request): boolean {
  return (request.headers.get('accept-encoding') ?? '').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    return (coding === 'gzip' || coding === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

/** A 200 with `body` gzipped when the client takes it, else as it is. */
export async function encodedResponse(request: Request, body: EncodedBody, headers: Record<string, string>): Promise<Response> {
  const varying = { ...headers, Vary: 'Accept-Encoding' };
  if (body.bytes.byteLength >= GZIP_FROM_BYTES && acceptsGzip(request)) {
    return new Response(await body.gzip(), { status: 200, headers: { ...varying, 'Content-Encoding': 'gzip' } });
  }
  return new Response(body.bytes, { status: 200, headers: varying });
}
