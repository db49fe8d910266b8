'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useAnnotations, useMe } from '@/lib/client/api';
import type { Annotation, TargetType } from '@/lib/core/domain/annotations';
import { canWrite } from '@/lib/core/domain/permissions';
import AnnotationCard from './AnnotationCard';
import AnnotationComposer from './AnnotationComposer';

/**
 * The team's thread on any record (voyage, port or vessel): the newest annotations, oldest first, each with its replies, older
 * ones on request ("Show older notes"), and a composer for editors. Refreshed every 10 s, so a
 * teammate's note appears without a reload; a refresh fetches only what changed. A reply whose
 * thread start is not loaded yet shows at the top level until its page is.
 */
export default function AnnotationThread({
  target,
  headingLevel = 3,
}: {
  /** Any annotated record: `{ type: 'voyage' | 'port' | 'vessel', id }`. */
  target: { type: TargetType; id: string };
  /** The heading's level where the thread sits (h3 in the voyage detail). */
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  const headingId = `thread-${target.type}-${target.id}`;
  const { data, error, mutate, loadOlder } = useAnnotations(target.type, target.id);
  const me = useMe().data?.user ?? null;
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [older, setOlder] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const refresh = () => void mutate();
  const showOlder = () => {
    setOlder({ busy: true, error: null });
    loadOlder().then(
      () => setOlder({ busy: false, error: null }),
      (err: unknown) => setOlder({ busy: false, error: err instanceof Error ? err.message : 'The server did not answer.' }),
    );
  };

  const all = data?.annotations ?? [];
  const ids = new Set(all.map((a) => a.id));
  // A reply whose thread start is hidden (deleted, or on an older page not loaded yet) shows at the top level.
  const roots = all.filter((a) => !a.parentId || !ids.has(a.parentId));
  const replies = new Map<string, Annotation[]>();
  for (const a of all) {
    if (a.parentId && ids.has(a.parentId)) replies.set(a.parentId, [...(replies.get(a.parentId) ?? []), a]);
  }
  const live = data?.live ?? 0;

  return (
    <section className="thread" aria-labelledby={headingId}>
      <Heading id={headingId}>Team annotations ({live})</Heading>
      {error && (
        <p className="state state-error" role="alert">
          Could not load annotations: {error.message}
        </p>
      )}
      {!data && !error && <p className="state">Loading annotations…</p>}
      {data?.hasOlder && (
        <p className="thread-older">
          <button type="button" onClick={showOlder} disabled={older.busy}>
            {older.busy ? 'Loading older notes…' : 'Show older notes'}
          </button>
          {older.error && (
            <span className="state state-error" role="alert">
              {' '}
              Could not load older notes: {older.error}
            </span>
          )}
        </p>
      )}
      {data && roots.length === 0 && !data.hasOlder && <p className="state">No annotations yet.</p>}
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
