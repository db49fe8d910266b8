import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/server/config';
import { contentSecurityPolicy, newNonce } from '@/lib/server/csp';

const NONCE = 'bm9uY2Ugb2YgdGhlIHRlc3Q=';

/** The policy for a server started with `env`, as proxy.ts makes it. */
function policyFor(env: Record<string, string>, nonce = NONCE): string {
  const { tileOrigin, production } = loadConfig(env);
  return contentSecurityPolicy(tileOrigin, !production, nonce);
}

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('the Content-Security-Policy', () => {
  it('allows nothing from other origins by default', () => {
    const csp = policyFor({ NODE_ENV: 'production' });
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).not.toContain('unsafe-eval');
  });
  it('runs only the scripts that carry the nonce, and no inline script without it', () => {
    const scripts = directive(policyFor({ NODE_ENV: 'production' }), 'script-src');
    expect(scripts).toBe(`script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`);
    expect(scripts).not.toContain('unsafe-inline');
    expect(directive(policyFor({ NODE_ENV: 'development' }), 'script-src')).not.toContain('unsafe-inline');
  });
  it('keeps inline styles (Leaflet positions its panes with them) and gives styles no nonce, which would switch that off', () => {
    expect(directive(policyFor({ NODE_ENV: 'production' }), 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
  });
  it('lets the dev server evaluate code, and only the dev server', () => {
    expect(directive(policyFor({ NODE_ENV: 'development' }), 'script-src')).toBe(
      `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic' 'unsafe-eval'`,
    );
    expect(policyFor({ NODE_ENV: 'production' })).not.toContain('unsafe-eval');
    expect(policyFor({ NODE_ENV: 'test' })).toContain('unsafe-eval');
  });
  it('makes a new nonce every time, of 128 random bits in the characters a nonce-source allows', () => {
    const nonces = Array.from({ length: 100 }, () => newNonce());
    expect(new Set(nonces).size).toBe(100);
    for (const n of nonces) {
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(n, 'base64')).toHaveLength(16);
    }
  });
  it('allows the configured tile server for images and for the export’s fetches', () => {
    const csp = policyFor({ NODE_ENV: 'production', WAKELINE_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' });
    expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org;");
    expect(csp).toContain("connect-src 'self' https://tiles.example.org;");
  });
  it('allows all the subdomains of an {s} template, not only the first', () => {
    const csp = policyFor({ NODE_ENV: 'production', WAKELINE_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' });
    expect(csp).toContain("img-src 'self' data: blob: https://*.tiles.example.org;");
    expect(csp).toContain("connect-src 'self' https://*.tiles.example.org;");
  });
  it('allows no tile server when WAKELINE_TILE_URL is empty, as the end-to-end tests start it', () => {
    expect(policyFor({ NODE_ENV: 'production', WAKELINE_TILE_URL: '' })).toBe(policyFor({ NODE_ENV: 'production' }));
  });
  it('never starts with a tile URL that is not http(s)', () => {
    expect(() => loadConfig({ WAKELINE_TILE_URL: 'javascript:alert(1)//{z}/{x}/{y}' })).toThrow(/WAKELINE_TILE_URL/);
    expect(() => loadConfig({ WAKELINE_TILE_URL: 'not a url' })).toThrow(/WAKELINE_TILE_URL/);
  });
});
