/**
 * The map with 100,000 voyages (issue 13), in the system Chromium against the production build:
 * - visible within 1 s of the data: from the moment GET /api/voyages/map has arrived (Resource
 *   Timing `responseEnd`) to the routes' first draw (`wakeline:voyages-drawn`), which includes
 *   decoding the answer, grouping the routes into lanes, projecting and drawing (median of several
 *   page loads; the server's answer is made once before, so its cache serves every load);
 * - panning at ≥ 50 frames per second: drags of the map by the mouse, each ending in a redraw,
 *   frames counted with requestAnimationFrame (as scripts/bench/tracks-map.ts);
 * - the page's JS heap after a garbage collection (CDP Runtime.getHeapUsage);
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
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from '@playwright/test';
import { machine as machineInfo, root, startBenchServer } from './server';
import { close, newPage, settle } from './time-page';
import { startProfile } from './time-profile';

const VOYAGES = Number(process.env.BENCH_MAP_VOYAGES || 100_000);
const PORT = Number(process.env.BENCH_MAP_PORT || 3262);
const RUNS = Number(process.env.BENCH_MAP_RUNS || 3);
const TARGETS = { visibleMs: 1000, fps: 50 };
const EMPTY = 'confidence=disputed';

type Figures = Record<string, number | string | null>;
type Result = { ok: true; figures: Figures } | { ok: false; why: string };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const why = (err: unknown) => (err instanceof Error ? err.message.split('\n').slice(0, 4).join(' / ') : String(err));

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

/** Frames per second while dragging the map back and forth: 8 drags of ~0.5 s, each ending in a redraw. */
async function panning(page: Page): Promise<Figures> {
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  const cx = box.x + box.width * 0.4;
  const cy = box.y + box.height * 0.6;
  await page.evaluate(
    `(() => { const w = window; w.__frames = []; const tick = (t) => { w.__frames.push(t); w.__raf = requestAnimationFrame(tick); }; w.__raf = requestAnimationFrame(tick); })()`,
  );
  const started = await page.evaluate(() => performance.now());
  for (let d = 0; d < 8; d++) {
    const dir = d % 2 === 0 ? 1 : -1;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let s = 1; s <= 30; s++) {
      await page.mouse.move(cx + dir * s * 8, cy + dir * s * 3);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.waitForTimeout(150);
  }
  const frames = await page.evaluate<number[]>(`(() => { cancelAnimationFrame(window.__raf); return window.__frames; })()`);
  const inWindow = frames.filter((t) => t >= started);
  const gaps = inWindow.slice(1).map((t, i) => t - inWindow[i]!);
  const seconds = (inWindow.at(-1)! - inWindow[0]!) / 1000;
  return { fps: round((inWindow.length - 1) / seconds), seconds: round(seconds, 2), longestFrameMs: round(Math.max(0, ...gaps)), framesOver50Ms: gaps.filter((g) => g > 50).length };
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
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // The answer is made once (the server's cache then serves it): the loads measure the browser.
    const t1 = Date.now();
    const warm = await fetch(`${server.base}/api/voyages/map`);
    const count = ((await warm.json()) as { count: number }).count;
    console.log(`GET /api/voyages/map made in ${round((Date.now() - t1) / 1000)} s: ${count.toLocaleString('en')} voyages`);
    const shown = await visible(browser, server.base);
    const panned = { voyages: await pan(browser, server.base, ''), empty: await pan(browser, server.base, EMPTY) };
    const f = (r: Result, key: string, unit: string) => (r.ok ? `${r.figures[key]} ${unit}` : `not measured: ${r.why}`);
    console.log(`routes visible after their data arrived (median of ${RUNS}): ${f(shown, 'medianMs', 'ms')}`);
    if (shown.ok) {
      console.log(`  target ≤ ${TARGETS.visibleMs} ms: ${Number(shown.figures.medianMs) <= TARGETS.visibleMs ? 'met' : 'NOT met'}`);
      console.log(`  details: ${JSON.stringify(shown.figures)}`);
    }
    console.log(`panning, frames per second\n  ${VOYAGES.toLocaleString('en')} voyages: ${f(panned.voyages, 'fps', 'fps')}\n  empty map (${EMPTY}): ${f(panned.empty, 'fps', 'fps')}`);
    if (panned.voyages.ok) {
      const x = Number(panned.voyages.figures.fps);
      const ratio = panned.empty.ok ? ` (${round(x / Number(panned.empty.figures.fps), 2)}× the empty map)` : '';
      console.log(`  target ≥ ${TARGETS.fps} fps: ${x >= TARGETS.fps ? 'met' : 'NOT met'}${ratio}`);
      console.log(`  details: ${JSON.stringify(panned.voyages.figures)}`);
    }
    if (panned.empty.ok) console.log(`  empty details: ${JSON.stringify(panned.empty.figures)}`);
    console.log(`page JS heap after GC: ${f(panned.voyages, 'heapMB', 'MB')} with the voyages, ${f(panned.empty, 'heapMB', 'MB')} empty`);
    const machine = machineInfo();
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load ${machine.loadavg.map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`voyages-map bench took ${Math.round((Date.now() - t0) / 1000)} s`);
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench-results/voyages-map.json'), JSON.stringify({ machine, targets: TARGETS, voyages: VOYAGES, visible: shown, panning: panned }, null, 2));
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
