'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useAnnotations, useMe } from '@/lib/client/api';
import type { Annotation, TargetType } from '@/lib/core/domain/annotations';
import { canWrite } from '@/lib/core/domain/permissions';
import AnnotationCard from './AnnotationCard';
import AnnotationComposer from './AnnotationComposer';

/**
 * The team's thread on a record: annotations oldest first, each with its replies, and a composer
 * for editors. Polled every 10 s, so a teammate's note appears without a reload.
 */
export default function AnnotationThread({ target }: { target: { type: TargetType; id: string } }) {
  const { data, error, mutate } = useAnnotations(target.type, target.id);
  const me = useMe().data?.user ?? null;
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const refresh = () => void mutate();

  const all = data?.annotations ?? [];
  const ids = new Set(all.map((a) => a.id));
  // A reply whose thread start is hidden (deleted) still shows, at the top level.
  const roots = all.filter((a) => !a.parentId || !ids.has(a.parentId));
  const replies = new Map<string, Annotation[]>();
  for (const a of all) {
    if (a.parentId && ids.has(a.parentId)) replies.set(a.parentId, [...(replies.get(a.parentId) ?? []), a]);
  }
  const live = all.filter((a) => !a.deletedAt).length;

  return (
    <section className="thread" aria-labelledby={`thread-${target.id}`}>
      <h3 id={`thread-${target.id}`}>Team annotations ({live})</h3>
      {error && (
        <p className="state state-error" role="alert">
          Could not load annotations: {error.message}
        </p>
      )}
      {!data && !error && <p className="state">Loading annotations…</p>}
      {data && roots.length === 0 && <p className="state">No annotations yet.</p>}
      {roots.map((a) => (
        <div key={a.id} className="thread-item">
          <AnnotationCard annotation={a} me={me} onChanged={refresh} onReply={() => setReplyTo(a.id)} />
          {(replies.get(a.id)?.length || replyTo === a.id) && (
            <div className="replies">
              {replies.get(a.id)?.map((r) => (
                <AnnotationCard key={r.id} annotation={r} me={me} onChanged={refresh} isReply />
              ))}
              {replyTo === a.id && (
                <AnnotationComposer
                  target={target}
                  parentId={a.id}
                  onSaved={() => {
                    setReplyTo(null);
                    refresh();
                  }}
                  onCancel={() => setReplyTo(null)}
                />
              )}
            </div>
          )}
        </div>
      ))}
      {canWrite(me) ? (
        <AnnotationComposer target={target} onSaved={refresh} />
      ) : (
        <p className="fine-print" data-testid="read-only-note">
          {me ? `Signed in as a ${me.role}: you can read annotations but not write them.` : <><Link href="/login">Sign in</Link> as an editor to annotate.</>}
        </p>
      )}
    </section>
  );
}
