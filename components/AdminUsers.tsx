'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ApiError, sendJson, useMe, useUsers } from '@/lib/client/api';
import type { UserAccount } from '@/lib/core/domain/annotations';
import type { Role } from '@/lib/core/domain/permissions';
import AdminUserRow from './AdminUserRow';

/**
 * Admins list accounts, change roles and (de)activate accounts, each change confirmed first (see
 * AdminUserRow). Everyone else is told why not.
 */
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

  async function change(u: UserAccount, body: { role?: Role; active?: boolean }): Promise<boolean> {
    setBusy(u.id);
    setError(null);
    try {
      await sendJson('PATCH', `/api/users/${u.id}`, body);
      await users.mutate();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server did not answer.');
      return false;
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
            <AdminUserRow key={u.id} user={u} self={u.id === me.data?.user?.id} busy={busy === u.id} onChange={(body) => change(u, body)} />
          ))}
        </tbody>
      </table>
    </>
  );
}
