'use client';
import { useEffect, useRef, useState } from 'react';

type Modality = 'keyboard' | 'pointer';

/**
 * Where focus goes as details open and close, the master–detail pattern of the APG:
 * - a record chosen with the keyboard moves focus to its details' heading (a pointer choice leaves
 *   focus where it was, so a mouse user's list does not jump);
 * - closing the details returns focus to what opened them (the list item, the search box), or to
 *   the list's heading when that is gone.
 * Returns whether the details now open should take focus.
 */
export function useSelectionFocus(selected: string | undefined): boolean {
  const modality = useRef<Modality>('pointer');
  const returnTo = useRef<HTMLElement | null>(null);
  const previous = useRef<string | undefined>(selected);
  const [focusOnOpen, setFocusOnOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.metaKey && !e.ctrlKey && !e.altKey) modality.current = 'keyboard';
    };
    const onPointer = () => {
      modality.current = 'pointer';
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, []);

  useEffect(() => {
    const before = previous.current;
    previous.current = selected;
    if (selected === before) return;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (selected) {
      // What opened these details, unless it was the details of another record (their own links).
      if (active && active !== document.body && !active.closest('.detail-sheet')) returnTo.current = active;
      setFocusOnOpen(modality.current === 'keyboard');
      return;
    }
    setFocusOnOpen(false);
    // Closed: only take focus back when it was inside the details (now gone) or lost to the body.
    if (active && active !== document.body && document.contains(active)) return;
    const target = returnTo.current && document.contains(returnTo.current) ? returnTo.current : document.getElementById('voyage-list-heading');
    if (target) {
      if (!target.hasAttribute('tabindex') && !target.matches('a, button, input, select, textarea')) target.tabIndex = -1;
      target.focus();
    }
    returnTo.current = null;
  }, [selected]);

  return focusOnOpen;
}
