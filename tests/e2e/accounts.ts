import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { type Page, expect } from '@playwright/test';
import { databaseUrl } from './own-server';

export const PASSWORD = 'e2e password long enough';

/**
 * Adds an account through the operator CLI (`npm run user -- add`), against a database file
 * (the e2e server's by default) or a postgres:// URL. An account that already exists is kept.
 */
export function addUser(name: string, role: 'viewer' | 'editor' | 'admin', dbFile = process.env.WAKELINE_E2E_DB): void {
  if (!dbFile) throw new Error('WAKELINE_E2E_DB is not set: run through playwright.config.ts');
  try {
    execFileSync(
      process.execPath,
      [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', 'scripts/user.ts', 'add', name, '--role', role, '--password-stdin'],
      { input: PASSWORD, env: { ...process.env, DATABASE_URL: databaseUrl(dbFile) }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '');
    if (!stderr.includes('already exists')) throw new Error(`user CLI failed: ${stderr}`);
  }
}

export async function signIn(page: Page, name: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The dashboard writes its map view into the URL, so allow a query after the path.
  await expect(page).toHaveURL(/:\d+\/(\?.*)?$/);
  await expect(page.getByTestId('auth-status')).toContainText(`Signed in as ${name}`);
}
