/**
 * Auth settings from the environment, read on each use so tests can change them.
 *
 * - WAKELINE_ORIGIN: the app's public origin (e.g. https://wakeline.example.org). Decides the
 *   cookie rule and the allowed Origin of writes; without it, the request's own origin is used.
 * - WAKELINE_SESSION_IDLE_HOURS (default 8, sliding) and WAKELINE_SESSION_MAX_DAYS (default 7).
 * - WAKELINE_READ_REQUIRES_LOGIN=1: reading (pages and GET routes) needs a signed-in account.
 * - WAKELINE_TRUST_PROXY=1: take the client address from X-Forwarded-For (one trusted proxy).
 */
import 'server-only';
const num = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v && Number.isFinite(n) && n > 0 ? n : fallback;
};

export function authConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    origin: env.WAKELINE_ORIGIN ? new URL(env.WAKELINE_ORIGIN).origin : null,
    idleMs: num(env.WAKELINE_SESSION_IDLE_HOURS, 8) * 3600_000,
    absoluteMs: num(env.WAKELINE_SESSION_MAX_DAYS, 7) * 86_400_000,
    readRequiresLogin: env.WAKELINE_READ_REQUIRES_LOGIN === '1',
    trustProxy: env.WAKELINE_TRUST_PROXY === '1',
  };
}
