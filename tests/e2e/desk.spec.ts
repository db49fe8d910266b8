import { type Browser, type Locator, type Page, expect, test } from '@playwright/test';
import { addUser, signIn } from './accounts';
import { steadyMapBox } from './map-box';

// The evidence desk end to end: a sighting added on the map is a draft only the team sees, until a
// second editor publishes it; a stale edit gets the merge view; the history keeps the diff and why.

test.beforeAll(() => {
  addUser('dana', 'editor');
  addUser('eli', 'editor');
});

async function signedInPage(browser: Browser, name: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, name);
  return page;
}

const marker = (page: Page, id: string) => page.locator(`.leaflet-sightings-pane path.sighting-${id}`);

/** The seed's sightings are drawn once the layer has loaded: only then does "absent" mean absent. */
async function sightingsLoaded(page: Page) {
  await expect(page.locator('.leaflet-sightings-pane path.sighting-marker').first()).toBeAttached();
}

async function observationIds(page: Page): Promise<string[]> {
  const res = await page.request.get('/api/observations');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { observations: { id: string }[] }).observations.map((o) => o.id);
}

async function fillSighting(form: Locator, note: string) {
  await form.getByRole('combobox', { name: 'Vessel', exact: true }).selectOption({ index: 1 });
  await form.getByRole('combobox', { name: 'Identification', exact: true }).selectOption('believed');
  await form.getByLabel('The source’s words', { exact: true }).fill('believed to be the ship in the imagery');
  await form.getByRole('combobox', { name: 'Activity', exact: true }).selectOption('anchored');
  await form.getByLabel('Earliest', { exact: true }).fill('2025-10-01');
  await form.getByLabel('Latest', { exact: true }).fill('2025-10-03');
  await form.getByRole('group', { name: /^Sources/ }).getByRole('checkbox').first().check();
  await form.getByLabel('Notes (optional)', { exact: true }).fill(note);
}

async function createdId(page: Page): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: /Draft sighting \S+ saved/ });
  await expect(status).toBeVisible();
  await expect(status).toBeFocused();
  const id = /Draft sighting (\S+) saved/.exec((await status.textContent()) ?? '')?.[1];
  expect(id).toBeTruthy();
  return id!;
}

test.describe.serial('evidence desk', () => {
  let sightingId = '';

  test('an editor adds a sighting on the map; a second editor publishes it; only then does a signed-out reader see it', async ({ browser }) => {
    const dana = await signedInPage(browser, 'dana');
    await dana.goto('/');
    const desk = dana.getByRole('region', { name: 'Evidence desk' });
    await desk.getByRole('button', { name: 'Add sighting' }).click();
    const form = dana.getByRole('form', { name: 'Add a sighting' });
    await form.getByRole('button', { name: 'Pick on the map' }).click();
    await expect(form.getByText('Click the map to place the sighting')).toBeVisible();
    const box = await steadyMapBox(dana);
    await dana.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
    await expect(form.getByLabel('Longitude (°E)', { exact: true })).not.toHaveValue('');
    await expect(form.getByLabel('Latitude (°N)', { exact: true })).not.toHaveValue('');
    await fillSighting(form, `Dana's e2e sighting ${Date.now()}`);
    await form.getByRole('button', { name: 'Save draft sighting' }).click();
    sightingId = await createdId(dana);
    // The team sees the draft on the map, drawn as a draft.
    await expect(marker(dana, sightingId)).toHaveClass(/sighting-draft/);

    // A signed-out reader does not see the draft, on the map or in the API.
    const reader = await (await browser.newContext()).newPage();
    await reader.goto('/');
    await sightingsLoaded(reader);
    await expect(marker(reader, sightingId)).toHaveCount(0);
    expect(await observationIds(reader)).not.toContain(sightingId);

    // The author may not publish their own draft, and is told why.
    await dana.goto('/review');
    const own = dana.getByRole('article').filter({ hasText: sightingId });
    await expect(own.getByRole('button', { name: 'Publish' })).toBeDisabled();
    await expect(own).toContainText('a second person must publish it');

    // A second editor publishes it from the review queue.
    const eli = await signedInPage(browser, 'eli');
    await eli.goto('/review');
    const item = eli.getByRole('article').filter({ hasText: sightingId });
    await expect(item).toContainText('draft');
    await expect(item.getByRole('list', { name: `Changes to ${sightingId}` })).toContainText('anchored');
    await eli.screenshot({ path: 'test-results/desk-review-queue.png', fullPage: true });
    await item.getByRole('button', { name: 'Publish' }).click();
    await expect(eli.getByRole('status').filter({ hasText: `Published observation ${sightingId}.` })).toBeFocused();
    await expect(eli.getByRole('article').filter({ hasText: sightingId })).toHaveCount(0);

    // Now the signed-out reader sees it, published.
    await reader.reload();
    await sightingsLoaded(reader);
    await expect(marker(reader, sightingId)).toHaveCount(1);
    await expect(marker(reader, sightingId)).not.toHaveClass(/sighting-draft/);
    expect(await observationIds(reader)).toContain(sightingId);

    await reader.context().close();
    await dana.context().close();
    await eli.context().close();
  });

  test('a stale edit gets the merge view, and the history shows the diff and the reason', async ({ browser }) => {
    expect(sightingId, 'needs the sighting published by the previous test').not.toBe('');
    const dana = await signedInPage(browser, 'dana');
    const eli = await signedInPage(browser, 'eli');

    // Dana opens the published sighting in the record form.
    await dana.goto('/review');
    const picker = dana.getByRole('region', { name: 'Edit a record' });
    await picker.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('observations');
    await picker.getByRole('combobox', { name: 'Record', exact: true }).selectOption(sightingId);
    await picker.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = dana.getByRole('form', { name: `Edit ${sightingId}` });
    await expect(edit.getByRole('textbox', { name: 'Notes', exact: true })).toBeVisible();
    await edit.getByRole('textbox', { name: 'Notes', exact: true }).fill('Dana: the ship is anchored off the breakwater.');

    // Meanwhile Eli proposes a change to the same version.
    const origin = new URL(eli.url()).origin;
    const current = await eli.request.get(`/api/observations/${sightingId}`);
    const { record } = (await current.json()) as { record: { version: number } };
    const patch = await eli.request.patch(`/api/observations/${sightingId}`, {
      data: { version: record.version, notes: 'Eli: the imagery shows her at the berth.', reason: 'correction: Eli read the imagery again' },
      headers: { Origin: origin },
    });
    expect(patch.status()).toBe(200);

    // Dana's save is stale: the merge view shows both values of the field that differs.
    await dana.getByLabel(/Reason for the change/).fill('correction: Dana, anchorage per the source');
    await dana.getByRole('button', { name: 'Save changes' }).click();
    const conflict = dana.getByRole('group', { name: 'Edit conflict' });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByTestId('merge-notes-mine')).toHaveText('Dana: the ship is anchored off the breakwater.');
    await expect(conflict.getByTestId('merge-notes-current')).toHaveText('Eli: the imagery shows her at the berth.');
    await expect(conflict.getByLabel('Keep yours for Notes', { exact: true })).toBeChecked();
    await conflict.screenshot({ path: 'test-results/desk-merge.png' });
    await conflict.getByRole('button', { name: 'Save merged record' }).click();
    await expect(dana.getByRole('status').filter({ hasText: /Saved as version \d+/ })).toBeVisible();
    await expect(conflict).toHaveCount(0);

    // The history lists both proposals, each with its reason and its field-by-field diff.
    await dana.getByRole('button', { name: 'Show history' }).click();
    const history = dana.getByRole('list', { name: 'Record history' });
    await expect(history).toContainText('created by dana');
    await expect(history).toContainText('published by eli');
    await expect(history).toContainText('proposed a change by eli');
    await expect(history).toContainText('Reason: correction: Eli read the imagery again');
    await expect(history).toContainText('Reason: correction: Dana, anchorage per the source');
    // The revisions themselves, not the change rows nested in each.
    const last = history.locator(':scope > li').last();
    await expect(last.getByRole('list', { name: /Changes in version/ })).toContainText('notes');
    await expect(last).toContainText('Dana: the ship is anchored off the breakwater.');

    await dana.context().close();
    await eli.context().close();
  });

  test('on a 390 px phone a sighting is added by keyboard with typed coordinates', async ({ browser }) => {
    const phone = await signedInPage(browser, 'dana', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto('/');
    const open = phone.getByRole('button', { name: 'Add sighting' });
    await open.focus();
    await phone.keyboard.press('Enter');
    const form = phone.getByRole('form', { name: 'Add a sighting' });
    await expect(form).toBeVisible();
    // Escape closes the form and gives focus back to the button that opened it.
    await phone.keyboard.press('Escape');
    await expect(form).toHaveCount(0);
    await expect(open).toBeFocused();
    await phone.keyboard.press('Enter');
    await form.getByLabel('Longitude (°E)', { exact: true }).fill('130.6');
    await form.getByLabel('Latitude (°N)', { exact: true }).fill('42.3');
    await fillSighting(form, 'Typed on a phone');
    await form.getByRole('button', { name: 'Save draft sighting' }).focus();
    await phone.keyboard.press('Enter');
    const id = await createdId(phone);
    await expect(marker(phone, id)).toHaveClass(/sighting-draft/);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: 'test-results/desk-phone.png', fullPage: true });
    await phone.context().close();
  });
});
