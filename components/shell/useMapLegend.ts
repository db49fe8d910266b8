'use client';
import { useMemo } from 'react';
import { type VoyageFeatures, useBasemap } from '@/lib/client/api';
import { useObservations } from '@/lib/client/desk';
import { type LegendInput, bordersInView } from '@/lib/core/domain/legend';
import type { Port } from '@/lib/core/domain/schemas';
import type { Bbox } from '@/lib/core/domain/view-state';
import { type CursorTimes, useVoyageTimes } from '../map/cursorStates';

interface Drawn {
  voyages: VoyageFeatures | undefined;
  selectedId: string | undefined;
  ports: readonly Port[];
  showGeofences: boolean;
  pins: number;
  showTiles: boolean;
  /** The map's view; undefined until the map has reported it. */
  view: Bbox | undefined;
}

/**
 * What the live map draws now (its routes, ports, sightings and pins), for the legend; and the
 * voyages' times, from which the Legend adds the time cursor's entries itself: it reads the cursor
 * (components/timeCursor), so that moving the cursor re-renders the legend, not the dashboard.
 */
export interface MapLegend {
  input: Omit<LegendInput, 'cursor'>;
  times: CursorTimes;
}

export function useMapLegend({ voyages, selectedId, ports, showGeofences, pins, showTiles, view }: Drawn): MapLegend {
  // The same request as the sightings layer's (SWR shares it), counted as that layer places them.
  const observations = useObservations();
  // The layer the land draws (SWR shares the request): is a border in view?
  const borders = useBasemap('borders');
  const times = useVoyageTimes(voyages);
  // Once per answer, not at every move of the map (the view is an input too).
  const drawn = useMemo(() => (voyages?.features ?? []).map((f) => f.properties), [voyages]);
  return useMemo(() => {
    const portIds = new Set(ports.map((p) => p.id));
    const placed = (observations.data?.observations ?? []).filter((o) => o.position || (o.portId && portIds.has(o.portId)));
    const input = {
      voyages: drawn,
      selected: drawn.find((v) => v.id === selectedId),
      ports,
      showGeofences,
      pins,
      sightings: {
        published: placed.filter((o) => o.status !== 'draft').length,
        draft: placed.filter((o) => o.status === 'draft').length,
      },
      hasTiles: showTiles,
      borders: view !== undefined && bordersInView(borders.data, view),
    };
    return { input, times };
  }, [drawn, selectedId, ports, showGeofences, pins, showTiles, observations.data, borders.data, view, times]);
}
