/**
 * The dataset bundle: the whole evidence base as one versioned JSON file (GET /api/dataset), and
 * what importing one would do (POST /api/dataset/preview and /import). Every record of the six
 * kinds in its seed format with its bookkeeping (drafts and deleted ones included, marked), every
 * record revision, every annotation with its revisions. Accounts appear only as usernames: no
 * password hash, session or account id ever leaves in a bundle.
 */
import { z } from 'zod';
import { annotationKind, annotationSnapshotSchema, targetType } from './annotations';
import { revisionAction } from './desk-dto';
import { KIND_SEGMENTS, RECORD_KINDS, RECORD_SCHEMAS, type RecordKind, recordStatus } from './records';
import { position, slug } from './schemas';

export const DATASET_FORMAT = 'wakeline-dataset';
export const DATASET_FORMAT_VERSION = 1;

/** Bounds of an imported bundle: beyond them it is refused before any record is looked at. */
export const DATASET_LIMITS = {
  bytes: 16 * 1024 * 1024,
  recordsPerKind: 5000,
  revisions: 200_000,
  annotations: 50_000,
} as const;

/** The bundle's key for each kind: the plural URL segment (`records.vessels`). */
export type KindKey = (typeof KIND_SEGMENTS)[RecordKind];
export const KIND_KEYS = RECORD_KINDS.map((k) => KIND_SEGMENTS[k]);

const instant = z.iso.datetime();
const username = z.string().describe('The account that did it, by username (no account ids or secrets are exported).');
const snapshot = z.record(z.string(), z.unknown()).nullable();

type PerKind = { [K in RecordKind]: z.ZodType };
const perKind = (make: (kind: RecordKind) => z.ZodType): PerKind =>
  Object.fromEntries(RECORD_KINDS.map((k) => [k, make(k)])) as PerKind;

/** One record in a bundle: its seed-format fields and its bookkeeping. */
export const datasetRecordSchemas = perKind((k) =>
  RECORD_SCHEMAS[k].safeExtend({
    version: z.number().int().min(1),
    status: recordStatus,
    deletedAt: instant.nullable().describe('Set on a soft-deleted record; an import skips it.'),
    deletedBy: username.nullable(),
    pendingChange: z
      .object({ record: RECORD_SCHEMAS[k], author: username.nullable(), reason: z.string().nullable(), at: z.string() })
      .nullable()
      .describe('A proposed change to a published record, not yet published; the fields above are the published ones.'),
  }),
);

const datasetRevisionSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  recordId: slug,
  version: z.number().int().min(1),
  action: revisionAction,
  actor: username.nullable().describe('Null for the seed import.'),
  at: z.string(),
  reason: z.string().nullable(),
  before: snapshot,
  after: snapshot,
});

const datasetAnnotationSchema = z.object({
  id: z.string(),
  target: z.object({ type: targetType, id: slug }),
  parentId: z.string().nullable(),
  kind: annotationKind,
  body: z.string(),
  evidenceUrls: z.array(z.string()),
  location: position.nullable(),
  resolved: z.boolean(),
  author: username,
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  version: z.number().int().min(1),
  deletedAt: z.string().nullable(),
  deletedBy: username.nullable(),
  revisions: z.array(
    z.object({
      version: z.number().int().min(1),
      action: z.enum(['create', 'edit', 'delete', 'restore']),
      actor: username,
      at: z.string(),
      before: annotationSnapshotSchema.nullable(),
      after: annotationSnapshotSchema.nullable(),
    }),
  ),
});

const header = {
  format: z.literal(DATASET_FORMAT),
  formatVersion: z.literal(DATASET_FORMAT_VERSION),
  exportedAt: instant,
  schemaVersion: z.string().describe('The name of the last database migration applied where the bundle was made.'),
};

/** GET /api/dataset: the whole evidence base. */
export const datasetBundleSchema = z.object({
  ...header,
  records: z.object(Object.fromEntries(RECORD_KINDS.map((k) => [KIND_SEGMENTS[k], z.array(datasetRecordSchemas[k])]))),
  revisions: z.array(datasetRevisionSchema),
  annotations: z.array(datasetAnnotationSchema),
});
export type DatasetBundle = z.infer<typeof datasetBundleSchema>;
export type DatasetRecord = Record<string, unknown> & {
  id: string;
  version: number;
  status: z.infer<typeof recordStatus>;
  deletedAt: string | null;
  deletedBy: string | null;
  pendingChange: { record: Record<string, unknown>; author: string | null; reason: string | null; at: string } | null;
};

/**
 * How an import reads a bundle before looking at its records: the header exactly, and bounded
 * arrays of objects. Each record is then checked on its own (datasetDiff.ts), so one bad record
 * is reported by its path (`records.vessels[2].imo`) next to everything else the import would do.
 */
const recordObjects = z.array(z.record(z.string(), z.unknown())).max(DATASET_LIMITS.recordsPerKind);
export const datasetEnvelopeSchema = z.strictObject({
  ...header,
  records: z.strictObject({
    sources: recordObjects,
    ports: recordObjects,
    vessels: recordObjects,
    observations: recordObjects,
    voyages: recordObjects,
    claims: recordObjects,
  } satisfies Record<KindKey, typeof recordObjects>),
  revisions: z.array(z.unknown()).max(DATASET_LIMITS.revisions),
  annotations: z.array(z.unknown()).max(DATASET_LIMITS.annotations),
});
export type DatasetEnvelope = z.infer<typeof datasetEnvelopeSchema>;

export const datasetImportQuery = z.strictObject({
  file: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('The bundle\'s file name, kept in the reason of every change the import proposes ("import of <file>").'),
});

const fieldChange = z.object({
  field: z.string().describe('Dotted path of the field in the record (departure.latest).'),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof fieldChange>;

const fieldIssue = z.object({ field: z.string().describe('Path in the bundle: records.vessels[2].imo.'), message: z.string() });

export const kindReportSchema = z.object({
  added: z.array(slug).describe('New ids: imported as draft records.'),
  changed: z
    .array(z.object({ id: slug, status: recordStatus, fields: z.array(fieldChange) }))
    .describe('Existing records whose fields differ: a draft is edited in place, a published one gets a pending change.'),
  unchanged: z.number().int().min(0),
  skipped: z.array(slug).describe('Records deleted in the bundle: deletions are not imported.'),
  rejected: z
    .array(z.object({ index: z.number().int().min(0), id: z.string().nullable(), issues: z.array(fieldIssue).min(1) }))
    .describe('Records that cannot be imported, with the fields that are wrong; an import with any is refused.'),
});
export type KindReport = z.infer<typeof kindReportSchema>;

export const datasetReportSchema = z.object({
  file: z.string().nullable(),
  exportedAt: instant,
  reason: z.string().describe('The reason every proposed change carries.'),
  kinds: z.object(Object.fromEntries(KIND_KEYS.map((key) => [key, kindReportSchema]))),
});
export type DatasetReport = Omit<z.infer<typeof datasetReportSchema>, 'kinds'> & { kinds: Record<KindKey, KindReport> };

export const datasetPreviewAnswerSchema = z.object({ preview: datasetReportSchema });
export const datasetImportAnswerSchema = z.object({ imported: datasetReportSchema });

/** Component names for the OpenAPI document. */
const title = (k: RecordKind) => k[0]!.toUpperCase() + k.slice(1);
export const DATASET_COMPONENTS: Record<string, z.ZodType> = {
  DatasetBundle: datasetBundleSchema,
  DatasetRevision: datasetRevisionSchema,
  DatasetAnnotation: datasetAnnotationSchema,
  DatasetKindReport: kindReportSchema,
  DatasetReport: datasetReportSchema,
  DatasetPreviewAnswer: datasetPreviewAnswerSchema,
  DatasetImportAnswer: datasetImportAnswerSchema,
  ...Object.fromEntries(RECORD_KINDS.map((k) => [`Dataset${title(k)}`, datasetRecordSchemas[k]])),
};
