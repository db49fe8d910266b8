'use client';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { VoyageFeatures } from '@/lib/client/api';
import { framePadding } from '@/lib/core/domain/map-style';
import { framesSelection, openedWith } from './fit-rule';
import { toLatLng, toLatLngBounds } from './latlng';
import { listenForMapCommands } from './map-commands';

/** Carries out requests from outside the map (the export's reframing bar). */
function useMapCommands(map: L.Map) {
  useEffect(
    () =>
      listenForMapCommands((c) => {
        if (c.kind === 'show') map.fitBounds(toLatLngBounds(c.bbox), { paddingTopLeft: c.paddingTopLeft, paddingBottomRight: c.paddingBottomRight, animate: false });
        else if (c.kind === 'pan') map.panBy([c.dx, c.dy], { animate: false });
        else map.setZoom(map.getZoom() + c.by, { animate: false });
      }),
    [map],
  );
}

/** Printing lays the map out at the page's width: Leaflet is told, and told again afterwards. */
function usePrintSize(map: L.Map) {
  useEffect(() => {
    const resize = () => map.invalidateSize({ animate: false });
    const print = window.matchMedia('print');
    print.addEventListener('change', resize);
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      print.removeEventListener('change', resize);
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
    };
  }, [map]);
}

/**
 * Frames the selected voyage's route when the selection changes (not on every data refresh), except
 * the voyage of a link that also gave the view: that link's frame is kept exactly.
 */
export default function FitSelection({ voyages, selectedId }: { voyages: VoyageFeatures | undefined; selectedId: string | undefined }) {
  const map = useMap();
  const framed = useRef<string | undefined>(undefined);
  // The address as the page opened (read at mount, before the map writes its own view into it).
  const [opened] = useState(() => openedWith(window.location.search));
  const first = useRef(true);
  useMapCommands(map);
  usePrintSize(map);
  useEffect(() => {
    if (!selectedId) {
      framed.current = undefined;
      first.current = false;
      return;
    }
    if (framed.current === selectedId || !voyages) return;
    const feature = voyages.features.find((f) => f.properties.id === selectedId);
    if (!feature) return;
    framed.current = selectedId;
    const fit = framesSelection(selectedId, first.current ? opened : null);
    first.current = false;
    if (!fit) return;
    const bounds = L.latLngBounds(feature.geometry.coordinates.map(toLatLng));
    map.fitBounds(bounds, { ...framePadding(map.getSize().x), maxZoom: 9 });
  }, [map, voyages, selectedId, opened]);
  return null;
}
