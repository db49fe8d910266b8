import type { AnnotationKind } from './annotations';
import type { Bbox } from './view-state';

/** The map's look, shared by the Leaflet layers, the legend and the exported image. */
export const COLORS = {
  sea: '#dce8f0',
  land: '#f4f1ea',
  landStroke: '#a89f8d',
  route: '#c2410c',
  routeSelected: '#7c2d12',
  port: '#1e3a5f',
  geofence: '#1e3a5f',
} as const;

/** Inferred routes are dashed; observed routes are solid. */
export const INFERRED_DASH = '8 7';

/** What the map frames when a link names no view: Chongjin and Rajin to Vladivostok and Vostochny. */
export const REGION_BOUNDS: Bbox = [129.6, 41.55, 133.6, 43.35];

/** Keeps framed content clear of the legend, which sits over the map's top-right corner. */
export function framePadding(mapWidthPx: number): { paddingTopLeft: [number, number]; paddingBottomRight: [number, number] } {
  return mapWidthPx > 760
    ? { paddingTopLeft: [40, 30], paddingBottomRight: [270, 30] }
    : { paddingTopLeft: [20, 20], paddingBottomRight: [20, 20] };
}

/** Annotation pins, coloured by kind (map, legend and export). */
export const ANNOTATION_COLORS = {
  note: '#1d4e89',
  evidence: '#1f7a3a',
  question: '#a16207',
  correction: '#b91c1c',
} as const satisfies Record<AnnotationKind, string>;
