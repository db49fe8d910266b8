// The lint rules that hold the three layers apart, run through ESLint's own API with the real
// eslint.config.mjs on small samples placed (in name only) where they would live. Type-checked
// rules are switched off for the samples: none of the rules under test needs types, and a
// type-aware run would build the whole project for each sample.
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: path.join(root, 'eslint.config.mjs'),
  overrideConfig: { files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked },
});

/** `rule: message` for every problem ESLint reports on `code` as if it were the file at `filePath`. */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== '@typescript-eslint/no-unused-vars') // the samples import names only to show the import
    .map((m) => `${m.ruleId ?? 'eslint'}: ${m.message}`);
}

const SERVER_ONLY = "import 'server-only';\n";

describe('lib/core stays pure', () => {
  it.each([
    ['lib/server through the alias', "import { getDb } from '@/lib/server/db';"],
    ['lib/server relatively', "import { getDb } from '../../server/db';"],
    ['lib/client', "import { fetchJson } from '@/lib/client/api';"],
    ['components', "import VoyageList from '@/components/VoyageList';"],
  ])('refuses an import of %s', async (_what, line) => {
    expect(await problems('lib/core/geo/sample.ts', `${line}\nexport const x = 1;\n`)).toEqual([
      expect.stringMatching(/^import\/no-restricted-paths: .*lib\/core imports only lib\/core/),
    ]);
  });

  it.each(['next/server', 'react', 'leaflet', 'swr', 'better-sqlite3', 'kysely', 'server-only', 'node:fs', 'fs', 'path', 'node:crypto'])(
    'refuses the package %s',
    async (name) => {
      expect(await problems('lib/core/domain/sample.ts', `import '${name}';\nexport const x = 1;\n`)).toEqual([
        expect.stringMatching(/^no-restricted-imports: /),
      ]);
    },
  );

  it('lets lib/core import lib/core, zod, turf and geojson types', async () => {
    const code = [
      "import { z } from 'zod';",
      "import distance from '@turf/distance';",
      "import type { Position } from 'geojson';",
      "import { greatCircleNm } from '@/lib/core/geo';",
      "import { formatDay } from '../domain/display';",
      'export const all = [z, distance, greatCircleNm, formatDay] as const;',
      'export type P = Position;',
      '',
    ].join('\n');
    expect(await problems('lib/core/geo/sample.ts', code)).toEqual([]);
  });

  it.each([
    ['process.env', 'export const url = process.env.WAKELINE_TILE_URL;', 'no-restricted-globals'],
    ['globalThis.process', 'export const env = globalThis.process.env;', 'no-restricted-properties'],
    ['console', "export function f() {\n  console.warn('x');\n}", 'no-console'],
    ['fetch', "export const f = () => fetch('/api/health');", 'no-restricted-globals'],
    ['window', 'export const w = () => window.innerWidth;', 'no-restricted-globals'],
  ])('refuses %s', async (_what, code, rule) => {
    expect(await problems('lib/core/domain/sample.ts', `${code}\n`)).toEqual([expect.stringMatching(new RegExp(`^${rule}: `))]);
  });
});

describe('lib/server, lib/client, components and app/api import only their own layers', () => {
  it.each([
    ['lib/server/db/sample.ts', 'lib/client', `${SERVER_ONLY}import { fetchJson } from '@/lib/client/api';`],
    ['lib/server/db/sample.ts', 'components', `${SERVER_ONLY}import VoyageList from '../../../components/VoyageList';`],
    ['lib/client/api/sample.ts', 'lib/server', "import { getDb } from '@/lib/server/db';"],
    ['lib/client/export/sample.ts', 'lib/server', "import { contentSecurityPolicy } from '../../server/csp';"],
    ['components/sample.tsx', 'lib/server', "import { getDb } from '@/lib/server/db';"],
    ['components/map/sample.tsx', 'a lib/server type', "import type { DB } from '../../lib/server/db';"],
    ['app/api/sample/route.ts', 'lib/client', "import { fetchJson } from '@/lib/client/api';"],
    ['app/api/sample/route.ts', 'components', "import VoyageList from '@/components/VoyageList';"],
    ['lib/server/auth/sample.ts', 'lib/server/db', `${SERVER_ONLY}import { getDb } from '@/lib/server/db';`],
  ])('%s refuses an import of %s', async (file, _what, code) => {
    expect(await problems(file, `${code}\nexport const x = 1;\n`)).toEqual([expect.stringMatching(/^import\/no-restricted-paths: /)]);
  });

  it.each([
    ['lib/server/db/sample.ts', 'core and server', `${SERVER_ONLY}import { greatCircleNm } from '@/lib/core/geo';\nimport { hashPassword } from '@/lib/server/auth/password';`],
    ['lib/client/api/sample.ts', 'core', "import { greatCircleNm } from '@/lib/core/geo';"],
    ['components/sample.tsx', 'core and client', "import { greatCircleNm } from '@/lib/core/geo';\nimport { fetchJson } from '@/lib/client/api';"],
    ['app/api/sample/route.ts', 'core and server', "import { greatCircleNm } from '@/lib/core/geo';\nimport { getDb } from '@/lib/server/db';"],
  ])('%s imports %s', async (file, _what, code) => {
    expect(await problems(file, `${code}\nexport const x = 1;\n`)).toEqual([]);
  });
});

describe("every lib/server file starts with import 'server-only'", () => {
  it('refuses a lib/server file without it, or with it after another import', async () => {
    const missing = "import { sql } from 'kysely';\nexport const q = sql`select 1`;\n";
    expect(await problems('lib/server/db/sample.ts', missing)).toEqual([expect.stringMatching(/^wakeline\/server-only-first: /)]);
    expect(await problems('lib/server/db/sample.ts', `${missing}${SERVER_ONLY}`)).toEqual([
      expect.stringMatching(/^wakeline\/server-only-first: /),
    ]);
  });

  it('accepts it after the leading doc comment', async () => {
    expect(await problems('lib/server/sample.ts', `/** Why this file exists. */\n${SERVER_ONLY}export const x = 1;\n`)).toEqual([]);
  });
});

describe('file length and lint comments', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n');

  it('refuses a 301-line file and accepts a 300-line one', async () => {
    expect(await problems('lib/core/geo/sample.ts', `${lines(301)}\n`)).toEqual([expect.stringMatching(/^max-lines: .*\(301\)/)]);
    expect(await problems('lib/core/geo/sample.ts', `${lines(300)}\n`)).toEqual([]);
  });

  it('accepts a longer file only with a reason on its disable comment', async () => {
    const reasoned = `/* eslint-disable max-lines -- one table of every voyage, split it and it reads worse */\n${lines(320)}\n`;
    expect(await problems('lib/core/geo/sample.ts', reasoned)).toEqual([]);
    expect(await problems('lib/core/geo/sample.ts', `/* eslint-disable max-lines */\n${lines(320)}\n`)).toEqual([
      expect.stringMatching(/^@eslint-community\/eslint-comments\/require-description: /),
    ]);
  });

  it('refuses a disable comment that silences nothing', async () => {
    expect(await problems('lib/core/geo/sample.ts', `/* eslint-disable max-lines -- stale reason */\n${lines(3)}\n`)).toEqual([
      expect.stringMatching(/Unused eslint-disable directive/),
    ]);
  });
});
