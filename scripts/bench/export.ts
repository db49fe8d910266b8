/**
 * Export benchmark: click "Download PNG" to file on disk, in the system Chromium against the
 * production build, for 1200×675 and 3000×2000 (median of several runs each).
 *
 * Run: npm run bench (or: npx tsx scripts/bench/export.ts after `next build`)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.BENCH_EXPORT_PORT || 3198);
const RUNS = Number(process.env.BENCH_EXPORT_RUNS || 5);
const root = path.resolve(__dirname, '../..');
const sizes = [
  { width: 1200, height: 675, targetS: 1 },
  { width: 3000, height: 2000, targetS: 3 },
];

async function waitForHealth(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become healthy in 60 s');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-bench-export-'));
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`, NODE_ENV: 'production', WAKELINE_TILE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${PORT}/api/health`);
    const results = [];
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 850 }, acceptDownloads: true });
      await page.goto(`http://127.0.0.1:${PORT}/?x=1&w=${size.width}&h=${size.height}`);
      const button = page.getByRole('button', { name: 'Download PNG' });
      await button.waitFor();
      await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.dialog-actions button')?.disabled);
      const times: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        const started = performance.now();
        const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
        const file = path.join(dir, `run-${size.width}-${i}.png`);
        await download.saveAs(file);
        const seconds = (performance.now() - started) / 1000;
        if (i > 0) times.push(seconds); // the first run warms up the page
        fs.rmSync(file);
      }
      await page.close();
      const m = median(times);
      results.push({ ...size, runs: times.length, medianS: m, minS: Math.min(...times), maxS: Math.max(...times) });
      console.log(
        `export ${size.width}×${size.height}: median ${m.toFixed(2)} s (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}, ${times.length} runs), target < ${size.targetS} s: ${m < size.targetS ? 'met' : 'NOT met'}`,
      );
    }
    const machine = { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, loadavg: os.loadavg() };
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores, load ${machine.loadavg.map((x) => x.toFixed(2)).join(' ')}`);
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench-results/export.json'), JSON.stringify({ machine, results }, null, 2));
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
