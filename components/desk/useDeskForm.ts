'use client';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { type DeskKind, type DeskRecord, createRecord, errorText } from '@/lib/client/desk';

/**
 * What the three "add" forms share: focus moves into the form when it opens, Escape closes it,
 * and a save creates a draft and moves focus to the message saying so.
 */
export function useCreateForm(kind: DeskKind, onClose: () => void) {
  const form = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<DeskRecord | null>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  useEffect(() => {
    if (created) done.current?.focus();
  }, [created]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  async function create(fields: Record<string, unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      setCreated(await createRecord(kind, fields));
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { form, done, busy, error, setError, created, onKeyDown, create };
}
