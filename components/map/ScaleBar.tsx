'use client';
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap, useMapEvents } from 'react-leaflet';
import { scaleLength } from '@/lib/core/geo/scaleLength';

const MAX_PX = 120;

/** Metres per pixel along the horizontal through the middle of the map (spherical). */
function metresPerPixel(map: L.Map): number {
  const size = map.getSize();
  const y = size.y / 2;
  const a = map.containerPointToLatLng([size.x / 2 - 50, y]);
  const b = map.containerPointToLatLng([size.x / 2 + 50, y]);
  return a.distanceTo(b) / 100;
}

/** A scale bar in nautical miles and kilometres, as a Leaflet control rendered by React. */
export default function ScaleBar() {
  const map = useMap();
  const [container] = useState(() => L.DomUtil.create('div', 'scale-bar'));
  const [mpp, setMpp] = useState(() => metresPerPixel(map));
  useMapEvents({ zoomend: () => setMpp(metresPerPixel(map)), moveend: () => setMpp(metresPerPixel(map)) });

  useEffect(() => {
    const control = new L.Control({ position: 'bottomleft' });
    control.onAdd = () => container;
    control.addTo(map);
    return () => {
      control.remove();
    };
  }, [map, container]);

  const nm = scaleLength(mpp, MAX_PX, 'nm');
  const km = scaleLength(mpp, MAX_PX, 'km');
  return createPortal(
    <div role="img" aria-label={`Scale: ${nm.value} nautical miles, ${km.value} kilometres`}>
      <div className="scale-line" style={{ width: `${Math.round(nm.px)}px` }}>
        {nm.value} nm
      </div>
      <div className="scale-line scale-line-bottom" style={{ width: `${Math.round(km.px)}px` }}>
        {km.value} km
      </div>
    </div>,
    container,
  );
}
