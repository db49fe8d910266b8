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
import type { Browser } from '@playwright/test';
import { type Result, TRACE_CATEGORIES, launchBenchBrowser, median, panning, reportPanning, reportVisible, round, why, writeBenchResults } from './browser-bench';
import { seedPositions } from './seed-positions';
import { startBenchServer } from './server';
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

async function pan(browser: Browser, base: string, query: string): Promise<Result> {
  const page = await newPage(browser);
  try {
    await page.goto(`${base}/${query ? `?${query}` : ''}`);
    if (!query) await page.waitForFunction(() => performance.getEntriesByName('wakeline:tracks-drawn').length > 0, null, { timeout: 120_000 });
    const settledMs = await settle(page);
    // BENCH_TRACKS_PAN_TRACE=PREFIX writes a Chrome trace of the drags per case (PREFIX-tracks.json, PREFIX-empty.json).
    const prefix = process.env.BENCH_TRACKS_PAN_TRACE;
    const trace = prefix ? `${prefix}-${query ? 'empty' : 'tracks'}.json` : null;
    return { ok: true, figures: { ...(await panning(page, trace)), settledBeforePanMs: settledMs } };
  } catch (err) {
    return { ok: false, why: why(err) };
  } finally {
    await close(page);
  }
}

async function main() {
  const t0 = Date.now();
  const server = await startBenchServer(PORT, 0, async (file) => seedPositions(file, POSITIONS));
  const browser = await launchBenchBrowser();
  try {
    const shown = await visible(browser, server.base);
    const panned = { tracks: await pan(browser, server.base, CASES[0].query), empty: await pan(browser, server.base, CASES[1].query) };
    reportVisible('tracks', RUNS, shown, TARGETS.visibleMs);
    reportPanning(`${POSITIONS.toLocaleString('en')} positions`, 'hide=tracks', { loaded: panned.tracks, empty: panned.empty }, TARGETS.fps);
    writeBenchResults('tracks-map', t0, { targets: TARGETS, positions: POSITIONS, visible: shown, panning: panned });
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
