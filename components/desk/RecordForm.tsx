'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { type DeskKind, type DeskRecord, conflictOf, errorText, updateRecord, useRecord } from '@/lib/client/desk';
import { FIELDS } from './descriptors';
import { isSameValue } from './diff';
import MergeView from './MergeView';
import RecordFields from './RecordFields';
import RecordHistory from './RecordHistory';
import s from './desk.module.css';

type Values = Record<string, unknown>;

/** Edits one record of any kind; shows its history, and a field-by-field merge when the save is stale. */
export default function RecordForm({ kind, id, onClose, pickable = false }: { kind: DeskKind; id: string; onClose: () => void; pickable?: boolean }) {
  const { data, error } = useRecord(kind, id);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      className={s.form}
      aria-labelledby={`edit-${kind}-${id}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 id={`edit-${kind}-${id}`} ref={heading} tabIndex={-1}>
        Edit {kind.slice(0, -1)} {id}
      </h3>
      {error && <p className={s.error}>Could not load the record: {error.message}</p>}
      {!data && !error && <p className={s.hint}>Loading…</p>}
      {data && <Editor key={`${data.id}`} kind={kind} record={data} pickable={pickable} onClose={onClose} />}
    </section>
  );
}

function Editor({ kind, record, pickable, onClose }: { kind: DeskKind; record: DeskRecord; pickable: boolean; onClose: () => void }) {
  const formId = useId();
  const fields = FIELDS[kind];
  const [base, setBase] = useState<DeskRecord>(record);
  const [values, setValues] = useState<Values>(record);
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState<DeskRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const published = base.status === 'published';
  const needsReason = published && !reason.trim();

  async function save(from: DeskRecord, next: Values) {
    const changes = Object.fromEntries(fields.filter((f) => f.name in from && !isSameValue(next[f.name], from[f.name])).map((f) => [f.name, next[f.name]]));
    if (Object.keys(changes).length === 0) {
      setMessage({ ok: false, text: 'Nothing changed.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const saved = await updateRecord(kind, record.id, from.version, changes, published ? reason.trim() : null);
      setBase(saved);
      setValues(saved);
      setConflict(null);
      setReason('');
      setMessage({ ok: true, text: `Saved as version ${saved.version}${published ? ': the change waits for a second person to publish it' : ' (draft)'}.` });
    } catch (err) {
      const current = conflictOf(err, kind);
      if (current) {
        setValues(next);
        setConflict(current);
      } else setMessage({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className={s.hint}>
        {published ? 'Published' : 'Draft'} · version {base.version}
        {base.pendingChange ? ` · a change by ${base.pendingChange.author?.username ?? 'someone'} awaits review` : ''}
      </p>
      {conflict ? (
        <MergeView
          key={conflict.version}
          fields={fields}
          base={base}
          mine={values}
          current={conflict}
          busy={busy || needsReason}
          onSave={(merged) => {
            setBase(conflict);
            void save(conflict, merged);
          }}
          onDiscard={() => {
            setBase(conflict);
            setValues(conflict);
            setConflict(null);
          }}
        />
      ) : (
        <form
          id={formId}
          className={s.form}
          aria-label={`Edit ${record.id}`}
          onSubmit={(e) => {
            e.preventDefault();
            void save(base, values);
          }}
        >
          <RecordFields fields={fields} values={values} onChange={(name, v) => setValues((cur) => ({ ...cur, [name]: v }))} pickable={pickable} />
        </form>
      )}
      {published && (
        <label>
          Reason for the change (required: the record is published)
          <textarea rows={2} value={reason} required onChange={(e) => setReason(e.target.value)} placeholder="correction: …, source and date" />
        </label>
      )}
      {message && (
        <p className={message.ok ? s.ok : s.error} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div className="form-actions">
        {!conflict && (
          <button type="submit" form={formId} className="button" disabled={busy || needsReason}>
            Save changes
          </button>
        )}
        <button type="button" className="link-button" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
          {showHistory ? 'Hide history' : 'Show history'}
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      {showHistory && <RecordHistory kind={kind} id={record.id} />}
    </>
  );
}
