// `npm start`: install, build, then serve. The server migrates and seeds the database as it starts
// (instrumentation.ts), so a fresh clone needs nothing else.
import { spawn } from 'node:child_process';
import { ensureBuild, ensureDependencies, root } from './lib/setup.mjs';

ensureDependencies();
ensureBuild();

const child = spawn(process.execPath, ['server/index.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT || '3000', NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
