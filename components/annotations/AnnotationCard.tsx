'use client';
import { useState } from 'react';
import { ApiError, sendJson } from '@/lib/client/api';
import { type Annotation, isResolvable } from '@/lib/core/domain/annotations';
import { type Actor, canAdminister, canModify, canWrite } from '@/lib/core/domain/permissions';
import Linkified from '../Linkified';
import AnnotationFields, { type Draft } from './AnnotationFields';
import AnnotationHistory from './AnnotationHistory';
import ConflictMerge from './ConflictMerge';
import { KIND_LABEL, formatPosition, formatTime, parseUrlLines } from './format';

type Mode = { name: 'view' } | { name: 'edit'; draft: Draft } | { name: 'conflict'; draft: Draft; current: Annotation } | { name: 'confirm-delete' };

/** One annotation: its text (as text), evidence, pin, author and times, and what you may do with it. */
export default function AnnotationCard({
  annotation: a,
  me,
  onChanged,
  onReply,
  isReply = false,
}: {
  annotation: Annotation;
  me: Actor | null;
  onChanged: () => void;
  onReply?: () => void;
  isReply?: boolean;
}) {
  const [mode, setMode] = useState<Mode>({ name: 'view' });
  const [showHistory, setShowHistory] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mayModify = canModify(me, { authorId: a.author.id }) && !a.deletedAt;

  async function run(action: () => Promise<unknown>, onConflict?: (current: Annotation) => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode({ name: 'view' });
      onChanged();
    } catch (err) {
      const current = (err instanceof ApiError && err.status === 409 && (err.details as { current?: Annotation } | undefined)?.current) || null;
      if (current && onConflict) onConflict(current);
      else setError(err instanceof ApiError ? err.message : 'The server did not answer.');
      if (err instanceof ApiError && err.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  }

  const save = (draft: Draft, version: number, body = draft.body) =>
    run(
      () =>
        sendJson('PATCH', `/api/annotations/${a.id}`, {
          version,
          kind: isReply ? undefined : draft.kind,
          body,
          evidenceUrls: parseUrlLines(draft.urls),
          location: draft.location,
        }),
      (current) => setMode({ name: 'conflict', draft: { ...draft, body }, current }),
    );

  const startEdit = () =>
    setMode({ name: 'edit', draft: { kind: a.kind, body: a.body, urls: a.evidenceUrls.join('\n'), location: a.location } });

  return (
    <article
      id={`annotation-${a.id}`}
      className={`annotation annotation-${a.kind}${a.deletedAt ? ' annotation-deleted' : ''}`}
      aria-label={`${KIND_LABEL[a.kind]} by ${a.author.username}`}
      tabIndex={-1}
    >
      <header className="annotation-head">
        {!isReply && <span className={`kind kind-${a.kind}`}>{KIND_LABEL[a.kind]}</span>}
        {!isReply && isResolvable(a.kind) && <span className={a.resolved ? 'resolved' : 'open'}>{a.resolved ? 'resolved' : 'open'}</span>}
        <strong className="annotation-author">{a.author.username}</strong>
        <time dateTime={a.createdAt}>{formatTime(a.createdAt)}</time>
        {a.editedAt && <span className="edited" title={`edited ${formatTime(a.editedAt)}`}>· edited</span>}
        {a.deletedAt && <span className="deleted-tag">deleted</span>}
      </header>

      {mode.name === 'edit' ? (
        <form
          className="composer"
          aria-label="Edit annotation"
          onSubmit={(e) => {
            e.preventDefault();
            void save(mode.draft, a.version);
          }}
        >
          <AnnotationFields draft={mode.draft} onChange={(draft) => setMode({ name: 'edit', draft })} showKind={!isReply} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy || !mode.draft.body.trim()}>
              Save
            </button>
            <button type="button" className="link-button" onClick={() => setMode({ name: 'view' })}>
              Cancel
            </button>
          </div>
        </form>
      ) : mode.name === 'conflict' ? (
        <ConflictMerge
          mine={mode.draft.body}
          current={mode.current}
          busy={busy}
          onSave={(merged) => void save(mode.draft, mode.current.version, merged)}
          onDiscard={() => setMode({ name: 'view' })}
        />
      ) : (
        <>
          <p className="annotation-body">
            <Linkified text={a.body} />
          </p>
          {a.evidenceUrls.length > 0 && (
            <ul className="evidence" aria-label="Evidence">
              {a.evidenceUrls.map((u) => (
                <li key={u}>
                  <a href={u} target="_blank" rel="noopener noreferrer nofollow">
                    {u}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {a.location && <div className="annotation-pin">📍 {formatPosition(a.location)}</div>}
        </>
      )}

      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}

      {mode.name === 'confirm-delete' ? (
        <div className="form-actions">
          <span>Delete this annotation? An admin can restore it.</span>
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void run(() => sendJson('DELETE', `/api/annotations/${a.id}?version=${a.version}`))}>
            Delete
          </button>
          <button type="button" className="link-button" onClick={() => setMode({ name: 'view' })}>
            Keep
          </button>
        </div>
      ) : (
        mode.name === 'view' && (
          <div className="annotation-actions">
            {onReply && canWrite(me) && !a.deletedAt && (
              <button type="button" className="link-button" onClick={onReply}>
                Reply
              </button>
            )}
            {mayModify && (
              <button type="button" className="link-button" onClick={startEdit}>
                Edit
              </button>
            )}
            {mayModify && !isReply && isResolvable(a.kind) && (
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => void run(() => sendJson('PATCH', `/api/annotations/${a.id}`, { version: a.version, resolved: !a.resolved }))}
              >
                {a.resolved ? 'Reopen' : 'Mark resolved'}
              </button>
            )}
            {mayModify && (
              <button type="button" className="link-button" onClick={() => setMode({ name: 'confirm-delete' })}>
                Delete
              </button>
            )}
            {a.deletedAt && canAdminister(me) && (
              <button type="button" className="link-button" disabled={busy} onClick={() => void run(() => sendJson('POST', `/api/annotations/${a.id}/restore`))}>
                Restore
              </button>
            )}
            <button type="button" className="link-button" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)}>
              {showHistory ? 'Hide history' : `History (v${a.version})`}
            </button>
          </div>
        )
      )}
      {showHistory && <AnnotationHistory key={a.version} id={a.id} />}
    </article>
  );
}
