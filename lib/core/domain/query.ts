/**
 * Query-string schemas for the HTTP API, shared by the route handlers (which validate) and the
 * browser (which builds URLs). Unknown parameters are refused so a typo never silently widens a
 * result.
 */
import { z } from 'zod';
import { confidence, isoDay, slug } from './schemas';

const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const numberParam = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[-+]?(\d+(\.\d*)?|\.\d+)$/, 'expected a decimal number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

export const MAX_PAGE = 5000;
/** A JSON page is short by default; downloads (CSV, GeoJSON) take everything up to MAX_PAGE. */
export const DEFAULT_JSON_PAGE = 100;

export const voyageQuery = z
  .strictObject({
    vessel: slug.optional(),
    port: slug.optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    confidence: confidence.optional(),
    format: z.enum(['json', 'geojson', 'csv']).default('json'),
    limit: intParam(1, MAX_PAGE).optional(),
    offset: intParam(0, 10_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before "from"', path: ['to'] })
  .transform((q) => ({ ...q, limit: q.limit ?? (q.format === 'json' ? DEFAULT_JSON_PAGE : MAX_PAGE) }));
export type VoyageQuery = z.infer<typeof voyageQuery>;

export const voyageFilterKeys = ['vessel', 'port', 'from', 'to', 'confidence'] as const;
export type VoyageFilterParams = Partial<Record<(typeof voyageFilterKeys)[number], string>>;

export const portsQuery = z.strictObject({ format: z.enum(['json', 'geojson']).default('json') });

export const nearestQuery = z.strictObject({ lat: numberParam(-90, 90), lon: numberParam(-180, 180) });

export const observationsQuery = z.strictObject({ vessel: slug.optional(), port: slug.optional() });

export const claimsQuery = z.strictObject({ vessel: slug.optional(), port: slug.optional() });

export const emptyQuery = z.strictObject({});

export const idParam = slug;
