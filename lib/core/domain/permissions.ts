/**
 * Who may do what. Pure rules shared by the route handlers, the data layer and the UI (which only
 * uses them to hide controls: the server decides).
 */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: number;
  username: string;
  role: Role;
}

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when the actor's role is at least `role`. Anonymous (null) has no role. */
export function hasRole(actor: Actor | null | undefined, role: Role): boolean {
  return Boolean(actor) && rank[actor!.role] >= rank[role];
}

/** Reading is public unless the operator requires a login; then any signed-in account reads. */
export function canRead(actor: Actor | null | undefined, readRequiresLogin: boolean): boolean {
  return !readRequiresLogin || Boolean(actor);
}

/** Writing annotations (create, reply) takes an editor. */
export function canWrite(actor: Actor | null | undefined): boolean {
  return hasRole(actor, 'editor');
}

/** Editing, resolving or deleting an annotation: its author (still an editor) or an admin. */
export function canModify(actor: Actor | null | undefined, annotation: { authorId: number }): boolean {
  if (hasRole(actor, 'admin')) return true;
  return canWrite(actor) && actor!.id === annotation.authorId;
}

/** Restoring a deleted annotation, seeing deleted ones, and managing accounts: admins only. */
export function canAdminister(actor: Actor | null | undefined): boolean {
  return hasRole(actor, 'admin');
}
