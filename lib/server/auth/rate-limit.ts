/**
 * Failed-login limiter, in memory (one instance): at most 5 failures per account and 20 per
 * client address in 15 minutes; beyond that, 429 with Retry-After until the oldest failure ages
 * out. A successful login clears the account's count.
 */
import 'server-only';
const LOGIN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 } as const;

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly max: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    if (list.length < this.max) return 0;
    return Math.max(1, Math.ceil((list[list.length - this.max]! + this.windowMs - now) / 1000));
  }

  fail(key: string, now = Date.now()): void {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
    if (this.failures.size > 50_000) {
      for (const k of this.failures.keys()) {
        this.recent(k, now);
        if (this.failures.size <= 40_000) break;
      }
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

const holderKey = Symbol.for('wakeline.login-limits');
type Holder = { [holderKey]?: { account: FailureLimiter; address: FailureLimiter } };

export function loginLimiters() {
  const g = globalThis as Holder;
  g[holderKey] ??= {
    account: new FailureLimiter(LOGIN_LIMITS.windowMs, LOGIN_LIMITS.perAccount),
    address: new FailureLimiter(LOGIN_LIMITS.windowMs, LOGIN_LIMITS.perAddress),
  };
  return g[holderKey];
}
