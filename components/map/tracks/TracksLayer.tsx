'use client';
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { TRACK_STYLE } from '@/lib/core/domain/legend';
import { COLORS } from '@/lib/core/domain/map-style';
import type { Port } from '@/lib/core/domain/schemas';
import { gapStartsByVessel } from '@/lib/core/track/gapStartsByVessel';
import type { EventDto, TrackDto } from '@/lib/core/track/types';
import { publishTracksDrawn } from './drawn';
import { hoverFixes } from './hover';
import { labelGaps } from './gapLabels';
import { type TrackModel, buildTrackModel } from './model';
import { TrackTiles } from './TrackTiles';

export interface TracksLayerProps {
  tracks: readonly TrackDto[];
  /** Events of these vessels; those of kind gap split the tracks where the detection saw silence. */
  events: readonly EventDto[];
  /** Silences longer than this split a track too (DetectionParams.gapMinHours). */
  gapMinHours: number;
  ports: readonly Port[];
  /** Ports ringed as possible dark port calls. */
  haloPortIds: readonly string[];
  /** The map's deepest zoom (simplification is built down to it). */
  finestZoom: number;
}

/** Under the voyage routes (overlayPane, 400): reported legs stay readable over the observed track. */
const PANE = 'tracks';
/** The halos ring the ports over their markers and geofences (ports pane: 450). */
const HALO_PANE = 'trackHalos';
/** The legend's dotted line (a short dash with round caps) is a dot every dash period. */
const GAP_DOT_EVERY_PX = TRACK_STYLE.gapDash.split(' ').map(Number).reduce((sum, d) => sum + d, 0);

const models = (tracks: readonly TrackDto[], events: readonly EventDto[], gapMinHours: number): TrackModel[] => {
  const starts = gapStartsByVessel(events);
  return tracks.filter((t) => t.t.length > 0).map((t) => buildTrackModel(t, gapMinHours, starts.get(t.vesselId)));
};

/**
 * Observed (AIS) tracks: each vessel's fixes as a solid line on canvas tiles of their own (TrackTiles),
 * simplified per zoom, split at its gaps, each gap a dotted connector from the last fix to the next
 * with its duration at its middle; each fix's time, speed and course on hover (hover.ts); ports
 * the ship could have called at while dark ringed with a dashed halo.
 *
 * Marks `wakeline:tracks-drawn` (a measure from the data reaching the layer to its first draw).
 */
export default function TracksLayer({ tracks, events, gapMinHours, ports, haloPortIds, finestZoom }: TracksLayerProps) {
  const map = useMap();
  useEffect(() => {
    const started = performance.now();
    const list = models(tracks, events, gapMinHours);
    const pane = map.getPane(PANE) ?? map.createPane(PANE);
    pane.style.zIndex = '390';
    pane.style.pointerEvents = 'none';
    const tiles = new TrackTiles(list, {
      pane: PANE,
      className: 'track-tiles',
      // New tiles are drawn during a pan too (every 200 ms at most), so the track follows a drag.
      updateWhenIdle: false,
      // Tiles at the new zoom are drawn once the zoom ends, not at each step of its animation.
      updateWhenZooming: false,
      style: { color: COLORS.route, weight: TRACK_STYLE.weight, opacity: TRACK_STYLE.opacity, gapWeight: TRACK_STYLE.gapWeight, gapDotEveryPx: GAP_DOT_EVERY_PX, finestZoom },
    }).addTo(map);
    const unlabel = labelGaps(map, list);
    // The tiles in view were drawn as the layer was added; this frame's callback runs after they are painted.
    const frame = requestAnimationFrame(() => {
      const fixes = list.reduce((sum, m) => sum + m.n, 0);
      performance.measure('wakeline:tracks-drawn', { start: started, end: performance.now(), detail: { fixes, tracks: list.length } });
    });
    const unhover = hoverFixes(map, list);
    publishTracksDrawn({ fixes: list.reduce((sum, m) => sum + m.n, 0), gaps: list.reduce((sum, m) => sum + m.gaps.length, 0) });
    return () => {
      publishTracksDrawn({ fixes: 0, gaps: 0 });
      cancelAnimationFrame(frame);
      unhover();
      unlabel();
      tiles.remove();
    };
  }, [map, tracks, events, gapMinHours, finestZoom]);

  useEffect(() => {
    const pane = map.getPane(HALO_PANE) ?? map.createPane(HALO_PANE);
    pane.style.zIndex = '452';
    pane.style.pointerEvents = 'none';
    const renderer = L.canvas({ pane: HALO_PANE });
    const byId = new Map(ports.map((p) => [p.id, p]));
    const halos = L.layerGroup(
      haloPortIds.flatMap((id) => {
        const port = byId.get(id);
        if (!port) return [];
        return [
          L.circleMarker([port.position[1], port.position[0]], {
            renderer,
            pane: HALO_PANE,
            radius: TRACK_STYLE.haloRadius,
            color: TRACK_STYLE.haloColor,
            weight: TRACK_STYLE.haloWeight,
            dashArray: TRACK_STYLE.haloDash,
            fill: false,
            interactive: false,
          }),
        ];
      }),
    ).addTo(map);
    publishTracksDrawn({ darkPortCalls: halos.getLayers().length });
    return () => {
      publishTracksDrawn({ darkPortCalls: 0 });
      halos.remove();
      renderer.remove();
    };
  }, [map, ports, haloPortIds]);

  return null;
}
