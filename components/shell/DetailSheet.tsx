'use client';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';

const PHONE = '(max-width: 760px)';

interface Props {
  /** Names the region: "Voyage details", "Vessel profile". */
  label: string;
  /** Move focus to the details' heading once it renders (a keyboard choice). */
  focusOnOpen: boolean;
  onClose: () => void;
  children: ReactNode;
}

const typing = (el: EventTarget) => el instanceof HTMLElement && el.matches('input, textarea, select, [contenteditable="true"]');

/**
 * The slot for a record's details. On a wide screen it sits in the side panel, which scrolls to it;
 * on a phone it is a bottom sheet over the lower part of the screen, so the map stays in view above
 * it (the page is scrolled back to the map if the choice was made further down), and it can be
 * expanded. Escape closes it (except while typing in one of its fields).
 */
export default function DetailSheet({ label, focusOnOpen, onClose, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState(false);

  // Once, as the sheet opens: bring it (or on a phone, the map) into view.
  useEffect(() => {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const behavior: ScrollBehavior = reduce ? 'auto' : 'smooth';
    if (window.matchMedia(PHONE).matches) {
      const map = document.querySelector('.map-pane');
      const top = map ? map.getBoundingClientRect().top : 0;
      if (top < 0 || top > window.innerHeight / 3) window.scrollTo({ top: window.scrollY + top, behavior });
    } else {
      ref.current?.scrollIntoView({ block: 'start', behavior });
    }
  }, []);

  // Focus the heading when it appears (the details load after the sheet opens).
  useEffect(() => {
    const el = ref.current;
    if (!el || !focusOnOpen) return;
    const tryFocus = () => {
      const heading = el.querySelector<HTMLElement>('h2');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: window.matchMedia(PHONE).matches });
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) observer.disconnect();
    });
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [focusOnOpen]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || typing(e.target)) return;
    e.preventDefault();
    onClose();
  };

  return (
    // Escape is a shortcut here, not the only way out: every panel has its own Close button.
    <div ref={ref} className={`detail-sheet${expanded ? ' detail-sheet-expanded' : ''}`} role="region" aria-label={label} onKeyDown={onKeyDown}>
      <button type="button" className="sheet-toggle" aria-expanded={expanded} onClick={() => setExpanded((x) => !x)}>
        <span className="sheet-grip" aria-hidden="true" />
        {expanded ? 'Show more of the map' : 'Show more details'}
      </button>
      <div className="sheet-body">{children}</div>
    </div>
  );
}
