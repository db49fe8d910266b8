/**
 * TRANSITIONAL (issue 8), until data/seed carries the hedge fields: lets the seed files still
 * omit them (and call `count` `minCount`). A missing hedge is stored as NULL, "not recorded",
 * never guessed. Deleted when the seed data lands and seedSchema requires every hedge.
 */
import { z } from 'zod';

/**
 * `schema`, after giving a record each missing field of `defaults` and renaming the old field
 * names in `renamed` (old → new).
 */
export function withDefaults<T extends z.ZodType>(defaults: Record<string, unknown>, schema: T, renamed: Record<string, string> = {}) {
  return z.preprocess((raw: unknown): unknown => {
    if (!raw || typeof raw !== 'object') return raw;
    const out: Record<string, unknown> = { ...raw };
    for (const [from, to] of Object.entries(renamed)) {
      if (from in out && !(to in out)) out[to] = out[from];
      delete out[from];
    }
    for (const [k, v] of Object.entries(defaults)) if (!(k in out)) out[k] = v;
    return out;
  }, schema);
}
