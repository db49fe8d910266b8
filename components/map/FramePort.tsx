'use client';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { Port } from '@/lib/core/domain/schemas';
import { toLatLng } from './latlng';

/**
 * Brings a port whose profile opens into view: a pan when it lies outside the map's view (the zoom
 * is kept; a port already in view leaves the frame alone, so a permalink keeps its exact frame).
 */
export default function FramePort({ port }: { port: Port | undefined }) {
  const map = useMap();
  const framed = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!port || framed.current === port.id) {
      if (!port) framed.current = undefined;
      return;
    }
    framed.current = port.id;
    const at = toLatLng(port.position);
    if (!map.getBounds().pad(-0.1).contains(at)) map.panTo(at);
  }, [map, port]);
  return null;
}
