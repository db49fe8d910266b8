'use client';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';

/** How long the "two fingers" hint stays after a one-finger swipe on the map. */
const HINT_MS = 1500;

/**
 * Cooperative touch gestures, as phone users know them from other web maps: on a touch screen
 * one finger scrolls the page past the map and two fingers move and zoom it.
 *
 * Leaflet's one-finger drag is switched off while a single finger is down, which also drops its
 * `touch-action: none` class, so the browser scrolls the page; a second finger switches it back on
 * and Leaflet's pinch handler pans and zooms. Taps still select routes and ports. Mouse and pen
 * are untouched: a desktop map still drags with the mouse and zooms with the wheel.
 *
 * (Leaflet.GestureHandling does this too, but it also takes the wheel away from desktop users and
 * has not been released since 2020; this is the part Wakeline needs.)
 */
export default function TouchGestures() {
  const map = useMap();
  const [hint, setHint] = useState(false);
  useEffect(() => {
    const container = map.getContainer();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let fingers = 0;
    const onStart = (e: TouchEvent) => {
      fingers = e.touches.length;
      if (fingers >= 2) {
        map.dragging.enable();
        setHint(false);
      } else {
        map.dragging.disable();
      }
    };
    const onMove = (e: TouchEvent) => {
      if (fingers !== 1 || e.touches.length !== 1) return;
      setHint(true);
      clearTimeout(timer);
      timer = setTimeout(() => setHint(false), HINT_MS);
    };
    const onEnd = (e: TouchEvent) => {
      fingers = e.touches.length;
    };
    // A touch screen starts with one-finger drag off, so the very first swipe already scrolls.
    if (window.matchMedia('(pointer: coarse)').matches) map.dragging.disable();
    // Capture phase, passive: seen before Leaflet's own handlers, and never blocking the scroll.
    container.addEventListener('touchstart', onStart, { capture: true, passive: true });
    container.addEventListener('touchmove', onMove, { capture: true, passive: true });
    container.addEventListener('touchend', onEnd, { capture: true, passive: true });
    container.addEventListener('touchcancel', onEnd, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      container.removeEventListener('touchstart', onStart, { capture: true });
      container.removeEventListener('touchmove', onMove, { capture: true });
      container.removeEventListener('touchend', onEnd, { capture: true });
      container.removeEventListener('touchcancel', onEnd, { capture: true });
      map.dragging.enable();
    };
  }, [map]);
  return (
    <div className={`touch-hint${hint ? ' touch-hint-on' : ''}`} aria-hidden="true">
      Use two fingers to move the map
    </div>
  );
}
