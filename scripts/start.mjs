// `npm start`: install, build, then serve. The server migrates and seeds the database as it starts
// (instrumentation.ts), so a fresh clone needs nothing else.
import { spawn } from 'node:child_process';
import { ensureBuild, ensureDependencies, root } from './lib/setup.mjs';

ensureDependencies();
ensureBuild();

const port = process.env.PORT || '3000';
const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
