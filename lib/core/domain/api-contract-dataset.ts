/**
 * The dataset bundle's part of the API contract (api-contract.ts spreads it into API_PATHS):
 * export the whole evidence base, preview an import, import as drafts.
 */
import type { Method, Operation } from './api-operation';
import { DATASET_LIMITS, datasetBundleSchema, datasetImportAnswerSchema, datasetImportQuery, datasetPreviewAnswerSchema } from './dataset';
import { emptyQuery } from './query';

const MIB = DATASET_LIMITS.bytes / (1024 * 1024);
const importErrors = {
  '400': 'The bundle is malformed (its header, or more than the limits allow) or, for an import, a record is refused; error.details.issues names each field by its path, e.g. records.vessels[2].imo.',
  '401': true,
  '403': true,
  '413': `The bundle is larger than ${MIB} MiB.`,
  '415': true,
} as const;

export const DATASET_PATHS: Record<string, Partial<Record<Method, Operation>>> = {
  '/api/dataset': {
    get: {
      summary: 'The whole evidence base as one versioned bundle: every record (drafts and deleted ones marked), every revision and annotation (any signed-in account)',
      query: emptyQuery,
      ok: {
        status: '200',
        content: { 'application/json': datasetBundleSchema },
        description: 'The bundle, sent as an attachment (Content-Disposition: attachment; filename="wakeline-dataset-<time>.json"). Accounts appear by username only.',
      },
      errors: { '400': true, '401': 'Not signed in: the bundle includes drafts, so it is for the team only.' },
    },
  },
  '/api/dataset/preview': {
    post: {
      summary: `What importing a bundle would do, per kind: new ids, changed ids with a field diff, unchanged, skipped and refused records (editor or admin; writes nothing; at most ${DATASET_LIMITS.recordsPerKind} records a kind)`,
      query: datasetImportQuery,
      body: datasetBundleSchema,
      ok: { status: '200', content: { 'application/json': datasetPreviewAnswerSchema } },
      errors: importErrors,
    },
  },
  '/api/dataset/import': {
    post: {
      summary: 'Import a bundle for review, all or nothing: new records as drafts, changes to published records as pending changes with the reason "import of <file>" (editor or admin)',
      query: datasetImportQuery,
      body: datasetBundleSchema,
      ok: { status: '200', content: { 'application/json': datasetImportAnswerSchema } },
      errors: importErrors,
    },
  },
};
