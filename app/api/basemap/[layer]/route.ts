import { basemapText } from '@/lib/server/basemap/basemap';
import { basemapLayer, emptyQuery } from '@/lib/core/domain/query';
import { handle, parseParam, parseQuery } from '../../_lib/http';
import { methods } from '../../_lib/methods';

/** The offline basemap layers (land polygons), served from the committed files. */
const get = handle(async (request: Request, ctx: { params: Promise<{ layer: string }> }) => {
  parseQuery(request.url, emptyQuery);
  const layer = parseParam('layer', (await ctx.params).layer, basemapLayer);
  return new Response(basemapText(layer), {
    headers: { 'Content-Type': 'application/geo+json', 'Cache-Control': 'public, max-age=3600' },
  });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
