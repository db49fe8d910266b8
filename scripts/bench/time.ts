/**
 * Time benchmark (issue 11): with 10,000 generated voyages, in the system Chromium against the
 * production build,
 * - the timeline drawn within 300 ms of its data arriving (the page's `wakeline:timeline-draw`
 *   measure, median of several page loads),
 * - playback at ≥ 30 frames per second (`wakeline:playback-frame` marks over 5 s of playback from
 *   the start of the data, with the map drawing the possible stretches; long tasks counted),
 * - a 10 s WebM at 1280×720 rendered in at most 3× its duration (`wakeline:video-render`),
 * each beside the same measure of an empty timeline on the same server in the same run: the same
 * page with `confidence=disputed`, a filter no voyage matches (the generated ones are reported or
 * corroborated, and so are the seeded ones), so the page, the bundle and the database are the same
 * and only the voyages drawn differ.
 *
 * A part that is missing or fails prints "not measured: <why>" instead of stopping the run.
 * BENCH_PROFILE=draw|playback|video records a CPU profile of that step (loaded case) to
 * bench-results/ and prints the functions that take the most time.
 *
 * Run: npm run bench (or: npx tsx --conditions=react-server scripts/bench/time.ts after `next build`)
 */
import fs from 'node:fs';
import type { Browser } from '@playwright/test';
import { type Result, launchBenchBrowser, median, round, why, writeBenchResults } from './browser-bench';
import { startBenchServer } from './server';
import { close, fillField, newPage, settle, waitForDraw } from './time-page';
import { type Profiler, startProfile } from './time-profile';

const VOYAGES = 10_000;
const PORT = Number(process.env.BENCH_TIME_PORT || 3224);
const DRAW_RUNS = Number(process.env.BENCH_TIME_RUNS || 3);
const PLAY_S = 5;
const VIDEO_S = 10;
/** The first day of the generated voyages (scripts/bench/server.ts). */
const DATA_START = '2023-08-01';
const DATA_END = '2025-12-31';
const PROFILE = process.env.BENCH_PROFILE;
/** BENCH_ONLY=draw,playback,video: the steps to run (all by default). */
const only = (step: string) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(step);
const skipped: Result = { ok: false, why: 'skipped (BENCH_ONLY)' };
const TARGETS = { drawMs: 300, fps: 30, videoRatio: 3 };

const CASES = [
  { name: 'loaded', query: '' },
  { name: 'empty', query: 'confidence=disputed' },
] as const;
type CaseName = (typeof CASES)[number]['name'];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.max(0, Math.ceil(q * s.length) - 1)]! : NaN;
};

async function timelineDraw(browser: Browser, base: string, query: string, expected: number, profile: boolean): Promise<Result> {
  const durations: number[] = [];
  const sinceNavigation: number[] = [];
  let draws = 0;
  for (let i = 0; i < DRAW_RUNS; i++) {
    const page = await newPage(browser);
    let profiler: Profiler | undefined;
    try {
      if (profile && i === DRAW_RUNS - 1) {
        // Same site first, so the renderer (and the profiler in it) stays across the navigation.
        await page.goto(`${base}/api/health`);
        profiler = await startProfile(page);
      }
      await page.goto(`${base}/?${query}`);
      const { entry, all } = await waitForDraw(page, expected);
      durations.push(entry.duration);
      sinceNavigation.push(entry.startTime + entry.duration);
      draws = all.length;
      if (profiler) await profiler.stop('draw', { from: entry.startTime, to: entry.startTime + entry.duration });
    } catch (err) {
      return { ok: false, why: why(err) };
    } finally {
      await close(page);
    }
  }
  return {
    ok: true,
    figures: {
      medianMs: round(median(durations)),
      minMs: round(Math.min(...durations)),
      maxMs: round(Math.max(...durations)),
      runs: durations.length,
      drawnAfterNavigationMs: Math.round(median(sinceNavigation)),
      drawEntriesPerLoad: draws,
    },
  };
}

async function playback(browser: Browser, base: string, query: string, expected: number, profile: boolean): Promise<Result> {
  const page = await newPage(browser);
  try {
    await page.goto(`${base}/?${[query, `at=${DATA_START}`].filter(Boolean).join('&')}`);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await play.waitFor({ timeout: 20_000 }).catch(() => {
      throw new Error('no "Play" button');
    });
    // Played once the timeline has its data (without a draw measure: once the page is quiet).
    const drawn = await waitForDraw(page, expected).then(
      () => 'yes',
      (err: unknown) => `no: ${why(err)}`,
    );
    const settledMs = await settle(page);
    if (!(await play.isEnabled())) {
      // Nothing to play through: the floor instead, the frames per second the browser gives this page.
      // A string, so that the bundler's helpers (__name) stay out of the page.
      const frames = await page.evaluate<number>(
        `new Promise((resolve) => { let n = 0; const end = performance.now() + ${PLAY_S * 1000};
          const tick = (now) => { if (now < end) { n++; requestAnimationFrame(tick); } else resolve(n); };
          requestAnimationFrame(tick); })`,
      );
      return { ok: true, figures: { fps: round(frames / PLAY_S), note: 'Play is disabled with no voyage (no days to play through): the bare requestAnimationFrame rate of this page' } };
    }
    const speed = await page
      .getByLabel('Speed')
      .inputValue({ timeout: 2_000 })
      .catch(() => 'unknown');
    const dayBefore = new URL(page.url()).searchParams.get('at');
    // Clicked in the page: a role query over the whole page (10,000 list items) would be timed too.
    const button = await play.elementHandle();
    const profiler = profile ? await startProfile(page) : undefined;
    const started = await button!.evaluate((b: HTMLButtonElement) => (b.click(), performance.now()));
    const figures = await page.evaluate(
      async ({ started, seconds }) => {
        await new Promise((r) => setTimeout(r, seconds * 1000));
        const ended = performance.now();
        const frames = performance
          .getEntriesByName('wakeline:playback-frame')
          .map((e) => e.startTime)
          .filter((t) => t >= started && t <= ended);
        const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
        const w = window as unknown as { __longtasks?: { start: number; duration: number }[] };
        const long = (w.__longtasks ?? []).filter((e) => e.start >= started && e.start <= ended);
        return { frames, gaps, ended, long };
      },
      { started, seconds: PLAY_S },
    );
    const { frames, gaps, ended, long } = figures;
    if (profiler) await profiler.stop('playback', { from: frames[0] ?? started, to: ended });
    const dayAfter = new URL(page.url()).searchParams.get('at');
    await button!.evaluate((b: HTMLButtonElement) => b.textContent === 'Pause' && b.click());
    if (!frames.length) return { ok: false, why: `no wakeline:playback-frame mark in ${PLAY_S} s after clicking Play` };
    // Frames per second over the window that starts at the first frame (the click's own latency apart).
    const fps = frames.length > 1 ? (frames.length - 1) / ((frames.at(-1)! - frames[0]!) / 1000) : NaN;
    return {
      ok: true,
      figures: {
        fps: round(fps),
        framesIn5s: frames.length,
        fpsFromClick: round(frames.length / ((ended - started) / 1000)),
        firstFrameAfterClickMs: Math.round(frames[0]! - started),
        medianFrameMs: round(median(gaps)),
        p95FrameMs: round(quantile(gaps, 0.95)),
        longestFrameMs: round(Math.max(0, ...gaps)),
        framesOver50Ms: gaps.filter((g) => g > 50).length,
        longTasks: long.length,
        longTaskMs: Math.round(long.reduce((s, e) => s + e.duration, 0)),
        speed,
        cursorFrom: dayBefore,
        cursorTo: dayAfter,
        timelineDrawnBeforePlay: drawn,
        settledBeforePlayMs: settledMs,
      },
    };
  } catch (err) {
    return { ok: false, why: why(err) };
  } finally {
    await close(page);
  }
}

async function video(browser: Browser, base: string, query: string, profile: boolean): Promise<Result> {
  const page = await newPage(browser);
  try {
    await page.goto(`${base}/?${[query, 'x=1&w=1280&h=720'].filter(Boolean).join('&')}`);
    const render = page.getByRole('button', { name: 'Render video' });
    await render.waitFor({ timeout: 20_000 }).catch(() => {
      throw new Error('no "Render video" button in the export dialog');
    });
    // The same range in both cases (an empty timeline has no default range): the generated data's span.
    const section = page.locator('section.video-export');
    const rangeSet = (await fillField(section, [/^From$/], DATA_START)) && (await fillField(section, [/^To$/], DATA_END));
    const durationSet = await fillField(section, [/duration/i, /seconds/i], String(VIDEO_S));
    for (let i = 0; !(await render.isEnabled()); i++) {
      if (i === 40) throw new Error(`"Render video" stays disabled after 10 s: ${await section.getByRole('alert').or(section.getByRole('status')).first().textContent()}`);
      await page.waitForTimeout(250);
    }
    const settledMs = await settle(page, 20_000);
    const profiler = profile ? await startProfile(page) : undefined;
    const clicked = Date.now();
    const download = page.waitForEvent('download', { timeout: VIDEO_S * 1000 * 6 }).catch(() => null);
    await render.evaluate((b: HTMLButtonElement) => b.click());
    const handle = await page.waitForFunction(
      () => {
        const e = performance.getEntriesByName('wakeline:video-render')[0] as PerformanceMeasure | undefined;
        return e ? { duration: e.duration, detail: e.detail as Record<string, number> | null } : null;
      },
      null,
      { timeout: VIDEO_S * 1000 * 6, polling: 250 },
    );
    const entry = (await handle.jsonValue())!;
    const wallMs = Date.now() - clicked;
    if (profiler) await profiler.stop('video');
    const file = await download;
    const bytes = file ? await file.path().then((p) => (p ? fs.statSync(p).size : null)) : null;
    const d = entry.detail ?? {};
    const seconds = Number(d.seconds) || VIDEO_S;
    return {
      ok: true,
      figures: {
        renderS: round(entry.duration / 1000, 2),
        clickToMeasureS: round(wallMs / 1000, 2),
        videoS: seconds,
        ratio: round(entry.duration / 1000 / seconds, 2),
        frames: d.frames ?? null,
        width: d.width ?? null,
        height: d.height ?? null,
        webmBytes: bytes,
        durationFieldSet: durationSet ? 'yes' : 'no (default kept)',
        range: rangeSet ? `${DATA_START} to ${DATA_END}` : 'default (fields not found)',
        settledBeforeRenderMs: settledMs,
      },
    };
  } catch (err) {
    return { ok: false, why: why(err) };
  } finally {
    await close(page);
  }
}

/** Voyages matching a filter, as the API counts them (what the timeline loads). */
async function count(base: string, query: string) {
  const res = await fetch(`${base}/api/voyages?limit=1${query ? `&${query}` : ''}`);
  return Number(res.headers.get('x-total-count'));
}

function show(label: string, loaded: Result, empty: Result, key: string, unit: string, verdict: (x: number) => boolean, target: string) {
  const f = (r: Result) => (r.ok ? `${r.figures[key]} ${unit}` : `not measured: ${r.why}`);
  console.log(`${label}\n  10,000 voyages: ${f(loaded)}\n  empty timeline: ${f(empty)}`);
  if (loaded.ok) {
    const x = Number(loaded.figures[key]);
    const ratio = empty.ok ? ` (${round(x / Number(empty.figures[key]), 2)}× the empty timeline)` : '';
    console.log(`  target ${target}: ${verdict(x) ? 'met' : 'NOT met'}${ratio}`);
    console.log(`  details: ${JSON.stringify(loaded.figures)}`);
  }
  if (empty.ok) console.log(`  empty details: ${JSON.stringify(empty.figures)}`);
}

async function main() {
  const t0 = Date.now();
  const server = await startBenchServer(PORT, VOYAGES);
  const browser = await launchBenchBrowser();
  try {
    const results = {} as Record<CaseName, { voyages: number; draw: Result; playback: Result; video: Result }>;
    for (const c of CASES) {
      const voyages = await count(server.base, c.query);
      const profile = c.name === 'loaded';
      console.log(`${c.name}: ${voyages} voyages match "${c.query || '(no filter)'}"`);
      results[c.name] = {
        voyages,
        draw: only('draw') ? await timelineDraw(browser, server.base, c.query, voyages, profile && PROFILE === 'draw') : skipped,
        playback: only('playback') ? await playback(browser, server.base, c.query, voyages, profile && PROFILE === 'playback') : skipped,
        video: only('video') ? await video(browser, server.base, c.query, profile && PROFILE === 'video') : skipped,
      };
    }
    const { loaded, empty } = results;
    show('timeline drawn after its data arrived (median)', loaded.draw, empty.draw, 'medianMs', 'ms', (x) => x <= TARGETS.drawMs, `≤ ${TARGETS.drawMs} ms`);
    show(`playback, frames per second over ${PLAY_S} s`, loaded.playback, empty.playback, 'fps', 'fps', (x) => x >= TARGETS.fps, `≥ ${TARGETS.fps} fps`);
    show(`${VIDEO_S} s WebM at 1280×720, render time / video duration`, loaded.video, empty.video, 'ratio', '×', (x) => x <= TARGETS.videoRatio, `≤ ${TARGETS.videoRatio}×`);
    writeBenchResults('time', t0, { targets: TARGETS, emptyCase: CASES[1].query, results });
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
