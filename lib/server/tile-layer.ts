/**
 * The optional raster tile layer (satellite imagery or OSM tiles). Off unless configured: the
 * default basemap is the committed land polygons, which need no network.
 *
 *   WAKELINE_TILE_URL          e.g. https://tiles.example.org/{z}/{x}/{y}.png (needs CORS for exports)
 *   WAKELINE_TILE_ATTRIBUTION  e.g. "© OpenStreetMap contributors"
 *   WAKELINE_TILE_MAX_ZOOM     default 18
 */
export interface TileLayerConfig {
  url: string;
  attribution: string;
  maxZoom: number;
}

export function tileLayerFromEnv(env: Record<string, string | undefined>): TileLayerConfig | null {
  const url = env.WAKELINE_TILE_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/.test(url)) {
    console.warn('[wakeline] WAKELINE_TILE_URL must be an http(s) URL with {z}, {x} and {y}; tile layer off.');
    return null;
  }
  const maxZoom = Number(env.WAKELINE_TILE_MAX_ZOOM ?? 18);
  return {
    url,
    attribution: env.WAKELINE_TILE_ATTRIBUTION?.trim() || 'Tiles: see WAKELINE_TILE_ATTRIBUTION',
    maxZoom: Number.isInteger(maxZoom) && maxZoom > 0 && maxZoom <= 22 ? maxZoom : 18,
  };
}
