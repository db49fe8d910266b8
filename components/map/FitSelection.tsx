'use client';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { VoyageFeatures } from '@/lib/client/api';
import { framePadding } from '@/lib/core/domain/map-style';
import { toLatLng } from './latlng';

/** Frames the selected voyage's route when the selection changes (not on every data refresh). */
export default function FitSelection({ voyages, selectedId }: { voyages: VoyageFeatures | undefined; selectedId: string | undefined }) {
  const map = useMap();
  const framed = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!selectedId) {
      framed.current = undefined;
      return;
    }
    if (framed.current === selectedId || !voyages) return;
    const feature = voyages.features.find((f) => f.properties.id === selectedId);
    if (!feature) return;
    framed.current = selectedId;
    const bounds = L.latLngBounds(feature.geometry.coordinates.map(toLatLng));
    map.fitBounds(bounds, { ...framePadding(map.getSize().x), maxZoom: 9 });
  }, [map, voyages, selectedId]);
  return null;
}
