'use client';
import { type KeyboardEvent, useEffect, useRef } from 'react';

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex="0"]';

/**
 * A modal dialog's keyboard: focus moves to its first field as it opens, Tab and Shift+Tab stay
 * inside (wrapping round), Escape closes it. The opener takes focus back (the caller's job, since
 * only it knows the opener).
 */
export function useDialogKeys(onClose: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The first field (the file chooser), not the close button that comes first in the DOM.
    (ref.current?.querySelector<HTMLElement>('input, select, textarea') ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
  }, []);
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }
  return { ref, onKeyDown };
}
