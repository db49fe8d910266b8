/**
 * Every setting the app takes from the environment, checked with zod and read once per process:
 * nothing else in lib/, app/, proxy.ts or scripts/*.ts reads process.env for the app's settings.
 *
 *   DATABASE_URL                  `file:./x.sqlite`, `file:///abs/x.sqlite`, `./x.sqlite` or `:memory:`
 *                                 (default file:./var/wakeline.sqlite, relative to the working directory),
 *                                 or PostgreSQL with PostGIS: `postgres://user:password@host:5432/db`
 *   WAKELINE_ORIGIN               the public origin, e.g. https://wakeline.example.org; decides the cookie
 *                                 rule and the allowed Origin of writes. Unset in production: writes are
 *                                 accepted only from http://localhost:PORT (server/index.mjs warns at
 *                                 start); unset in development: from the request's own origin
 *   PORT                          the port server/index.mjs listens on (default 3000)
 *   WAKELINE_SESSION_IDLE_HOURS   a session ends after this long unused (default 8, sliding)
 *   WAKELINE_SESSION_MAX_DAYS     a session ends this long after sign-in (default 7)
 *   WAKELINE_READ_REQUIRES_LOGIN  1: pages and GET routes need a signed-in account; 0 or unset: public
 *   WAKELINE_TRUSTED_PROXIES      how many reverse proxies sit in front of `npm start` (default 0): the
 *                                 client address for sign-in limits is the X-Forwarded-For entry that
 *                                 many hops left of the socket's peer (lib/server/auth/client-address.ts)
 *   WAKELINE_TRUST_PROXY          the older spelling: 1 means WAKELINE_TRUSTED_PROXIES=1, 0 means 0
 *   WAKELINE_TILE_URL             http(s) template with {z}, {x}, {y} (needs CORS for exports); unset: off
 *   WAKELINE_TILE_ATTRIBUTION     the tiles' credit line
 *   WAKELINE_TILE_MAX_ZOOM        an integer from 1 to 22 (default 18)
 *   NODE_ENV                      anything but "production" lets the dev server's eval through the CSP
 *
 * Empty counts as unset, so `WAKELINE_TILE_URL=` turns the tile layer off (the end-to-end tests
 * rely on it). Any other malformed value is fatal: instrumentation.ts calls config() as the server
 * starts, so a typo stops the start with the variable's name and how to fix it, instead of
 * silently turning tiles off, weakening the login rule, or failing every request later.
 *
 * The values are fixed for the life of the process (restart to change them). Tests that change
 * process.env call resetConfigForTests() after the change; loadConfig(env) is the pure parse.
 */
import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import type { TileLayerConfig } from '@/lib/core/domain/tile-layer';

export interface Config {
  /** A path better-sqlite3 opens, ':memory:', or a postgres:// URL (lib/server/db/connection.ts). */
  database: string;
  /** WAKELINE_ORIGIN reduced to its origin; null: use the request's own. */
  origin: string | null;
  /**
   * The only origin writes are accepted from when WAKELINE_ORIGIN is unset in production
   * (http://localhost:PORT): the Host header is never trusted for it. Null otherwise.
   */
  unconfiguredOrigin: string | null;
  session: { idleMs: number; absoluteMs: number };
  readRequiresLogin: boolean;
  /** Reverse-proxy hops in front of the server whose X-Forwarded-For entries are believed. */
  trustedProxies: number;
  tileLayer: TileLayerConfig | null;
  /** The origin the CSP allows for tile images and the export's tile fetches. */
  tileOrigin: string | null;
  production: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_DATABASE_URL = 'file:./var/wakeline.sqlite';

/** Whether a database target names PostgreSQL (postgres:// or postgresql://) rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
const TILE_TEMPLATE = /^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/;

/** `file:./x.sqlite`, `file:///abs/x.sqlite`, `./x.sqlite` or `:memory:` to a path better-sqlite3 takes. */
export function sqliteFile(url: string): string | null {
  if (url === ':memory:') return url;
  let p = url;
  if (p.startsWith('file://')) p = URL.canParse(p) ? new URL(p).pathname : '';
  else if (p.startsWith('file:')) p = p.slice('file:'.length);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return null;
  if (!p) return null;
  // The database lives outside the build: keep the bundler from tracing the whole project here.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}

/**
 * The one reading of a tile template's origin. Leaflet spreads `{s}` over the subdomains a, b and
 * c, so a leading `{s}.` becomes a CSP wildcard; elsewhere `{s}` stands for the first, as the
 * export fetches it.
 */
function tileOriginOf(template: string): string | null {
  try {
    const origin = new URL(template.replace(/^(https?:\/\/)\{s\}\./, '$1s.').replace(/\{[a-z]\}/g, 'a')).origin;
    if (!/^https?:\/\//.test(origin)) return null;
    return /^https?:\/\/\{s\}\./.test(template) ? origin.replace(/^(https?:\/\/)s\./, '$1*.') : origin;
  } catch {
    return null;
  }
}

const unsetIfBlank = (v: unknown) => (typeof v === 'string' ? v.trim() || undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfBlank, schema.optional());

const positive = (what: string) =>
  optional(z.coerce.number({ error: `must be a positive number of ${what}` }).positive({ error: `must be a positive number of ${what}` }));

const flag = optional(z.enum(['0', '1'], { error: 'must be 1 (on) or 0 (off), or unset' }));

const envSchema = z.object({
  DATABASE_URL: optional(z.string()).transform((url = DEFAULT_DATABASE_URL, ctx) => {
    if (isPostgresUrl(url) && URL.canParse(url)) return url;
    const file = sqliteFile(url);
    if (file !== null) return file;
    ctx.issues.push({
      code: 'custom',
      input: url,
      message: 'must be a SQLite file, e.g. file:./var/wakeline.sqlite, file:///srv/wakeline.sqlite or :memory:, or a PostgreSQL URL, e.g. postgres://wakeline@localhost:5432/wakeline',
    });
    return z.NEVER;
  }),
  WAKELINE_ORIGIN: optional(
    z.url({ protocol: /^https?$/, error: "must be the app's public http(s) origin, e.g. https://wakeline.example.org, or unset" }),
  ),
  WAKELINE_SESSION_IDLE_HOURS: positive('hours, e.g. 8'),
  WAKELINE_SESSION_MAX_DAYS: positive('days, e.g. 7'),
  WAKELINE_READ_REQUIRES_LOGIN: flag,
  WAKELINE_TRUSTED_PROXIES: optional(
    z.coerce
      .number({ error: 'must be the number of reverse proxies in front, an integer from 0 to 10' })
      .int({ error: 'must be the number of reverse proxies in front, an integer from 0 to 10' })
      .min(0, { error: 'must be the number of reverse proxies in front, an integer from 0 to 10' })
      .max(10, { error: 'must be the number of reverse proxies in front, an integer from 0 to 10' }),
  ),
  WAKELINE_TRUST_PROXY: flag,
  WAKELINE_TILE_URL: optional(z.string()).transform((url, ctx) => {
    if (url === undefined) return null;
    const origin = TILE_TEMPLATE.test(url) ? tileOriginOf(url) : null;
    if (origin !== null) return { url, origin };
    ctx.issues.push({
      code: 'custom',
      input: url,
      message: 'must be an http(s) URL with {z}, {x} and {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.png, or empty for no tile layer',
    });
    return z.NEVER;
  }),
  WAKELINE_TILE_ATTRIBUTION: optional(z.string()),
  WAKELINE_TILE_MAX_ZOOM: optional(
    z.coerce
      .number({ error: 'must be an integer from 1 to 22' })
      .int({ error: 'must be an integer from 1 to 22' })
      .min(1, { error: 'must be an integer from 1 to 22' })
      .max(22, { error: 'must be an integer from 1 to 22' }),
  ),
  PORT: optional(z.coerce.number({ error: 'must be a port number from 1 to 65535' }).int().min(1).max(65535)),
  NODE_ENV: optional(z.string()),
});

/** Reads and checks the settings from `env`; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const bad = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // The database URL may one day carry a password: never echo it.
      const got = name === 'DATABASE_URL' ? '' : ` (got ${JSON.stringify(env[name])})`;
      return { name, line: `${name} ${issue.message}${got}.` };
    });
    throw new ConfigError(
      bad.map((b) => b.name),
      `loadConfig: fix ${bad.length === 1 ? 'this setting' : 'these settings'} in the environment and start again:\n${bad.map((b) => `  ${b.line}`).join('\n')}`,
    );
  }
  const e = parsed.data;
  const tiles = e.WAKELINE_TILE_URL;
  return {
    database: e.DATABASE_URL,
    origin: e.WAKELINE_ORIGIN ? new URL(e.WAKELINE_ORIGIN).origin : null,
    unconfiguredOrigin: !e.WAKELINE_ORIGIN && e.NODE_ENV === 'production' ? `http://localhost:${e.PORT ?? 3000}` : null,
    session: {
      idleMs: (e.WAKELINE_SESSION_IDLE_HOURS ?? 8) * 3600_000,
      absoluteMs: (e.WAKELINE_SESSION_MAX_DAYS ?? 7) * 86_400_000,
    },
    readRequiresLogin: e.WAKELINE_READ_REQUIRES_LOGIN === '1',
    trustedProxies: e.WAKELINE_TRUSTED_PROXIES ?? (e.WAKELINE_TRUST_PROXY === '1' ? 1 : 0),
    tileLayer: tiles
      ? {
          url: tiles.url,
          attribution: e.WAKELINE_TILE_ATTRIBUTION ?? 'Tiles: see WAKELINE_TILE_ATTRIBUTION',
          maxZoom: e.WAKELINE_TILE_MAX_ZOOM ?? 18,
        }
      : null,
    tileOrigin: tiles?.origin ?? null,
    production: e.NODE_ENV === 'production',
  };
}

// One copy per process even when Next.js loads this module in more than one bundle.
const KEY = Symbol.for('wakeline.config');
const holder = globalThis as { [KEY]?: Config };

/** The settings, read from process.env on the first call; throws a ConfigError if one is malformed. */
export function config(): Config {
  return (holder[KEY] ??= loadConfig(process.env));
}

/** Forgets the settings read so far, so a test that changed process.env sees the change. */
export function resetConfigForTests(): void {
  delete holder[KEY];
}

/**
 * The folder for files kept beside the database (import uploads): the SQLite file's own, or var/
 * under the working directory for PostgreSQL and a database in memory.
 */
export function dataDirectory(): string {
  const { database } = config();
  if (database === ':memory:' || isPostgresUrl(database)) return path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'var');
  return path.dirname(database);
}
