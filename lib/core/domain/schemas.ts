/**
 * Domain types and zod schemas shared by the server and the browser. No I/O here.
 *
 * Geometry is GeoJSON `[lon, lat]` everywhere. Dates are ISO calendar days (`YYYY-MM-DD`, UTC);
 * a date the sources give only loosely is a window with a precision, never a fake instant.
 */
import { z } from 'zod';

export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a calendar day YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'not a real calendar day',
  });

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug');

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

export const sourceKind = z.enum(['government', 'osint', 'news', 'imagery', 'dataset', 'multilateral', 'team']);
export type SourceKind = z.infer<typeof sourceKind>;

/** How we read a source: in the original, through a faithful mirror, or only in a report about it. */
export const sourceAccess = z.enum(['direct', 'mirror', 'secondary']);
export type SourceAccess = z.infer<typeof sourceAccess>;

export const sourceSchema = z.object({
  id: slug,
  publisher: z.string().min(1),
  title: z.string().min(1),
  url: z.url().nullable(),
  /** Null where the source has no publication date (a reference work, an undated dossier). */
  published: dateWindow.nullable(),
  kind: sourceKind,
  access: sourceAccess,
  notes: z.string().nullable(),
});
export type Source = z.infer<typeof sourceSchema>;

export const portKind = z.enum(['commercial', 'military', 'mixed']);
export const portSchema = z.object({
  id: slug,
  name: z.string().min(1),
  altNames: z.array(z.string().min(1)),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'),
  unlocode: z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/).nullable(),
  wpiNumber: z.number().int().positive().nullable(),
  position,
  approximate: z.boolean(),
  approximateReason: z.string().min(1).nullable(),
  geofenceRadiusNm: z.number().positive().max(50),
  kind: portKind.nullable(),
  sourceIds: z.array(slug).min(1),
  notes: z.string().nullable(),
});
export type Port = z.infer<typeof portSchema>;

export const verification = z.enum(['verified', 'unverified']);
export const sanctionSchema = z.object({
  authority: z.string().min(1),
  listedOn: dateWindow.nullable(),
  reference: z.string().nullable(),
  sourceIds: z.array(slug).min(1),
  notes: z.string().nullable(),
});
export type Sanction = z.infer<typeof sanctionSchema>;

export const vesselSchema = z.object({
  id: slug,
  name: z.string().min(1),
  formerNames: z.array(z.string().min(1)),
  imo: z.string().regex(/^\d{7}$/).nullable(),
  imoVerification: verification.nullable(),
  mmsi: z.string().regex(/^\d{9}$/).nullable(),
  mmsiVerification: verification.nullable(),
  flag: z.string().regex(/^[A-Z]{2}$/).nullable(),
  type: z.string().nullable(),
  owner: z.string().nullable(),
  sanctions: z.array(sanctionSchema),
  sourceIds: z.array(slug).min(1),
  notes: z.string().nullable(),
});
export type Vessel = z.infer<typeof vesselSchema>;

export const routeKind = z.enum(['inferred', 'observed']);
export type RouteKind = z.infer<typeof routeKind>;
export const confidence = z.enum(['reported', 'corroborated', 'disputed']);
export type Confidence = z.infer<typeof confidence>;

export const lineString = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(position).min(2),
});
export type LineStringGeometry = z.infer<typeof lineString>;

/** One leg from a port to a port, as the seed file writes it (route geometry is computed). */
export const voyageSeedSchema = z.object({
  id: slug,
  vesselId: slug.nullable(),
  originPortId: slug,
  destinationPortId: slug,
  departure: dateWindow,
  arrival: dateWindow,
  /** Only for a route someone actually observed (an AIS track); otherwise the sea route is inferred. */
  observedRoute: lineString.nullable(),
  cargo: z.string().nullable(),
  confidence,
  sourceIds: z.array(slug).min(1),
  notes: z.string().nullable(),
});
export type VoyageSeed = z.infer<typeof voyageSeedSchema>;

export const observationActivity = z.enum(['loading', 'unloading', 'anchored', 'drydock', 'in-port', 'departed', 'arrived']);
export const observationSchema = z.object({
  id: slug,
  vesselId: slug.nullable(),
  /** A free description when the sources do not name the vessel ("a cargo-passenger ferry"). */
  vesselDescription: z.string().nullable(),
  portId: slug.nullable(),
  /** Only where a source gives a place that is not one of our ports. */
  position: position.nullable(),
  placeName: z.string().nullable(),
  activity: observationActivity,
  window: dateWindow,
  sourceIds: z.array(slug).min(1),
  notes: z.string().nullable(),
});
export type Observation = z.infer<typeof observationSchema>;

export const claimSchema = z.object({
  id: slug,
  sourceId: slug,
  /** The claim in the source's words, or as close a paraphrase as the dossier gives. */
  statement: z.string().min(1),
  originPortId: slug.nullable(),
  destinationPortId: slug.nullable(),
  vesselIds: z.array(slug),
  period: dateWindow.nullable(),
  minCount: z.number().int().nonnegative().nullable(),
  countUnit: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Claim = z.infer<typeof claimSchema>;

export const seedSchema = z.object({
  sources: z.array(sourceSchema),
  ports: z.array(portSchema),
  vessels: z.array(vesselSchema),
  voyages: z.array(voyageSeedSchema),
  observations: z.array(observationSchema),
  claims: z.array(claimSchema),
});
export type Seed = z.infer<typeof seedSchema>;
