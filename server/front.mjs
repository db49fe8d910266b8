// @ts-check
/**
 * The front of the production server: what is checked on the raw Node.js request before Next.js
 * sees it, because Next.js cannot (or answers it with a 500):
 *
 * - the client's TCP address, put in the `x-wakeline-peer` request header (any value a client
 *   sent is replaced): the only address the sign-in limits can trust (lib/server/auth/client-address.ts);
 * - a path whose %-escapes do not decode (`/api/voyages/%`): 400;
 * - a method Next.js cannot route (TRACE, CONNECT, made-up ones): on an API path it becomes an
 *   OPTIONS with the real method in `x-wakeline-method`, so the route answers 405 with its own
 *   `Allow` (app/api/_lib/methods.ts); on a page, 405 here. A page answers only GET and HEAD;
 * - a declared body larger than any route reads (MAX_REQUEST_BYTES): 413 before a byte is read.
 *   Bodies without a length are counted by the route as it streams them (lib/server/request-body.ts).
 *
 * Every answer made here is the JSON error shape of the API, with the security headers.
 */
import { API_CSP, SECURITY_HEADERS } from './headers.mjs';

/** The largest body any route reads: a dataset bundle (DATASET_LIMITS.bytes, 16 MiB). */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
/** A track file sent to POST /api/imports (IMPORT_MAX_BYTES, 512 MiB), streamed to disk by the route. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
export const PEER_HEADER = 'x-wakeline-peer';
export const ORIGINAL_METHOD_HEADER = 'x-wakeline-method';
/** Set on globalThis by server/index.mjs: the app then knows PEER_HEADER came from here. */
export const FRONT_FLAG = Symbol.for('wakeline.front');

const ROUTABLE = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);
const PAGE_METHODS = new Set(['GET', 'HEAD']);

/**
 * @typedef {{ kind: 'pass', method?: string }
 *   | { kind: 'refuse', status: number, code: string, message: string, allow?: string }} Verdict
 */

/**
 * True when every %-escape of the path decodes to UTF-8 and the path has no control characters.
 * @param {string} pathname
 */
function pathDecodes(pathname) {
  try {
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathname));
  } catch {
    return false;
  }
}

/**
 * What to do with a request, from its method, raw URL and headers. Pure: the server applies it.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} req
 * @returns {Verdict}
 */
export function triage(req) {
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = req.url ?? '/';
  const pathname = raw.split('?')[0] ?? '/';
  if (!pathname.startsWith('/') || !pathDecodes(pathname)) {
    return { kind: 'refuse', status: 400, code: 'invalid_path', message: 'The path is malformed (a %-escape does not decode, or it has control characters).' };
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  const limit = pathname === '/api/imports' ? MAX_IMPORT_BYTES : MAX_REQUEST_BYTES;
  if (Number.isFinite(declared) && declared > limit) {
    return { kind: 'refuse', status: 413, code: 'too_large', message: `The body must be at most ${limit} bytes.` };
  }
  const api = pathname === '/api' || pathname.startsWith('/api/');
  if (api) return ROUTABLE.has(method) ? { kind: 'pass' } : { kind: 'pass', method: 'OPTIONS' };
  // Next.js's own files (scripts, styles, images) are read with GET and HEAD too.
  if (!PAGE_METHODS.has(method)) {
    return { kind: 'refuse', status: 405, code: 'method_not_allowed', message: `${method.slice(0, 32)} is not allowed here; pages answer GET and HEAD.`, allow: 'GET, HEAD' };
  }
  return { kind: 'pass' };
}

/** @param {string} code @param {string} message @param {Record<string, string | number>} [extra] */
function errorHead(code, message, extra = {}) {
  const body = JSON.stringify({ error: { code, message } });
  /** @type {Record<string, string | number>} */
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': API_CSP,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  };
  return { headers, body };
}

/**
 * The answer to a request Node's HTTP parser refused (an unknown method such as FOO, a malformed
 * request line, headers too large), as raw bytes for the socket: the JSON error with the security
 * headers rather than Node's bare `400`.
 * @param {NodeJS.ErrnoException} err
 */
function clientErrorResponse(err) {
  const large = err.code === 'HPE_HEADER_OVERFLOW';
  const status = large ? 431 : 400;
  const { headers, body } = large
    ? errorHead('headers_too_large', 'The request headers are too large.', { Connection: 'close' })
    : errorHead('bad_request', 'The request is malformed (its method, request line or headers cannot be read).', { Connection: 'close' });
  const reason = large ? 'Request Header Fields Too Large' : 'Bad Request';
  return `HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Applies the verdict: either prepares the request for Next.js (returns true) or answers it (false).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function front(req, res) {
  delete req.headers[ORIGINAL_METHOD_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
  const verdict = triage(req);
  if (verdict.kind === 'pass') {
    if (verdict.method) {
      req.headers[ORIGINAL_METHOD_HEADER] = (req.method ?? '').slice(0, 32);
      req.method = verdict.method;
    }
    return true;
  }
  const { headers, body } = errorHead(verdict.code, verdict.message, {
    ...(verdict.allow ? { Allow: verdict.allow } : {}),
    // The body (if any) is not read: close the connection rather than drain it.
    ...(verdict.status === 413 ? { Connection: 'close' } : {}),
  });
  res.writeHead(verdict.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  return false;
}

/** How long a closing connection keeps reading (and discarding) what the client still sends. */
const LINGER_MS = 2000;

/**
 * Makes Node's close of a connection a "lingering close" (RFC 9112 §9.6): send the answer and a
 * FIN, then read and discard what the client is still sending until it stops or LINGER_MS pass,
 * and only then close. Node closes at once (`destroySoon`), and closing a socket with unread bytes
 * sends a TCP reset, which makes the client's system drop the answer it has not read yet: a 413
 * to a body still being uploaded would then arrive as "connection reset" instead.
 * @param {import('node:net').Socket} socket
 */
function lingerOnClose(socket) {
  if (Object.hasOwn(socket, 'destroySoon')) return;
  socket.destroySoon = function lingeringClose() {
    if (this.destroyed) return;
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    this.once('end', () => this.destroy());
    if (this.writable) this.end();
    // The answer is complete: nothing more is parsed. Bytes still arriving go nowhere, without
    // the parser's back-pressure (a paused request would stop the reading and so the draining).
    this.removeAllListeners('data');
    this.on('data', () => undefined);
    this.resume();
  };
}

/**
 * Serves `handle` (Next.js's request handler) behind the front on `server`: requests go through
 * front(), and requests Node's parser refuses get clientErrorResponse().
 * @param {import('node:http').Server} server
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} handle
 */
export function serveBehindFront(server, handle) {
  server.on('request', (req, res) => {
    lingerOnClose(req.socket);
    if (front(req, res)) handle(req, res);
  });
  server.on('clientError', (err, socket) => {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    socket.end(clientErrorResponse(err));
  });
}
