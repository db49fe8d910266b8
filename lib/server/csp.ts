/**
 * The Content-Security-Policy of every page, made at request time so that a raster tile layer
 * configured when the server starts (WAKELINE_TILE_URL) is allowed for images without a rebuild.
 * The app loads nothing else from other origins.
 */
import 'server-only';
export function tileOrigin(tileUrl: string | undefined): string | null {
  if (!tileUrl) return null;
  try {
    const origin = new URL(tileUrl.replace(/\{[a-z]\}/g, 'a')).origin;
    return /^https?:\/\//.test(origin) ? origin : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(env: { WAKELINE_TILE_URL?: string }, dev: boolean): string {
  const tiles = tileOrigin(env.WAKELINE_TILE_URL?.trim());
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self'",
    // The export fetches tiles to embed them in the image.
    `connect-src 'self'${tiles ? ` ${tiles}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}
