// scripts/check-cycles.ts, the lint step that refuses import cycles, on small projects written to a
// temporary folder: a cycle it must find at each grain, and the same files without one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCycles, importGraph, libFolderGraph } from '@/scripts/check-cycles';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A project with this repository's module settings (`@/` alias included) and the given files. */
function project(files: Record<string, string>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-cycles-'));
  const tsconfig = { compilerOptions: { module: 'esnext', moduleResolution: 'bundler', paths: { '@/*': ['./*'] } }, include: ['**/*.ts'] };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('check-cycles', () => {
  it('finds a cycle between files, closed by a type-only import through the @/ alias', () => {
    const graph = importGraph(
      project({
        'lib/core/a.ts': "import { b } from './b';\nexport const a = b + 1;\nexport type A = number;\n",
        'lib/core/b.ts': "import type { A } from '@/lib/core/a';\nexport const b: A = 1;\n",
        'lib/core/c.ts': "import { a } from './a';\nexport const c = a;\n",
      }),
    );
    expect(importCycles(graph)).toEqual([['lib/core/a.ts', 'lib/core/b.ts', 'lib/core/a.ts']]);
  });

  it('finds a cycle between lib folders that no single file closes', () => {
    const graph = importGraph(
      project({
        'lib/server/db/users.ts': "import { hash } from '../auth/password';\nexport const user = hash('x');\n",
        'lib/server/auth/password.ts': 'export const hash = (s: string) => s;\n',
        'lib/server/auth/page.ts': "import { user } from '@/lib/server/db/users';\nexport const actor = user;\n",
      }),
    );
    expect(importCycles(graph)).toEqual([]);
    expect(importCycles(libFolderGraph(graph))).toEqual([['lib/server/auth', 'lib/server/db', 'lib/server/auth']]);
  });

  it('finds none once the piece that needs both sides moves out of the lower folder', () => {
    const graph = importGraph(
      project({
        'lib/server/db/users.ts': "import { hash } from '../auth/password';\nexport const user = hash('x');\n",
        'lib/server/auth/password.ts': 'export const hash = (s: string) => s;\n',
        'lib/server/page-actor.ts': "import { user } from '@/lib/server/db/users';\nexport const actor = user;\n",
      }),
    );
    expect(graph.get('lib/server/page-actor.ts')).toEqual(new Set(['lib/server/db/users.ts']));
    expect(importCycles(graph)).toEqual([]);
    expect(importCycles(libFolderGraph(graph))).toEqual([]);
  });
});
