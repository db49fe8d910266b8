'use client';
import { useEffect, useState } from 'react';
import { useAnnotations, useMe } from '@/lib/client/api';
import type { Annotation, TargetType } from '@/lib/core/domain/annotations';
import { canWrite } from '@/lib/core/domain/permissions';
import SignInLink from '../SignInLink';
import AnnotationCard from './AnnotationCard';
import AnnotationComposer from './AnnotationComposer';
import { KIND_LABEL } from './format';

const newestFirst = (a: Annotation, b: Annotation) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1);

/**
 * The team's thread on any record (voyage, port or vessel): the composer first, then the newest
 * notes, newest first, each with its replies in the order they were written, and older notes on
 * request ("Show older notes") at the end. Refreshed every 10 s, so a teammate's note appears
 * without a reload; a refresh fetches only what changed. A reply whose thread start is not loaded
 * yet shows at the top level until its page is. After posting, focus moves to the new note (and a
 * status line says it was posted), so the keyboard stays in the thread.
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
  const [posted, setPosted] = useState<{ id: string; message: string } | null>(null);
  const refresh = () => void mutate();
  const showOlder = () => {
    setOlder({ busy: true, error: null });
    loadOlder().then(
      () => setOlder({ busy: false, error: null }),
      (err: unknown) => setOlder({ busy: false, error: err instanceof Error ? err.message : 'The server did not answer.' }),
    );
  };
  const onPosted = (a: Annotation, reply: boolean) => {
    setPosted({ id: a.id, message: reply ? `Reply posted by ${a.author.username}.` : `${KIND_LABEL[a.kind]} posted by ${a.author.username}.` });
    refresh();
  };

  const all = data?.annotations ?? [];
  // Focus the note just posted once the refreshed list shows it.
  const postedShown = posted !== null && all.some((a) => a.id === posted.id);
  useEffect(() => {
    if (!posted || !postedShown) return;
    const el = document.getElementById(`annotation-${posted.id}`);
    el?.focus();
  }, [posted, postedShown]);

  const ids = new Set(all.map((a) => a.id));
  // A reply whose thread start is hidden (deleted, or on an older page not loaded yet) shows at the top level.
  const roots = all.filter((a) => !a.parentId || !ids.has(a.parentId)).sort(newestFirst);
  const replies = new Map<string, Annotation[]>();
  for (const a of all) {
    if (a.parentId && ids.has(a.parentId)) replies.set(a.parentId, [...(replies.get(a.parentId) ?? []), a]);
  }
  for (const list of replies.values()) list.sort((a, b) => newestFirst(b, a));
  const live = data?.live ?? 0;

  return (
    <section className="thread" aria-labelledby={headingId}>
      <Heading id={headingId}>Team annotations ({live})</Heading>
      <p className="visually-hidden" role="status" aria-live="polite">
        {postedShown ? posted.message : ''}
      </p>
      {canWrite(me) ? (
        <AnnotationComposer target={target} onSaved={(a) => onPosted(a, false)} />
      ) : (
        <p className="fine-print" data-testid="read-only-note">
          {me ? (
            `Signed in as a ${me.role}: you can read annotations but not write them.`
          ) : (
            <>
              <SignInLink /> as an editor to annotate.
            </>
          )}
        </p>
      )}
      {error && (
        <p className="state state-error" role="alert">
          Could not load annotations: {error.message}
        </p>
      )}
      {!data && !error && <p className="state">Loading annotations…</p>}
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
                  onSaved={(r) => {
                    setReplyTo(null);
                    onPosted(r, true);
                  }}
                  onCancel={() => setReplyTo(null)}
                />
              )}
            </div>
          )}
        </div>
      ))}
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
    </section>
  );
}
