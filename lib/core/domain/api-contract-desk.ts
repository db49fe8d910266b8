/**
 * The evidence desk's part of the API contract (lib/core/domain/api-contract.ts spreads it into
 * API_PATHS, which checks its shape): per kind, create, read, edit, delete, publish, restore and
 * history; and the review queue.
 */
import {
  createInputs,
  publishInput,
  recordAnswerSchemas,
  recordHistorySchema,
  reviewAnswerSchema,
  updateInputs,
} from './desk-dto';
import type { Method, Operation } from './api-operation';
import { annotationDeleteQuery, emptyQuery, idParam } from './query';
import { KIND_SEGMENTS, RECORD_KINDS, type RecordKind } from './records';

const READ_401 = 'This instance requires a login to read (WAKELINE_READ_REQUIRES_LOGIN=1) and none was given.';
const reads = { '400': true, '401': READ_401 } as const;
const writes = { '400': true, '401': true, '403': true, '413': true, '415': true } as const;
const STALE = 'The record changed since the version sent: error.details.current holds it as the team now sees it.';

type Paths = Record<string, Partial<Record<Method, Operation>>>;

function kindPaths(kind: RecordKind): Paths {
  const base = `/api/${KIND_SEGMENTS[kind]}`;
  const path = { id: idParam.describe(`The ${kind} id.`) };
  const answer = { 'application/json': recordAnswerSchemas[kind] };
  const missing = `No ${kind} has this id (or it is deleted, or a draft and you are not signed in).`;
  const one: Partial<Record<Method, Operation>> = {
    get: {
      summary: `One ${kind} in its editable form (the team sees drafts and a pending change applied)`,
      path,
      query: emptyQuery,
      ok: { status: '200', content: answer },
      errors: { ...reads, '404': missing },
    },
    patch: {
      summary: `Edit a ${kind} (editor): a draft in place; a published one as a proposed change with a reason, for review`,
      path,
      query: emptyQuery,
      body: updateInputs[kind],
      ok: { status: '200', content: answer },
      errors: { ...writes, '404': missing, '409': STALE },
    },
    delete: {
      summary: `Soft-delete a ${kind} (an editor their own draft, an admin anything); 409 in_use names the records that depend on it`,
      path,
      query: annotationDeleteQuery,
      ok: { status: '200', content: answer },
      errors: { '400': true, '401': true, '403': true, '404': missing, '409': `${STALE} Or in_use: error.details.dependents names the records citing it.` },
    },
  };
  return {
    [base]: {
      post: {
        summary: `Add a ${kind} as a draft (editor or admin; same-origin only)`,
        query: emptyQuery,
        body: createInputs[kind],
        ok: { status: '201', content: answer },
        errors: { ...writes, '409': 'The id is taken.' },
      },
    },
    [`${base}/{id}`]: kind === 'voyage' ? { patch: one.patch!, delete: one.delete! } : one,
    // GET /api/voyages/{id} is the voyage's detail (route, metrics, evidence): its editable form has a path of its own.
    ...(kind === 'voyage' ? { [`${base}/{id}/record`]: { get: one.get! } } : {}),
    [`${base}/{id}/publish`]: {
      post: {
        summary: `Publish a draft ${kind} or its pending change (editor; not its author, unless an admin with a reason)`,
        path,
        query: emptyQuery,
        body: publishInput,
        ok: { status: '200', content: answer },
        errors: { ...writes, '404': missing, '409': `${STALE} Or nothing_to_publish.` },
      },
    },
    [`${base}/{id}/restore`]: {
      post: {
        summary: `Restore a deleted ${kind} (admin)`,
        path,
        query: emptyQuery,
        ok: { status: '200', content: answer },
        errors: { '400': true, '401': true, '403': true, '404': true, '409': `The ${kind} is not deleted.` },
      },
    },
    [`${base}/{id}/history`]: {
      get: {
        summary: `Every change to a ${kind}, oldest first: who, when, why, before and after`,
        path,
        query: emptyQuery,
        ok: { status: '200', content: { 'application/json': recordHistorySchema } },
        errors: { ...reads, '404': missing },
      },
    },
  };
}

/** The desk's paths; `/api/{kind}` also has the GET list, and `/api/voyages/{id}` the GET detail (merged in api-contract.ts). */
export const DESK_PATHS: Paths = {
  ...Object.fromEntries(RECORD_KINDS.flatMap((k) => Object.entries(kindPaths(k)))),
  '/api/review': {
    get: {
      summary: 'The review queue: every draft and pending change, with before and after (editor or admin)',
      query: emptyQuery,
      ok: { status: '200', content: { 'application/json': reviewAnswerSchema } },
      errors: { '400': true, '401': true, '403': true },
    },
  },
};
