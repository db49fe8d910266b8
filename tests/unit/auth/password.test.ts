import { describe, expect, it } from 'vitest';
import { SCRYPT, hashPassword, verifyPassword } from '@/lib/server/auth/password';
import { passwordProblem } from '@/lib/core/domain/accounts';

describe('password hashing', () => {
  it('hashes with scrypt N=2^17, r=8, p=1 and verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(SCRYPT.logN).toBe(17);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so one password gives two different hashes', async () => {
    const cheap = { logN: 10, r: 8, p: 1 };
    const a = await hashPassword('the same password', cheap);
    const b = await hashPassword('the same password', cheap);
    expect(a).not.toBe(b);
    expect(await verifyPassword('the same password', a)).toBe(true);
    expect(await verifyPassword('the same password', b)).toBe(true);
  });

  it('does not contain the password', async () => {
    const hash = await hashPassword('plaintext-visible?', { logN: 10, r: 8, p: 1 });
    expect(hash).not.toContain('plaintext');
  });

  it.each(['', 'plain', 'scrypt$17$8$1$abc', 'scrypt$40$8$1$c2FsdA$a2V5a2V5a2V5a2V5a2V5', 'bcrypt$x$y$z$a$b'])(
    'refuses the malformed stored hash %j without throwing',
    async (stored) => {
      expect(await verifyPassword('anything at all', stored)).toBe(false);
    },
  );
});

describe('password policy', () => {
  it('asks for at least 12 characters', () => {
    expect(passwordProblem('elevenchars')).toMatch(/at least 12/);
    expect(passwordProblem('twelve chars')).toBeNull();
    expect(passwordProblem(' '.repeat(14))).toMatch(/spaces/);
    expect(passwordProblem('x'.repeat(2000))).toMatch(/at most/);
  });
});
