/**
 * Voyages as a flat GeoJSON FeatureCollection (`/api/voyages?format=geojson-flat`): one scalar per
 * property, so GDAL and QGIS read typed columns (Date, Real, Integer, String) where the nested
 * `?format=geojson` (which the map reads, and which stays as it is) gives JSON strings.
 */
import type { LineString } from 'geojson';
import { z } from 'zod';
import type { VoyageSummary } from './dto';
import { voyageFeatureCollectionSchema } from './format';
import { type FlatFieldType, VOYAGE_FLAT_FIELDS, type VesselIdentifiers, flatVoyageRow, realText } from './format-flat';
import { type LineStringGeometry, isoDay, lineString, slug } from './schemas';

/**
 * The collection as text. Written by hand, not by JSON.stringify, because JSON.stringify writes
 * 260.0 as `260`, and GDAL would then type a column of whole metrics as Integer.
 * @example JSON.parse(voyagesToFlatGeoJSON([{ ...voyage, route }])).features[0].properties.route_nm // 260.2
 */
export function voyagesToFlatGeoJSON(
  voyages: readonly (VoyageSummary & { route: LineString | LineStringGeometry })[],
  vessels?: ReadonlyMap<string, VesselIdentifiers>,
): string {
  const features = voyages.map((v) => {
    const row = flatVoyageRow(v, vessels);
    const props = VOYAGE_FLAT_FIELDS.map(([name, type]) => {
      const value = row[name];
      const text = value === null ? 'null' : typeof value === 'number' && type === 'Real' ? realText(value) : JSON.stringify(value);
      return `${JSON.stringify(name)}:${text}`;
    });
    const geometry = JSON.stringify({ type: 'LineString', coordinates: v.route.coordinates.map(([lon, lat]) => [lon, lat]) });
    return `{"type":"Feature","id":${JSON.stringify(v.id)},"geometry":${geometry},"properties":{${props.join(',')}}}`;
  });
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

const FIELD_SCHEMA: Record<FlatFieldType, z.ZodType> = {
  String: z.string(),
  Integer: z.number().int(),
  Real: z.number(),
  Date: isoDay,
};

export const voyageFlatFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: slug,
        geometry: lineString,
        properties: z.object(
          Object.fromEntries(VOYAGE_FLAT_FIELDS.map(([name, type]) => [name, FIELD_SCHEMA[type].nullable()])) as Record<string, z.ZodType>,
        ),
      }),
    ),
  })
  .describe('Flat GeoJSON (?format=geojson-flat): one scalar per property, typed for GIS tools; null when not recorded.');

/** What `application/geo+json` answers on /api/voyages: the nested collection (the map's) or the flat one. */
export const voyageGeoJsonAnswerSchema = z.union([voyageFeatureCollectionSchema, voyageFlatFeatureCollectionSchema]);
