/**
 * Reading a dataset bundle from a request: JSON only, at most DATASET_LIMITS.bytes (read as a
 * stream and stopped there by readLimitedText, so a huge body is never held whole), and the bundle's header and
 * bounds checked before any record is looked at. Each failure names the field by its path.
 */
import 'server-only';
import { DATASET_LIMITS, type DatasetEnvelope, datasetEnvelopeSchema } from '@/lib/core/domain/dataset';
import { pathOf } from '@/lib/core/domain/datasetDiff';
import { AppError } from '@/lib/core/domain/errors';
import { readLimitedText } from '../request-body';

/** The bundle in the request body: 415 when not JSON, 413 when too large, 400 naming the field when malformed. */
export async function readBundle(request: Request): Promise<DatasetEnvelope> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new AppError(415, 'unsupported_media_type', 'Send the bundle as JSON with Content-Type: application/json.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readLimitedText(request, DATASET_LIMITS.bytes, 'split the bundle or leave out the revisions'));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(400, 'invalid_json', 'The body is not valid JSON.', { issues: [{ field: '(body)', message: 'not valid JSON' }] });
  }
  const parsed = datasetEnvelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: i.code === 'unrecognized_keys' ? [...i.path, i.keys.join(', ')].map(String).join('.') : pathOf(i.path) || '(body)',
      message: i.code === 'unrecognized_keys' ? 'unknown field' : i.message,
    }));
    const first = issues[0]!;
    throw new AppError(400, 'invalid_body', `Field "${first.field}" is invalid: ${first.message}.`, { issues });
  }
  return parsed.data;
}
