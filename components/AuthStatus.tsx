'use client';
import Link from 'next/link';
import { useState } from 'react';
import { sendJson, useMe } from '@/lib/client/api';

/** The header's account corner: who is signed in (and as what), or a sign-in link. */
export default function AuthStatus() {
  const { data, mutate } = useMe();
  const [busy, setBusy] = useState(false);
  if (!data) return <div className="auth-status" aria-hidden="true" />;
  const user = data.user;
  if (!user) {
    return (
      <div className="auth-status">
        <Link href="/login">Sign in</Link>
      </div>
    );
  }
  return (
    <div className="auth-status" data-testid="auth-status">
      Signed in as <strong>{user.username}</strong> ({user.role})
      {user.role !== 'viewer' && (
        <>
          {' · '}
          <Link href="/review">Review</Link>
        </>
      )}
      {user.role === 'admin' && (
        <>
          {' · '}
          <Link href="/admin">Users</Link>
        </>
      )}
      {' · '}
      <button
        type="button"
        className="link-button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void sendJson('POST', '/api/auth/logout')
            .then(() => mutate())
            .finally(() => setBusy(false));
        }}
      >
        Sign out
      </button>
    </div>
  );
}
