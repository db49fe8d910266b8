/**
 * The team member's tasks end to end (issue 10), as a person does them: sign in from a selected voyage and land
 * back on it; the composer on top and focus on the note just posted; pins by typed coordinates and by the map's
 * keyboard crosshair; a vessel correction in its profile panel; the open questions page and its links back; an
 * admin role change that asks first. axe-core (WCAG 2.2 AA) on the pages the team uses.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page, expect, test } from '@playwright/test';
import seedPorts from '../../data/seed/ports.json';
import seedVessels from '../../data/seed/vessels.json';
import seedVoyages from '../../data/seed/voyages.json';
import { addUser, signIn } from './accounts';

const [first, second, third] = seedVoyages as [(typeof seedVoyages)[number], (typeof seedVoyages)[number], (typeof seedVoyages)[number]];
const port = seedPorts[0]!;
const vessel = seedVessels.find((v) => v.id !== first.vesselId)!;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const MEMBERS = [['tess', 'editor'], ['uma', 'editor'], ['boss', 'admin'], ['bob', 'viewer']] as const;
test.beforeAll(() => MEMBERS.forEach(([name, role]) => addUser(name, role)));

async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function signedIn(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 850 } })).newPage();
  await signIn(page, name);
  return page;
}

const thread = (page: Page) => page.getByRole('region', { name: /Team annotations/ });
const composer = (page: Page) => thread(page).getByRole('form', { name: 'New annotation' });
const pins = (page: Page) => page.locator('.leaflet-annotations-pane path.annotation-pin-marker');
const origin = (page: Page) => new URL(page.url()).origin;

test.describe('team member', () => {
  test('signing in from a selected voyage with a filter lands back on the same view', async ({ page }) => {
    await page.goto(`/?vessel=${first.vesselId}&voyage=${first.id}`);
    await expect(page.getByRole('region', { name: 'Voyage details' }).getByRole('heading', { level: 2 })).toBeVisible();
    await expect(thread(page).getByTestId('read-only-note')).toBeVisible();
    const signInLink = page.getByRole('banner').getByRole('link', { name: 'Sign in' });
    const next = new URL((await signInLink.getAttribute('href'))!, origin(page)).searchParams.get('next')!;
    const before = new URL(next, origin(page)).searchParams;
    expect([before.get('voyage'), before.get('vessel')]).toEqual([first.id, first.vesselId]);
    await signInLink.click();
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('Username').fill('tess');
    await page.getByLabel('Password').fill('e2e password long enough');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('auth-status')).toContainText('Signed in as tess');
    const after = new URL(page.url()).searchParams;
    expect(after.get('voyage')).toBe(first.id);
    expect(after.get('vessel')).toBe(first.vesselId);
    await expect(page.getByRole('region', { name: 'Voyage details' }).getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Vessel', exact: true })).toHaveValue(first.vesselId!);
    await expect(composer(page)).toBeVisible();

    // Signing out stays on the page, with the view, and focus on the Sign in link that replaces the button.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeFocused();
    expect(new URL(page.url()).searchParams.get('voyage')).toBe(first.id);
  });

  test('the composer is at the top of the thread; a posted question takes focus, newest first, and Escape still closes', async ({ browser }) => {
    const page = await signedIn(browser, 'tess');
    await page.goto(`/?voyage=${first.id}`);
    const t = thread(page);
    await expect(composer(page)).toBeVisible();
    await composer(page).getByLabel('Text').fill('Tess: first note on this leg.');
    await composer(page).getByRole('button', { name: 'Add annotation' }).click();
    await expect(t.getByRole('article', { name: 'Note by tess' })).toBeVisible();

    await composer(page).getByLabel('Kind').selectOption('question');
    await composer(page).getByLabel('Text').fill('Tess: which source dates the departure?');
    await composer(page).getByRole('button', { name: 'Add annotation' }).click();
    const question = t.getByRole('article', { name: 'Question by tess' });
    await expect(question).toBeFocused();
    await expect(t.getByRole('status')).toHaveText('Question posted by tess.');
    // The composer comes first, then the newest note.
    const order = await t.locator('form[aria-label="New annotation"], article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(order.slice(0, 3)).toEqual(['New annotation', 'Question by tess', 'Note by tess']);
    const [formBox, questionBox] = [await composer(page).boundingBox(), await question.boundingBox()];
    expect(formBox!.y).toBeLessThan(questionBox!.y);
    await t.screenshot({ path: 'test-results/team-thread-1366.png' });

    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'Voyage details' })).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('voyage')).toBeNull();
    await page.context().close();
  });

  test('a pin placed by typed coordinates, with a clear error first, shows on the map', async ({ browser }) => {
    const page = await signedIn(browser, 'tess');
    await page.goto(`/?voyage=${second.id}`);
    const form = composer(page);
    await form.getByLabel('Text').fill('Anchorage seen off the breakwater.');
    await form.getByRole('button', { name: 'Type coordinates' }).click();
    const lat = form.getByLabel('Latitude');
    const lon = form.getByLabel('Longitude');
    await lat.fill('95');
    await lon.fill('130°18\'E');
    await lat.press('Enter');
    await expect(form.getByText('A latitude is between 90°S and 90°N.')).toBeVisible();
    await expect(lat).toBeFocused();
    await expect(lat).toHaveAttribute('aria-invalid', 'true');
    // Enter placed nothing and posted nothing.
    await expect(thread(page).getByRole('article')).toHaveCount(0);
    await lat.fill("42°15'N");
    await form.screenshot({ path: 'test-results/team-coordinates-1366.png' });
    await lat.press('Enter');
    const pinned = form.getByTestId('draft-location');
    await expect(pinned).toHaveText('Pinned at 42.2500°N 130.3000°E');
    await expect(pinned).toBeFocused();
    await form.getByRole('button', { name: 'Add annotation' }).click();
    await expect(thread(page).getByText('Anchorage seen off the breakwater.')).toBeVisible();
    await expect(thread(page).getByText('📍 42.2500°N 130.3000°E')).toBeVisible();
    await expect(pins(page)).toHaveCount(1);
    await page.context().close();
  });

  test('a pin placed with the keyboard crosshair on the map; Escape gives up and returns focus', async ({ browser }) => {
    const page = await signedIn(browser, 'tess');
    await page.goto(`/?voyage=${third.id}`);
    const form = composer(page);
    const map = page.locator('.leaflet-container');
    const place = form.getByRole('button', { name: 'Place on map' });

    await place.focus();
    await page.keyboard.press('Enter');
    await expect(map).toBeFocused();
    await expect(page.getByTestId('map-pick-help')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('map-pick-help')).toHaveCount(0);
    await expect(place).toBeFocused();

    await form.getByLabel('Text').fill('Crosshair: transshipment spot.');
    await place.focus();
    await page.keyboard.press('Enter');
    await expect(map).toBeFocused();
    const position = page.getByTestId('crosshair-position');
    const start = await position.textContent();
    const view = new URL(page.url()).searchParams.get('lonlat');
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
    await expect(position).not.toHaveText(start!);
    // The crosshair moved, not the map.
    expect(new URL(page.url()).searchParams.get('lonlat')).toBe(view);
    const at = (await position.textContent())!.replace('Crosshair at ', '');
    await page.keyboard.press('Enter');
    await expect(form.getByTestId('draft-location')).toHaveText(`Pinned at ${at}`);
    await expect(form.getByTestId('draft-location')).toBeFocused();
    await form.getByRole('button', { name: 'Add annotation' }).click();
    await expect(thread(page).getByText(`📍 ${at}`)).toBeVisible();
    await expect(pins(page)).toHaveCount(1);
    await page.context().close();
  });

  test('questions on a port and a vessel, and the open questions page lists them across the team with links back', async ({ browser }) => {
    test.slow(); // an axe run. The port and vessel panels are the profiles work's; their threads use this API.
    const page = await signedIn(browser, 'tess');
    const mineText = 'Tess: is the cargo recorded anywhere?';
    expect((await page.request.post(`/api/voyages/${first.id}/annotations`, { data: { kind: 'question', body: mineText }, headers: { Origin: origin(page) } })).status()).toBe(201);
    const uma = await signedIn(browser, 'uma');
    const headers = { Origin: origin(uma) };
    for (const [path, kind, body] of [
      [`/api/ports/${port.id}/annotations`, 'question', `Uma: is the ${port.name} position the pier or the anchorage?`],
      [`/api/vessels/${vessel.id}/annotations`, 'note', 'Uma: a plain note, never an open question.'],
    ] as const) {
      expect((await uma.request.post(path, { data: { kind, body }, headers })).status(), path).toBe(201);
    }
    // A correction on a vessel through its profile panel's thread.
    await uma.goto(`/?profile=vessel:${vessel.id}`);
    await composer(uma).getByLabel('Kind').selectOption('correction');
    await composer(uma).getByLabel('Text').fill(`Uma: ${vessel.name}'s flag changed; see the registry.`);
    await composer(uma).getByRole('button', { name: 'Add annotation' }).click();
    await expect(thread(uma).getByRole('article', { name: 'Correction by uma' }).first()).toBeFocused();
    await page.goto(`/?voyage=${first.id}`);
    await page.getByRole('banner').getByRole('link', { name: 'Open questions' }).click();
    await expect(page).toHaveURL(/\/questions$/);
    await expect(page.getByRole('heading', { name: 'Open questions' })).toBeVisible();
    const items = page.locator('ol.questions > li');
    await expect(items.first()).toContainText('Uma:');
    await expect(page.getByText('Uma: a plain note, never an open question.')).toHaveCount(0);
    const portItem = items.filter({ hasText: 'pier or the anchorage' });
    await expect(portItem.getByRole('link', { name: port.name })).toHaveAttribute('href', `/?profile=port:${port.id}`);
    const vesselItem = items.filter({ hasText: 'flag changed' });
    await expect(vesselItem.getByRole('link', { name: vessel.name })).toHaveAttribute('href', `/?profile=vessel:${vessel.id}`);
    const texts = await items.allTextContents(); // newest first: the vessel correction (written last) above the port question
    expect(texts.findIndex((x) => x.includes('flag changed'))).toBeLessThan(texts.findIndex((x) => x.includes('pier or the anchorage')));

    await page.getByLabel('Kind').selectOption('correction');
    await expect(page).toHaveURL(/kind=correction/);
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('flag changed');
    await page.getByLabel('Kind').selectOption('');
    await page.getByLabel('Author').selectOption('tess');
    await expect(page).toHaveURL(/author=tess/);
    const mine = items.filter({ hasText: mineText });
    await expect(mine).toHaveCount(1);
    await expect(items.filter({ hasText: 'Uma:' })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/team-questions-1366.png', fullPage: true });
    expect(await serious(page)).toEqual([]);

    await mine.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`[?&]voyage=${first.id}`));
    await expect(thread(page).getByRole('article', { name: 'Question by tess' }).filter({ hasText: mineText })).toBeVisible();
    for (const p of [uma, page]) await p.context().close();
  });

  test('on /admin an arrow key alone changes nothing; a role change is confirmed, naming its consequence', async ({ browser, page }) => {
    test.slow(); // three sign-ins and an axe run
    const bob = await signedIn(browser, 'bob');
    await signIn(page, 'boss');
    await page.goto('/admin');
    const role = page.getByLabel('Role of bob');
    await expect(role).toHaveValue('viewer');
    await role.focus();
    await page.keyboard.press('ArrowDown');
    await expect(role).toHaveValue('editor');
    const account = async () =>
      ((await (await page.request.get('/api/users')).json()) as { users: { username: string; role: string }[] }).users.find((u) => u.username === 'bob')!;
    expect((await account()).role).toBe('viewer');

    // Tab to "Change role", Enter: a confirmation naming the consequence, focus on its button.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('row', { name: /bob/ }).getByRole('button', { name: 'Change role' })).toBeFocused();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('group', { name: 'Confirm the change to bob' });
    await expect(confirm).toContainText('bob becomes editor; their sessions end.');
    await expect(confirm.getByRole('button', { name: 'Make bob editor' })).toBeFocused();
    // Escape cancels: the role is back, focus on the select, nothing sent.
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(role).toHaveValue('viewer');
    await expect(role).toBeFocused();
    expect((await account()).role).toBe('viewer');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(role).toHaveValue('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(confirm).toContainText('bob becomes admin; their sessions end.');
    expect(await serious(page)).toEqual([]);
    for (const size of [
      { width: 1366, height: 850 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `test-results/team-admin-confirm-${size.width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 850 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'bob is now admin.' })).toBeVisible();
    await expect(role).toBeFocused();
    expect((await account()).role).toBe('admin');
    // Bob's session ended with the change.
    expect((await (await bob.request.get('/api/auth/me')).json()).user).toBeNull();
    await bob.context().close();
    // The team's pages carry the account corner: an admin signs out from /admin and stays there.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('.auth-status').getByRole('link', { name: 'Sign in' })).toBeFocused();
    await expect(page).toHaveURL(/\/admin$/);
  });

  test('axe: sign-in, a voyage with a deleted note as an admin sees it, and the phone-width screens', async ({ browser, page }) => {
    test.slow(); // four axe runs, one on the whole dashboard
    await page.goto(`/login?next=${encodeURIComponent(`/?voyage=${first.id}`)}`);
    await expect(page.getByLabel('Username')).toBeVisible();
    expect(await serious(page)).toEqual([]);

    const tess = await signedIn(browser, 'tess');
    const made = await tess.request.post(`/api/voyages/${first.id}/annotations`, { data: { kind: 'note', body: 'Tess: a note deleted later.' }, headers: { Origin: origin(tess) } });
    const { annotation } = (await made.json()) as { annotation: { id: string; version: number } };
    expect((await tess.request.delete(`/api/annotations/${annotation.id}?version=${annotation.version}`, { headers: { Origin: origin(tess) } })).status()).toBe(200);
    await tess.context().close();

    const admin = await signedIn(browser, 'boss');
    await admin.goto(`/?voyage=${first.id}`);
    const deleted = thread(admin).locator('.annotation-deleted').filter({ hasText: 'Tess: a note deleted later.' });
    await expect(deleted).toBeVisible();
    await expect(deleted.getByText('deleted', { exact: true })).toBeVisible();
    expect(await serious(admin)).toEqual([]);
    await deleted.screenshot({ path: 'test-results/team-deleted-note.png' });

    // Phone width: the thread with its composer on top, the coordinate entry, the questions page.
    await admin.setViewportSize({ width: 390, height: 844 });
    await composer(admin).getByRole('button', { name: 'Type coordinates' }).click();
    await composer(admin).scrollIntoViewIfNeeded();
    await admin.screenshot({ path: 'test-results/team-thread-390.png' });
    await composer(admin).screenshot({ path: 'test-results/team-coordinates-390.png' });
    expect(await serious(admin)).toEqual([]);
    await admin.goto('/questions');
    await expect(admin.locator('ol.questions > li').first()).toBeVisible();
    await admin.screenshot({ path: 'test-results/team-questions-390.png', fullPage: true });
    expect(await serious(admin)).toEqual([]);
    await admin.context().close();
  });
});
