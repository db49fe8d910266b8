'use client';
import { useMemo } from 'react';
import { type TrackFilter, useTrackEvents, useTracks } from '@/lib/client/api/tracks';
import type { Port } from '@/lib/core/domain/schemas';
import { DEFAULT_DETECTION, type EventDto, type TrackDto } from '@/lib/core/track/types';
import TracksLayer from './TracksLayer';

export interface MapTracksProps {
  ports: readonly Port[];
  /** The vessel of the selected voyage: its possible dark port calls are ringed unless `highlightPortIds` says otherwise. */
  selectedVesselId: string | undefined;
  /** Ports to ring as possible dark port calls (a vessel panel or profile sets them); overrides the selection's. */
  highlightPortIds: readonly string[] | undefined;
  finestZoom: number;
  /** The dashboard's vessel and days: only that vessel's fixes within the days are drawn, and their events. */
  filter?: TrackFilter;
}

const NO_TRACKS: readonly TrackDto[] = [];
const NO_EVENTS: readonly EventDto[] = [];

/**
 * The imported tracks on the map: every vessel's track (GET /api/tracks) and the gaps detected in
 * them (GET /api/events), fetched here through lib/client/api/tracks.ts so that the dashboard has
 * nothing to pass but what to ring and its filters.
 */
export default function MapTracks({ ports, selectedVesselId, highlightPortIds, finestZoom, filter }: MapTracksProps) {
  const tracks = useTracks(filter).data?.tracks ?? NO_TRACKS;
  const eventsAnswer = useTrackEvents(filter);
  const answer = eventsAnswer.data;
  const events = answer?.events ?? NO_EVENTS;
  const gapMinHours = answer?.params.gapMinHours ?? DEFAULT_DETECTION.gapMinHours;
  const selectedHalos = useMemo(
    () => [...new Set(events.flatMap((e) => (e.kind === 'possible_port_call' && e.vesselId === selectedVesselId ? [e.portId] : [])))],
    [events, selectedVesselId],
  );
  // Drawn once the events have come (or failed): they split the tracks, and a million fixes are
  // better prepared once than twice.
  if ((tracks.length === 0 && events.length === 0) || (!answer && !eventsAnswer.error)) return null;
  return (
    <TracksLayer
      tracks={tracks}
      events={events}
      gapMinHours={gapMinHours}
      ports={ports}
      haloPortIds={highlightPortIds ?? selectedHalos}
      finestZoom={finestZoom}
    />
  );
}
