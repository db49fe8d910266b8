// Set-up steps shared by `npm start` and `npm test`, in plain Node (no dependencies), so that
// both work on a fresh clone with nothing typed first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export function run(cmd, args, opts = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

const mtime = (p) => {
  try {
    return fs.statSync(path.join(root, p)).mtimeMs;
  } catch {
    return 0;
  }
};

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const installed = mtime('node_modules/.package-lock.json');
  if (installed && installed >= mtime('package-lock.json') && installed >= mtime('package.json')) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function newestSource(dir) {
  let newest = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(path.join(root, d), { withFileTypes: true })) {
      const rel = path.join(d, entry.name);
      if (entry.isDirectory()) walk(rel);
      else newest = Math.max(newest, mtime(rel));
    }
  };
  if (fs.existsSync(path.join(root, dir))) walk(dir);
  return newest;
}

/** next build when there is no production build or a source is newer than it. */
export function ensureBuild() {
  const built = mtime('.next/BUILD_ID');
  const inputs = ['app', 'components', 'lib', 'data', 'public', 'server'].map(newestSource);
  const configs = ['package-lock.json', 'next.config.mjs', 'tsconfig.json', 'proxy.ts', 'instrumentation.ts'].map(mtime);
  if (built && built >= Math.max(...inputs, ...configs)) return;
  run(process.execPath, ['node_modules/next/dist/bin/next', 'build']);
}

/** The system Chromium for Playwright (Debian package `chromium`); installed with apt when missing and root. */
export function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (fs.existsSync(wanted)) return wanted;
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (fs.existsSync(wanted)) return wanted;
  }
  console.error(`✗ No Chromium at ${wanted}. Install the Debian package "chromium" or set CHROMIUM_PATH.`);
  process.exit(1);
}

/** Whether Debian's PostgreSQL server with PostGIS is installed (what the PostgreSQL test pass needs). */
function postgresInstalled() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return false;
  return fs.readdirSync(root).some((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')) && fs.existsSync(`/usr/share/postgresql/${v}/extension/postgis.control`));
}

/**
 * PostgreSQL 15 with PostGIS for the test pass on PostgreSQL (Debian packages postgresql and
 * postgresql-15-postgis-3); installed with apt when missing and root. Answers whether it is there.
 */
export function ensurePostgres() {
  if (postgresInstalled()) return true;
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql', 'postgresql-15-postgis-3'], { env });
    return postgresInstalled();
  }
  return false;
}
