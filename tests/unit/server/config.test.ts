import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, config, loadConfig, resetConfigForTests } from '@/lib/server/config';

/** The ConfigError loadConfig throws for `env`, or a failure if it accepts it. */
function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      database: path.resolve('var/wakeline.sqlite'),
      origin: null,
      unconfiguredOrigin: null,
      session: { idleMs: 8 * 3600_000, absoluteMs: 7 * 86_400_000 },
      readRequiresLogin: false,
      trustedProxies: 0,
      tileLayer: null,
      tileOrigin: null,
      production: false,
    });
  });

  it('treats an empty or blank value as unset', () => {
    expect(loadConfig({ WAKELINE_TILE_URL: '', WAKELINE_ORIGIN: ' ', DATABASE_URL: '', WAKELINE_SESSION_IDLE_HOURS: '' })).toEqual(loadConfig({}));
  });

  describe('DATABASE_URL', () => {
    it('takes file: URLs, plain paths and :memory:', () => {
      expect(loadConfig({ DATABASE_URL: 'file:./tmp/a.sqlite' }).database).toBe(path.resolve('tmp/a.sqlite'));
      expect(loadConfig({ DATABASE_URL: 'file:///srv/w.sqlite' }).database).toBe('/srv/w.sqlite');
      expect(loadConfig({ DATABASE_URL: './b.sqlite' }).database).toBe(path.resolve('b.sqlite'));
      expect(loadConfig({ DATABASE_URL: ':memory:' }).database).toBe(':memory:');
    });
    it('takes a PostgreSQL URL as it is', () => {
      expect(loadConfig({ DATABASE_URL: 'postgres://u:secret@db:5432/wakeline' }).database).toBe('postgres://u:secret@db:5432/wakeline');
      expect(loadConfig({ DATABASE_URL: 'postgresql://db/wakeline' }).database).toBe('postgresql://db/wakeline');
    });
    it('refuses a URL with no path or of another database, without echoing it', () => {
      expect(refusal({ DATABASE_URL: 'file:' }).variables).toEqual(['DATABASE_URL']);
      const err = refusal({ DATABASE_URL: 'mysql://u:secret@db/wakeline' });
      expect(err.message).toMatch(/DATABASE_URL must be a SQLite file, .* or a PostgreSQL URL/);
      expect(err.message).not.toContain('secret');
    });
  });

  describe('WAKELINE_ORIGIN', () => {
    it('keeps only the origin of an http(s) URL', () => {
      expect(loadConfig({ WAKELINE_ORIGIN: 'https://wakeline.example.org/' }).origin).toBe('https://wakeline.example.org');
      expect(loadConfig({ WAKELINE_ORIGIN: 'http://localhost:3000' }).origin).toBe('http://localhost:3000');
    });
    it('in production, when unset, allows writes only from http://localhost:PORT, never from the Host header', () => {
      expect(loadConfig({ NODE_ENV: 'production' }).unconfiguredOrigin).toBe('http://localhost:3000');
      expect(loadConfig({ NODE_ENV: 'production', PORT: '8080' }).unconfiguredOrigin).toBe('http://localhost:8080');
      expect(loadConfig({ NODE_ENV: 'production', WAKELINE_ORIGIN: 'https://w.example' }).unconfiguredOrigin).toBeNull();
      expect(refusal({ PORT: 'eighty' }).variables).toEqual(['PORT']);
    });
    it.each(['wakeline.example.org', 'ftp://wakeline.example.org', 'https://'])('refuses %j, naming the variable', (value) => {
      const err = refusal({ WAKELINE_ORIGIN: value });
      expect(err.variables).toEqual(['WAKELINE_ORIGIN']);
      expect(err.message).toContain(`WAKELINE_ORIGIN must be the app's public http(s) origin`);
      expect(err.message).toContain(JSON.stringify(value));
    });
  });

  describe.each([
    ['WAKELINE_SESSION_IDLE_HOURS', 'idleMs', 3600_000],
    ['WAKELINE_SESSION_MAX_DAYS', 'absoluteMs', 86_400_000],
  ] as const)('%s', (name, field, msPerUnit) => {
    it('takes a positive number', () => {
      expect(loadConfig({ [name]: '2' }).session[field]).toBe(2 * msPerUnit);
      expect(loadConfig({ [name]: '0.5' }).session[field]).toBe(0.5 * msPerUnit);
    });
    it.each(['0', '-3', 'eight', 'Infinity'])('refuses %j', (value) => {
      const err = refusal({ [name]: value });
      expect(err.variables).toEqual([name]);
      expect(err.message).toContain(`${name} must be a positive number`);
    });
  });

  describe.each([
    ['WAKELINE_READ_REQUIRES_LOGIN', 'readRequiresLogin'],
  ] as const)('%s', (name, field) => {
    it('is on for 1 and off for 0', () => {
      expect(loadConfig({ [name]: '1' })[field]).toBe(true);
      expect(loadConfig({ [name]: '0' })[field]).toBe(false);
    });
    it.each(['yes', 'true', '2'])('refuses %j rather than guess', (value) => {
      const err = refusal({ [name]: value });
      expect(err.variables).toEqual([name]);
      expect(err.message).toContain(`${name} must be 1 (on) or 0 (off)`);
    });
  });

  describe('WAKELINE_TRUSTED_PROXIES', () => {
    it('takes a number of hops, and the older WAKELINE_TRUST_PROXY=1 as one', () => {
      expect(loadConfig({ WAKELINE_TRUSTED_PROXIES: '2' }).trustedProxies).toBe(2);
      expect(loadConfig({ WAKELINE_TRUSTED_PROXIES: '0' }).trustedProxies).toBe(0);
      expect(loadConfig({ WAKELINE_TRUST_PROXY: '1' }).trustedProxies).toBe(1);
      expect(loadConfig({ WAKELINE_TRUST_PROXY: '0' }).trustedProxies).toBe(0);
      expect(loadConfig({ WAKELINE_TRUST_PROXY: '1', WAKELINE_TRUSTED_PROXIES: '0' }).trustedProxies).toBe(0);
    });
    it.each(['-1', '1.5', 'yes', '11'])('refuses %j', (value) => {
      const err = refusal({ WAKELINE_TRUSTED_PROXIES: value });
      expect(err.variables).toEqual(['WAKELINE_TRUSTED_PROXIES']);
      expect(err.message).toContain('WAKELINE_TRUSTED_PROXIES must be the number of reverse proxies in front');
    });
    it.each(['yes', 'true', '2'])('refuses WAKELINE_TRUST_PROXY=%j rather than guess', (value) => {
      expect(refusal({ WAKELINE_TRUST_PROXY: value }).message).toContain('WAKELINE_TRUST_PROXY must be 1 (on) or 0 (off)');
    });
  });

  describe('the tile layer', () => {
    it('is on with a template, its attribution and maximum zoom', () => {
      const c = loadConfig({
        WAKELINE_TILE_URL: ' https://tiles.example.org/{z}/{x}/{y}.png ',
        WAKELINE_TILE_ATTRIBUTION: '© OpenStreetMap contributors',
        WAKELINE_TILE_MAX_ZOOM: '16',
      });
      expect(c.tileLayer).toEqual({ url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors', maxZoom: 16 });
      expect(c.tileOrigin).toBe('https://tiles.example.org');
    });
    it('defaults the attribution and the maximum zoom', () => {
      expect(loadConfig({ WAKELINE_TILE_URL: 'https://t.example.org/{z}/{x}/{y}.png' }).tileLayer).toEqual({
        url: 'https://t.example.org/{z}/{x}/{y}.png',
        attribution: 'Tiles: see WAKELINE_TILE_ATTRIBUTION',
        maxZoom: 18,
      });
    });
    it('allows every subdomain Leaflet spreads a leading {s} over', () => {
      expect(loadConfig({ WAKELINE_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' }).tileOrigin).toBe('https://*.tiles.example.org');
    });
    it.each(['javascript:alert(1)//{z}/{x}/{y}', 'not a url', 'https://tiles.example.org/tile.png', 'ftp://t.example.org/{z}/{x}/{y}'])(
      'refuses the template %j',
      (value) => {
        const err = refusal({ WAKELINE_TILE_URL: value });
        expect(err.variables).toEqual(['WAKELINE_TILE_URL']);
        expect(err.message).toContain('WAKELINE_TILE_URL must be an http(s) URL with {z}, {x} and {y}');
      },
    );
    it.each(['0', '23', '12.5', 'max'])('refuses the maximum zoom %j', (value) => {
      const err = refusal({ WAKELINE_TILE_MAX_ZOOM: value });
      expect(err.variables).toEqual(['WAKELINE_TILE_MAX_ZOOM']);
      expect(err.message).toContain('WAKELINE_TILE_MAX_ZOOM must be an integer from 1 to 22');
    });
  });

  it('reads NODE_ENV only for production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
  });

  it('names every bad variable in one message that starts with its own name', () => {
    const err = refusal({ WAKELINE_ORIGIN: 'nope', WAKELINE_TRUST_PROXY: 'yes', WAKELINE_TILE_URL: 'http://x' });
    expect(err.variables.sort()).toEqual(['WAKELINE_ORIGIN', 'WAKELINE_TILE_URL', 'WAKELINE_TRUST_PROXY']);
    expect(err.message).toMatch(/^loadConfig: fix these settings/);
    expect(err.message.split('\n')).toHaveLength(4);
  });
});

describe('config', () => {
  afterEach(() => {
    delete process.env.WAKELINE_SESSION_IDLE_HOURS;
    resetConfigForTests();
  });
  it('reads process.env once, until the reset', () => {
    process.env.WAKELINE_SESSION_IDLE_HOURS = '2';
    resetConfigForTests();
    expect(config().session.idleMs).toBe(2 * 3600_000);
    process.env.WAKELINE_SESSION_IDLE_HOURS = '3';
    expect(config().session.idleMs).toBe(2 * 3600_000);
    resetConfigForTests();
    expect(config().session.idleMs).toBe(3 * 3600_000);
  });
  it('throws the ConfigError at the first call when a value is bad', () => {
    process.env.WAKELINE_SESSION_IDLE_HOURS = 'soon';
    resetConfigForTests();
    expect(() => config()).toThrow(/WAKELINE_SESSION_IDLE_HOURS must be a positive number of hours/);
  });
});
