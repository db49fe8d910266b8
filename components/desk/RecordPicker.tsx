'use client';
import { useId, useRef, useState } from 'react';
import { DESK_KINDS, type DeskKind } from '@/lib/client/desk';
import { RefSelect } from './inputs';
import RecordForm from './RecordForm';
import s from './desk.module.css';

/** Choose any record of any kind, then edit it in the one record form. */
export default function RecordPicker({ onClose, pickable = false }: { onClose?: () => void; pickable?: boolean }) {
  const id = useId();
  const [kind, setKind] = useState<DeskKind>('observations');
  const [recordId, setRecordId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ kind: DeskKind; id: string } | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  return (
    <section
      className={s.form}
      aria-labelledby={`${id}-h`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onClose) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 id={`${id}-h`}>Edit a record</h3>
      <div className={s.row}>
        <label htmlFor={`${id}-kind`}>
          Kind
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as DeskKind);
              setRecordId(null);
            }}
          >
            {DESK_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <RefSelect label="Record" kind={kind} value={recordId} nullable={false} onChange={setRecordId} />
      </div>
      <div className="form-actions">
        <button ref={editButton} type="button" className="button" disabled={!recordId} onClick={() => recordId && setEditing({ kind, id: recordId })}>
          Edit
        </button>
        {onClose && (
          <button type="button" className="link-button" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      {editing && (
        <RecordForm
          key={`${editing.kind}/${editing.id}`}
          kind={editing.kind}
          id={editing.id}
          pickable={pickable}
          onClose={() => {
            setEditing(null);
            editButton.current?.focus();
          }}
        />
      )}
    </section>
  );
}
