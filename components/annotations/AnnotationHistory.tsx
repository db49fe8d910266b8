'use client';
import { useAnnotationHistory } from '@/lib/client/api';
import type { AnnotationRevision, AnnotationSnapshot } from '@/lib/core/domain/annotations';
import { KIND_LABEL, formatPosition, formatTime } from './format';

const ACTION: Record<AnnotationRevision['action'], string> = {
  create: 'created',
  edit: 'edited',
  delete: 'deleted',
  restore: 'restored',
};

function changes(before: AnnotationSnapshot | null, after: AnnotationSnapshot | null): string[] {
  if (!before || !after) return [];
  const out: string[] = [];
  if (before.kind !== after.kind) out.push(`kind: ${KIND_LABEL[before.kind]} → ${KIND_LABEL[after.kind]}`);
  if (before.resolved !== after.resolved) out.push(after.resolved ? 'marked resolved' : 'reopened');
  if (JSON.stringify(before.evidenceUrls) !== JSON.stringify(after.evidenceUrls)) out.push('evidence URLs changed');
  if (JSON.stringify(before.location) !== JSON.stringify(after.location)) {
    out.push(after.location ? `pin moved to ${formatPosition(after.location)}` : 'pin removed');
  }
  return out;
}

/** Every accepted change to one annotation, oldest first: who, when, and the text before and after. */
export default function AnnotationHistory({ id }: { id: string }) {
  const { data, error, isLoading } = useAnnotationHistory(id);
  if (error) return <p className="state state-error">Could not load the history: {error.message}</p>;
  if (isLoading || !data) return <p className="state">Loading history…</p>;
  return (
    <ol className="history" aria-label="Edit history">
      {data.revisions.map((r) => (
        <li key={r.version}>
          <div className="history-meta">
            v{r.version} · {ACTION[r.action]} by <strong>{r.actor.username}</strong> · {formatTime(r.at)}
          </div>
          {changes(r.before, r.after).map((c) => (
            <div key={c} className="history-change">
              {c}
            </div>
          ))}
          {r.action === 'create' && r.after && <pre className="history-text">{r.after.body}</pre>}
          {r.action === 'edit' && r.before && r.after && r.before.body !== r.after.body && (
            <div className="history-diff">
              <pre className="history-before" aria-label="Before">
                {r.before.body}
              </pre>
              <pre className="history-after" aria-label="After">
                {r.after.body}
              </pre>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
