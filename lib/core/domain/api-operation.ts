/** The shape of one documented operation (api-contract.ts lists them; openapi.ts renders them). */
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'patch' | 'delete';
export type Media = 'application/json' | 'application/geo+json' | 'text/csv' | 'text/plain' | 'application/vnd.google-earth.kml+xml' | 'application/gpx+xml';
/** Every handler can also answer 500 (an unexpected failure, logged): the generator adds it. */
export type ErrorStatus = '400' | '401' | '403' | '404' | '409' | '413' | '415' | '429' | '500' | '503';

export interface Operation {
  summary: string;
  path?: Record<string, z.ZodType>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A request body that is not JSON (a track file): its media type and what it holds. */
  rawBody?: { media: string; description: string };
  ok: { status: '200' | '201' | '202'; content: Partial<Record<Media, z.ZodType>>; description?: string; headers?: (keyof typeof HEADERS)[] };
  /** Error answers besides the 500 every handler can give; the value overrides the description. */
  errors: Partial<Record<Exclude<ErrorStatus, '500'>, string | true>>;
  etag?: boolean;
}

export const HEADERS = {
  'X-Total-Count': { description: 'Voyages matching the filters, before paging.', schema: { type: 'integer', minimum: 0 } },
  'Set-Cookie': { description: 'The session cookie (HttpOnly, SameSite=Lax; __Host- and Secure over https).', schema: { type: 'string' } },
  ETag: { description: 'Send it back in If-None-Match to get a 304 while the data is unchanged.', schema: { type: 'string' } },
} as const;
