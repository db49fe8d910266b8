'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ApiError, sendJson, useMe, useUsers } from '@/lib/client/api';
import type { UserAccount } from '@/lib/core/domain/annotations';
import { ROLES, type Role } from '@/lib/core/domain/permissions';

/** Admins list accounts, change roles and (de)activate accounts. Everyone else is told why not. */
export default function AdminUsers() {
  const me = useMe();
  const isAdmin = me.data?.user?.role === 'admin';
  const users = useUsers(isAdmin);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  if (!me.data) return <p className="state">Loading…</p>;
  if (!me.data.user) {
    return (
      <p className="state" role="alert">
        Only admins manage users. <Link href="/login?next=/admin">Sign in</Link> with an admin account.
      </p>
    );
  }
  if (!isAdmin) {
    return (
      <p className="state" role="alert">
        Only admins manage users. You are signed in as {me.data.user.username} ({me.data.user.role}). <Link href="/">Back to the map</Link>
      </p>
    );
  }

  async function change(u: UserAccount, body: { role?: Role; active?: boolean }) {
    setBusy(u.id);
    setError(null);
    try {
      await sendJson('PATCH', `/api/users/${u.id}`, body);
      await users.mutate();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server did not answer.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <p className="state">
        New accounts and passwords are set by an operator with <code>npm run user</code>. Changing a role or deactivating an
        account ends its sessions.
      </p>
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
      {users.error && <p className="state state-error">Could not load users: {users.error.message}</p>}
      <table className="users">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'inactive'}>
              <td>{u.username}</td>
              <td>
                <select
                  aria-label={`Role of ${u.username}`}
                  value={u.role}
                  disabled={busy === u.id}
                  onChange={(e) => void change(u, { role: e.target.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {u.active ? 'active' : 'deactivated'}{' '}
                <button type="button" className="link-button" disabled={busy === u.id} onClick={() => void change(u, { active: !u.active })}>
                  {u.active ? 'Deactivate' : 'Activate'}
                </button>
              </td>
              <td>{u.createdAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
