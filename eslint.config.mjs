import { builtinModules } from 'node:module';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

// The three layers (README "How it works"): lib/core is pure, lib/server runs only on the server,
// lib/client only in the browser. Zones are matched on the resolved file, so `@/lib/...` and
// relative imports are caught alike. tests/unit/lint/layers.test.ts holds a sample of each.
const layerZones = [
  {
    target: './lib/core',
    from: './',
    except: ['./lib/core', './node_modules'],
    message: 'lib/core imports only lib/core and packages: move the shared piece into lib/core.',
  },
  {
    target: './lib/server',
    from: ['./lib/client', './components', './app'],
    message: 'lib/server imports only lib/core and lib/server.',
  },
  {
    target: './lib/client',
    from: ['./lib/server', './components', './app'],
    message: 'lib/client imports only lib/core and lib/client: what both sides need belongs in lib/core.',
  },
  {
    target: './components',
    from: ['./lib/server', './app'],
    message: 'components import only lib/core, lib/client and components: what both sides need belongs in lib/core.',
  },
  {
    target: './app/api',
    from: ['./lib/client', './components'],
    message: 'app/api imports only lib/core, lib/server and app/api.',
  },
  {
    // Inside lib/server, the database builds on auth (password hashes, session ids), never the
    // other way: glue that needs both (who is signed in) lives beside its caller.
    target: './lib/server/auth',
    from: './lib/server/db',
    message: 'lib/server/auth sits below lib/server/db: put code that needs both in lib/server or app/api/_lib.',
  },
];

// Packages that do I/O, touch the DOM or tie code to one runtime; lib/core stays runnable anywhere.
const impurePackages = ['next', 'react', 'react-dom', 'leaflet', 'react-leaflet', 'swr', 'better-sqlite3', 'kysely', 'pg', 'server-only', 'client-only'];
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const coreImportPatterns = [
  {
    regex: `^(${impurePackages.map(escape).join('|')})(/.*)?$`,
    message: 'lib/core is pure (no framework, database, map or browser code): do this in lib/server, lib/client or components.',
  },
  {
    regex: `^(node:.*|(${nodeBuiltins.map(escape).join('|')})(/.*)?)$`,
    message: 'lib/core does no I/O: read files and the environment in lib/server and pass the values in.',
  },
];
const coreGlobals = ['process', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest'].map(
  (name) => ({ name, message: `lib/core is pure: take what ${name} would give as a parameter.` }),
);

// Every lib/server file starts with `import 'server-only'`, so a client bundle that reaches one fails
// the build instead of shipping server code. Vitest aliases it to an empty module, and the scripts
// run under tsx --conditions=react-server, where it is a no-op.
const serverOnlyFirst = {
  meta: {
    type: 'problem',
    fixable: 'code',
    messages: { missing: "A lib/server file starts with `import 'server-only';`." },
    schema: [],
  },
  create(context) {
    return {
      Program(program) {
        const first = program.body[0];
        const ok = first?.type === 'ImportDeclaration' && first.source.value === 'server-only' && first.specifiers.length === 0;
        if (ok) return;
        context.report({
          node: first ?? program,
          messageId: 'missing',
          fix: (fixer) => (first ? fixer.insertTextBefore(first, "import 'server-only';\n") : fixer.insertTextAfterRange([0, 0], "import 'server-only';\n")),
        });
      },
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  comments.recommended,
  {
    ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'var/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A longer file says why on its first line: /* eslint-disable max-lines -- <reason> */
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      '@eslint-community/eslint-comments/disable-enable-pair': ['error', { allowWholeFile: true }],
      'import/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['lib/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: coreImportPatterns }],
      'no-restricted-globals': ['error', ...coreGlobals],
      'no-restricted-properties': [
        'error',
        ...['process', 'window', 'document', 'fetch'].map((property) => ({
          object: 'globalThis',
          property,
          message: 'lib/core is pure: take the value as a parameter.',
        })),
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['lib/server/**'],
    plugins: { wakeline: { rules: { 'server-only-first': serverOnlyFirst } } },
    rules: { 'wakeline/server-only-first': 'error' },
  },
];

export default config;
