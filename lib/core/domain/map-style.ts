import type { AnnotationKind } from './annotations';
import type { Bbox } from './view-state';

/** The map's look, shared by the Leaflet layers, the legend and the exported image. */
export const COLORS = {
  // Land and sea differ in lightness, not only in hue, so they read apart in greyscale print
  // (relative luminance 1.4:1, checked in tests/unit/domain/map-colors.test.ts).
  sea: '#b5d0e2',
  land: '#f4f1ea',
  landStroke: '#a89f8d',
  border: '#8e7b93',
  countryLabel: '#5b5147',
  seaLabel: '#2b5876',
  cityLabel: '#2f2f2f',
  route: '#c2410c',
  routeSelected: '#7c2d12',
  port: '#1e3a5f',
  geofence: '#1e3a5f',
} as const;

/** Land borders between countries: dash-dot, the usual sign for an international boundary. */
export const BORDER_DASH = '6 2.5 1.5 2.5';

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
