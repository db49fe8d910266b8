'use client';
import { type DeskKind, type Revision, useHistory } from '@/lib/client/desk';
import { formatTime } from '../annotations/format';
import Changes from './Changes';
import { fieldChanges } from './diff';
import s from './desk.module.css';

const ACTION: Record<Revision['action'], string> = {
  create: 'created',
  edit: 'edited (draft)',
  propose: 'proposed a change',
  publish: 'published',
  delete: 'deleted',
  restore: 'restored',
};

/** Every change to one record, oldest first: who, when, why, and what each field was and became. */
export default function RecordHistory({ kind, id }: { kind: DeskKind; id: string }) {
  const { data, error, isLoading } = useHistory(kind, id);
  if (error) return <p className={s.error}>Could not load the history: {error.message}</p>;
  if (isLoading || !data) return <p className={s.hint}>Loading history…</p>;
  return (
    <ol className={s.revisions} aria-label="Record history">
      {data.revisions.map((r) => (
        <li key={`${r.version}-${r.action}-${r.at}`}>
          <div className={s.meta}>
            v{r.version} · {ACTION[r.action] ?? r.action} by <strong>{r.actor?.username ?? 'the seed import'}</strong> · {formatTime(r.at)}
          </div>
          {r.reason && <div className={s.reason}>Reason: {r.reason}</div>}
          {(r.action === 'edit' || r.action === 'propose' || (r.action === 'publish' && r.before && r.after)) && (
            <Changes changes={fieldChanges(r.before, r.after)} label={`Changes in version ${r.version}`} />
          )}
        </li>
      ))}
    </ol>
  );
}
