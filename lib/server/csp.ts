/**
 * The Content-Security-Policy of every page, made per request by proxy.ts.
 *
 * Scripts: only those carrying this request's nonce ('strict-dynamic' lets them load the app's
 * chunks), never inline code without it. Next.js reads the nonce from the policy on the request
 * and puts it on its own scripts, which is why every page is rendered at request time (the root
 * layout waits for the connection). 'unsafe-eval' only in development, where React's error
 * overlay needs it.
 *
 * Styles keep 'unsafe-inline': Leaflet positions every tile, marker and pane with inline styles,
 * and React writes style attributes. (A nonce in style-src would switch 'unsafe-inline' off.)
 *
 * A raster tile layer configured when the server starts (WAKELINE_TILE_URL, whose origin
 * lib/server/config.ts works out) is allowed for images without a rebuild. The app loads nothing
 * else from other origins.
 */
import 'server-only';

/** A fresh nonce: 128 random bits, base64 (the characters a CSP nonce-source allows). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function contentSecurityPolicy(tileOrigin: string | null, dev: boolean, nonce: string): string {
  const tiles = tileOrigin ? ` ${tileOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
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
