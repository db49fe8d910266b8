/**
 * Domain types and zod schemas shared by the server and the browser. No I/O here.
 *
 * Geometry is GeoJSON `[lon, lat]` everywhere. Dates are ISO calendar days (`YYYY-MM-DD`, UTC);
 * a date the sources give only loosely is a window with a precision, never a fake instant.
 */
import { z } from 'zod';
import { imoCheckDigitValid, mmsiValid } from './identifiers';
import { RESERVED_IDS, dateWindow, position, recordId, slug } from './primitives';

export { dateWindow, isoDay, position, precision, slug } from './primitives';
export type { DateWindow, Position, Precision } from './primitives';

export const sourceKind = z.enum(['government', 'osint', 'news', 'imagery', 'dataset', 'multilateral', 'team', 'import']);

/** How we read a source: in the original, through a faithful mirror, or only in a report about it. */
export const sourceAccess = z.enum(['direct', 'mirror', 'secondary']);

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
  id: recordId(RESERVED_IDS.port),
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
const imo = z.string().refine(imoCheckDigitValid, 'IMO: seven digits whose last is the IMO check digit');
const mmsi = z.string().refine(mmsiValid, 'MMSI: nine digits');
const flag = z.string().regex(/^[A-Z]{2}$/, 'flag: ISO 3166-1 alpha-2');

const sanctionSchema = z.object({
  authority: z.string().min(1),
  listedOn: dateWindow.nullable(),
  /** The programme or designation reference. */
  reference: z.string().min(1).nullable(),
  /** The source's own words ("all sanctioned by US in 2022"). */
  asReported: z.string().min(1).nullable(),
  sourceIds: z.array(slug).min(1),
  notes: z.string().nullable(),
});

const identityField = z.enum(['name', 'flag', 'imo', 'mmsi', 'callSign', 'owner']);
/** How an identity value is known; `third_party_unverified` is shown as unverified, never as certain. */
const identityEvidence = z.enum(['source_stated', 'third_party_unverified', 'registry_checked']);

/** One value a vessel has carried (a name, flag, IMO, MMSI, call sign or owner), and when. */
export const identityEntrySchema = z
  .object({
    field: identityField,
    value: z.string().min(1),
    /** When the value held; null when no source dates it (never guessed). */
    window: z.object({ from: dateWindow.nullable(), to: dateWindow.nullable() }),
    evidence: identityEvidence,
    /** true: the sources give it as the current value; false: a former one; null: not said. */
    current: z.boolean().nullable(),
    sourceIds: z.array(slug).min(1),
    notes: z.string().nullable(),
  })
  .superRefine((e, ctx) => {
    const format = { imo, mmsi, flag } as const;
    if (e.field === 'imo' || e.field === 'mmsi' || e.field === 'flag') {
      const parsed = format[e.field].safeParse(e.value);
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['value'], message: parsed.error.issues[0]?.message ?? e.field });
    }
  });
export type IdentityEntry = z.infer<typeof identityEntrySchema>;

export const vesselSchema = z.object({
  id: slug,
  name: z.string().min(1),
  formerNames: z.array(z.string().min(1)),
  imo: imo.nullable(),
  imoVerification: verification.nullable(),
  mmsi: mmsi.nullable(),
  mmsiVerification: verification.nullable(),
  flag: flag.nullable(),
  type: z.string().nullable(),
  owner: z.string().nullable(),
  sanctions: z.array(sanctionSchema),
  /** Every name, flag, IMO, MMSI, call sign and owner the sources give, each with its window and evidence. */
  identityHistory: z.array(identityEntrySchema),
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

export const identificationMethod = z.enum(['named_by_source', 'identified_by_press', 'believed', 'matching', 'unidentified']);
export type IdentificationMethod = z.infer<typeof identificationMethod>;

/** Who said which ship it was, and in what words: hedged identifications stay hedged. */
export const identificationSchema = z
  .object({
    method: identificationMethod,
    /** The source(s) whose identification this is; empty only for `unidentified`. Each is one of the record's sourceIds. */
    sourceIds: z.array(slug),
    /** The source's own words ("believed to be the Lady R"). */
    words: z.string().min(1),
    /** Seed sources the words were read in, when not in `sourceIds` itself (each one of the record's sourceIds). */
    readInSourceIds: z.array(slug),
    /** Set when the team, not the source, linked the source's name to this vessel record. */
    teamReading: z.string().min(1).nullable(),
  })
  .refine((i) => (i.method === 'unidentified') === (i.sourceIds.length === 0), {
    path: ['sourceIds'],
    message: 'sourceIds is empty exactly when the method is unidentified',
  });
export type Identification = z.infer<typeof identificationSchema>;

export const voyageBasis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reported') }),
  /** The team joined two sightings of the same vessel: [sighting at origin, sighting at destination]. */
  z.object({ kind: z.literal('inferred_from_sightings'), observationIds: z.tuple([slug, slug]) }),
  z.object({ kind: z.literal('detected_from_ais') }),
]);
export type VoyageBasis = z.infer<typeof voyageBasis>;

type Ctx = z.RefinementCtx;

/**
 * A hedge field is required in every record written (seed or desk). The stored type allows null
 * because a row written before the field existed has none: it reads as "not recorded".
 */
function required(value: unknown, field: string, ctx: Ctx) {
  if (value === null) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required` });
}

/** The identification agrees with the record: unidentified exactly when no vessel, its sources among the record's. */
function checkIdentification(r: { vesselId: string | null; sourceIds: string[]; identification: Identification | null }, ctx: Ctx) {
  const i = r.identification;
  if (i === null) return;
  if ((r.vesselId === null) !== (i.method === 'unidentified')) {
    ctx.addIssue({ code: 'custom', path: ['identification', 'method'], message: 'identification.method is unidentified exactly when vesselId is null' });
  }
  const own = new Set(r.sourceIds);
  for (const key of ['sourceIds', 'readInSourceIds'] as const) {
    if (i[key].some((id) => !own.has(id))) {
      ctx.addIssue({ code: 'custom', path: ['identification', key], message: `identification.${key} must be among the record's sourceIds` });
    }
  }
}

const voyageObject = z.object({
  id: recordId(RESERVED_IDS.voyage),
  vesselId: slug.nullable(),
  originPortId: slug,
  destinationPortId: slug,
  departure: dateWindow,
  arrival: dateWindow,
  /** Only for a route someone actually observed (an AIS track); otherwise the sea route is inferred. */
  observedRoute: lineString.nullable(),
  cargo: z.string().nullable(),
  confidence,
  /** How the leg is known: a source reports it, the team inferred it from two sightings, or AIS shows it. Null: not recorded. */
  basis: voyageBasis.nullable(),
  /** Null: not recorded. */
  identification: identificationSchema.nullable(),
  sourceIds: z.array(slug).min(1),
  notes: z.string().nullable(),
});
type VoyageFields = z.infer<typeof voyageObject>;
function voyageRules(v: VoyageFields, ctx: Ctx) {
  checkIdentification(v, ctx);
  if (v.basis === null) return;
  if ((v.basis.kind === 'detected_from_ais') !== (v.observedRoute !== null)) {
    ctx.addIssue({ code: 'custom', path: ['basis'], message: 'basis is detected_from_ais exactly when observedRoute is set' });
  }
  if (v.basis.kind === 'inferred_from_sightings' && v.confidence === 'corroborated') {
    ctx.addIssue({ code: 'custom', path: ['confidence'], message: 'a leg inferred from sightings cannot be corroborated' });
  }
}
/** One leg from a port to a port, as the seed file and the desk write it (route geometry is computed). */
export const voyageSeedSchema = voyageObject.superRefine((v, ctx) => {
  required(v.basis, 'basis', ctx);
  required(v.identification, 'identification', ctx);
  voyageRules(v, ctx);
});
export type VoyageSeed = z.infer<typeof voyageSeedSchema>;

export const observationActivity = z.enum(['loading', 'unloading', 'anchored', 'drydock', 'in-port', 'departed', 'arrived']);
const observationObject = z.object({
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
  /** Null: not recorded. */
  identification: identificationSchema.nullable(),
  sourceIds: z.array(slug).min(1),
  notes: z.string().nullable(),
});
export const observationSchema = observationObject.superRefine((o, ctx) => {
  required(o.identification, 'identification', ctx);
  checkIdentification(o, ctx);
});
export type Observation = z.infer<typeof observationSchema>;

/** How the source qualified its number. `exact` = a bare number ("6,700", "two visits"). */
export const countQualifier = z.enum(['exact', 'at_least', 'about', 'more_than', 'as_many_as', 'up_to']);
export type CountQualifier = z.infer<typeof countQualifier>;

const claimObject = z.object({
  id: slug,
  /** The publisher that made the claim. */
  sourceId: slug,
  /** Seed sources the claim was read in ([]: read in sourceId itself). */
  readInSourceIds: z.array(slug),
  /** The claim in the source's words, or as close a paraphrase as the dossier gives. */
  statement: z.string().min(1),
  originPortId: slug.nullable(),
  destinationPortId: slug.nullable(),
  vesselIds: z.array(slug),
  period: dateWindow.nullable(),
  /** The figure the source states, never summed or rounded. */
  count: z.number().int().nonnegative().nullable(),
  /** How the source qualified it; null with no count (or, for a claim stored before the field existed, not recorded). */
  countQualifier: countQualifier.nullable(),
  /** The source's words for the number ("over 20,000"). */
  countAsReported: z.string().min(1).nullable(),
  countUnit: z.string().nullable(),
  notes: z.string().nullable(),
});
type ClaimFields = z.infer<typeof claimObject>;
function claimRules(c: ClaimFields, ctx: Ctx, strict: boolean) {
  const has = c.count !== null;
  if (strict && has !== (c.countQualifier !== null)) {
    ctx.addIssue({ code: 'custom', path: ['countQualifier'], message: 'countQualifier is required with a count and forbidden without one' });
  }
  if (strict && has !== (c.countAsReported !== null)) {
    ctx.addIssue({ code: 'custom', path: ['countAsReported'], message: 'countAsReported is required with a count and forbidden without one' });
  }
  if (has && c.countUnit === null) ctx.addIssue({ code: 'custom', path: ['countUnit'], message: 'a count needs a unit' });
  if (c.readInSourceIds.includes(c.sourceId)) ctx.addIssue({ code: 'custom', path: ['readInSourceIds'], message: 'readInSourceIds must not repeat sourceId' });
}
export const claimSchema = claimObject.superRefine((c, ctx) => claimRules(c, ctx, true));
export type Claim = z.infer<typeof claimSchema>;

/** The seed files (data/seed/*.json): every record states its hedges; none is left "not recorded". */
export const seedSchema = z.object({
  sources: z.array(sourceSchema),
  ports: z.array(portSchema),
  vessels: z.array(vesselSchema),
  voyages: z.array(voyageSeedSchema.safeExtend({ basis: voyageBasis, identification: identificationSchema })),
  observations: z.array(observationSchema.safeExtend({ identification: identificationSchema })),
  claims: z.array(claimSchema),
});
export type Seed = z.infer<typeof seedSchema>;
