/**
 * The browser side of the time benchmark (scripts/bench/time.ts): a fresh page that counts long
 * tasks from its start, the timeline's draw measures, and form filling by label.
 */
import type { Browser, Locator, Page } from '@playwright/test';

/** Counts long tasks from the page's start (installed before any script of the page runs). */
const LONGTASKS = () => {
  const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
  w.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser: the count stays empty
  }
};

/** When each page last sent or finished a request, and how many are in flight. */
const network = new WeakMap<Page, { inFlight: number; last: number }>();

export async function newPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, acceptDownloads: true });
  await context.addInitScript(LONGTASKS);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const n = { inFlight: 0, last: Date.now() };
  network.set(page, n);
  const seen = (d: number) => () => {
    n.inFlight += d;
    n.last = Date.now();
  };
  page.on('request', seen(1));
  page.on('requestfinished', seen(-1));
  page.on('requestfailed', seen(-1));
  return page;
}

export async function close(page: Page) {
  await page.context().close();
}

/** The `wakeline:timeline-draw` measures so far: duration and the voyages drawn. */
function drawEntries(page: Page) {
  return page.evaluate(() =>
    performance.getEntriesByName('wakeline:timeline-draw').map((e) => ({
      duration: e.duration,
      startTime: e.startTime,
      voyages: ((e as PerformanceMeasure).detail as { voyages?: number } | null)?.voyages ?? null,
    })),
  );
}

/**
 * Waits for the timeline's draw of `expected` voyages; its entry, or why it did not come: after
 * `timeoutMs`, or sooner when the page has been quiet (no request for 3 s) with no draw at all.
 */
export async function waitForDraw(page: Page, expected: number, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  const n = network.get(page);
  let entries: Awaited<ReturnType<typeof drawEntries>> = [];
  while (Date.now() < until) {
    entries = await drawEntries(page);
    const done = entries.find((e) => e.voyages === expected);
    if (done) return { entry: done, all: entries };
    if (!entries.length && n && n.inFlight <= 0 && Date.now() - n.last > 3000) {
      throw new Error('no wakeline:timeline-draw entry at all (the page has sent no request for 3 s)');
    }
    await page.waitForTimeout(200);
  }
  const seen = entries.length ? `entries for ${entries.map((e) => e.voyages).join(', ')} voyages` : 'no entry at all';
  throw new Error(`no wakeline:timeline-draw of ${expected} voyages in ${timeoutMs / 1000} s (${seen})`);
}

/** Fills the first of these labelled fields that exists; whether one did. */
export async function fillField(page: Page | Locator, labels: RegExp[], value: string) {
  for (const label of labels) {
    const field = page.getByLabel(label).first();
    if (await field.count()) {
      await field.fill(value);
      return true;
    }
  }
  return false;
}


/**
 * Waits until the page is quiet: no request in flight for 1 s and no long task in the last second
 * (the map may still be drawing after the timeline has). How long it took (ms); at most `maxMs`.
 */
export async function settle(page: Page, maxMs = 30_000) {
  const started = Date.now();
  const n = network.get(page);
  while (Date.now() - started < maxMs) {
    const lastLong = await page.evaluate(() => {
      const w = window as unknown as { __longtasks?: { start: number; duration: number }[] };
      const last = w.__longtasks?.at(-1);
      return performance.now() - (last ? last.start + last.duration : 0);
    });
    if (lastLong > 1000 && (!n || (n.inFlight <= 0 && Date.now() - n.last > 1000))) break;
    await page.waitForTimeout(250);
  }
  return Date.now() - started;
}
