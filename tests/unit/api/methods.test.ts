/**
 * The sweep: every API route file × every method × ordinary and hostile path parameters, called as
 * Next.js calls them, against a real temporary database with an admin signed in. No answer is a
 * 500; a method a route does not serve answers 405 with `Allow` and the JSON error; OPTIONS
 * answers 204 with the same `Allow`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGINAL_METHOD_HEADER as APP_METHOD_HEADER } from '@/server/front.mjs';
import { openTeamDatabase } from '../helpers';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const root = path.resolve(__dirname, '../../..');

/** app/api/**\/route.ts, as [URL pattern, module path]. */
function routeFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'route.ts') out.push(path.relative(root, p));
    }
  };
  walk(path.join(root, 'app/api'));
  return out.sort();
}

const FILES = routeFiles();
const HOSTILE = ['%', '..', '../../etc/passwd', '\u0000', 'a'.repeat(5000), '__proto__', 'constructor', "' or 1=1 --", '<script>', 'ü', '-1', '1e309'];
let team: Awaited<ReturnType<typeof openTeamDatabase>>;
const modules = new Map<string, Record<string, Handler>>();

beforeAll(async () => {
  team = await openTeamDatabase('methods');
  for (const file of FILES) modules.set(file, (await import(`@/${file.replace(/\.ts$/, '')}`)) as Record<string, Handler>);
}, 60_000);
afterAll(async () => team.close());

/** The params a route file's folders ask for: [id], [layer], [...path]. */
function paramsFor(file: string, value: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const m of file.matchAll(/\[(\.\.\.)?(\w+)\]/g)) params[m[2]!] = m[1] ? [value] : value;
  return params;
}

async function call(file: string, method: string, value: string, headers: Record<string, string> = {}) {
  const handler = modules.get(file)?.[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  const body = ['POST', 'PUT', 'PATCH'].includes(method) ? '{"x":1}' : undefined;
  const request = new Request('http://localhost/api/sweep', {
    method,
    body,
    headers: { cookie: team.cookies.admin, origin: 'http://localhost', 'content-type': 'application/json', ...headers },
  });
  return handler(request, { params: Promise.resolve(paramsFor(file, value)) });
}

describe('every API route answers every method', () => {
  it('finds the route files', () => {
    expect(FILES.length).toBeGreaterThan(40);
  });

  it('exports all seven methods from every route file', () => {
    for (const file of FILES) {
      const mod = modules.get(file)!;
      for (const m of METHODS) expect(typeof mod[m], `${file} ${m}`).toBe('function');
    }
  });

  it('answers OPTIONS 204 with Allow, and each method outside Allow 405 with Allow and a JSON error', async () => {
    for (const file of FILES) {
      if (file.includes('[...path]')) continue;
      const options = await call(file, 'OPTIONS', 'x');
      expect(options.status, file).toBe(204);
      const allow = options.headers.get('allow')!.split(', ');
      expect(allow, file).toContain('OPTIONS');
      for (const m of METHODS) {
        if (allow.includes(m)) continue;
        const res = await call(file, m, 'x');
        expect(res.status, `${file} ${m}`).toBe(405);
        expect(res.headers.get('allow'), `${file} ${m}`).toBe(allow.join(', '));
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('method_not_allowed');
        expect(body.error.message).toContain(m);
      }
    }
  });

  it('answers a method the front server passed on as OPTIONS (TRACE, made-up ones) 405 naming it', async () => {
    for (const file of FILES) {
      if (file.includes('[...path]')) continue;
      for (const original of ['TRACE', 'CONNECT', 'PROPFIND']) {
        const res = await call(file, 'OPTIONS', 'x', { [APP_METHOD_HEADER]: original });
        expect(res.status, `${file} ${original}`).toBe(405);
        expect(res.headers.get('allow')).toMatch(/OPTIONS/);
        expect(((await res.json()) as { error: { message: string } }).error.message).toContain(original);
      }
    }
  });

  it('never answers 500 for any method with any path parameter', async () => {
    const failures: string[] = [];
    for (const file of FILES) {
      const values = file.includes('[') ? HOSTILE : ['x'];
      for (const m of METHODS) {
        for (const v of values) {
          const res = await call(file, m, v);
          if (res.status >= 500) failures.push(`${m} ${file} ${JSON.stringify(v.slice(0, 20))} → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
