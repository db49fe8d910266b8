// `npm run bench`: the benchmarks (never part of `npm test`). Figures are printed and written to
// bench-results/*.json; compare ratios, not absolute numbers, on a shared machine.
import { ensureBuild, ensureDependencies, run } from './lib/setup.mjs';

ensureDependencies();
ensureBuild();
const tsx = ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server'];
run(process.execPath, [...tsx, 'scripts/bench/geofence.ts']);
if (process.env.WAKELINE_SKIP_POSTGRES !== '1') run(process.execPath, [...tsx, 'scripts/bench/geofence-pg.ts']);
run(process.execPath, [...tsx, 'scripts/bench/api.ts']);
run(process.execPath, [...tsx, 'scripts/bench/viewers.ts']);
run(process.execPath, [...tsx, 'scripts/bench/annotations.ts']);
run(process.execPath, [...tsx, 'scripts/bench/export.ts']);
run(process.execPath, [...tsx, 'scripts/bench/time.ts']);
run(process.execPath, [...tsx, 'scripts/bench/imports.ts']);
run(process.execPath, [...tsx, 'scripts/bench/tracks-map.ts']);
run(process.execPath, [...tsx, 'scripts/bench/voyages-map.ts']);
run(process.execPath, [...tsx, 'scripts/bench/tracks-api.ts']);
