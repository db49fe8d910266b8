/**
 * Answers that many readers fetch unchanged (the cached voyage answers, the basemap layers) are
 * turned into bytes once instead of on every request: a Response made from a string converts and
 * encodes all of it again, which for the 4.6 MB map layer of 10,000 voyages took tens of
 * milliseconds of the server's one thread per reader (`npm run bench`, viewers).
 *
 * Compression stays with Next.js, per request: it drops a Content-Encoding a route handler sets
 * (send-response.js) and compresses again, so a body gzipped here would reach clients gzipped twice.
 */
export class EncodedBody {
  readonly bytes: Uint8Array<ArrayBuffer>;

  constructor(text: string) {
    this.bytes = new TextEncoder().encode(text);
  }
}

/** A 200 with `body`'s bytes. */
export function encodedResponse(body: EncodedBody, headers: Record<string, string>): Response {
  return new Response(body.bytes, { status: 200, headers });
}
