/**
 * The production server under hostile requests, sent as raw bytes (so that malformed paths and
 * unusual methods reach it exactly as written): every method × every API path in the OpenAPI
 * document and every page, malformed paths, and oversized bodies. Nothing answers 500; every
 * answer carries the security headers; refusals are the JSON error, 405s name what is allowed.
 */
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { PASSWORD, addUser } from './accounts';

const port = Number(process.env.E2E_PORT || 3107);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request on its own connection; `body` may be a number of bytes to stream (chunked). */
function raw(method: string, path: string, opts: { headers?: Record<string, string>; body?: string; chunkedBytes?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let out = Buffer.alloc(0);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const text = out.toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = text.slice(0, split).split('\r\n');
      const status = Number(head[0]?.split(' ')[1]);
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      let body = text.slice(split + 4);
      if (headers['transfer-encoding'] === 'chunked') body = body.replace(/^[0-9a-f]+\r\n|\r\n[0-9a-f]+\r\n|\r\n0\r\n\r\n$/gi, '');
      resolve({ status, headers, body });
    };
    sock.on('data', (d) => {
      out = Buffer.concat([out, d]);
    });
    sock.on('end', finish);
    // A server that answers before the body is all sent (a 413) closes while we still write: the
    // write fails (EPIPE, ECONNRESET), but the answer may already be here.
    sock.on('close', () => (out.length ? finish() : reject(new Error(`${method} ${path}: closed without an answer`))));
    sock.on('error', () => undefined);
    const headers = { Host: `127.0.0.1:${port}`, Connection: 'close', ...opts.headers };
    if (opts.body !== undefined) headers['Content-Length' as keyof typeof headers] = String(Buffer.byteLength(opts.body));
    if (opts.chunkedBytes) headers['Transfer-Encoding' as keyof typeof headers] = 'chunked';
    sock.write(`${method} ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
    if (opts.body !== undefined) sock.write(opts.body);
    if (opts.chunkedBytes) {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < opts.chunkedBytes! && !sock.destroyed && out.length === 0) {
          sent += chunk.length;
          if (!sock.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`)) return void sock.once('drain', pump);
        }
        if (!sock.destroyed && out.length === 0) sock.write('0\r\n\r\n');
      };
      sock.write(`${(10).toString(16)}\r\n{"x":"aaa"\r\n`);
      pump();
    }
  });
}

function expectSecurityHeaders(a: Answer, what: string) {
  expect(a.headers['x-content-type-options'], what).toBe('nosniff');
  expect(a.headers['x-frame-options'], what).toBe('DENY');
  expect(a.headers['content-security-policy'], what).toBeTruthy();
}

function expectJsonError(a: Answer, code: string, what: string) {
  expect(a.headers['content-type'], what).toMatch(/application\/json/);
  expect((JSON.parse(a.body) as { error: { code: string } }).error.code, what).toBe(code);
}

test('every method on every API path: no 500, security headers, 405 with Allow and a JSON error', async ({ request }) => {
  test.setTimeout(180_000);
  const doc = (await (await request.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  const paths = Object.keys(doc.paths).map((p) => p.replace('{layer}', 'land').replace(/\{\w+\}/g, 'no-such-id'));
  expect(paths.length).toBeGreaterThan(30);
  const failures: string[] = [];
  for (const path of [...paths, '/api/no/such/endpoint']) {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'M-SEARCH']) {
      const body = ['POST', 'PUT', 'PATCH'].includes(method) ? '{}' : undefined;
      const a = await raw(method, path, { body, headers: body ? { 'Content-Type': 'application/json' } : {} });
      const what = `${method} ${path} → ${a.status}`;
      if (!(a.status >= 200 && a.status < 500)) failures.push(what);
      expectSecurityHeaders(a, what);
      if (a.status === 405) {
        expect(a.headers.allow, what).toMatch(/OPTIONS/);
        expect(a.headers.allow, what).not.toContain(method);
        if (method !== 'HEAD') expectJsonError(a, 'method_not_allowed', what);
      }
    }
  }
  expect(failures).toEqual([]);
});

test('pages answer GET and HEAD, and 405 with Allow to anything else', async () => {
  for (const path of ['/', '/login', '/review', '/admin']) {
    expect((await raw('GET', path)).status, path).toBeLessThan(500);
    for (const method of ['POST', 'PUT', 'DELETE', 'TRACE', 'PROPFIND']) {
      const a = await raw(method, path, method === 'POST' ? { body: 'x=1' } : {});
      expect(a.status, `${method} ${path}`).toBe(405);
      expect(a.headers.allow).toBe('GET, HEAD');
      expectSecurityHeaders(a, `${method} ${path}`);
      expectJsonError(a, 'method_not_allowed', `${method} ${path}`);
    }
  }
});

test('malformed paths answer 400 with the JSON error and the security headers', async () => {
  for (const path of ['/api/voyages/%', '/api/voyages/%E0%A4%A', '/api/%zz/history', '/%', '/review/%c0%af', '/api/voyages/a%00b']) {
    const a = await raw('GET', path);
    expect(a.status, path).toBe(400);
    expectSecurityHeaders(a, path);
    expectJsonError(a, 'invalid_path', path);
  }
  const parser = await raw('FOO', '/api/voyages');
  expect(parser.status).toBe(400);
  expectSecurityHeaders(parser, 'FOO');
});

test('oversized bodies: a declared 600 MB body and an endless chunked one both get a 413 JSON error', async () => {
  const declared = await raw('POST', '/api/auth/login', { headers: { 'Content-Type': 'application/json', 'Content-Length': String(600 * 1024 * 1024) } });
  expect(declared.status).toBe(413);
  expectJsonError(declared, 'too_large', 'declared');
  const streamed = await raw('POST', '/api/auth/login', { headers: { 'Content-Type': 'application/json' }, chunkedBytes: 64 * 1024 * 1024 });
  expect(streamed.status).toBe(413);
  expectSecurityHeaders(streamed, 'chunked');
  expectJsonError(streamed, 'too_large', 'chunked');
});

test('sign-in follows ?next= only within the app: a tab-smuggled host lands on the dashboard', async ({ page, baseURL }) => {
  addUser('redirect-check', 'viewer');
  for (const next of ['%2F%09%2Fevil.example%2F', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example%2F', '%2F%5Cevil.example']) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${next}`);
    await page.getByLabel('Username').fill('redirect-check');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('auth-status')).toContainText('Signed in as redirect-check');
    expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
  }
  // A same-origin next keeps its path and query.
  await page.context().clearCookies();
  await page.goto(`/login?next=${encodeURIComponent('/review')}`);
  await page.getByLabel('Username').fill('redirect-check');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/review$/);
});
