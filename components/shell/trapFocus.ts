import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex="0"]';

/** A modal dialog's Tab and Shift+Tab: kept inside `dialog`, wrapping round at either end. */
export function trapFocus(e: KeyboardEvent<HTMLElement>, dialog: HTMLElement) {
  if (e.key !== 'Tab') return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled'));
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
