/**
 * mulberry32: a tiny seeded pseudo-random generator (uniform in [0, 1)), so synthetic tracks are
 * the same on every run and machine. The benchmarks' generated data uses it too (scripts/bench/random.ts).
 *
 * @param seed - any integer (taken modulo 2^32)
 * @returns a function giving the next number in [0, 1)
 * @example
 * const rand = mulberry32(42);
 * rand(); // 0.6011037519201636, the same on every run
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
