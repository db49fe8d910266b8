'use client';
import { useEffect, useId, useRef, useState } from 'react';
import type { UserAccount } from '@/lib/core/domain/annotations';
import { ROLES, type Role } from '@/lib/core/domain/permissions';

type Pending = { role: Role } | { active: boolean };

/** What a change does, said before it is made: "bob becomes admin; their sessions end." */
function consequence(u: UserAccount, change: Pending, self: boolean): string {
  const who = self ? 'You' : u.username;
  const their = self ? 'your' : 'their';
  if ('role' in change) return `${who} ${self ? 'become' : 'becomes'} ${change.role}; ${their} sessions end${self ? ' (you will be signed out)' : ''}.`;
  return change.active
    ? `${who} can sign in again as ${u.role}.`
    : `${who} can no longer sign in; ${their} sessions end${self ? ' (you will be signed out)' : ''}.`;
}

/**
 * One account in the admin table. Nothing reaches the server while choosing: a role is picked in
 * the select, then "Change role" (or Deactivate/Activate) asks to confirm, naming the consequence;
 * Cancel (or Escape) puts the role back. Focus moves to the confirmation and back to the control
 * that opened it.
 */
export default function AdminUserRow({
  user: u,
  self,
  busy,
  onChange,
}: {
  user: UserAccount;
  self: boolean;
  busy: boolean;
  onChange: (body: Pending) => Promise<boolean>;
}) {
  const id = useId();
  // The role picked in the select, until it is confirmed or cancelled; otherwise the server's.
  const [picked, setPicked] = useState<Role | null>(null);
  const role = picked ?? u.role;
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const activeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  // Where focus goes once the confirmation is gone and the controls are enabled again.
  const returnTo = useRef<'role' | 'active' | null>(null);
  useEffect(() => {
    if (confirming || busy || !returnTo.current) return;
    const el = (returnTo.current === 'role' ? select : activeButton).current;
    returnTo.current = null;
    el?.focus();
  }, [confirming, busy]);
  const close = (focus: 'role' | 'active') => {
    returnTo.current = focus;
    setConfirming(null);
  };
  const cancel = () => {
    const was = confirming;
    setPicked(null);
    close(was && 'active' in was ? 'active' : 'role');
  };
  const confirm = async () => {
    if (!confirming) return;
    const change = confirming;
    const ok = await onChange(change);
    if (ok) setDone('role' in change ? `${u.username} is now ${change.role}.` : `${u.username} is ${change.active ? 'active' : 'deactivated'}.`);
    setPicked(null);
    close('active' in change ? 'active' : 'role');
  };

  return (
    <>
      <tr className={u.active ? undefined : 'inactive'}>
        <td>{u.username}</td>
        <td>
          <span className="role-change">
            <select
              ref={select}
              aria-label={`Role of ${u.username}`}
              value={role}
              disabled={busy || confirming !== null}
              onChange={(e) => {
                setPicked(e.target.value === u.role ? null : (e.target.value as Role));
                setDone(null);
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={busy || confirming !== null || role === u.role}
              onClick={() => setConfirming({ role })}
            >
              Change role
            </button>
          </span>
        </td>
        <td>
          {u.active ? 'active' : 'deactivated'}{' '}
          <button
            ref={activeButton}
            type="button"
            className="link-button"
            disabled={busy || confirming !== null}
            onClick={() => setConfirming({ active: !u.active })}
          >
            {u.active ? 'Deactivate' : 'Activate'}
          </button>
        </td>
        <td>{u.createdAt.slice(0, 10)}</td>
      </tr>
      {(confirming || done) && (
        <tr className="confirm-row">
          <td colSpan={4}>
            {confirming ? (
              <div
                role="group"
                aria-label={`Confirm the change to ${u.username}`}
                className="confirm"
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    e.preventDefault();
                    cancel();
                  }
                }}
              >
                <p id={`${id}-what`}>{consequence(u, confirming, self)}</p>
                <div className="form-actions">
                  <button ref={confirmButton} type="button" className="button button-danger" aria-describedby={`${id}-what`} disabled={busy} onClick={() => void confirm()}>
                    {'role' in confirming ? `Make ${u.username} ${confirming.role}` : confirming.active ? `Activate ${u.username}` : `Deactivate ${u.username}`}
                  </button>
                  <button type="button" className="button button-secondary" onClick={cancel}>
                    Cancel
                  </button>
                </div>
              </div>
            ) : (
              <p className="state" role="status">
                {done}
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
