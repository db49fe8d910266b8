'use client';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { Position } from '@/lib/core/domain/schemas';
import { formatPosition } from '../annotations/format';
import { useMapPick } from '../annotations/map-pick';
import { fromLatLng } from './latlng';

// A millionth of a degree is about 11 cm: finer than any click can mean.
const roundMicroDeg = (deg: number) => Math.round(deg * 1e6) / 1e6;
const toPosition = (ll: L.LatLng): Position => {
  const [lon, lat] = fromLatLng(ll);
  return [roundMicroDeg(lon), roundMicroDeg(lat)];
};

const STEP = 10;
const BIG_STEP = 60;
const MOVES: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

/**
 * While a composer waits for a spot: a crosshair in the middle of the map, which the arrow keys
 * move (Shift: six times as far; the map follows when it reaches an edge), + and - zoom, Enter
 * places the pin where it stands and Escape gives up. A click anywhere places the pin there, as
 * before. The map takes focus when picking starts, and a live line reads the crosshair's position.
 */
/**
 * The part of the map a person can see, in container pixels: inside the window, and above a bottom
 * sheet that covers the map's lower part on a phone.
 */
function visibleBox(map: L.Map): L.Bounds {
  const rect = map.getContainer().getBoundingClientRect();
  let bottom = Math.min(rect.bottom, window.innerHeight);
  const sheet = document.querySelector('.detail-sheet')?.getBoundingClientRect();
  if (sheet && sheet.left < rect.right && sheet.right > rect.left && sheet.top > rect.top && sheet.top < bottom) bottom = sheet.top;
  const top = Math.max(rect.top, 0);
  return L.bounds([0, top - rect.top], [rect.width, Math.max(bottom, top + 1) - rect.top]);
}

export default function CrosshairPicker({ onPick }: { onPick: (position: Position) => void }) {
  const map = useMap();
  const { cancel } = useMapPick();
  const [at, setAt] = useState(() => map.containerPointToLatLng(visibleBox(map).getCenter()));
  const here = useRef(at);
  const [marker] = useState(() =>
    L.marker(at, {
      icon: L.divIcon({ className: 'map-crosshair', iconSize: [34, 34], iconAnchor: [17, 17] }),
      interactive: false,
      keyboard: false,
    }),
  );

  useEffect(() => {
    marker.addTo(map);
    return () => void marker.remove();
  }, [map, marker]);
  useEffect(() => {
    here.current = at;
    marker.setLatLng(at);
  }, [at, marker]);

  useEffect(() => {
    const el = map.getContainer();
    // Leaflet's own arrow-key panning would move the map under a crosshair that stays put.
    map.keyboard.disable();
    el.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      const move = MOVES[e.key];
      if (move) {
        e.preventDefault();
        const step = e.shiftKey ? BIG_STEP : STEP;
        const box = visibleBox(map);
        const margin = 24;
        const inner = L.bounds(box.min!.add([margin, margin]), box.max!.subtract([margin, margin]));
        let p = map.latLngToContainerPoint(here.current);
        // Out of sight (the page scrolled, the map zoomed): back to the middle of what is visible.
        if (!box.contains(p)) p = box.getCenter();
        p = p.add([move[0] * step, move[1] * step]);
        // Past the edge (with a margin): the map pans by the same step and the crosshair stays in view.
        if (!inner.contains(p)) {
          map.panBy([move[0] * step, move[1] * step], { animate: false });
          p = p.subtract([move[0] * step, move[1] * step]);
        }
        setAt(map.containerPointToLatLng(p));
      } else if (e.key === '+' || e.key === '=') {
        e.preventDefault();
        map.setZoomAround(here.current, map.getZoom() + 1, { animate: false });
      } else if (e.key === '-' || e.key === '_') {
        e.preventDefault();
        map.setZoomAround(here.current, map.getZoom() - 1, { animate: false });
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onPick(toPosition(here.current));
      } else if (e.key === 'Escape') {
        e.preventDefault();
        cancel();
      }
    };
    const onClick = (e: L.LeafletMouseEvent) => onPick(toPosition(e.latlng));
    el.addEventListener('keydown', onKey);
    map.on('click', onClick);
    el.classList.add('map-picking');
    return () => {
      el.removeEventListener('keydown', onKey);
      map.off('click', onClick);
      el.classList.remove('map-picking');
      map.keyboard.enable();
    };
  }, [map, onPick, cancel]);

  const [lon, lat] = toPosition(at);
  return (
    <div className="map-pick-help" data-testid="map-pick-help">
      <p>Arrow keys move the crosshair (Shift: faster), + and − zoom, Enter places the pin, Escape cancels. Or click the spot.</p>
      <p role="status" aria-live="polite" data-testid="crosshair-position">
        Crosshair at {formatPosition([lon, lat])}
      </p>
    </div>
  );
}
