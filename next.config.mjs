// @ts-check
import { API_CSP, SECURITY_HEADERS } from './server/headers.mjs';

/**
 * Security headers on every response (server/headers.mjs). The Content-Security-Policy of pages
 * is set per request by proxy.ts, so that a tile layer configured at start-up is allowed without
 * a rebuild.
 */
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pg'],
  async headers() {
    const common = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [
      { source: '/:path*', headers: common },
      // Pages get theirs from proxy.ts.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
    ];
  },
};

export default nextConfig;
