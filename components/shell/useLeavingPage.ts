'use client';
import { type RefObject, useEffect, useRef } from 'react';

/**
 * True from the moment a link to another page of the app is followed by the client router (a
 * Next.js Link calls preventDefault on the click) until this page unmounts.
 *
 * The dashboard writes its view to the URL through the History API, and Next.js turns such a write
 * into a router action that discards a navigation still loading. A late write (the map settling
 * after a fit, a throttled cursor write) would cancel a click on "Open questions" and leave the
 * reader on the map. While leaving, the dashboard keeps its state but stops writing the URL.
 */
export function useLeavingPage(): RefObject<boolean> {
  const leaving = useRef(false);
  useEffect(() => {
    // Bubbling on window: after React's own handlers on the document, so Link has already decided.
    const onClick = (event: MouseEvent) => {
      if (!event.defaultPrevented || !(event.target instanceof Element)) return;
      const anchor = event.target.closest('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || anchor.origin !== window.location.origin) return;
      if (anchor.pathname !== window.location.pathname) leaving.current = true;
    };
    // Back or Forward into this page again (a bfcache restore, or the router's popstate).
    const onReturn = () => {
      leaving.current = false;
    };
    window.addEventListener('click', onClick);
    window.addEventListener('popstate', onReturn);
    window.addEventListener('pageshow', onReturn);
    return () => {
      window.removeEventListener('click', onClick);
      window.removeEventListener('popstate', onReturn);
      window.removeEventListener('pageshow', onReturn);
    };
  }, []);
  return leaving;
}
