/**
 * Account rules shared by the CLI, the API and the login form: usernames and the password policy.
 */
import { z } from 'zod';
import { ROLES } from './permissions';

export const MIN_PASSWORD = 12;
const MAX_PASSWORD = 1024;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD) return `must be at least ${MIN_PASSWORD} characters`;
  if (password.length > MAX_PASSWORD) return `must be at most ${MAX_PASSWORD} characters`;
  if (password.trim().length === 0) return 'must not be only spaces';
  return null;
}

/** Lower-case letters, digits, dot, dash and underscore; 2–32 characters; stored lower-cased. */
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'expected 2–32 letters, digits, ".", "-" or "_"');

export const role = z.enum(ROLES);

export const loginInput = z.strictObject({
  username: z.string().min(1, 'required').max(64),
  password: z.string().min(1, 'required').max(MAX_PASSWORD),
});

export const updateUserInput = z
  .strictObject({ role: role.optional(), active: z.boolean().optional() })
  .refine((u) => u.role !== undefined || u.active !== undefined, { message: 'nothing to change', path: ['role'] });
