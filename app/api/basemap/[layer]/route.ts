import { z } from 'zod';
import { BASEMAP_LAYERS, basemapText } from '@/lib/server/basemap/basemap';
import { emptyQuery } from '@/lib/core/domain/query';
import { handle, parseParam, parseQuery } from '../../_lib/http';

const layerParam = z.enum(Object.keys(BASEMAP_LAYERS) as [keyof typeof BASEMAP_LAYERS]);

/** The offline basemap layers (land polygons), served from the committed files. */
export const GET = handle(async (request: Request, ctx: { params: Promise<{ layer: string }> }) => {
  parseQuery(request.url, emptyQuery);
  const layer = parseParam('layer', (await ctx.params).layer, layerParam);
  return new Response(basemapText(layer), {
    headers: { 'Content-Type': 'application/geo+json', 'Cache-Control': 'public, max-age=3600' },
  });
});
