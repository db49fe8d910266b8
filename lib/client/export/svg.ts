/**
 * The export image as one SVG document: map (land, geofences, observed tracks, routes with
 * direction arrows, ports and labels), title, subtitle, legend, scale bar, dates, credits and permalink. Everything is
 * vector, so the same document is the SVG download and, rasterised at the exact size asked for, the
 * PNG: text stays crisp at every size and nothing can come out blank or tainted.
 *
 * Pure: data in, string out. This module only assembles: `layout` decides where things go, `map`,
 * `labels`, `legend` and `furniture` draw them.
 */
import type { FeatureCollection } from 'geojson';
import { COLORS } from '@/lib/core/domain/map-style';
import type { Port } from '@/lib/core/domain/schemas';
import { placesOf } from '@/lib/core/domain/places';
import { scaleBarSvg, textSvg } from './furniture';
import { labelsSvg } from './labels';
import { type ExportLayout, type LayoutInput, exportLayout } from './layout';
import { type CursorSummary, bordersInView } from '@/lib/core/domain/legend';
import { legendSvg } from './legend';
import { type ExportPin, type ExportVoyage, basemapSvg, geofencesSvg, pinsSvg, portsInFrame, portsSvg, routesSvg } from './map';
import type { Frame } from './projection';
import { type Shape, shapesSvg } from './shapes';
import { stripScene } from './strip';
import { type Cursor, type CursorCounts, badgeBox, badgeShapes, cursorDay, cursorInstant, fadedRoutes, prepareVoyages, routesAtCursor } from './timed';
import { type Box, FONT, escapeXml } from './text';
import type { TileImage } from './tiles';
import { type ExportTracks, tracksSvg } from './tracks';

export interface ComposeInput extends LayoutInput {
  land: FeatureCollection;
  world: FeatureCollection;
  /** Land borders between countries (the basemap's borders layer); none drawn without. */
  borders?: FeatureCollection;
  /** Names of countries, seas and towns (the basemap's places layer); none drawn without. */
  places?: FeatureCollection;
  ports: readonly Port[];
  showGeofences: boolean;
  showLabels: boolean;
  voyages: readonly ExportVoyage[];
  selectedId?: string;
  /** Team annotation pins to draw (only when the export includes them). */
  pins?: readonly ExportPin[];
  /** Raster tiles, placed by the caller from the frame (only when a tile layer is exported). */
  tiles?: (frame: Frame) => TileImage[];
  /** The time cursor: the routes as at that time, with the stretches where the ships could have been. */
  cursor?: Cursor;
  /** The brushed date filter, marked on the timeline strip. */
  range?: { from?: string; to?: string };
  /** Instants the timeline strip must show besides the voyages (a video's range). */
  stripInclude?: readonly number[];
  /** Observed (AIS) tracks, drawn under the routes, their gaps' durations over them (only when the map shows them). */
  tracks?: ExportTracks;
}

/** The document's opening tag and the map's clip path. */
function documentOpen({ width: W, height: H, map }: ExportLayout, title: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(title || 'Wakeline map')}</title>`,
    `<defs><clipPath id="map"><rect x="0" y="${map.top}" width="${W}" height="${map.height}"/></clipPath></defs>`,
  ];
}

/** The document up to the map's clip group, opened, with the sea painted in. */
function documentHead(layout: ExportLayout, title: string): string[] {
  const { width: W, height: H, map } = layout;
  return [
    ...documentOpen(layout, title),
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<g clip-path="url(#map)">`,
    `<rect x="0" y="${map.top}" width="${W}" height="${map.height}" fill="${COLORS.sea}"/>`,
  ];
}

const FAR = 1e6;

/** Four boxes covering everything outside the map rectangle. */
function outsideMap({ width: W, map }: ExportLayout): Box[] {
  return [
    [-FAR, -FAR, W + FAR, map.top],
    [-FAR, map.bottom, W + FAR, FAR],
    [-FAR, -FAR, 0, FAR],
    [W, -FAR, W + FAR, FAR],
  ];
}

/** The time-dependent layers at one cursor: over the map (routes, then stretches) and over everything (the date). */
export interface TimedLayers {
  stretches: Shape[];
  routes: Shape[];
  top: Shape[];
  counts: CursorCounts;
}

/**
 * The image in layers, so that a video draws what does not move once: the basemap under the
 * routes, the ports, labels and furniture over them, and per frame only the routes at the cursor,
 * the stretches and the cursor's date (on the map and on the timeline strip).
 */
export interface Scene {
  layout: ExportLayout;
  /** The basemap and geofences, on a white page with the sea painted in (a complete document). */
  below: string;
  /** Ports, pins, labels, legend, scale bar, text and timeline strip on a transparent page (a complete document). */
  above: string;
  /** Every route faded: drawn once over `below`; each frame draws the routes under way over them. */
  faded: Shape[];
  timed(cursor: Cursor): TimedLayers;
}

function sceneParts(input: ComposeInput, cursor?: CursorSummary) {
  const layout = exportLayout(input);
  const { frame, u } = layout;
  const ports = portsInFrame(input.ports, frame);
  const selected = input.voyages.find((v) => v.id === input.selectedId);
  const active = new Set(input.voyages.flatMap((v) => [v.origin.id, v.destination.id]));
  const tracks = input.tracks ? tracksSvg(input.tracks, input.ports, frame, [0, layout.map.top, layout.width, layout.map.bottom], u) : null;
  const legend = input.parts.has('legend')
    ? legendSvg(
        {
          voyages: input.voyages,
          selected,
          ports,
          showGeofences: input.showGeofences,
          hasPins: Boolean(input.pins?.length),
          hasTiles: Boolean(input.tiles),
          borders: bordersInView(input.borders, frame.bbox),
          ...(tracks ? { tracks: tracks.summary } : {}),
          ...(cursor ? { cursor } : {}),
        },
        layout.width,
        layout.map.top,
        u,
      )
    : null;
  // Labels keep clear of the legend, scale bar, cursor's date and gaps' durations, and of the map's edges: a label
  // that does not fit inside the map takes another place or is left out, never cut off.
  const obstacles = [legend?.box, layout.scaleBar?.box, input.cursor ? badgeBox(layout) : undefined, ...outsideMap(layout), ...(tracks?.labelBoxes ?? [])].filter((b): b is Box => b !== undefined);
  const strip = layout.strip
    ? stripScene(layout.strip, u, { voyages: input.voyages, range: input.range, include: [...(input.stripInclude ?? []), ...(input.cursor ? [cursorInstant(input.cursor)] : [])] })
    : null;
  return {
    layout,
    below: [
      ...basemapSvg(input.tiles?.(frame) ?? [], input.land, input.world, frame, u, input.borders),
      ...(input.showGeofences ? geofencesSvg(ports, frame, u) : []),
      ...(tracks?.svg ?? []),
    ],
    // Over the routes (composeSvg and the video draw them between `below` and this): the gaps' durations first, then ports, pins and names.
    mapAbove: [
      ...(tracks?.labels ?? []),
      ...portsSvg(ports, active, frame, u),
      ...pinsSvg(input.pins, frame, u),
      ...labelsSvg({ voyages: input.voyages, selected, ports, active, showLabels: input.showLabels, places: input.tiles ? [] : placesOf(input.places) }, frame, u, obstacles),
    ],
    furniture: [...(legend ? [legend.svg] : []), ...(layout.scaleBar ? [scaleBarSvg(layout.scaleBar, u)] : []), ...textSvg(layout), ...(strip?.svg ?? [])],
    strip,
  };
}

/** `cursor`: what the legend explains of the cursor over the whole video (cursorSummaryOver). */
export function composeScene(input: ComposeInput, cursor?: CursorSummary): Scene {
  const parts = sceneParts(input, cursor);
  const { layout } = parts;
  const prepared = prepareVoyages(input.voyages, layout.frame, layout.u);
  return {
    layout,
    below: [...documentHead(layout, input.title), ...parts.below, '</g>', '</svg>'].join('\n'),
    above: [...documentOpen(layout, input.title), '<g clip-path="url(#map)">', ...parts.mapAbove, '</g>', ...parts.furniture, '</svg>'].join('\n'),
    faded: fadedRoutes(prepared, layout.frame, layout.u, input.selectedId),
    timed(cursor) {
      const { stretches, routes, counts } = routesAtCursor(prepared, cursor, layout.frame, layout.u, input.selectedId, true);
      return { stretches, routes, counts, top: [...badgeShapes(layout, cursor), ...(parts.strip?.cursor(cursor) ?? [])] };
    },
  };
}

/** The still image: with a time cursor, the routes as at the cursor; without, every route as the live map draws it. */
export function composeSvg(input: ComposeInput): string {
  const { cursor } = input;
  if (!cursor) {
    const parts = sceneParts(input);
    const { frame, u } = parts.layout;
    const routes = routesSvg(input.voyages, input.selectedId, frame, u);
    return [...documentHead(parts.layout, input.title), ...parts.below, ...routes, ...parts.mapAbove, '</g>', ...parts.furniture, '</svg>'].join('\n');
  }
  // The legend explains the cursor's states that the image shows: the routes at the cursor come first.
  const { frame, u } = exportLayout(input);
  const timed = routesAtCursor(prepareVoyages(input.voyages, frame, u), cursor, frame, u, input.selectedId);
  const parts = sceneParts(input, { day: cursorDay(cursor), ...timed.counts, stretches: timed.stretches.length });
  const { layout } = parts;
  const routes = [...shapesSvg('routes', timed.routes), ...shapesSvg('stretches', timed.stretches)];
  const top = shapesSvg('cursor', [...badgeShapes(layout, cursor), ...(parts.strip?.cursor(cursor) ?? [])]);
  return [...documentHead(layout, input.title), ...parts.below, ...routes, ...parts.mapAbove, '</g>', ...parts.furniture, ...top, '</svg>'].join('\n');
}
