import { PREVIEW_MAX_BYTES, previewQuery } from '@/lib/core/domain/api-contract-tracks';
import { previewTrackFile } from '@/lib/server/imports/preview';
import { readSmallBody } from '@/lib/server/imports/queue';
import { requireRole, requireSameOrigin } from '../../_lib/auth';
import { handle, json, parseQuery } from '../../_lib/http';
import { methods } from '../../_lib/methods';

/** POST /api/imports/preview: the body is a file's first 64 KiB; answers its format, headers, preset and a few rows. */
const post = handle(async (request: Request) => {
  requireSameOrigin(request);
  const { name } = parseQuery(request.url, previewQuery);
  await requireRole(request, 'editor');
  return json(previewTrackFile(await readSmallBody(request, PREVIEW_MAX_BYTES), name));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
