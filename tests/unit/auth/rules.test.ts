import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '@/lib/server/auth/rate-limit';
import { type Actor, canAdminister, canModify, canRead, canWrite, hasRole } from '@/lib/core/domain/permissions';

const viewer: Actor = { id: 1, username: 'vera', role: 'viewer' };
const editor: Actor = { id: 2, username: 'ed', role: 'editor' };
const other: Actor = { id: 3, username: 'otto', role: 'editor' };
const admin: Actor = { id: 4, username: 'ada', role: 'admin' };

describe('permission rules', () => {
  it('lets anyone read unless the instance requires a login', () => {
    expect(canRead(null, false)).toBe(true);
    expect(canRead(null, true)).toBe(false);
    expect(canRead(viewer, true)).toBe(true);
  });
  it('lets editors and admins write, not viewers or anonymous visitors', () => {
    expect([null, viewer, editor, other, admin].map(canWrite)).toEqual([false, false, true, true, true]);
  });
  it('lets only the author (still an editor) or an admin change an annotation', () => {
    const own = { authorId: editor.id };
    expect(canModify(editor, own)).toBe(true);
    expect(canModify(other, own)).toBe(false);
    expect(canModify(admin, own)).toBe(true);
    expect(canModify(null, own)).toBe(false);
    expect(canModify({ ...editor, role: 'viewer' }, own)).toBe(false);
  });
  it('keeps account management and restores for admins', () => {
    expect([null, viewer, editor, admin].map(canAdminister)).toEqual([false, false, false, true]);
    expect(hasRole(admin, 'viewer')).toBe(true);
    expect(hasRole(viewer, 'editor')).toBe(false);
  });
});

describe('failed-login limiter', () => {
  it('allows five failures in the window, then asks to wait until the oldest ages out', () => {
    const l = new FailureLimiter(15 * 60_000, 5);
    const t = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(l.retryAfter('ann', t + i)).toBe(0);
      l.fail('ann', t + i);
    }
    expect(l.retryAfter('ann', t + 10)).toBe(15 * 60);
    expect(l.retryAfter('bob', t + 10)).toBe(0);
    expect(l.retryAfter('ann', t + 15 * 60_000 + 1)).toBe(0);
  });
  it('forgets an account after a success', () => {
    const l = new FailureLimiter(60_000, 2);
    l.fail('a', 1);
    l.fail('a', 2);
    expect(l.retryAfter('a', 3)).toBeGreaterThan(0);
    l.clear('a');
    expect(l.retryAfter('a', 3)).toBe(0);
  });
});
