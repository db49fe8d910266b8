/**
 * Tracks on the map (issue 12): 1,000,000 imported positions, in the system Chromium against the
 * production build,
 * - visible within 1 s of the data: from the moment the last of GET /api/tracks and GET
 *   /api/events has arrived (Resource Timing `responseEnd`) to the end of the layer's first draw
 *   (`wakeline:tracks-drawn`), which includes parsing the JSON, projecting, splitting and
 *   simplifying (median of several page loads);
 * - panning at ≥ 50 frames per second: drags of the map by the mouse, each ending in a redraw,
 *   frames counted with requestAnimationFrame;
 * each beside the same page with the tracks layer toggled off (`hide=tracks`: same server, same
 * data, same bundle; only the tracks are not drawn), the "empty map".
 *
 * The positions are four seeded vessels' synthetic tracks (lib/core/track/syntheticTrack, fixed
 * seed, ±30 m of weave at sea so that simplification has work to do), written into the bench
 * database as one completed import before the server starts.
 *
 * Run: npm run bench (or: npx tsx --conditions=react-server scripts/bench/tracks-map.ts after `next build`;
 * BENCH_TRACKS_LOAD_TRACE=FILE also writes a Chrome trace of the first page load, and
 * BENCH_TRACKS_PAN_TRACE=PREFIX one of each case's drags; open them in DevTools' Performance panel;
 * BENCH_TRACKS_PROFILE=1 a CPU profile of the first load, summed from the data's arrival to the draw)
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from '@playwright/test';
import { seedPositions } from './seed-positions';
import { machine as machineInfo, root, startBenchServer } from './server';
import { close, newPage, settle } from './time-page';
import { startProfile } from './time-profile';

const POSITIONS = Number(process.env.BENCH_TRACKS_POSITIONS || 1_000_000);
const PORT = Number(process.env.BENCH_TRACKS_PORT || 3226);
const RUNS = Number(process.env.BENCH_TRACKS_RUNS || 3);
const TARGETS = { visibleMs: 1000, fps: 50 };
const CASES = [
  { name: 'tracks', query: '' },
  { name: 'empty', query: 'hide=tracks' },
] as const;

/** What a trace records: the main thread's tasks, script, layout, paint and the canvas's raster. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc', 'toplevel', 'blink.user_timing'];

type Figures = Record<string, number | string | null>;
type Result = { ok: true; figures: Figures } | { ok: false; why: string };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const why = (err: unknown) => (err instanceof Error ? err.message.split('\n').slice(0, 4).join(' / ') : String(err));

/** Time from the data's arrival to the tracks drawn, over RUNS page loads. */
async function visible(browser: Browser, base: string): Promise<Result> {
  const fromData: number[] = [];
  const layer: number[] = [];
  const transfer: number[] = [];
  let fixes = 0;
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    // BENCH_TRACKS_LOAD_TRACE=FILE writes a Chrome trace of the first load (open it in DevTools' Performance panel).
    const trace = process.env.BENCH_TRACKS_LOAD_TRACE && i === 0;
    try {
      if (trace) await browser.startTracing(page, { path: process.env.BENCH_TRACKS_LOAD_TRACE, categories: TRACE_CATEGORIES });
      // BENCH_TRACKS_PROFILE=1: a CPU profile of the first load, summed from the data's arrival to the draw.
      const profiler = process.env.BENCH_TRACKS_PROFILE && i === 0 ? await startProfile(page) : null;
      await page.goto(`${base}/`);
      const handle = await page.waitForFunction(
        () => {
          const m = performance.getEntriesByName('wakeline:tracks-drawn')[0] as PerformanceMeasure | undefined;
          if (!m) return null;
          const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const api = res.filter((r) => /\/api\/(tracks|events)(\?|$)/.test(r.name));
          return {
            end: m.startTime + m.duration,
            duration: m.duration,
            fixes: (m.detail as { fixes: number }).fixes,
            arrived: Math.max(...api.map((r) => r.responseEnd)),
            requested: Math.min(...api.map((r) => r.requestStart)),
            bytes: api.reduce((s, r) => s + r.encodedBodySize, 0),
            tiles: document.querySelectorAll('.leaflet-tracks-pane canvas').length,
            zoom: new URL(location.href).searchParams.get('z'),
          };
        },
        null,
        { timeout: 120_000, polling: 100 },
      );
      const m = (await handle.jsonValue())!;
      if (trace) await browser.stopTracing();
      await profiler?.stop('tracks-load', { from: m.arrived, to: m.end });
      fromData.push(m.end - m.arrived);
      layer.push(m.duration);
      transfer.push(m.arrived - m.requested);
      fixes = m.fixes;
      if (i === 0) console.log(`  tracks + events: ${round(m.bytes / 1e6)} MB; ${m.tiles} track tiles drawn at zoom ${m.zoom}`);
    } catch (err) {
      return { ok: false, why: why(err) };
    } finally {
      await close(page);
    }
  }
  return {
    ok: true,
    figures: {
      medianMs: Math.round(median(fromData)),
      maxMs: Math.round(Math.max(...fromData)),
      layerMedianMs: Math.round(median(layer)),
      requestToArrivalMs: Math.round(median(transfer)),
      fixes,
      runs: RUNS,
    },
  };
}

/** Frames per second while dragging the map back and forth: 8 drags of ~0.5 s, each ending in a redraw. */
async function panning(page: Page): Promise<Figures> {
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  const cx = box.x + box.width * 0.4;
  const cy = box.y + box.height * 0.6;
  await page.evaluate(
    `(() => { const w = window; w.__frames = []; const tick = (t) => { w.__frames.push(t); w.__raf = requestAnimationFrame(tick); }; w.__raf = requestAnimationFrame(tick); })()`,
  );
  // BENCH_TRACKS_PAN_TRACE=PREFIX writes a Chrome trace of the drags per case (PREFIX-tracks.json, PREFIX-empty.json).
  const trace = process.env.BENCH_TRACKS_PAN_TRACE ? `${process.env.BENCH_TRACKS_PAN_TRACE}-${page.url().includes('hide=tracks') ? 'empty' : 'tracks'}.json` : null;
  if (trace) await page.context().browser()!.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
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
  if (trace) await page.context().browser()!.stopTracing();
  const inWindow = frames.filter((t) => t >= started);
  const gaps = inWindow.slice(1).map((t, i) => t - inWindow[i]!);
  const seconds = (inWindow.at(-1)! - inWindow[0]!) / 1000;
  return {
    fps: round((inWindow.length - 1) / seconds),
    seconds: round(seconds, 2),
    longestFrameMs: round(Math.max(0, ...gaps)),
    framesOver50Ms: gaps.filter((g) => g > 50).length,
  };
}

async function pan(browser: Browser, base: string, query: string): Promise<Result> {
  const page = await newPage(browser);
  try {
    await page.goto(`${base}/${query ? `?${query}` : ''}`);
    if (!query) await page.waitForFunction(() => performance.getEntriesByName('wakeline:tracks-drawn').length > 0, null, { timeout: 120_000 });
    const settledMs = await settle(page);
    return { ok: true, figures: { ...(await panning(page)), settledBeforePanMs: settledMs } };
  } catch (err) {
    return { ok: false, why: why(err) };
  } finally {
    await close(page);
  }
}

async function main() {
  const t0 = Date.now();
  const server = await startBenchServer(PORT, 0, async (file) => seedPositions(file, POSITIONS));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const shown = await visible(browser, server.base);
    const panned = { tracks: await pan(browser, server.base, CASES[0].query), empty: await pan(browser, server.base, CASES[1].query) };
    const f = (r: Result, key: string, unit: string) => (r.ok ? `${r.figures[key]} ${unit}` : `not measured: ${r.why}`);
    console.log(`tracks visible after their data arrived (median of ${RUNS}): ${f(shown, 'medianMs', 'ms')}`);
    if (shown.ok) {
      console.log(`  target ≤ ${TARGETS.visibleMs} ms: ${Number(shown.figures.medianMs) <= TARGETS.visibleMs ? 'met' : 'NOT met'}`);
      console.log(`  details: ${JSON.stringify(shown.figures)}`);
    }
    console.log(`panning, frames per second\n  ${POSITIONS.toLocaleString('en')} positions: ${f(panned.tracks, 'fps', 'fps')}\n  empty map (hide=tracks): ${f(panned.empty, 'fps', 'fps')}`);
    if (panned.tracks.ok) {
      const x = Number(panned.tracks.figures.fps);
      const ratio = panned.empty.ok ? ` (${round(x / Number(panned.empty.figures.fps), 2)}× the empty map)` : '';
      console.log(`  target ≥ ${TARGETS.fps} fps: ${x >= TARGETS.fps ? 'met' : 'NOT met'}${ratio}`);
      console.log(`  details: ${JSON.stringify(panned.tracks.figures)}`);
    }
    if (panned.empty.ok) console.log(`  empty details: ${JSON.stringify(panned.empty.figures)}`);
    const machine = machineInfo();
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load ${machine.loadavg.map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`tracks-map bench took ${Math.round((Date.now() - t0) / 1000)} s`);
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench-results/tracks-map.json'), JSON.stringify({ machine, targets: TARGETS, positions: POSITIONS, visible: shown, panning: panned }, null, 2));
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
