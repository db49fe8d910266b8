import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/server/config';
import { contentSecurityPolicy } from '@/lib/server/csp';

/** The policy for a server started with `env`, as proxy.ts makes it. */
function policyFor(env: Record<string, string>): string {
  const { tileOrigin, production } = loadConfig(env);
  return contentSecurityPolicy(tileOrigin, !production);
}

describe('the Content-Security-Policy', () => {
  it('allows nothing from other origins by default', () => {
    const csp = policyFor({ NODE_ENV: 'production' });
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).not.toContain('unsafe-eval');
  });
  it('lets the dev server evaluate code, and only the dev server', () => {
    expect(policyFor({ NODE_ENV: 'development' })).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
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
