'use client';
import { useState } from 'react';
import { ApiError, annotationsUrl, sendJson } from '@/lib/client/api';
import type { Annotation, TargetType } from '@/lib/core/domain/annotations';
import AnnotationFields, { type Draft } from './AnnotationFields';
import { parseUrlLines } from './format';

const empty: Draft = { kind: 'note', body: '', urls: '', location: null };

/** Writes a new annotation, or a reply when `parentId` is given. */
export default function AnnotationComposer({
  target,
  parentId = null,
  onSaved,
  onCancel,
}: {
  target: { type: TargetType; id: string };
  parentId?: string | null;
  onSaved: (a: Annotation) => void;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(parentId ? { ...empty } : empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { annotation } = await sendJson<{ annotation: Annotation }>('POST', annotationsUrl(target.type, target.id), {
        kind: draft.kind,
        body: draft.body,
        evidenceUrls: parseUrlLines(draft.urls),
        location: draft.location,
        parentId,
      });
      setDraft(empty);
      onSaved(annotation);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not save: the server did not answer.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={parentId ? 'composer composer-reply' : 'composer'} onSubmit={(e) => void submit(e)} aria-label={parentId ? 'Reply' : 'New annotation'}>
      <AnnotationFields draft={draft} onChange={setDraft} bodyLabel={parentId ? 'Reply' : 'Text'} showKind={!parentId} />
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || !draft.body.trim()}>
          {parentId ? 'Post reply' : 'Add annotation'}
        </button>
        {onCancel && (
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
