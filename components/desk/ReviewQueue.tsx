'use client';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useMe } from '@/lib/client/api';
import { useReview } from '@/lib/client/desk';
import { hasRole } from '@/lib/core/domain/permissions';
import RecordPicker from './RecordPicker';
import ReviewItemCard from './ReviewItemCard';
import s from './desk.module.css';

/** The review queue: every draft and every proposed change, each as a diff, with Publish. */
export default function ReviewQueue() {
  const me = useMe();
  const user = me.data?.user ?? null;
  const review = useReview(hasRole(user, 'editor'));
  const [status, setStatus] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // The published item leaves the list: focus goes to the message saying so, not to the page top.
  useEffect(() => {
    if (status) statusRef.current?.focus();
  }, [status]);
  if (!me.data) return <p className={s.hint}>Loading…</p>;
  if (!user) {
    return (
      <p role="alert">
        The review queue is for the team. <Link href="/login">Sign in</Link> to see drafts and proposed changes.
      </p>
    );
  }
  if (!hasRole(user, 'editor')) {
    return (
      <p role="alert">
        The review queue is for editors and admins; you are signed in as a {user.role}. You see drafts, marked as drafts, on the
        dashboard.
      </p>
    );
  }
  const items = review.data ?? [];
  return (
    <>
      <p className={s.hint}>
        A new record or a change is a draft until a team member other than its author publishes it. Readers who are not signed in
        see only what is published.
      </p>
      <p ref={statusRef} tabIndex={-1} className={status ? s.ok : s.srOnly} role="status">
        {status ?? ''}
      </p>
      {review.error && (
        <p className={s.error} role="alert">
          Could not load the queue: {review.error.message}{' '}
          <button type="button" className="link-button" onClick={() => void review.mutate()}>
            Try again
          </button>
        </p>
      )}
      {review.isLoading && <p className={s.hint}>Loading the queue…</p>}
      {review.data && items.length === 0 && <p className={s.hint}>Nothing waits for review.</p>}
      <ul className={s.queue} aria-label="Waiting for review">
        {items.map((item) => (
          <ReviewItemCard key={`${item.kind}/${item.id}/${item.at}`} item={item} me={user} onPublished={setStatus} />
        ))}
      </ul>
      <RecordPicker />
    </>
  );
}
