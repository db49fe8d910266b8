/**
 * The client's network address, for the sign-in limits: taken only from hops the operator trusts.
 *
 * `npm start` runs server/index.mjs, which wraps Next.js: its front (server/front.mjs) sets the
 * request header `x-wakeline-peer` to the TCP peer's address (overwriting whatever a client sent),
 * and it marks the process with `globalThis[Symbol.for('wakeline.front')] = true`. Then the chain of addresses is
 * the X-Forwarded-For entries followed by the peer, and each of the WAKELINE_TRUSTED_PROXIES
 * proxies in front appended the address it was connected from. The client is the entry that
 * many places from the right: with 0 proxies the peer itself (X-Forwarded-For is ignored, since
 * the client wrote all of it); with 1 the entry the proxy appended; with fewer entries than
 * proxies, the leftmost.
 *
 * Without that server (`next dev`, a plain `next start`) there is no trustworthy peer: Next.js
 * passes the client's own X-Forwarded-For on (it fills the header with the socket address only
 * when none came), so this falls back to its last entry, which a client can set at will. Only
 * `npm start`'s server gives addresses the limits can rely on.
 */
import 'server-only';
import { config } from '../config';

/** The header server/front.mjs sets to the socket's remote address. */
export const PEER_HEADER = 'x-wakeline-peer';
const FRONT = Symbol.for('wakeline.front');

/** True when this process runs behind server/index.mjs, which sets PEER_HEADER itself. */
function behindOwnFront(): boolean {
  return (globalThis as { [FRONT]?: unknown })[FRONT] === true;
}

/**
 * One address as written in a header, in one spelling: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as
 * IPv4, brackets and ports dropped, lower case. Empty stays empty.
 */
export function normaliseAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  return mapped ? mapped[1]! : a;
}

/**
 * The chain rule: `forwardedFor` (the X-Forwarded-For value, or null) then `peer`; the client is
 * the entry `hops` places from the right, or the leftmost when the chain is shorter.
 */
export function addressFromChain(forwardedFor: string | null, peer: string, hops: number): string {
  const forwarded = (forwardedFor ?? '').split(',').map(normaliseAddress).filter(Boolean);
  const chain = [...forwarded, normaliseAddress(peer) || 'unknown'];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}

/** The client address for this request (see the module comment for when it can be trusted). */
export function clientAddress(headers: Headers): string {
  const xff = headers.get('x-forwarded-for');
  if (behindOwnFront()) return addressFromChain(xff, headers.get(PEER_HEADER) ?? '', config().trustedProxies);
  const last = xff?.split(',').pop() ?? '';
  return normaliseAddress(last) || 'unknown';
}
