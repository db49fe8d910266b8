'use client';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { ApiError, sendJson } from '@/lib/client/api';
import { safeRedirectPath } from '@/lib/core/domain/redirect';

export default function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const { mutate } = useSWRConfig();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', '/api/auth/login', { username, password });
      await mutate('/api/auth/me');
      // Only a place on this site, as the URL parser resolves it (issue 9: `/%09/evil.example/` left it).
      router.push(safeRedirectPath(params.get('next'), window.location.origin));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server did not answer. Try again.');
      setBusy(false);
    }
  }

  return (
    <form className="login-form" onSubmit={(e) => void submit(e)} aria-label="Sign in">
      <label htmlFor="login-username">
        Username
        <input id="login-username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label htmlFor="login-password">
        Password
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
