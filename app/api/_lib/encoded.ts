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

/**
 * A 200 with `body`'s bytes. They are handed over as the one chunk of a plain stream: a Response
 * made from the bytes themselves copies them first (a byte stream takes ownership of what it is
 * given), which for the 0.9 MB map layer of 1,000 routes was a fresh copy, and its garbage, per
 * reader. A plain stream's chunk is written to the socket as it is and never detached, so the
 * same bytes serve every reader.
 */
export function encodedResponse(body: EncodedBody, headers: Record<string, string>): Response {
  const { bytes } = body;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers });
}
