/**
 * The smallest building blocks of the domain schemas: calendar days, slugs, positions and date
 * windows. Re-exported by schemas.ts, where the rest of the app takes them from.
 */
import { z } from 'zod';

export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a calendar day YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'not a real calendar day',
  });

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug');

/**
 * Ids the API's own routes take beside a kind's /api/<kind>s/[id]: GET /api/voyages/map answers
 * for the map, so a voyage "map" could never be read. tests/unit/domain/reserved-ids.test.ts checks
 * every such route folder is listed here.
 */
export const RESERVED_IDS = { voyage: ['facets', 'map'], port: ['nearest'] } as const;

/** A record's id: a slug that none of `reserved` (its collection's own routes) is. */
export function recordId(reserved: readonly string[]) {
  return slug.refine((s) => !reserved.includes(s), {
    message: `must not be ${reserved.map((r) => `"${r}"`).join(' or ')}: the API's routes use ${reserved.length > 1 ? 'them' : 'it'}`,
  });
}

/** [lon, lat] in WGS84 degrees. */
export const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type Position = z.infer<typeof position>;

export const precision = z.enum(['day', 'month', 'year']);
export type Precision = z.infer<typeof precision>;

/**
 * A date window: the event happened at some time between the start of `earliest` and the end of
 * `latest` (both UTC days). `asReported` keeps the source's own wording ("since late August").
 */
export const dateWindow = z
  .object({
    earliest: isoDay,
    latest: isoDay,
    precision,
    asReported: z.string().min(1).optional(),
  })
  .refine((w) => w.earliest <= w.latest, { message: 'earliest must not be after latest', path: ['latest'] });
export type DateWindow = z.infer<typeof dateWindow>;

/**
 * The WHATWG form of an http(s) URL (lower-case scheme and host, default port dropped), or null
 * when it is not an absolute http(s) URL without credentials.
 * @example normaliseHttpUrl('HTTPS://Example.ORG:443/a') // 'https://example.org/a'
 */
export function normaliseHttpUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url.href;
}
