/** GET /api/voyages/map in the API contract (api-contract.ts; the answer is described in voyage-map.ts). */
import type { Method, Operation } from './api-operation';
import { voyageMapQuery, voyageMapSchema } from './voyage-map';

export function voyageMapOperation(reads: Operation['errors']): Partial<Record<Method, Operation>> {
  return {
    get: {
      summary: 'Every voyage matching the filters (no page cap), for the map: routes quantised and sent once each, properties by column',
      query: voyageMapQuery,
      ok: { status: '200', content: { 'application/json': voyageMapSchema }, headers: ['X-Total-Count', 'ETag'] },
      errors: reads,
      etag: true,
    },
  };
}

/** The answer's named schema in the OpenAPI document (openapi.ts). */
export const VOYAGE_MAP_COMPONENTS = { VoyageMap: voyageMapSchema };
