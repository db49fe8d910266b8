import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, tileOrigin } from '@/lib/server/csp';

describe('the Content-Security-Policy', () => {
  it('allows nothing from other origins by default', () => {
    const csp = contentSecurityPolicy({}, false);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).not.toContain('unsafe-eval');
  });
  it('allows the configured tile server for images and for the export’s fetches', () => {
    const csp = contentSecurityPolicy({ WAKELINE_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' }, false);
    expect(csp).toContain("img-src 'self' data: blob: https://a.tiles.example.org");
    expect(csp).toContain("connect-src 'self' https://a.tiles.example.org");
  });
  it('ignores a tile URL that is not http(s)', () => {
    expect(tileOrigin('javascript:alert(1)')).toBeNull();
    expect(tileOrigin('not a url')).toBeNull();
  });
});
