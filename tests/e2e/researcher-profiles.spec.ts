import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import seedObservations from '../../data/seed/observations.json';
import seedVessels from '../../data/seed/vessels.json';
import seedVoyages from '../../data/seed/voyages.json';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function seriousViolations(page: Page, include: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).include(include).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

// Facts from the seed, not typed in here.
const angara = seedVessels.find((v) => v.id === 'angara')!;
const angaraVoyages = seedVoyages.filter((v) => v.vesselId === 'angara');
const angaraSightings = seedObservations.filter((o) => o.vesselId === 'angara');
const vladivostokVoyages = seedVoyages.filter((v) => v.originPortId === 'vladivostok' || v.destinationPortId === 'vladivostok');
const angaraMmsi = angara.identityHistory.find((e) => e.field === 'mmsi')!.value;

test.describe('researcher: who is this ship, what called at this port', () => {
  test('search with the keyboard, read the vessel profile, follow a voyage to the map, open a port by LOCODE, reload the permalink', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.voyage-item').first()).toBeVisible();
    const box = page.getByRole('combobox', { name: 'Find a vessel, port or source' });

    // Cyrillic, as a Russian source writes the name.
    await box.focus();
    await page.keyboard.type('Ангара');
    const listbox = page.getByRole('listbox', { name: 'Search results' });
    await expect(listbox).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    const vessels = listbox.getByRole('group', { name: /^Vessels/ });
    await expect(vessels.getByRole('option')).toHaveCount(1);
    await expect(vessels.getByRole('option')).toContainText(`IMO ${angara.imo}`);
    await page.keyboard.press('ArrowDown');
    const option = vessels.getByRole('option', { name: /Angara/ });
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
    await page.keyboard.press('Enter');

    const profile = page.getByRole('region', { name: 'Vessel profile' });
    const heading = profile.getByRole('heading', { level: 2 });
    await expect(heading).toHaveText(/Vessel\s*Angara/);
    await expect(heading).toBeFocused();
    await expect(page).toHaveURL(/[?&]profile=vessel%3Aangara(&|$)/);
    await expect(box).toHaveAttribute('aria-expanded', 'false');

    // Identity history and sanctions, as the seed has them.
    const identity = profile.locator('dl.identity');
    await expect(identity).toContainText(angara.imo!);
    await expect(identity).toContainText(angaraMmsi);
    await expect(identity).toContainText('third-party listing, unverified');
    await expect(profile.getByRole('heading', { name: `Sanctions (${angara.sanctions.length})` })).toBeVisible();
    await expect(profile.getByRole('list', { name: /^Sanctions/ })).toContainText('United States, listed 8 May 2022');
    // Other specs may have published a sighting of the Angara by now: count what the API serves.
    const served = (await (await page.request.get('/api/observations?vessel=angara')).json()) as { observations: unknown[] };
    expect(served.observations.length).toBeGreaterThanOrEqual(angaraSightings.length);
    await expect(profile.getByRole('img', { name: new RegExp(`${angaraVoyages.length} voyages? and ${served.observations.length} sightings`) })).toBeVisible();
    await expect(profile.getByRole('heading', { name: /^Team annotations/ })).toBeVisible();
    expect(await seriousViolations(page, '.detail-sheet')).toEqual([]);

    // A voyage of the profile, chosen with the keyboard, is selected on the map.
    const leg = angaraVoyages[0]!;
    const button = profile.locator(`.profile-voyages [data-voyage-id="${leg.id}"]`);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]voyage=${leg.id}(&|$)`));
    await expect(page).not.toHaveURL(/profile=/);
    await expect(page.getByRole('region', { name: 'Voyage details' }).getByRole('heading', { level: 2 })).toContainText('Angara');
    await expect(page.locator(`.voyage-list [data-voyage-id="${leg.id}"]`)).toHaveAttribute('aria-current', 'true');
    // Back returns to the profile.
    await page.goBack();
    await expect(page.getByRole('region', { name: 'Vessel profile' }).getByRole('heading', { level: 2 })).toHaveText(/Angara/);

    // A port by its UN/LOCODE.
    await box.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('RUVVO');
    const ports = listbox.getByRole('group', { name: /^Ports/ });
    await expect(ports.getByRole('option')).toHaveCount(1);
    await expect(ports.getByRole('option')).toContainText('UN/LOCODE RUVVO');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const port = page.getByRole('region', { name: 'Port profile' });
    await expect(port.getByRole('heading', { level: 2 })).toHaveText(/Port\s*Vladivostok/);
    await expect(port.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(page).toHaveURL(/[?&]profile=port%3Avladivostok(&|$)/);
    await expect(port.getByTestId('port-position')).toContainText('° N');
    await expect(port).toContainText('a circle of');
    await expect(port.getByRole('heading', { name: `Voyages (${vladivostokVoyages.length})` })).toBeVisible();
    await expect(port.locator('.profile-voyages .voyage-item')).toHaveCount(vladivostokVoyages.length);
    await expect(port.getByRole('heading', { name: /^Team annotations/ })).toBeVisible();
    expect(await seriousViolations(page, '.detail-sheet')).toEqual([]);

    // The permalink opens the same panel.
    await page.reload();
    await expect(page.getByRole('region', { name: 'Port profile' }).getByRole('heading', { level: 2 })).toHaveText(/Vladivostok/);

    // Close: the profile goes, the URL forgets it.
    await page.getByRole('button', { name: 'Close port profile' }).click();
    await expect(page.getByRole('region', { name: 'Port profile' })).toHaveCount(0);
    await expect(page).not.toHaveURL(/profile=/);
  });

  test('Escape closes the list, then clears the box; closing a profile returns focus to the box', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Find a vessel, port or source' });
    await box.focus();
    await page.keyboard.type(angara.imo!);
    const listbox = page.getByRole('listbox', { name: 'Search results' });
    await expect(listbox.getByRole('option')).toHaveCount(1);
    expect(await seriousViolations(page, '.search-box')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(listbox).toBeHidden();
    await expect(box).toHaveValue(angara.imo!);
    await page.keyboard.press('ArrowDown');
    await expect(listbox).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Vessel profile' }).getByRole('heading', { level: 2 })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'Vessel profile' })).toHaveCount(0);
    await expect(box).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');
  });

  test('on a phone, a vessel permalink opens its profile in the sheet, with no serious axe violation', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/?profile=vessel:lady-r');
    const profile = page.getByRole('region', { name: 'Vessel profile' });
    await expect(profile.getByRole('heading', { level: 2 })).toHaveText(/Lady R/);
    await expect(profile.locator('.profile-voyages .voyage-item')).toHaveCount(seedVoyages.filter((v) => v.vesselId === 'lady-r').length);
    expect(await seriousViolations(page, '.detail-sheet')).toEqual([]);
  });
});
