'use client';
import L, { type PathOptions } from 'leaflet';
import { useMemo } from 'react';
import { CircleMarker, Tooltip } from 'react-leaflet';
import { useVessels } from '@/lib/client/api';
import { type DeskObservation, useObservations } from '@/lib/client/desk';
import type { Port, Position } from '@/lib/core/domain/schemas';
import { toLatLng } from './latlng';
import { SIGHTING_COLOR, SIGHTING_DRAFT_DASH } from './sighting-style';

const publishedStyle: PathOptions = { color: '#ffffff', weight: 1.5, fillColor: SIGHTING_COLOR, fillOpacity: 0.9 };
const draftStyle: PathOptions = { color: SIGHTING_COLOR, weight: 2, dashArray: SIGHTING_DRAFT_DASH, fillColor: '#ffffff', fillOpacity: 0.85 };

function windowText(o: DeskObservation): string {
  const w = o.window;
  return w.asReported ?? (w.earliest === w.latest ? w.earliest : `${w.earliest} – ${w.latest}`);
}

/**
 * Sightings: one small dot per sighting with a position or a port (the port's position). The
 * server sends drafts to signed-in users only; they are drawn hollow and dashed and say "draft".
 */
export default function SightingsLayer({ ports }: { ports: readonly Port[] }) {
  const { data } = useObservations();
  const vessels = useVessels();
  // SVG like the ports and pins: it takes clicks only where it draws, so routes below stay clickable.
  const renderer = useMemo(() => L.svg({ pane: 'sightings' }), []);
  const placed = useMemo(() => {
    const portById = new Map(ports.map((p) => [p.id, p]));
    const names = new Map((vessels.data?.vessels ?? []).map((v) => [v.id, v.name]));
    return (data?.observations ?? []).flatMap((o) => {
      const port = o.portId ? portById.get(o.portId) : undefined;
      const at: Position | null = o.position ?? port?.position ?? null;
      if (!at) return [];
      const who = (o.vesselId && names.get(o.vesselId)) ?? o.vesselId ?? o.vesselDescription ?? 'unidentified vessel';
      const where = port?.name ?? o.placeName ?? 'at a position';
      const label = `${o.status === 'draft' ? 'draft · ' : ''}Sighting: ${who}, ${o.activity}, ${where}, ${windowText(o)}`;
      return [{ o, center: toLatLng(at), label }];
    });
  }, [data, ports, vessels.data]);
  return (
    <>
      {placed.map(({ o, center, label }) => {
        const draft = o.status === 'draft';
        return (
          <CircleMarker
            key={`${o.id}-${o.status}`}
            center={center}
            radius={5}
            renderer={renderer}
            pathOptions={draft ? draftStyle : publishedStyle}
            className={`sighting-marker sighting-${o.id}${draft ? ' sighting-draft' : ''}`}
          >
            <Tooltip direction="top" offset={[0, -5]} className="annotation-tooltip">
              {label}
            </Tooltip>
          </CircleMarker>
        );
      })}
    </>
  );
}
