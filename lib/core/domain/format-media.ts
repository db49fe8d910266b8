/**
 * What GET /api/voyages answers, by media type, for the OpenAPI document: the JSON list, and each
 * download (`?format=`) with its schema.
 */
import type { Media } from './api-operation';
import { voyageListSchema } from './dto';
import { voyagesCsvSchema, voyagesCsvtSchema } from './format';
import { voyageGeoJsonAnswerSchema } from './format-geojson-flat';
import { gpxDocumentSchema } from './format-gpx';
import { kmlDocumentSchema } from './format-kml';
import type { z } from 'zod';

export const VOYAGES_CONTENT: Partial<Record<Media, z.ZodType>> = {
  'application/json': voyageListSchema,
  'application/geo+json': voyageGeoJsonAnswerSchema,
  'text/csv': voyagesCsvSchema,
  'text/plain': voyagesCsvtSchema,
  'application/vnd.google-earth.kml+xml': kmlDocumentSchema,
  'application/gpx+xml': gpxDocumentSchema,
};
