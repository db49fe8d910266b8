'use client';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { trapFocus } from '../shell/trapFocus';

/**
 * A modal dialog's keyboard: focus moves to its first field as it opens, Tab and Shift+Tab stay
 * inside (wrapping round), Escape closes it. The opener takes focus back (the caller's job, since
 * only it knows the opener).
 */
export function useDialogKeys(onClose: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The first field (the file chooser), not the close button that comes first in the DOM.
    (ref.current?.querySelector<HTMLElement>('input, select, textarea') ?? ref.current?.querySelector<HTMLElement>('button, a[href]'))?.focus();
  }, []);
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (ref.current) trapFocus(e, ref.current);
  }
  return { ref, onKeyDown };
}
