import { type Page, expect } from '@playwright/test';

/**
 * The map's box once it has stopped changing. The page settles after the map has drawn (the list
 * and the timeline take a new answer in a deferred render, and the timeline takes its height): a
 * pointer aimed at a box read before then misses what it aims at. The map keeps its centre through
 * such a resize (FitSelection's useContainerSize), so the centre of the settled box is the URL's.
 */
export async function steadyMapBox(page: Page) {
  const map = page.locator('.leaflet-container');
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await map.boundingBox());
        const steady = now === last;
        last = now;
        return steady;
      },
      { intervals: [300] },
    )
    .toBe(true);
  return (await map.boundingBox())!;
}
