/**
 * A throwaway PostgreSQL cluster for a test run: initdb under a folder of the run's own, started
 * on a free local port (TCP on 127.0.0.1 and a socket in the folder), PostGIS enabled in
 * template1 so that every database created in it has it, and stopped (and removed) after.
 *
 * PostgreSQL refuses to run as root: as root, the cluster runs as Debian's `postgres` user
 * (created by the postgresql package), its folder handed to that user; otherwise as the caller.
 * The binaries are Debian's (/usr/lib/postgresql/<version>/bin), or PG_BIN.
 *
 * Used by the test runs (tests/pg-global-setup.ts, scripts/test.mjs); by hand:
 *   node scripts/pg/cluster.mjs start DIR   → prints the cluster's URL
 *   node scripts/pg/cluster.mjs stop DIR
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The superuser the cluster is made with; tests connect as it over trust authentication on 127.0.0.1 only. */
const PG_USER = 'wakeline';

function binDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) {
    throw new Error('pg cluster: no PostgreSQL server found under /usr/lib/postgresql; install Debian\'s postgresql and postgresql-15-postgis-3 packages (.ci/run does), or set PG_BIN');
  }
  return path.join(root, versions[0], 'bin');
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the cluster's owner, from the system's temporary folder (the postgres user may not enter the caller's). */
function run(bin, args, options = {}) {
  const exe = path.join(binDir(), bin);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir(), ...options });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster in `dir` (made if missing); answers its URL (database `postgres`). */
export async function startCluster(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'sock');
  fs.mkdirSync(socket, { recursive: true });
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
    run('initdb', ['-D', data, '-U', PG_USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  }
  const port = await freePort();
  // Throwaway: no fsync, a small footprint, and no listening beyond this machine.
  const settings = [
    `-p ${port}`,
    `-k ${socket}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c shared_buffers=128MB',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  const psql = (sqlText, db = 'postgres') => run('psql', ['-h', socket, '-p', String(port), '-U', PG_USER, '-d', db, '-v', 'ON_ERROR_STOP=1', '-qAtc', sqlText]);
  psql('create extension if not exists postgis', 'template1');
  fs.writeFileSync(path.join(dir, 'port'), String(port));
  return `postgres://${PG_USER}@127.0.0.1:${port}/postgres`;
}

/** Stops the cluster in `dir` at once (its data is thrown away). */
export function stopCluster(dir, { remove = true } = {}) {
  const data = path.join(dir, 'data');
  if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch (err) {
      console.error(`pg cluster: stopping ${data} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (remove) fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh folder for a cluster under the system's temporary folder (readable by the postgres user). */
export function clusterDir(name = 'wakeline-pg') {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
}

// No top-level await: test files require() this module.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start' && dir) {
    startCluster(path.resolve(dir)).then(console.log, (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
  } else if (command === 'stop' && dir) stopCluster(path.resolve(dir), { remove: false });
  else {
    console.error('usage: node scripts/pg/cluster.mjs start|stop DIR');
    process.exit(2);
  }
}
