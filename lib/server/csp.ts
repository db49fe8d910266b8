/**
 * The Content-Security-Policy of every page, made at request time so that a raster tile layer
 * configured when the server starts (WAKELINE_TILE_URL, whose origin lib/server/config.ts works
 * out) is allowed for images without a rebuild. The app loads nothing else from other origins.
 */
import 'server-only';

export function contentSecurityPolicy(tileOrigin: string | null, dev: boolean): string {
  const tiles = tileOrigin ? ` ${tileOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles}`,
    "font-src 'self'",
    // The export fetches tiles to embed them in the image.
    `connect-src 'self'${tiles}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}
