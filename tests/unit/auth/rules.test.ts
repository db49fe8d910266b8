import { describe, expect, it } from 'vitest';
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
