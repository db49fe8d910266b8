/**
 * What the HTTP benchmarks share: a temporary database of generated voyages and the production
 * server started on it. The command that starts the server is here and nowhere else.
 *
 * The generated voyages use the seeded ports, vessels and sources with random (fixed-seed) dates
 * and are written to a temporary database: nothing here touches var/ or the seed files.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openReadyDatabase } from '../../lib/server/db';
import { clusterDir, startCluster, stopCluster } from '../pg/cluster.mjs';
import { basemapRouting } from '../../lib/server/basemap/router';
import { portFromRow } from '../../lib/server/db/rows';
import { voyageRow } from '../../lib/server/db/voyages';
import type { VoyageRouting } from '../../lib/core/domain/voyage';
import type { Port } from '../../lib/core/domain/schemas';
import { mulberry32 } from './random';

export const root = path.resolve(__dirname, '../..');

/** The production server, as `npm start` runs it, listening on 127.0.0.1:port. */
function serverCommand(port: number): [string, string[], Record<string, string>] {
  return [process.execPath, ['server/index.mjs'], { PORT: String(port), HOST: '127.0.0.1', WAKELINE_ORIGIN: `http://127.0.0.1:${port}` }];
}

async function generate(databaseUrl: string, count: number) {
  const db = await openReadyDatabase(databaseUrl);
  const ports = await db.selectFrom('ports').selectAll().execute();
  const vessels = (await db.selectFrom('vessels').select('id').execute()).map((v) => v.id);
  const sources = (await db.selectFrom('sources').select('id').execute()).map((s) => s.id);
  const portMap = new Map<string, Port>(ports.map((p) => [p.id, portFromRow(p, [])]));
  // Routes are the same for every voyage between a pair of ports: draw each pair once. Rows are
  // then assembled exactly as the seed assembles them.
  const base = basemapRouting();
  const routes = new Map<string, ReturnType<VoyageRouting['drawRoute']>>();
  const routing: VoyageRouting = {
    land: base.land,
    drawRoute: (from, to) => {
      const key = `${from.join(',')}>${to.join(',')}`;
      let r = routes.get(key);
      if (!r) routes.set(key, (r = base.drawRoute(from, to)));
      return r;
    },
  };
  const main = ['rajin', 'dunai', 'vostochny', 'vladivostok'];
  const rand = mulberry32(20231013);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const start = Date.UTC(2023, 7, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const rows: ReturnType<typeof voyageRow>[] = [];
  const links: { record_id: string; source_id: string; position: number }[] = [];
  for (let i = 0; i < count; i++) {
    const origin = pick(main);
    let destination = pick(main);
    while (destination === origin) destination = pick(main);
    const dep = start + Math.floor(rand() * span);
    const depWidth = Math.floor(rand() * 10) * 86_400_000;
    const arr = dep + depWidth + Math.floor(1 + rand() * 6) * 86_400_000;
    const id = `bench-${String(i).padStart(5, '0')}`;
    rows.push(
      voyageRow(
        {
          id,
          vesselId: rand() < 0.2 ? null : pick(vessels),
          originPortId: origin,
          destinationPortId: destination,
          departure: { earliest: day(dep), latest: day(dep + depWidth), precision: 'day' },
          arrival: { earliest: day(arr), latest: day(arr + 2 * 86_400_000), precision: 'day' },
          observedRoute: null,
          cargo: null,
          confidence: rand() < 0.7 ? 'reported' : 'corroborated',
          basis: null,
          identification: null,
          sourceIds: ['x'],
          notes: null,
        },
        portMap,
        routing,
      ),
    );
    const n = 1 + Math.floor(rand() * 3);
    const chosen = new Set<string>();
    while (chosen.size < n) chosen.add(pick(sources));
    [...chosen].forEach((source_id, position) => links.push({ record_id: id, source_id, position }));
  }
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insertInto('voyages').values(rows.slice(i, i + 500)).execute();
    for (let i = 0; i < links.length; i += 500) await tx.insertInto('voyage_sources').values(links.slice(i, i + 500)).execute();
  });
  const total = await db.selectFrom('voyages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await db.destroy();
  return Number(total.n);
}

export type BenchDatabase = 'sqlite' | 'postgres';

export interface BenchServer {
  /** http://127.0.0.1:port */
  base: string;
  /** Voyages in the database. */
  voyages: number;
  /** The database the server runs on (a SQLite file's path or a postgres:// URL). */
  databaseUrl: string;
  /** Starts one more production server on the same database (stopped with the rest); answers its base URL. */
  addInstance: (port: number) => Promise<string>;
  /** Stops the servers and removes the database (kept with BENCH_KEEP=1). */
  stop: () => void;
}

/** A production server on `databaseUrl`, answered once /api/health answers. */
async function startInstance(port: number, databaseUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const [command, args, env] = serverCommand(port);
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (i === 240) throw new Error('server did not become healthy in 120 s');
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false, // not up yet
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
  return { base, child };
}

/** A database to generate into: a temporary SQLite file, or a database in a throwaway PostgreSQL cluster. */
export async function benchDatabase(kind: BenchDatabase): Promise<{ url: string; remove: () => void }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-bench-'));
    return { url: path.join(dir, 'bench.sqlite'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const dir = clusterDir('wakeline-bench-pg');
  const cluster = await startCluster(dir);
  const client = new pg.Client({ connectionString: cluster });
  await client.connect();
  await client.query('create database bench');
  await client.end();
  const url = new URL(cluster);
  url.pathname = '/bench';
  return { url: url.toString(), remove: () => stopCluster(dir, { remove: !process.env.BENCH_KEEP }) };
}

/**
 * Generates `count` voyages into a temporary database (SQLite unless `database` says PostgreSQL),
 * lets `prepare` add to it (annotations, …), and starts the production server on it.
 */
export async function startBenchServer(
  port: number,
  count: number,
  prepare?: (databaseUrl: string) => Promise<void>,
  database: BenchDatabase = 'sqlite',
): Promise<BenchServer> {
  const target = await benchDatabase(database);
  const children: ChildProcess[] = [];
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
    if (database === 'postgres') {
      // The servers' pools go first: an immediate stop under them is logged as dropped connections.
      const deadline = Date.now() + 5_000;
      while (children.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      target.remove();
    } else if (!process.env.BENCH_KEEP) target.remove();
  };
  try {
    const t0 = Date.now();
    const voyages = await generate(target.url, count);
    console.log(`generated ${voyages} voyages on ${database} in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${target.url}`);
    if (prepare) await prepare(target.url);
    const first = await startInstance(port, target.url);
    children.push(first.child);
    const addInstance = async (extraPort: number) => {
      const more = await startInstance(extraPort, target.url);
      children.push(more.child);
      return more.base;
    };
    return { base: first.base, voyages, databaseUrl: target.url, addInstance, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/** The machine the figures were measured on. */
export function machine() {
  return { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, loadavg: os.loadavg() };
}
