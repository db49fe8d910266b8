/**
 * A CPU profile of one step of the time benchmark (BENCH_PROFILE=draw|playback|video), taken with
 * the DevTools protocol: written to bench-results/time-<step>.cpuprofile (open it in DevTools'
 * Performance panel) and summed up on the console: the functions with the most self time and the
 * most total time, each with its place in the bundle and the code there (the production bundle is
 * minified, so the code is what names it).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { root } from './server';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Profiler {
  /** Stops, writes the profile and prints its summary; `window`: only samples in [from, to] (page ms). */
  stop: (step: string, window?: { from: number; to: number }) => Promise<void>;
}

export async function startProfile(page: Page): Promise<Profiler> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(step, window) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      // The profile's clock (µs) and the page's (ms) differ by a constant: read both at the stop.
      const offset = profile.endTime / 1000 - (await page.evaluate(() => performance.now()));
      fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
      const file = path.join(root, `bench-results/time-${step}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      await summarise(profile, window && { from: window.from + offset, to: window.to + offset }, `${step} → ${file}`);
    },
  };
}

const key = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^https?:\/\/[^/]+/, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

const sources = new Map<string, Promise<string>>();
/** The code at a place in a bundle (fetched once per script). */
async function codeAt(f: CallFrame) {
  if (!/^https?:/.test(f.url)) return '';
  if (!sources.has(f.url)) sources.set(f.url, fetch(f.url).then((r) => (r.ok ? r.text() : ''), () => ''));
  const line = (await sources.get(f.url)!).split('\n')[f.lineNumber] ?? '';
  return line.slice(f.columnNumber, f.columnNumber + 110).replace(/\s+/g, ' ');
}

/** Self and total time per function (ms), samples in `window` (profile clock, ms) only. */
async function summarise(profile: CpuProfile, window: { from: number; to: number } | undefined, title: string) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const frames = new Map<string, CallFrame>();
  let t = profile.startTime;
  let busy = 0;
  let all = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (window && (t / 1000 < window.from || t / 1000 > window.to)) return;
    all += ms;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') return;
    busy += ms;
    const k = key(node.callFrame);
    frames.set(k, node.callFrame);
    self.set(k, (self.get(k) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      const kk = key(f);
      if (seen.has(kk) || f.functionName === '(root)') continue;
      seen.add(kk);
      frames.set(kk, f);
      total.set(kk, (total.get(kk) ?? 0) + ms);
    }
  });
  console.log(`CPU profile of ${title}: ${Math.round(all)} ms sampled, ${Math.round(busy)} ms busy (not idle)`);
  for (const [label, map] of [
    ['self', self],
    ['total', total],
  ] as const) {
    console.log(`  most ${label} time:`);
    const top = [...map].sort((a, b) => b[1] - a[1]).slice(0, 15);
    for (const [k, ms] of top) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${k}  ${await codeAt(frames.get(k)!)}`);
  }
}
