import { type Browser, type Page, expect, test } from '@playwright/test';
import seedVoyages from '../../data/seed/voyages.json';
import { addUser, signIn } from './accounts';
import { steadyMapBox } from './map-box';

const voyage = seedVoyages[0]!;
const voyageUrl = `/?voyage=${voyage.id}`;

test.beforeAll(() => {
  addUser('erin', 'editor');
  addUser('felix', 'editor');
  addUser('vic', 'viewer');
  addUser('root', 'admin');
});

async function signedInPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, name);
  return page;
}

const thread = (page: Page) => page.getByRole('region', { name: /Team annotations/ });
const composer = (page: Page) => page.getByRole('form', { name: 'New annotation' });

async function addNote(page: Page, text: string, kind = 'note') {
  const form = composer(page);
  await form.getByLabel('Kind').selectOption(kind);
  await form.getByLabel('Text').fill(text);
  await form.getByRole('button', { name: 'Add annotation' }).click();
  await expect(thread(page).getByText(text, { exact: true })).toBeVisible();
}

test.describe('annotations', () => {
  test('two editors annotate the same voyage and each sees the other’s note without a reload', async ({ browser }) => {
    test.slow(); // two sign-ins, a cold server and a 10 s refresh each way: past 45 s on a loaded machine
    const a = await signedInPage(browser, 'erin');
    const b = await signedInPage(browser, 'felix');
    await a.goto(voyageUrl);
    await b.goto(voyageUrl);
    await expect(thread(a)).toBeVisible();
    await expect(thread(b)).toBeVisible();
    await addNote(a, 'Erin: satellite image shows the ship at berth 3.', 'evidence');
    await addNote(b, 'Felix: which source dates the departure?', 'question');
    await expect(thread(a).getByText('Felix: which source dates the departure?')).toBeVisible({ timeout: 15_000 });
    await expect(thread(b).getByText('Erin: satellite image shows the ship at berth 3.')).toBeVisible({ timeout: 15_000 });
    await expect(thread(a).getByRole('article', { name: 'Question by felix' })).toContainText('open');
    await thread(a).screenshot({ path: 'test-results/annotations-thread.png' });
    await a.context().close();
    await b.context().close();
  });

  test('a note placed on the map shows as a pin', async ({ browser }) => {
    const page = await signedInPage(browser, 'erin');
    await page.goto(voyageUrl);
    const form = composer(page);
    await form.getByLabel('Text').fill('Anchorage seen here');
    await form.getByRole('button', { name: 'Place on map' }).click();
    await expect(form.getByText('Click the map, or move its crosshair')).toBeVisible();
    const box = await steadyMapBox(page);
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
    await expect(form.getByTestId('draft-location')).toContainText('°N');
    await form.getByRole('button', { name: 'Add annotation' }).click();
    await expect(thread(page).getByText('Anchorage seen here')).toBeVisible();
    await expect(page.locator('.leaflet-annotations-pane path.annotation-pin-marker')).toHaveCount(1);
    await page.context().close();
  });

  test('a conflicting edit is resolved through the merge view', async ({ browser }) => {
    const author = await signedInPage(browser, 'erin');
    const admin = await signedInPage(browser, 'root');
    await author.goto(voyageUrl);
    await addNote(author, 'Cargo: containers, count unknown.');
    await admin.goto(voyageUrl);
    const card = (p: Page) => thread(p).getByRole('article').filter({ hasText: 'Cargo: containers, count unknown.' });

    // The author starts editing; meanwhile the admin saves a change to the same version.
    await card(author).getByRole('button', { name: 'Edit' }).click();
    const edit = author.getByRole('form', { name: 'Edit annotation' });
    await edit.getByLabel('Text').fill('Cargo: 40 containers (source: imagery).');

    await card(admin).getByRole('button', { name: 'Edit' }).click();
    const adminEdit = admin.getByRole('form', { name: 'Edit annotation' });
    await adminEdit.getByLabel('Text').fill('Cargo: containers, reportedly munitions.');
    await adminEdit.getByRole('button', { name: 'Save' }).click();
    await expect(thread(admin).getByText('Cargo: containers, reportedly munitions.')).toBeVisible();

    await edit.getByRole('button', { name: 'Save' }).click();
    const conflict = author.getByRole('group', { name: 'Edit conflict' });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByTestId('conflict-mine')).toHaveText('Cargo: 40 containers (source: imagery).');
    await expect(conflict.getByTestId('conflict-current')).toHaveText('Cargo: containers, reportedly munitions.');
    await conflict.screenshot({ path: 'test-results/annotations-conflict.png' });
    await conflict.getByLabel('Merged text').fill('Cargo: 40 containers (imagery), reportedly munitions.');
    await conflict.getByRole('button', { name: 'Save merged text' }).click();
    const merged = thread(author).getByRole('article').filter({ hasText: 'Cargo: 40 containers (imagery), reportedly munitions.' });
    await expect(merged).toBeVisible();
    await expect(author.getByRole('group', { name: 'Edit conflict' })).toHaveCount(0);

    // History keeps every accepted change: create, the admin's edit, the merge.
    await merged.getByRole('button', { name: /History/ }).click();
    const history = merged.getByRole('list', { name: 'Edit history' });
    await expect(history.getByRole('listitem')).toHaveCount(3);
    await expect(history).toContainText('created by erin');
    await expect(history).toContainText('edited by root');
    await expect(history).toContainText('edited by erin');
    await expect(thread(admin).getByText('Cargo: 40 containers (imagery), reportedly munitions.')).toBeVisible({ timeout: 15_000 });
    await author.context().close();
    await admin.context().close();
  });

  test('a long thread shows the newest 50 notes and loads older ones on demand', async ({ browser }) => {
    const long = seedVoyages.find((v, i) => i > 0 && v.vesselId !== 'lady-r')!;
    addUser('paula', 'editor');
    addUser('quinn', 'editor');
    const writers = [await signedInPage(browser, 'paula'), await signedInPage(browser, 'quinn')];
    // Two accounts take turns: each writes 26 notes, under the limit of 30 writes a minute.
    for (let i = 0; i < 52; i++) {
      const w = writers[i % 2]!;
      const r = await w.request.post(`/api/voyages/${long.id}/annotations`, {
        data: { body: `Paged note ${i}` },
        headers: { Origin: new URL(w.url()).origin },
      });
      expect(r.status()).toBe(201);
    }
    const page = writers[0]!;
    await page.goto(`/?voyage=${long.id}`);
    const notes = thread(page).getByRole('article');
    await expect(thread(page).getByText('Paged note 51', { exact: true })).toBeVisible();
    await expect(thread(page).getByRole('heading', { name: 'Team annotations (52)' })).toBeVisible();
    await expect(notes).toHaveCount(50);
    await expect(thread(page).getByText('Paged note 0', { exact: true })).toHaveCount(0);
    await thread(page).getByRole('button', { name: 'Show older notes' }).click();
    await expect(thread(page).getByText('Paged note 0', { exact: true })).toBeVisible();
    await expect(notes).toHaveCount(52);
    await expect(thread(page).getByRole('button', { name: 'Show older notes' })).toHaveCount(0);
    for (const w of writers) await w.context().close();
  });

  test('a viewer sees no write controls and the API refuses their writes', async ({ browser, page }) => {
    const writer = await signedInPage(browser, 'felix');
    await writer.goto(voyageUrl);
    await addNote(writer, 'Felix’s note for the viewer test');
    const note = await writer.request.get(`/api/voyages/${voyage.id}/annotations`);
    const target = (await note.json()).annotations.find((x: { body: string }) => x.body === 'Felix’s note for the viewer test');

    await signIn(page, 'vic');
    await page.goto(voyageUrl);
    await expect(thread(page).getByText('Felix’s note for the viewer test')).toBeVisible();
    await expect(thread(page).getByTestId('read-only-note')).toContainText('you can read annotations but not write them');
    await expect(composer(page)).toHaveCount(0);
    for (const name of ['Edit', 'Delete', 'Reply', 'Mark resolved']) {
      await expect(thread(page).getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    const origin = new URL(page.url()).origin;
    const post = await page.request.post(`/api/voyages/${voyage.id}/annotations`, { data: { body: 'viewer write' }, headers: { Origin: origin } });
    expect(post.status()).toBe(403);
    const patch = await page.request.patch(`/api/annotations/${target.id}`, { data: { version: target.version, body: 'x' }, headers: { Origin: origin } });
    expect(patch.status()).toBe(403);
    const del = await page.request.delete(`/api/annotations/${target.id}`, { headers: { Origin: origin } });
    expect(del.status()).toBe(403);
    // An editor's own session from another site's page is refused too.
    const cross = await writer.request.post(`/api/voyages/${voyage.id}/annotations`, {
      data: { body: 'cross-site' },
      headers: { Origin: 'https://evil.example' },
    });
    expect(cross.status()).toBe(403);
    // Signed out: 401.
    const anon = await browser.newContext();
    const anonPost = await anon.request.post(`${origin}/api/voyages/${voyage.id}/annotations`, { data: { body: 'anon' }, headers: { Origin: origin } });
    expect(anonPost.status()).toBe(401);
    await anon.close();
    await writer.context().close();
  });

  test('a body of HTML shows as text and runs nothing', async ({ page }) => {
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> https://example.org/ok';
    await signIn(page, 'erin');
    await page.goto(voyageUrl);
    await addNote(page, payload);
    const card = thread(page).getByRole('article').filter({ hasText: '<img src=x onerror=' });
    await expect(card.locator('.annotation-body')).toHaveText(payload);
    await expect(card.locator('.annotation-body img, .annotation-body script')).toHaveCount(0);
    await expect(card.locator('.annotation-body a')).toHaveAttribute('href', 'https://example.org/ok');
    await page.reload();
    await expect(thread(page).getByText(payload)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('the login page signs in, shows a clear error for a bad password, and the header shows who is signed in', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Username').fill('erin');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong username or password' })).toBeVisible();
    await page.screenshot({ path: 'test-results/login.png' });
    await signIn(page, 'erin');
    await expect(page.getByTestId('auth-status')).toContainText('erin (editor)');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('the admin page lists users and changes a role; others get a clear message', async ({ page, browser }) => {
    addUser('temp-user', 'viewer');
    const other = await signedInPage(browser, 'felix');
    await other.goto('/admin');
    await expect(other.getByRole('alert').filter({ hasText: 'Only admins manage users' })).toBeVisible();
    await other.context().close();

    await signIn(page, 'root');
    await page.goto('/admin');
    const role = page.getByLabel('Role of temp-user');
    await expect(role).toHaveValue('viewer');
    await role.selectOption('editor');
    // Picking a role asks first (issue 10): nothing changes until the change is confirmed.
    await page.getByRole('row', { name: /temp-user/ }).getByRole('button', { name: 'Change role' }).click();
    await page.getByRole('button', { name: 'Make temp-user editor' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'temp-user is now editor.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Role of temp-user')).toHaveValue('editor');
    await page.screenshot({ path: 'test-results/admin.png' });
  });

  test('new pages send the security headers', async ({ request }) => {
    for (const path of ['/', '/login', '/admin', '/api/auth/me']) {
      const res = await request.get(path);
      const h = res.headers();
      expect(h['content-security-policy'], path).toContain("object-src 'none'");
      expect(h['content-security-policy'], path).toContain("base-uri 'none'");
      expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['referrer-policy'], path).toBeTruthy();
    }
  });
});
