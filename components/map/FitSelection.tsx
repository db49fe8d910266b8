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

/**
 * Leaflet measures its container once and on window resizes only: told again whenever the container
 * changes size (the panel beside it filling in after the map, the timeline under it opening,
 * printing at the page's width), keeping the same centre. Without it a map sized before the
 * layout settled drew and hit-tested against its old size (the URL's centre off-centre, hovering
 * missing the routes under the pointer).
 */
function useContainerSize(map: L.Map) {
  useEffect(() => {
    // The centre as the last move left it (the one the page's link was written from), at first the
    // one the map was made with: once the map has been panned or measured again, getCenter() is
    // worked out from whole pixels and differs from it by a fraction of one.
    let settled = map.getCenter();
    const remember = () => void (settled = map.getCenter());
    map.on('moveend', remember);
    let waiting = false;
    const resize = () => {
      // Mid-animation (a fit, a zoom) the centre is on its way: taken then, the view would stop
      // short of where it was going. Once it has arrived, then.
      const m = map as L.Map & { _animatingZoom?: boolean; _panAnim?: { _inProgress?: boolean }; _flyToFrame?: number };
      if (m._animatingZoom || m._panAnim?._inProgress || m._flyToFrame) {
        if (!waiting) map.once('moveend', () => ((waiting = false), resize()));
        waiting = true;
        return;
      }
      const [centre, zoom, size] = [settled, map.getZoom(), map.getSize()];
      // The observer's first call, and any that leaves the size as the map last measured it: asked
      // to measure again, Leaflet forgets its exact centre even when nothing changed.
      const el = map.getContainer();
      if (el.clientWidth === size.x && el.clientHeight === size.y) return;
      map.invalidateSize({ animate: false, pan: false });
      // `reset`: a view set afresh. Without it, setView at the same zoom pans by a whole number
      // of pixels, and the centre (and the link the page writes) moves by the fraction left.
      if (!map.getSize().equals(size)) map.setView(centre, zoom, { animate: false, reset: true } as L.ZoomPanOptions);
    };
    const print = window.matchMedia('print');
    print.addEventListener('change', resize);
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(map.getContainer());
    return () => {
      map.off('moveend', remember);
      observer?.disconnect();
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
  useContainerSize(map);
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
