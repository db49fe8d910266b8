import { basemapText } from '@/lib/server/basemap/basemap';
import { basemapLayer, emptyQuery } from '@/lib/core/domain/query';
import { EncodedBody, encodedResponse } from '../../_lib/encoded';
import { handle, parseParam, parseQuery } from '../../_lib/http';
import { methods } from '../../_lib/methods';

/** Each layer's answer, made once (see encoded.ts). */
const bodies = new Map<string, EncodedBody>();

/** The offline basemap layers (land polygons), served from the committed files. */
const get = handle(async (request: Request, ctx: { params: Promise<{ layer: string }> }) => {
  parseQuery(request.url, emptyQuery);
  const layer = parseParam('layer', (await ctx.params).layer, basemapLayer);
  let body = bodies.get(layer);
  if (!body) bodies.set(layer, (body = new EncodedBody(basemapText(layer))));
  return encodedResponse(body, { 'Content-Type': 'application/geo+json', 'Cache-Control': 'public, max-age=3600' });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
