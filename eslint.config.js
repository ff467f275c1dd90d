// Per-folder import rules keep each process honest: the renderer imports nothing from Node,
// Electron, SQLite, keytar or openai; the preload imports only electron and types; the contract
// (src-preload) imports nothing from src-main; the backend imports no electron (only the shell,
// src-main/index.ts and menu.ts, may).
import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_ONLY = ['better-sqlite3', 'keytar', 'openai', 'ws', 'electron'];
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'events',
  'stream',
];

const NO_MAIN_FROM_PRELOAD = {
  group: ['**/src-main', '**/src-main/**'],
  message: 'src-preload imports nothing from src-main, not even types: the contract declares the wire types.',
};

// Renderer layers: a screen (src-renderer/screens/<screen>/) imports no other screen, and components/
// import no screen; what two screens share lives in components/. One block per screen folder, read
// from disk so a new screen is covered without editing this file. These use the typescript-eslint
// twin of no-restricted-imports on purpose: a second core no-restricted-imports block would replace
// the renderer's Node and Electron restrictions above instead of adding to them.
const SCREENS = fs
  .readdirSync(new URL('./src-renderer/screens', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
// `../people/x` from a screen, or `../../screens/people/x` from anywhere in the renderer.
const importOfScreen = (names) => `^(\\.\\./)+(screens/)?(${names.join('|')})(/|$)`;
const screenLayerBlocks = SCREENS.map((screen) => ({
  files: [`src-renderer/screens/${screen}/**/*.{ts,tsx}`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: importOfScreen(SCREENS.filter((other) => other !== screen)),
            message: 'A screen does not import another screen: move what both use to src-renderer/components/.',
          },
        ],
      },
    ],
  },
}));
const componentLayerBlock = {
  files: ['src-renderer/components/**/*.{ts,tsx}'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '(^|/)screens(/|$)',
            message: 'Components do not import screens: screens are built from components, not the other way.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  // Dot-files and dot-folders at the top are scratch space (probes, profiles), not the product.
  {
    ignores: [
      '.*',
      '.*/**',
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No .only in committed tests.' },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_ONLY.map((name) => ({ name, message: 'The renderer reaches main only through window.api.' })),
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node.' },
            {
              group: ['**/src-main/**', '../src-main/*', '../../src-main/*'],
              message: 'The renderer may not import main-process code.',
            },
            {
              group: ['electron/*', 'better-sqlite3/*', 'keytar/*', 'openai/*'],
              message: 'The renderer reaches main only through window.api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    ignores: ['src-preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_ONLY.filter((n) => n !== 'electron').map((name) => ({
            name,
            message: 'The preload imports only electron and types.',
          })),
          patterns: [
            { group: nodeBuiltins, message: 'The preload imports only electron and types.' },
            { group: ['**/src-renderer/**'], message: 'The preload imports only electron and types.' },
          ],
        },
      ],
    },
  },
  {
    // The contract owns the wire: main imports it, never the other way, so not even a type of
    // src-main may be named here (tests included).
    files: ['src-preload/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_MAIN_FROM_PRELOAD] }] },
  },
  {
    // The preload bundle itself: only electron, the names file, and type-only imports of the contract.
    files: ['src-preload/index.ts', 'src-preload/api.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'The preload bundle stays tiny: types only.' },
            { name: './contract', allowTypeImports: true, message: 'Import only types from the contract here.' },
          ],
          patterns: [
            NO_MAIN_FROM_PRELOAD,
            {
              group: ['./contract/*', '!./contract/names'],
              allowTypeImports: true,
              message: 'Import only types from the contract here (values only from contract/names).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/index.ts', 'src-main/menu.ts', 'src-main/shell-test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The backend runs under plain Node: only the shell (src-main/index.ts) imports electron.',
            },
          ],
          patterns: [
            { group: ['electron/*'], message: 'The backend runs under plain Node.' },
            { group: ['**/src-renderer/**'], message: 'Main does not import renderer code.' },
          ],
        },
      ],
    },
  },
  {
    // Handlers validate and delegate: they reach the database only through a capability's service.
    files: ['src-main/ipc/**/*.ts'],
    ignores: ['src-main/ipc/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/queries', '**/db/queries/**', '**/db/open', '**/db/mirror-keys', 'better-sqlite3'],
              allowTypeImports: true,
              message: 'Handlers delegate to a service; they do not touch the database.',
            },
            {
              group: ['**/store', '**/store/**', '**/*-store', '**/*-store.ts', '**/store.ts'],
              message: "Handlers delegate to a service; a capability's store is its own.",
            },
          ],
        },
      ],
    },
  },
  {
    // SQL lives with the capability that owns it: in its store files (store.ts, *-store.ts, store/),
    // the sync engine's mirror writers (sync/write-*.ts), and db/ (open, migrations, keys).
    files: ['src-main/**/*.ts'],
    ignores: [
      'src-main/**/*.test.ts',
      'src-main/**/test-support/**',
      'src-main/**/*store*.ts',
      'src-main/**/store/**',
      'src-main/db/**',
      'src-main/sync/write-*.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No .only in committed tests.' },
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
          message: "SQL lives in the capability's store files (store.ts, *-store.ts, store/).",
        },
        {
          selector: "CallExpression[callee.object.name=/^(db|database)$/][callee.property.name='exec']",
          message: "SQL lives in the capability's store files (store.ts, *-store.ts, store/).",
        },
      ],
    },
  },
  {
    // A function reads top-down on one screen: 80 lines at most, blank lines and comments not
    // counted. Tests, migrations' SQL and the sandbox's seed generator are exempt.
    files: [
      'src-main/**/*.ts',
      'src-preload/**/*.ts',
      'src-renderer/**/*.{ts,tsx}',
      'bench/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      'e2e/harness/**/*.ts',
    ],
    ignores: ['**/*.test.{ts,tsx}', 'src-main/db/migrations/**', 'src-main/smartsimple/sandbox/seed/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  ...screenLayerBlocks,
  componentLayerBlock,
);
