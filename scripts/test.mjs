// `npm test`: everything, in order, failing fast: lint (ESLint with the layer rules, then import
// cycles, then dead code), typecheck, unit tests, then the end-to-end tests in the system Chromium
// against a production build.
import { ensureBuild, ensureChromium, ensureDependencies, run } from './lib/setup.mjs';

const node = process.execPath;
ensureDependencies();
run(node, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']);
run(node, ['node_modules/tsx/dist/cli.mjs', 'scripts/check-cycles.ts']);
run(node, ['node_modules/knip/bin/knip.js']);
run(node, ['node_modules/typescript/bin/tsc', '--noEmit']);
run(node, ['node_modules/vitest/vitest.mjs', 'run']);
const chromium = ensureChromium();
ensureBuild();
run(node, ['node_modules/@playwright/test/cli.js', 'test'], { env: { ...process.env, CHROMIUM_PATH: chromium } });
