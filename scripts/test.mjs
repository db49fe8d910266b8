// `npm test`: everything, in order, failing fast: lint (ESLint with the layer rules, then import
// cycles, then dead code), typecheck, unit tests on SQLite and again on PostgreSQL (a throwaway
// cluster: tests/pg-global-setup.ts), then the end-to-end tests in the system Chromium against a
// production build, on SQLite and again with the server on PostgreSQL (playwright.config.ts).
// PostgreSQL with PostGIS is installed when missing (as root, with apt); where it cannot be, the
// PostgreSQL passes fail unless WAKELINE_SKIP_POSTGRES=1 says to skip them.
import { ensureBuild, ensureChromium, ensureDependencies, ensurePostgres, run } from './lib/setup.mjs';

const node = process.execPath;
ensureDependencies();
run(node, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']);
run(node, ['node_modules/tsx/dist/cli.mjs', 'scripts/check-cycles.ts']);
run(node, ['node_modules/knip/bin/knip.js']);
run(node, ['node_modules/typescript/bin/tsc', '--noEmit']);
run(node, ['node_modules/vitest/vitest.mjs', 'run']);
const postgres = process.env.WAKELINE_SKIP_POSTGRES !== '1';
if (!postgres) {
  console.log('\n! WAKELINE_SKIP_POSTGRES=1: the tests on PostgreSQL are skipped');
} else if (ensurePostgres()) {
  run(node, ['node_modules/vitest/vitest.mjs', 'run'], { env: { ...process.env, WAKELINE_TEST_DB: 'postgres' } });
} else {
  console.error('\n✗ PostgreSQL with PostGIS is not installed (Debian: postgresql, postgresql-15-postgis-3) and cannot be installed here; install it, or set WAKELINE_SKIP_POSTGRES=1 to skip the PostgreSQL passes');
  process.exit(1);
}
const chromium = ensureChromium();
ensureBuild();
run(node, ['node_modules/@playwright/test/cli.js', 'test'], { env: { ...process.env, CHROMIUM_PATH: chromium } });
if (postgres) {
  // The same suite with the server on a database of a throwaway PostgreSQL cluster (playwright.config.ts).
  run(node, ['node_modules/@playwright/test/cli.js', 'test'], { env: { ...process.env, CHROMIUM_PATH: chromium, WAKELINE_E2E_DATABASE: 'postgres' } });
}
