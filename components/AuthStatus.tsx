'use client';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { sendJson, useMe } from '@/lib/client/api';
import SignInLink from './SignInLink';

/**
 * The header's account corner: who is signed in (and as what), or a sign-in link that brings you
 * back here. Signing out keeps you on the page.
 */
export default function AuthStatus() {
  const { data, mutate } = useMe();
  const [busy, setBusy] = useState(false);
  // After signing out the button is gone: focus goes to the Sign in link that replaces it, on the same page.
  const focusSignIn = useRef(false);
  const signedOut = data !== undefined && !data.user;
  useEffect(() => {
    if (!signedOut || !focusSignIn.current) return;
    focusSignIn.current = false;
    document.querySelector<HTMLElement>('.auth-status a')?.focus();
  }, [signedOut]);
  if (!data) return <div className="auth-status" aria-hidden="true" />;
  const user = data.user;
  if (!user) {
    return (
      <div className="auth-status">
        <SignInLink />
      </div>
    );
  }
  return (
    <div className="auth-status" data-testid="auth-status">
      Signed in as <strong>{user.username}</strong> ({user.role})
      {' · '}
      <Link href="/questions">Open questions</Link>
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
            .then(() => {
              focusSignIn.current = true;
              return mutate();
            })
            .finally(() => setBusy(false));
        }}
      >
        Sign out
      </button>
    </div>
  );
}
