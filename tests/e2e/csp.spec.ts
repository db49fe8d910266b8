import { type Page, type Response, expect, test } from '@playwright/test';
import seedVoyages from '../../data/seed/voyages.json';
import { PASSWORD, addUser, signIn } from './accounts';

/**
 * The nonce-based Content-Security-Policy (proxy.ts, lib/server/csp.ts) on every page of the
 * production build: no script runs without this request's nonce, and the pages still work.
 */

const EDITOR = 'csp-editor';
const ADMIN = 'csp-admin';

const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

/** The response's policy, checked, and its nonce. */
function policyNonce(response: Response | null): string {
  const csp = response?.headers()['content-security-policy'] ?? '';
  const scripts = directive(csp, 'script-src');
  expect(scripts, csp).not.toContain('unsafe-inline');
  expect(scripts, csp).not.toContain('unsafe-eval');
  const nonce = scripts.match(/'nonce-([A-Za-z0-9+/=]{16,})'/)?.[1];
  expect(nonce, `a nonce in ${scripts}`).toBeTruthy();
  return nonce!;
}

/** Every script tag of the HTML as sent carries the nonce (the browser hides the attribute once parsed). */
async function expectScriptsCarry(response: Response, nonce: string) {
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
}

/**
 * Collects what the policy refused on this page, from before its first script: the
 * securitypolicyviolation events and any console error about the Content Security Policy.
 */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /content security policy/i.test(m.text())) errors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

/** Opens the page twice: a new nonce each time, on every script of the page. */
async function openTwice(page: Page, path: string) {
  const first = await page.goto(path);
  const firstNonce = policyNonce(first);
  await expectScriptsCarry(first!, firstNonce);
  const second = await page.goto(path);
  const nonce = policyNonce(second);
  expect(nonce).not.toBe(firstNonce);
  await expectScriptsCarry(second!, nonce);
}

/** How many pixels of the canvases in a map pane are not transparent. */
async function paintedPixels(page: Page, pane: string): Promise<number> {
  return page.evaluate((paneClass) => {
    let n = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`.${paneClass} canvas`)) {
      const data = canvas.width ? canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data : undefined;
      for (let i = 3; i < (data?.length ?? 0); i += 4) if (data![i]! > 0) n++;
    }
    return n;
  }, pane);
}

test.describe('the Content-Security-Policy', () => {
  test.beforeAll(() => {
    addUser(EDITOR, 'editor');
    addUser(ADMIN, 'admin');
  });

  test('the dashboard runs with its nonce only, and draws the voyages on the map', async ({ page }) => {
    const refused = await watchPolicy(page);
    await openTwice(page, '/');
    await expect(page.getByRole('list', { name: 'Voyages' }).getByRole('listitem')).toHaveCount(seedVoyages.length);
    await expect.poll(() => paintedPixels(page, 'leaflet-land-pane')).toBeGreaterThan(10_000);
    await expect.poll(() => paintedPixels(page, 'leaflet-overlay-pane')).toBeGreaterThan(500);
    // A chunk loaded later, on demand: the export dialog and its preview.
    await page.getByRole('button', { name: 'Export image' }).click();
    await expect(page.getByRole('dialog', { name: 'Export image' }).getByTestId('export-preview')).toBeVisible();
    expect(await refused()).toEqual([]);
  });

  test('an injected inline handler does not run, and the refusal is seen', async ({ page }) => {
    const refused = await watchPolicy(page);
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Voyages' }).getByRole('listitem').first()).toBeVisible();
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.innerHTML = '<img src="/no-such-image.png" alt="" onerror="window.__injected = 1">';
      document.body.append(box);
    });
    await expect.poll(async () => (await refused()).join('\n')).toContain('script-src');
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  });

  test('the login page runs with its nonce only, and its form signs in', async ({ page }) => {
    const refused = await watchPolicy(page);
    await openTwice(page, '/login');
    await page.getByLabel('Username').fill(EDITOR);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/:\d+\/(\?.*)?$/);
    await expect(page.getByTestId('auth-status')).toContainText(`Signed in as ${EDITOR}`);
    expect(await refused()).toEqual([]);
  });

  test('the review page runs with its nonce only, and shows the queue to an editor', async ({ page }) => {
    await signIn(page, EDITOR);
    const refused = await watchPolicy(page);
    await openTwice(page, '/review');
    await expect(page.getByText(/draft until a team member other than its author publishes it/)).toBeVisible();
    expect(await refused()).toEqual([]);
  });

  test('the admin page runs with its nonce only, and lists the accounts to an admin', async ({ page }) => {
    await signIn(page, ADMIN);
    const refused = await watchPolicy(page);
    await openTwice(page, '/admin');
    await expect(page.getByLabel(`Role of ${EDITOR}`)).toHaveValue('editor');
    expect(await refused()).toEqual([]);
  });

  test('a page that does not exist runs with its nonce only', async ({ page }) => {
    const refused = await watchPolicy(page);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expectScriptsCarry(response!, policyNonce(response));
    await expect(page.getByText(/could not be found/i)).toBeVisible();
    expect(await refused()).toEqual([]);
  });
});
