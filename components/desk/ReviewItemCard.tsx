'use client';
import { useId, useRef, useState } from 'react';
import { DESK_KINDS, type DeskKind, type ReviewItem, errorText, publishRecord } from '@/lib/client/desk';
import type { Me } from '@/lib/core/domain/annotations';
import { hasRole } from '@/lib/core/domain/permissions';
import { formatTime } from '../annotations/format';
import Changes from './Changes';
import { fieldChanges } from './diff';
import RecordForm from './RecordForm';
import s from './desk.module.css';

/** The queue names a kind in the singular (`observation`); the URLs use the plural. */
function kindOf(k: string): DeskKind | null {
  const plural = k.endsWith('s') ? k : `${k}s`;
  return (DESK_KINDS as readonly string[]).includes(plural) ? (plural as DeskKind) : null;
}

/** One draft or pending change in the queue: what changed, who wrote it and why, and Publish. */
export default function ReviewItemCard({ item, me, onPublished }: { item: ReviewItem; me: NonNullable<Me['user']>; onPublished: (text: string) => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const kind = kindOf(item.kind);
  const isDraft = item.status === 'draft' || item.before === null;
  const own = item.author?.id === me.id;
  const admin = hasRole(me, 'admin');
  const blocked = !hasRole(me, 'editor')
    ? 'Only editors and admins publish.'
    : own && !admin
      ? 'You wrote this change, so a second person must publish it.'
      : own && admin && !reason.trim()
        ? 'You wrote this change: as an admin you may publish it only with a written reason.'
        : null;

  async function publish() {
    if (!kind) return;
    setBusy(true);
    setError(null);
    try {
      await publishRecord(kind, item.id, item.version, reason.trim() || null);
      onPublished(`Published ${kind.slice(0, -1)} ${item.id}.`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li>
      <article className={s.item} aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>
          <span className={s.tag}>{isDraft ? 'draft' : 'change'}</span>
          {kind?.slice(0, -1) ?? item.kind}: {item.label}
        </h3>
        <p className={s.meta}>
          {item.id} · by <strong>{item.author?.username ?? 'the seed import'}</strong> · {formatTime(item.at)}
        </p>
        {item.reason && <p className={s.reason}>Reason: {item.reason}</p>}
        <Changes changes={fieldChanges(item.before, item.after)} label={`Changes to ${item.id}`} />
        {own && admin && (
          <label htmlFor={`${id}-reason`}>
            Reason for publishing your own change
            <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        )}
        {error && (
          <p className={s.error} role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={busy || blocked !== null || !kind}
            aria-describedby={blocked ? `${id}-why` : undefined}
            onClick={() => void publish()}
          >
            Publish
          </button>
          {kind && hasRole(me, 'editor') && (
            <button ref={editButton} type="button" className="link-button" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
              {editing ? 'Close editor' : 'Edit'}
            </button>
          )}
        </div>
        {blocked && (
          <p id={`${id}-why`} className={s.hint}>
            {blocked}
          </p>
        )}
        {editing && kind && (
          <RecordForm
            kind={kind}
            id={item.id}
            onClose={() => {
              setEditing(false);
              editButton.current?.focus();
            }}
          />
        )}
      </article>
    </li>
  );
}
