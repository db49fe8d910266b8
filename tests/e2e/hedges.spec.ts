import { expect, test } from '@playwright/test';
import seedVessels from '../../data/seed/vessels.json';
import seedVoyages from '../../data/seed/voyages.json';

/** The hedge fields of a seeded voyage (issue 8): how the leg is known, and who identified the ship. */
interface HedgedVoyage {
  id: string;
  vesselId: string | null;
  basis?: { kind: string; observationIds?: string[] };
  identification?: { method: string; words: string };
}
const voyages: HedgedVoyage[] = seedVoyages;
const vesselName = (id: string | null) => seedVessels.find((v) => v.id === id)?.name ?? 'Unidentified vessel';

const stitched = voyages.find((v) => v.basis?.kind === 'inferred_from_sightings');
const believed = voyages.find((v) => v.identification?.method === 'believed');

test.describe('hedges', () => {
  test('a leg the team joined from two sightings says so in the list and the detail, linking both sightings', async ({ page }) => {
    expect(stitched, 'the seed has a voyage inferred from sightings').toBeDefined();
    const { id, basis } = stitched!;
    await page.goto('/');
    const item = page.locator(`[data-voyage-id="${id}"]`);
    await expect(item).toContainText(`${vesselName(stitched!.vesselId)} (inferred by team)`);
    await expect(item).toContainText('inferred by the team from two sightings');
    await item.click();
    const detail = page.getByRole('region', { name: /→/ });
    await expect(detail.getByRole('heading', { level: 2 })).toContainText('(inferred by team)');
    const basisText = detail.getByTestId('basis');
    await expect(basisText).toContainText('inferred by the team from two sightings');
    await expect(basisText).toContainText('No source reports this voyage');
    const links = basisText.getByRole('link');
    await expect(links).toHaveCount(2);
    for (const [n, observationId] of (basis!.observationIds ?? []).entries()) {
      await expect(links.nth(n)).toHaveAttribute('href', `#sighting-${observationId}`);
      await expect(detail.locator(`#sighting-${observationId}`)).toBeVisible();
    }
  });

  test('a believed identification keeps its hedge and the source’s words in the list, the detail and the GeoJSON', async ({ page }) => {
    expect(believed, 'the seed has a voyage whose ship is only believed to be the vessel').toBeDefined();
    const name = vesselName(believed!.vesselId);
    await page.goto('/');
    const item = page.locator(`[data-voyage-id="${believed!.id}"]`);
    await expect(item.locator('.voyage-vessel')).toHaveText(new RegExp(`^${name} \\(believed`));
    await item.click();
    const detail = page.getByRole('region', { name: /→/ });
    const identification = detail.getByTestId('identification');
    await expect(identification).toContainText(`believed to be ${name}`);
    await expect(identification).toContainText(`“${believed!.identification!.words}”`);

    const answer = await page.request.get('/api/voyages?format=geojson');
    expect(answer.ok()).toBe(true);
    const body = (await answer.json()) as { features: { id: string; properties: { vesselLabel: string; identificationWords: string | null } }[] };
    const feature = body.features.find((f) => f.id === believed!.id);
    expect(feature?.properties.vesselLabel).toBe(`${name} (believed)`);
    expect(feature?.properties.identificationWords).toBe(believed!.identification!.words);
  });
});
