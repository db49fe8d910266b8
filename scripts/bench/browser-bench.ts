/**
 * What the browser benchmarks share (tracks-map.ts, voyages-map.ts, time.ts): their result shapes
 * and small statistics, the system Chromium they launch, the frame counting while the map is
 * dragged, the report of a measure beside its "empty" case, and the results file with the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from '@playwright/test';
import { machine as machineInfo, root } from './server';

export type Figures = Record<string, number | string | null>;
export type Result = { ok: true; figures: Figures } | { ok: false; why: string };

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
/** An error's first lines, for a "not measured" report. */
export const why = (err: unknown) => (err instanceof Error ? err.message.split('\n').slice(0, 4).join(' / ') : String(err));
/** A figure of a result with its unit, or why it was not measured. */
export const figure = (r: Result, key: string, unit: string) => (r.ok ? `${r.figures[key]} ${unit}` : `not measured: ${r.why}`);

/** The system Chromium (CHROMIUM_PATH), headless, with nothing of its own on the network. */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What a Chrome trace records: the main thread's tasks, script, layout, paint and the canvas's raster. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc', 'toplevel', 'blink.user_timing'];

/**
 * Frames per second while dragging the map back and forth: 8 drags of ~0.5 s, each ending in a
 * redraw, frames counted with requestAnimationFrame. `trace`: a file for a Chrome trace of the drags.
 */
export async function panning(page: Page, trace: string | null = null): Promise<Figures> {
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  const cx = box.x + box.width * 0.4;
  const cy = box.y + box.height * 0.6;
  await page.evaluate(
    `(() => { const w = window; w.__frames = []; const tick = (t) => { w.__frames.push(t); w.__raf = requestAnimationFrame(tick); }; w.__raf = requestAnimationFrame(tick); })()`,
  );
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
  return { fps: round((inWindow.length - 1) / seconds), seconds: round(seconds, 2), longestFrameMs: round(Math.max(0, ...gaps)), framesOver50Ms: gaps.filter((g) => g > 50).length };
}

/** Prints a first-draw measure (`medianMs`) against its target. */
export function reportVisible(what: string, runs: number, shown: Result, targetMs: number): void {
  console.log(`${what} visible after their data arrived (median of ${runs}): ${figure(shown, 'medianMs', 'ms')}`);
  if (!shown.ok) return;
  console.log(`  target ≤ ${targetMs} ms: ${Number(shown.figures.medianMs) <= targetMs ? 'met' : 'NOT met'}`);
  console.log(`  details: ${JSON.stringify(shown.figures)}`);
}

/** Prints panning with the layer beside the empty map, and their ratio, against the target. */
export function reportPanning(subject: string, emptyLabel: string, panned: { loaded: Result; empty: Result }, targetFps: number): void {
  const { loaded, empty } = panned;
  console.log(`panning, frames per second\n  ${subject}: ${figure(loaded, 'fps', 'fps')}\n  empty map (${emptyLabel}): ${figure(empty, 'fps', 'fps')}`);
  if (loaded.ok) {
    const x = Number(loaded.figures.fps);
    const ratio = empty.ok ? ` (${round(x / Number(empty.figures.fps), 2)}× the empty map)` : '';
    console.log(`  target ≥ ${targetFps} fps: ${x >= targetFps ? 'met' : 'NOT met'}${ratio}`);
    console.log(`  details: ${JSON.stringify(loaded.figures)}`);
  }
  if (empty.ok) console.log(`  empty details: ${JSON.stringify(empty.figures)}`);
}

/** Prints the machine and how long the bench took, and writes bench-results/NAME.json with the machine in it. */
export function writeBenchResults(name: string, startedMs: number, results: Record<string, unknown>): void {
  const machine = machineInfo();
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load ${machine.loadavg.map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`${name} bench took ${Math.round((Date.now() - startedMs) / 1000)} s`);
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(root, `bench-results/${name}.json`), JSON.stringify({ machine, ...results }, null, 2));
}
