/**
 * Team accounts. Passwords are stored as scrypt hashes only. Account management is for admins:
 * the functions taking an `actor` check it here as well as in the route handlers.
 */
import 'server-only';
import { hashPassword } from '@/lib/server/auth/password';
import { passwordProblem, username as usernameSchema } from '@/lib/core/domain/accounts';
import type { UserAccount } from '@/lib/core/domain/annotations';
import { AppError } from '@/lib/core/domain/errors';
import { type Actor, type Role, canAdminister, isRole } from '@/lib/core/domain/permissions';
import type { DB } from './connection';

export interface UserRow {
  id: number;
  username: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  createdAt: string;
}

function toUser(r: { id: number; username: string; role: string; password_hash: string; active: number; created_at: string }): UserRow {
  return {
    id: r.id,
    username: r.username,
    role: isRole(r.role) ? r.role : 'viewer',
    passwordHash: r.password_hash,
    active: r.active === 1,
    createdAt: r.created_at,
  };
}

export function toAccount(u: UserRow): UserAccount {
  return { id: u.id, username: u.username, role: u.role, active: u.active, createdAt: u.createdAt };
}

function normaliseUsername(name: string): string {
  const r = usernameSchema.safeParse(name);
  if (!r.success) throw new AppError(400, 'invalid_username', `Username "${name}" is invalid: ${r.error.issues[0]?.message}.`);
  return r.data;
}

export async function findUserByName(db: DB, name: string): Promise<UserRow | null> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', name.trim().toLowerCase()).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserById(db: DB, id: number): Promise<UserRow | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function listUsers(db: DB): Promise<UserRow[]> {
  return (await db.selectFrom('users').selectAll().orderBy('username').execute()).map(toUser);
}

export async function countActiveAdmins(db: DB): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function checkPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw new AppError(400, 'invalid_password', `The password ${problem}.`);
}

/** Creates an account (operators, via the CLI). */
export async function createUser(db: DB, input: { username: string; role: Role; password: string }): Promise<UserRow> {
  const name = normaliseUsername(input.username);
  checkPassword(input.password);
  if (await findUserByName(db, name)) throw new AppError(409, 'exists', `A user named "${name}" already exists.`);
  const hash = await hashPassword(input.password);
  const now = new Date().toISOString();
  await db
    .insertInto('users')
    .values({ username: name, role: input.role, password_hash: hash, active: 1, created_at: now, updated_at: now })
    .execute();
  return (await findUserByName(db, name))!;
}

/** Sets a new password and ends every session of the account. */
export async function resetPassword(db: DB, name: string, password: string): Promise<void> {
  checkPassword(password);
  const user = await findUserByName(db, name);
  if (!user) throw new AppError(404, 'not_found', `No user is named "${name}".`);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  });
}

/**
 * Changes an account's role or active flag. `actor` null means an operator at the CLI; otherwise
 * the actor must be an admin. Never leaves the database without an active admin if it had one.
 */
export async function updateUser(
  db: DB,
  actor: Actor | null,
  id: number,
  change: { role?: Role; active?: boolean },
): Promise<UserRow> {
  if (actor && !canAdminister(actor)) throw new AppError(403, 'forbidden', 'Only an admin manages accounts.');
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError(404, 'not_found', `No user has the id ${id}.`);
    const user = toUser(row);
    const role = change.role ?? user.role;
    const active = change.active ?? user.active;
    if (user.role === 'admin' && user.active && (role !== 'admin' || !active)) {
      const admins = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw new AppError(409, 'last_admin', 'This is the last active admin: make another admin first.');
    }
    await trx
      .updateTable('users')
      .set({ role, active: active ? 1 : 0, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    // A demoted or deactivated account starts again from a fresh login.
    if (role !== user.role || !active) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return { ...user, role, active };
  });
}

/** What the server prints on start when nobody can manage accounts yet. */
export function noAdminHint(): string {
  return [
    '[wakeline] No active admin account exists. Create one with:',
    "  printf '%s' 'a-long-password' | npm run user -- add NAME --role admin --password-stdin",
    '  (passwords need at least 12 characters; there is no default password)',
  ].join('\n');
}
