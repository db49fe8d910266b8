'use client';
import { useId, useState } from 'react';
import type { Annotation } from '@/lib/core/domain/annotations';

/**
 * Someone saved this annotation while you were editing it. Both texts side by side, and a merge
 * box (starting from yours) that is saved on top of the current version.
 */
export default function ConflictMerge({
  mine,
  current,
  busy,
  onSave,
  onDiscard,
}: {
  mine: string;
  current: Annotation;
  busy: boolean;
  onSave: (merged: string) => void;
  onDiscard: () => void;
}) {
  const id = useId();
  const [merged, setMerged] = useState(mine);
  return (
    <div className="conflict" role="group" aria-label="Edit conflict">
      <p className="conflict-head" role="alert">
        This annotation was changed while you were editing (now version {current.version}). Nothing is lost: compare
        the two, merge them below, then save.
      </p>
      <div className="conflict-sides">
        <figure>
          <figcaption>Your text</figcaption>
          <pre data-testid="conflict-mine">{mine}</pre>
        </figure>
        <figure>
          <figcaption>Current text (v{current.version})</figcaption>
          <pre data-testid="conflict-current">{current.body}</pre>
        </figure>
      </div>
      <label htmlFor={`${id}-merge`} className="conflict-merge">
        Merged text
        <textarea id={`${id}-merge`} rows={4} value={merged} onChange={(e) => setMerged(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy || !merged.trim()} onClick={() => onSave(merged)}>
          Save merged text
        </button>
        <button type="button" className="link-button" onClick={() => setMerged(`${current.body}\n\n${mine}`)}>
          Start from both
        </button>
        <button type="button" className="link-button" onClick={onDiscard}>
          Keep current, discard mine
        </button>
      </div>
    </div>
  );
}
