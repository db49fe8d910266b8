// @ts-check
/**
 * The security headers of every answer, in one place: next.config.mjs sets them on what Next.js
 * answers, server/front.mjs on what the front server answers itself. A page's
 * Content-Security-Policy is made per request (with its nonce) by proxy.ts instead.
 */
export const SECURITY_HEADERS = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
});

/** API answers are data, never documents: the strictest policy. */
export const API_CSP = "default-src 'none'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
