'use client';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { type VoyageFeatures, useBasemap, useSources } from '@/lib/client/api';
import { useTrackEvents, useTracks } from '@/lib/client/api/tracks';
import { REGION_BOUNDS } from '@/lib/core/domain/map-style';
import type { Port, Vessel } from '@/lib/core/domain/schemas';
import type { TileLayerConfig } from '@/lib/core/domain/tile-layer';
import { type ExportSettings, type ViewState, EXPORT_PARTS, filtersOf, isHidden, viewStateToSearch } from '@/lib/core/domain/view-state';
import { creditLine, cursorDatesLine, datesLine, dateSpan, defaultSubtitle, defaultTitle } from '@/lib/client/export/compose';
import { fitVoyagesBbox } from '@/lib/client/export/fit';
import { exportLayout } from '@/lib/client/export/layout';
import { type ComposeInput, composeSvg } from '@/lib/client/export/svg';
import { type TileRequest, placeTiles, tilesFor } from '@/lib/client/export/tiles';
import type { ExportTracks } from '@/lib/client/export/tracks';
import { gapStartsByVessel } from '@/lib/core/track/gapStartsByVessel';
import { DEFAULT_DETECTION } from '@/lib/core/track/types';
import type { AnnotationPin } from '../map/types';
import { TileExportError, fetchTiles } from './browser';

export interface ExportImageArgs {
  state: ViewState;
  settings: ExportSettings;
  voyages: VoyageFeatures | undefined;
  ports: readonly Port[] | undefined;
  vessels: readonly Vessel[] | undefined;
  tileLayer: TileLayerConfig | null;
  pins: readonly AnnotationPin[];
  /** The image includes the raster tile layer (there is one, it is shown, and it is not switched off). */
  exportTiles: boolean;
}

const noSubscription = () => () => undefined;

/**
 * The observed tracks the image draws, as the map does (the same answers, from SWR's cache): none
 * when the map hides them; undefined while they load, so the image waits for them.
 */
function useExportTracks(state: ViewState, selectedVesselId: string | undefined): ExportTracks | null | undefined {
  // The dashboard's vessel and days, as the map asks (Dashboard's trackFilter): the same SWR keys.
  const filter = { vessel: state.vessel, from: state.from, to: state.to };
  const tracks = useTracks(filter);
  const events = useTrackEvents(filter);
  const hidden = isHidden(state, 'tracks');
  return useMemo(() => {
    if (hidden) return null;
    if ((!tracks.data && !tracks.error) || (!events.data && !events.error)) return undefined;
    const list = tracks.data?.tracks ?? [];
    if (list.length === 0) return null;
    const all = events.data?.events ?? [];
    const halos = new Set(all.flatMap((e) => (e.kind === 'possible_port_call' && e.vesselId === selectedVesselId ? [e.portId] : [])));
    return { tracks: list, gapMinHours: events.data?.params.gapMinHours ?? DEFAULT_DETECTION.gapMinHours, gapStarts: gapStartsByVessel(all), haloPortIds: [...halos] };
  }, [hidden, tracks.data, tracks.error, events.data, events.error, selectedVesselId]);
}

/** What the image shows and says: the composition's input, null until every layer has loaded. */
export function useComposeInput({ state, settings, voyages, ports, vessels, tileLayer, pins, exportTiles }: ExportImageArgs) {
  const sources = useSources();
  const land = useBasemap('land');
  const world = useBasemap('world');
  // Borders and names draw when they have come; the image does not wait for them.
  const borders = useBasemap('borders');
  const places = useBasemap('places');
  const shown = useMemo(() => voyages?.features.map((f) => ({ ...f.properties, route: f.geometry })) ?? [], [voyages]);
  const filters = useMemo(() => filtersOf(state), [state]);
  const selected = useMemo(() => shown.find((v) => v.id === state.voyage), [shown, state.voyage]);
  const vesselName = vessels?.find((v) => v.id === state.vessel)?.name;
  const title = settings.title ?? defaultTitle({ filters, voyages: shown, selected, vesselName });
  const subtitle = settings.subtitle ?? defaultSubtitle(selected ? [selected] : shown);
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const permalink = `${origin}/${viewStateToSearch(state)}`;
  const tracks = useExportTracks(state, selected?.vessel?.id);
  const ready = Boolean(voyages && ports && sources.data && land.data && world.data && tracks !== undefined);
  const span = useMemo(() => dateSpan(selected ? {} : filters, selected ? [selected] : shown), [selected, filters, shown]);

  const input: ComposeInput | null = useMemo(() => {
    if (!voyages || !ports || !sources.data || !land.data || !world.data || tracks === undefined) return null;
    const parts = new Set(EXPORT_PARTS.filter((p) => !settings.off.includes(p)));
    const unframed: Omit<ComposeInput, 'bbox'> = {
      width: settings.width,
      height: settings.height,
      parts,
      title,
      subtitle,
      dates: state.at ? cursorDatesLine(state.at, span) : datesLine(span),
      credits: creditLine(selected ? [selected] : shown, sources.data.sources, exportTiles ? tileLayer?.attribution : undefined),
      permalink,
      land: land.data,
      world: world.data,
      borders: borders.data,
      places: places.data,
      ports,
      showGeofences: !isHidden(state, 'geofences'),
      showLabels: !isHidden(state, 'labels'),
      voyages: shown,
      selectedId: state.voyage,
      ...(settings.pins && pins.length ? { pins: pins.map((p) => ({ position: p.position as [number, number], kind: p.kind })) } : {}),
      // The time cursor's day, and the timeline strip with the brushed range marked.
      ...(state.at ? { cursor: { day: state.at } } : {}),
      ...(settings.timeline ? { strip: true, range: { from: filters.from, to: filters.to } } : {}),
      ...(tracks ? { tracks } : {}),
    };
    // "Fit the voyages shown" keeps every route, its labels and its ports' names clear of the furniture.
    const bbox = (settings.frame === 'voyages' ? fitVoyagesBbox(unframed) : null) ?? settings.bbox ?? REGION_BOUNDS;
    return { ...unframed, bbox };
  }, [voyages, ports, sources.data, land.data, world.data, borders.data, places.data, settings, title, subtitle, permalink, state, shown, filters, selected, exportTiles, tileLayer, pins, span, tracks]);

  return { input, ready, shown, filters, selected, vesselName, title, subtitle, span };
}

/** The raster tiles under the image's frame, fetched as data URLs (none without a tile layer). */
function useTiles(input: ComposeInput | null, tileLayer: TileLayerConfig | null, exportTiles: boolean) {
  const [hrefs, setHrefs] = useState<Map<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The layout alone says where the map goes: no need to draw anything to learn which tiles it needs.
  const requests: TileRequest[] = useMemo(
    () => (input && exportTiles && tileLayer ? tilesFor(exportLayout(input).frame, tileLayer.url, tileLayer.maxZoom) : []),
    [input, exportTiles, tileLayer],
  );

  useEffect(() => {
    if (requests.length === 0) return;
    let cancelled = false;
    fetchTiles(requests.map((r) => r.url)).then(
      (fetched) => {
        if (cancelled) return;
        setHrefs(fetched);
        setError(null);
      },
      (err: unknown) => {
        if (cancelled) return;
        setError(err instanceof TileExportError ? err.message : 'The tile layer could not be exported.');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [requests]);

  const ready = !exportTiles || (hrefs !== null && requests.every((r) => hrefs.has(r.url)));
  return { requests, hrefs, error, ready };
}

/**
 * The export image for the dialog: the SVG document (null until every layer and tile is in), its
 * preview URL, and what the dialog's other parts need to know about it.
 */
export function useExportImage(args: ExportImageArgs) {
  const { exportTiles } = args;
  const image = useComposeInput(args);
  const { requests, hrefs, error: tileError, ready: tilesReady } = useTiles(image.input, args.tileLayer, exportTiles);
  const { input } = image;
  // The composition's whole input, tiles placed: the still image, and every frame of a video.
  const full = useMemo(() => {
    if (!input || !tilesReady) return null;
    return exportTiles && hrefs ? { ...input, tiles: () => placeTiles(requests, hrefs) } : input;
  }, [input, tilesReady, exportTiles, hrefs, requests]);
  const svg = useMemo(() => (full ? composeSvg(full) : null), [full]);
  const previewUrl = useMemo(() => (svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null), [svg]);
  // Where the map and its frame are in the image: the preview's pan and zoom move that frame.
  const layout = useMemo(() => (input ? exportLayout(input) : null), [input]);
  return { ...image, full, svg, previewUrl, tileError, layout };
}
