/**
 * What the evidence desk's endpoints take and answer, as zod schemas (the OpenAPI document is
 * generated from them). A record answers in its seed format plus the desk's bookkeeping: its
 * `version`, `status` and, for a published record with a proposed change, `pendingChange`.
 */
import { z } from 'zod';
import { userRefSchema } from './annotations';
import { RECORD_KINDS, RECORD_SCHEMAS, type RecordKind, recordKind, recordStatus } from './records';
import { slug } from './schemas';

const version = z.number().int().min(1).max(999_999_999);
const reason = z.string().trim().min(1).max(2000);

const pendingChangeSchema = z.object({
  author: userRefSchema.nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

const bookkeeping = {
  version: version.describe('Send it back with an edit, publish or delete: a stale one answers 409.'),
  status: recordStatus.describe('draft: not yet published by a second team member; only signed-in readers see it.'),
  pendingChange: pendingChangeSchema
    .nullable()
    .describe('A proposed change to a published record, not yet published; its values are shown to the team only.'),
};

type Schemas = { [K in RecordKind]: z.ZodType };
const perKind = (make: (kind: RecordKind) => z.ZodType): Schemas =>
  Object.fromEntries(RECORD_KINDS.map((k) => [k, make(k)])) as Schemas;

/** One record as the desk answers it. */
const deskRecordSchemas = perKind((k) => RECORD_SCHEMAS[k].safeExtend(bookkeeping));
/** `{ record }`: the answer of every write and of GET /api/{kind}/{id}. */
export const recordAnswerSchemas = perKind((k) => z.object({ record: deskRecordSchemas[k] }));

/** POST /api/{kind}: the record's fields; the id is made from its name or title when not given. */
export const createInputs = perKind((k) =>
  z.strictObject({ ...RECORD_SCHEMAS[k].shape, id: slug.optional().describe('A slug; made from the name or title when absent.') }),
);

/** PATCH /api/{kind}/{id}: the version it started from, the fields that change, and why. */
export const updateInputs = perKind((k) => {
  const { id: _id, ...fields } = RECORD_SCHEMAS[k].shape;
  return z.strictObject({
    ...Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, (field as z.ZodType).optional()])),
    version,
    reason: reason.optional().describe('Required when the record is published: the change is proposed, with this reason, for review.'),
  });
});

export const publishInput = z.strictObject({
  version,
  reason: reason.optional().describe('Required when an admin publishes their own change; kept in the history.'),
});

export const revisionAction = z.enum(['create', 'edit', 'propose', 'publish', 'delete', 'restore']);
export type RevisionAction = z.infer<typeof revisionAction>;

const snapshot = z.record(z.string(), z.unknown()).nullable();

const recordRevisionSchema = z.object({
  version,
  action: revisionAction,
  actor: userRefSchema.nullable().describe('Null for the seed import.'),
  at: z.string(),
  reason: z.string().nullable(),
  before: snapshot,
  after: snapshot,
});
export const recordHistorySchema = z.object({ revisions: z.array(recordRevisionSchema) });

export const reviewItemSchema = z.object({
  kind: recordKind,
  id: slug,
  label: z.string(),
  status: recordStatus,
  version,
  author: userRefSchema.nullable(),
  reason: z.string().nullable(),
  at: z.string(),
  before: snapshot.describe('The published record; null for a draft never published.'),
  after: snapshot.describe('The draft or the proposed record.'),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export const reviewAnswerSchema = z.object({ items: z.array(reviewItemSchema) });

/** Component names for the OpenAPI document (answers, then request bodies). */
const title = (k: RecordKind) => k[0]!.toUpperCase() + k.slice(1);
export const DESK_ANSWER_COMPONENTS: Record<string, z.ZodType> = {
  PendingChange: pendingChangeSchema,
  RecordRevision: recordRevisionSchema,
  RecordHistory: recordHistorySchema,
  ReviewItem: reviewItemSchema,
  ReviewAnswer: reviewAnswerSchema,
  ...Object.fromEntries(RECORD_KINDS.flatMap((k) => [[`Desk${title(k)}`, deskRecordSchemas[k]], [`Desk${title(k)}Answer`, recordAnswerSchemas[k]]])),
};
export const DESK_REQUEST_COMPONENTS: Record<string, z.ZodType> = {
  PublishInput: publishInput,
  ...Object.fromEntries(RECORD_KINDS.flatMap((k) => [[`Create${title(k)}Input`, createInputs[k]], [`Update${title(k)}Input`, updateInputs[k]]])),
};
