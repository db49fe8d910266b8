'use client';
import { useId, useRef, useState } from 'react';

type Status = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string };

/**
 * A "Copy link" button: the Clipboard API where the browser allows it; otherwise the link in a
 * read-only field, selected, ready for Ctrl+C. Either way a live region says what happened.
 */
export function CopyLink({ label, link }: { label: string; link: () => string }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();

  async function copy() {
    const text = link();
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setStatus({ kind: 'copied' });
    } catch {
      setStatus({ kind: 'manual', link: text });
      requestAnimationFrame(() => {
        field.current?.focus();
        field.current?.select();
      });
    }
  }

  return (
    <div className="copy-link">
      <button type="button" className="button button-secondary" onClick={() => void copy()}>
        {label}
      </button>
      {status.kind === 'manual' && (
        <label htmlFor={fieldId} className="copy-link-field">
          The browser did not let the page copy: the link is selected, press Ctrl+C (⌘C on a Mac).
          <input id={fieldId} ref={field} type="text" readOnly value={status.link} onFocus={(e) => e.currentTarget.select()} data-testid="copy-link-field" />
        </label>
      )}
      <span role="status" aria-live="polite" className="copy-link-status">
        {status.kind === 'copied' ? 'Link copied' : status.kind === 'manual' ? 'Link ready to copy' : ''}
      </span>
    </div>
  );
}
