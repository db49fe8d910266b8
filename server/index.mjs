// @ts-check
/**
 * The production server: Node's HTTP server with server/front.mjs in front of Next.js's request
 * handler. `npm start` runs it (scripts/start.mjs), as do the end-to-end tests and the benchmarks.
 * Next.js's own `next start` cannot be used instead: it keeps an X-Forwarded-For header a client
 * sent, so the client's real address never reaches the app, and it answers TRACE and malformed
 * paths with a 500.
 *
 * Settings: PORT (default 3000), HOST (default: every interface), and the app's own (README).
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { FRONT_FLAG, serveBehindFront } from './front.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;

if (!process.env.WAKELINE_ORIGIN?.trim()) {
  console.warn(
    `[wakeline] WAKELINE_ORIGIN is not set: writes (sign-in, edits, notes) are accepted only from pages served at http://localhost:${port}.\n` +
      '  Set it to the address people open, e.g. WAKELINE_ORIGIN=https://wakeline.example.org npm start',
  );
}

// In this process only: tells the app that the x-wakeline-peer header was set by front().
Object.assign(globalThis, { [FRONT_FLAG]: true });
const app = next({ dev: false, dir: root, hostname: host ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer();
serveBehindFront(server, (req, res) => {
  handle(req, res).catch((err) => {
    console.error('[wakeline] request failed', err);
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'The server could not answer this request. It has been logged.' } }));
    } else res.destroy();
  });
});
server.on('error', (err) => {
  console.error(`[wakeline] cannot serve on port ${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => console.log(`[wakeline] serving on http://${host ?? 'localhost'}:${port}`));

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
