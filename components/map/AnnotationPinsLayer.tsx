'use client';
import L, { type PathOptions } from 'leaflet';
import { useMemo } from 'react';
import { CircleMarker, Tooltip } from 'react-leaflet';
import { ANNOTATION_COLORS } from '@/lib/core/domain/map-style';
import { toLatLng } from './latlng';
import type { AnnotationPin } from './types';

const styles = Object.fromEntries(
  Object.entries(ANNOTATION_COLORS).map(([k, color]) => [k, { color: '#ffffff', weight: 2, fillColor: color, fillOpacity: 1 } satisfies PathOptions]),
) as Record<AnnotationPin['kind'], PathOptions>;

/** Pins of the selected voyage's annotations that carry a map location. Tooltip text is React text. */
export default function AnnotationPinsLayer({ pins, onPinClick }: { pins: readonly AnnotationPin[]; onPinClick?: (id: string) => void }) {
  // SVG, like the ports: it takes clicks only where it draws, so routes below stay clickable.
  const renderer = useMemo(() => L.svg({ pane: 'annotations' }), []);
  return (
    <>
      {pins.map((p) => (
        <CircleMarker
          key={p.id}
          center={toLatLng(p.position)}
          radius={7}
          renderer={renderer}
          pathOptions={styles[p.kind]}
          eventHandlers={onPinClick ? { click: () => onPinClick(p.id) } : undefined}
          className="annotation-pin-marker"
        >
          <Tooltip direction="top" offset={[0, -6]} className="annotation-tooltip">
            {p.label}
          </Tooltip>
        </CircleMarker>
      ))}
    </>
  );
}

/** While a composer waits for a spot: the next click, or the keyboard crosshair (CrosshairPicker), answers it. */
export { default as MapClickPicker } from './CrosshairPicker';
