'use client';
import { useRef, useState } from 'react';
import { useMe } from '@/lib/client/api';
import { hasRole } from '@/lib/core/domain/permissions';
import ImportDialog from './ImportDialog';

/** The header's "Import track" button, for editors, and the dialog it opens (focus comes back to it). */
export default function ImportEntry() {
  const { data } = useMe();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!hasRole(data?.user, 'editor')) return null;
  return (
    <>
      <button ref={button} type="button" className="button button-secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Import track
      </button>
      {open && (
        <ImportDialog
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
          onOpenProfile={() => setOpen(false)}
        />
      )}
    </>
  );
}
