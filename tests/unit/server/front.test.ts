/**
 * server/front.mjs on a real Node HTTP server. Downstream of the front is a recorder in place of
 * Next.js (the end-to-end sweep in tests/e2e/hardening.spec.ts runs the real thing): it shows what
 * the app would receive, or that the request never reached it.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_REQUEST_BYTES, ORIGINAL_METHOD_HEADER, PEER_HEADER, serveBehindFront, triage } from '@/server/front.mjs';
import { SECURITY_HEADERS } from '@/server/headers.mjs';

let server: http.Server;
let base: string;
const seen: { method?: string; headers: http.IncomingHttpHeaders; bytes: number }[] = [];

beforeAll(async () => {
  server = http.createServer();
  serveBehindFront(server, (req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, bytes });
      res.end('passed');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A raw request, so that malformed paths and unusual methods go out exactly as written. */
function raw(lines: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(base);
    const sock = net.connect(Number(port), '127.0.0.1');
    let out = '';
    sock.on('data', (d) => (out += d.toString('latin1')));
    sock.on('end', () => resolve(out));
    sock.on('error', reject);
    sock.write(lines);
    setTimeout(() => sock.end(), 300);
  });
}

describe('triage (pure)', () => {
  it('passes ordinary requests and turns unroutable API methods into OPTIONS', () => {
    expect(triage({ method: 'GET', url: '/api/voyages?x=1', headers: {} })).toEqual({ kind: 'pass' });
    expect(triage({ method: 'TRACE', url: '/api/voyages', headers: {} })).toEqual({ kind: 'pass', method: 'OPTIONS' });
    expect(triage({ method: 'FOO', url: '/api', headers: {} })).toEqual({ kind: 'pass', method: 'OPTIONS' });
  });

  it('refuses malformed paths, oversized declared bodies, and page methods other than GET and HEAD', () => {
    for (const url of ['/api/voyages/%', '/api/voyages/%E0%A4%A', '/%zz', '/api/x%00y', 'http://evil.example/']) {
      expect(triage({ method: 'GET', url, headers: {} }), url).toMatchObject({ kind: 'refuse', status: 400, code: 'invalid_path' });
    }
    expect(triage({ method: 'POST', url: '/api/dataset/import', headers: { 'content-length': String(MAX_REQUEST_BYTES + 1) } })).toMatchObject({
      kind: 'refuse',
      status: 413,
    });
    // A track import may be larger than any other body, up to its own limit.
    expect(triage({ method: 'POST', url: '/api/imports?name=a.csv', headers: { 'content-length': String(MAX_REQUEST_BYTES + 1) } })).toEqual({ kind: 'pass' });
    expect(triage({ method: 'POST', url: '/api/imports', headers: { 'content-length': String(MAX_IMPORT_BYTES + 1) } })).toMatchObject({ kind: 'refuse', status: 413 });
    expect(triage({ method: 'DELETE', url: '/', headers: {} })).toMatchObject({ kind: 'refuse', status: 405, allow: 'GET, HEAD' });
    expect(triage({ method: 'TRACE', url: '/login', headers: {} })).toMatchObject({ kind: 'refuse', status: 405 });
    // The query is the app's to read: a stray % there is not a malformed path.
    expect(triage({ method: 'GET', url: '/api/voyages?q=%', headers: {} })).toEqual({ kind: 'pass' });
  });
});

describe('front on a live server', () => {
  it('replaces a peer address the client sent with the socket address, and drops a forged method header', async () => {
    seen.length = 0;
    const out = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\n${PEER_HEADER}: 203.0.113.9\r\n${ORIGINAL_METHOD_HEADER}: TRACE\r\nConnection: close\r\n\r\n`);
    expect(out).toMatch(/passed$/);
    expect(seen[0]?.headers[PEER_HEADER]).toBe('127.0.0.1');
    expect(seen[0]?.headers[ORIGINAL_METHOD_HEADER]).toBeUndefined();
  });

  it('passes TRACE on an API path on as OPTIONS naming TRACE', async () => {
    seen.length = 0;
    const out = await raw('TRACE /api/voyages HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1.1 200/);
    expect(seen[0]?.method).toBe('OPTIONS');
    expect(seen[0]?.headers[ORIGINAL_METHOD_HEADER]).toBe('TRACE');
  });

  it('answers a malformed path 400 with the JSON error and the security headers, never reaching the app', async () => {
    seen.length = 0;
    const out = await raw('GET /api/voyages/% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1.1 400/);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(out).toContain(`${k}: ${v}`);
    expect(out).toContain("Content-Security-Policy: default-src 'none'");
    expect(JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'invalid_path' } });
    expect(seen).toEqual([]);
  });

  it('answers a request Node cannot parse (an unknown method) 400 with the JSON error and the security headers', async () => {
    const out = await raw('FOO /api/voyages HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1.1 400/);
    expect(out).toContain('X-Frame-Options: DENY');
    expect(JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers 413 to a declared 600 MB body without reading it, and closes the connection', async () => {
    seen.length = 0;
    const out = await raw(`POST /api/dataset/import HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${600 * 1024 * 1024}\r\n\r\n{"a":`);
    expect(out).toMatch(/^HTTP\/1.1 413/);
    expect(out).toMatch(/Connection: close/i);
    expect(out).toContain('"too_large"');
    expect(seen).toEqual([]);
  });
});

describe('closing a connection while the client still uploads', () => {
  /**
   * A server behind the front, in its own process (in this one, the client would read every answer
   * before the reset could arrive), whose handler refuses a body past 16 KiB as a route does.
   */
  async function refusingServer(): Promise<{ port: number; close: () => void }> {
    const script = `
      import { spawn } from 'node:child_process';
import http from 'node:http';
      const { serveBehindFront } = await import(${JSON.stringify(pathToFileURL(path.resolve('server/front.mjs')).href)});
      const s = http.createServer();
      serveBehindFront(s, (req, res) => {
        let bytes = 0;
        const onData = (chunk) => {
          bytes += chunk.length;
          if (bytes <= 16 * 1024) return;
          req.off('data', onData);
          res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
          res.end('{"error":{"code":"too_large"}}');
        };
        req.on('data', onData);
      });
      s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
      child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    });
    return { port, close: () => void child.kill() };
  }

  /** Streams up to 64 MiB (chunked) until an answer comes; resolves with what came back. */
  function upload(port: number): Promise<string> {
    return new Promise((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      let out = '';
      sock.on('data', (d) => (out += d.toString('latin1')));
      sock.on('close', () => resolve(out));
      sock.on('error', () => undefined);
      sock.write('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
      const chunk = `${(64 * 1024).toString(16)}\r\n${'a'.repeat(64 * 1024)}\r\n`;
      let sent = 0;
      const pump = () => {
        while (sent < 1024 && !sock.destroyed && out === '') {
          sent += 1;
          if (!sock.write(chunk)) return void sock.once('drain', pump);
        }
        if (!sock.destroyed && out === '') sock.end('0\r\n\r\n');
        else sock.end();
      };
      pump();
    });
  }

  it('delivers the answer every time: the server reads on after its answer instead of resetting the connection', async () => {
    const s = await refusingServer();
    try {
      const answers = [];
      // Without the lingering close nearly all of these lost their answer to a TCP reset (and, in
      // the end-to-end test against the app, about one in twelve).
      for (let i = 0; i < 60; i++) answers.push(await upload(s.port));
      expect(answers.filter((a) => !a.startsWith('HTTP/1.1 413'))).toEqual([]);
    } finally {
      s.close();
    }
  }, 60_000);
});
