'use client';
import type L from 'leaflet';
import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { fromLatLng, fromLatLngBounds } from './latlng';
import type { MapView } from './types';

function viewOf(map: L.Map): MapView {
  return { center: fromLatLng(map.getCenter()), zoom: map.getZoom(), bounds: fromLatLngBounds(map.getBounds()) };
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
