/**
 * The map with 100,000 voyages (issue 13), in the system Chromium against the production build:
 * - visible within 1 s of the data: from the moment GET /api/voyages/map has arrived (Resource
 *   Timing `responseEnd`) to the routes' first draw (`wakeline:voyages-drawn`), which includes
 *   decoding the answer, grouping the routes into lanes, projecting and drawing (median of several
 *   page loads; the server's answer is made once before, so its cache serves every load);
 * - panning at ≥ 50 frames per second: drags of the map by the mouse, each ending in a redraw,
 *   frames counted with requestAnimationFrame (as scripts/bench/tracks-map.ts);
 * - the page's JS heap after a garbage collection (CDP Runtime.getHeapUsage);
 * - brushing a week: From and To set, to the list showing the week's voyages, and the requests
 *   for the map's answer it made (none: the page narrows the answer it holds);
 * each beside the same page with a filter no generated voyage matches (`confidence=disputed`:
 * same server, same bundle, no routes), the "empty map".
 *
 * The voyages are the HTTP benchmarks' generated ones (scripts/bench/server.ts: the seeded ports,
 * vessels and sources, random dates with a fixed seed).
 *
 * Run: npm run bench (or: npx tsx --conditions=react-server scripts/bench/voyages-map.ts after
 * `next build`; BENCH_MAP_VOYAGES=N for another count, BENCH_MAP_SCREENSHOT=FILE saves the map as
 * loaded, BENCH_MAP_PROFILE=1 sums a CPU profile of the first load from the data's arrival to the draw)
 */
import type { Browser, Page } from '@playwright/test';
import { type Figures, type Result, launchBenchBrowser, median, panning, reportPanning, reportVisible, round, why, writeBenchResults } from './browser-bench';
import { startBenchServer } from './server';
import { close, newPage, settle } from './time-page';
import { startProfile } from './time-profile';

const VOYAGES = Number(process.env.BENCH_MAP_VOYAGES || 100_000);
const PORT = Number(process.env.BENCH_MAP_PORT || 3262);
const RUNS = Number(process.env.BENCH_MAP_RUNS || 3);
const TARGETS = { visibleMs: 1000, fps: 50 };
const EMPTY = 'confidence=disputed';

/** The page's JS heap after a full garbage collection, in MB. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return round(usedSize / 1e6);
}

/** Time from the map's data arriving to its routes drawn, over RUNS page loads. */
async function visible(browser: Browser, base: string): Promise<Result> {
  const fromData: number[] = [];
  const transfer: number[] = [];
  let detail: Figures = {};
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    try {
      // BENCH_MAP_PROFILE=1: a CPU profile of the first load, summed from the data's arrival to the draw.
      const profiler = process.env.BENCH_MAP_PROFILE && i === 0 ? await startProfile(page) : null;
      await page.goto(`${base}/`);
      const handle = await page.waitForFunction(
        () => {
          const m = performance.getEntriesByName('wakeline:voyages-drawn')[0] as PerformanceMark | undefined;
          const r = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => /\/api\/voyages\/map(\?|$)/.test(e.name));
          if (!m || !r) return null;
          return {
            drawn: m.startTime,
            voyages: (m.detail as { voyages: number }).voyages,
            arrived: r.responseEnd,
            requested: r.requestStart,
            encodedBytes: r.encodedBodySize,
            bytes: r.decodedBodySize,
          };
        },
        null,
        { timeout: 180_000, polling: 50 },
      );
      const m = (await handle.jsonValue())!;
      await profiler?.stop('voyages-map-load', { from: m.arrived, to: m.drawn });
      fromData.push(m.drawn - m.arrived);
      transfer.push(m.arrived - m.requested);
      if (i === 0) {
        await settle(page, 60_000);
        if (process.env.BENCH_MAP_SCREENSHOT) await page.locator('.map-pane').screenshot({ path: process.env.BENCH_MAP_SCREENSHOT });
        detail = { voyagesDrawn: m.voyages, answerMB: round(m.bytes / 1e6, 2), answerOnWireMB: round(m.encodedBytes / 1e6, 2), heapMB: await heapMb(page) };
      }
    } catch (err) {
      return { ok: false, why: why(err) };
    } finally {
      await close(page);
    }
  }
  return { ok: true, figures: { medianMs: Math.round(median(fromData)), maxMs: Math.round(Math.max(...fromData)), requestToArrivalMs: Math.round(median(transfer)), ...detail, runs: RUNS } };
}

/**
 * Brushing a range of days: on the loaded page (its timeline open, as by default), From and To
 * set to a week at a time, and the time from setting To to the list's count showing the week's
 * voyages; the requests for the map's answer made meanwhile are counted (the page narrows the
 * answer it holds, so none is expected).
 */
async function brushing(browser: Browser, base: string): Promise<Result> {
  const page = await newPage(browser);
  try {
    const asked: string[] = [];
    page.on('request', (r) => void (r.url().includes('/api/voyages/map?') && asked.push(r.url())));
    await page.goto(`${base}/`);
    await page.waitForFunction(() => performance.getEntriesByName('wakeline:voyages-drawn').length > 0, null, { timeout: 180_000 });
    await settle(page, 60_000);
    const form = page.getByRole('form', { name: 'Filter voyages' });
    const count = page.locator('.voyage-list .count');
    const ms: number[] = [];
    for (const [from, to] of [['2024-03-04', '2024-03-10'], ['2024-09-02', '2024-09-08'], ['2025-02-03', '2025-02-09']] as const) {
      const expected = Number((await fetch(`${base}/api/voyages?limit=1&from=${from}&to=${to}`)).headers.get('x-total-count'));
      await form.getByLabel('From', { exact: true }).fill(from);
      const started = Date.now();
      await form.getByLabel('To', { exact: true }).fill(to);
      await count.filter({ hasText: `(${expected})` }).waitFor({ timeout: 60_000 });
      ms.push(Date.now() - started);
    }
    return { ok: true, figures: { medianMs: Math.round(median(ms)), maxMs: Math.max(...ms), mapRequests: asked.length, weeks: ms.length } };
  } catch (err) {
    return { ok: false, why: why(err) };
  } finally {
    await close(page);
  }
}

async function pan(browser: Browser, base: string, query: string): Promise<Result> {
  const page = await newPage(browser);
  try {
    await page.goto(`${base}/${query ? `?${query}` : ''}`);
    if (!query) await page.waitForFunction(() => performance.getEntriesByName('wakeline:voyages-drawn').length > 0, null, { timeout: 180_000 });
    else await page.locator('.voyage-list').waitFor({ timeout: 180_000 });
    const settledMs = await settle(page, 60_000);
    const heap = await heapMb(page);
    return { ok: true, figures: { ...(await panning(page)), heapMB: heap, settledBeforePanMs: settledMs } };
  } catch (err) {
    return { ok: false, why: why(err) };
  } finally {
    await close(page);
  }
}

async function main() {
  const t0 = Date.now();
  const server = await startBenchServer(PORT, VOYAGES);
  const browser = await launchBenchBrowser();
  try {
    // The answer is made once (the server's cache then serves it): the loads measure the browser.
    const t1 = Date.now();
    const warm = await fetch(`${server.base}/api/voyages/map`);
    const count = ((await warm.json()) as { count: number }).count;
    console.log(`GET /api/voyages/map made in ${round((Date.now() - t1) / 1000)} s: ${count.toLocaleString('en')} voyages`);
    const shown = await visible(browser, server.base);
    const panned = { voyages: await pan(browser, server.base, ''), empty: await pan(browser, server.base, EMPTY) };
    const brushed = await brushing(browser, server.base);
    reportVisible('routes', RUNS, shown, TARGETS.visibleMs);
    reportPanning(`${VOYAGES.toLocaleString('en')} voyages`, EMPTY, { loaded: panned.voyages, empty: panned.empty }, TARGETS.fps);
    const heap = (r: Result) => (r.ok ? `${r.figures.heapMB} MB` : `not measured: ${r.why}`);
    console.log(`page JS heap after GC: ${heap(panned.voyages)} with the voyages, ${heap(panned.empty)} empty`);
    console.log(
      brushed.ok
        ? `a week brushed, to the list showing it (median of ${brushed.figures.weeks}): ${brushed.figures.medianMs} ms, max ${brushed.figures.maxMs} ms; requests for the map's answer meanwhile: ${brushed.figures.mapRequests}`
        : `a week brushed: not measured: ${brushed.why}`,
    );
    writeBenchResults('voyages-map', t0, { targets: TARGETS, voyages: VOYAGES, visible: shown, panning: panned, brushing: brushed });
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
