/**
 * The optional raster tile layer as the map and the export draw it. The server reads it from the
 * environment (lib/server/config.ts) and hands it to the dashboard; off (null) by default, since
 * the committed land polygons need no network.
 */
export interface TileLayerConfig {
  /** An http(s) template with {z}, {x} and {y}, optionally {s} for Leaflet's a/b/c subdomains. */
  url: string;
  attribution: string;
  maxZoom: number;
}
