import type { Page } from '@playwright/test';

/** The number of voyages GET /api/voyages counts for a query (its X-Total-Count). */
export async function total(page: Page, query: string): Promise<number> {
  const res = await page.request.get(`/api/voyages${query}`);
  return Number(res.headers()['x-total-count']);
}

/** The requests the page makes for the voyages' list or map answer (paths and queries), as they go. */
export function voyageRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/voyages' || url.pathname === '/api/voyages/map') asked.push(url.pathname + url.search);
  });
  return asked;
}
