'use client';
import type L from 'leaflet';
import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import type { MapView } from './types';

function viewOf(map: L.Map): MapView {
  const c = map.getCenter();
  const b = map.getBounds();
  return { center: [c.lat, c.lng], zoom: map.getZoom(), bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
}

/** Reports the map's view once it is ready and after every pan or zoom. */
export default function ViewTracker({ onViewChange }: { onViewChange: (view: MapView) => void }) {
  const map = useMap();
  useMapEvents({ moveend: () => onViewChange(viewOf(map)) });
  useEffect(() => {
    map.whenReady(() => onViewChange(viewOf(map)));
  }, [map, onViewChange]);
  return null;
}
