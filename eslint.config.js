import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { BED_TESTS } from './test/projects.js';

/**
 * The layers of src/, lowest first: each folder names the folders it may import. Anything else is an
 * error, including a sibling of the same layer (policy and gogs, report and deploy, the three doors).
 * The emulator is its own product: only the CLI door (which starts it) may import it.
 */
const LAYERS = {
  shared: [],
  policy: ['shared'],
  gogs: ['shared'],
  emulator: ['shared'],
  validate: ['shared', 'policy', 'gogs'],
  report: ['shared', 'policy', 'gogs', 'validate'],
  deploy: ['shared', 'policy', 'gogs', 'validate'],
  pipeline: ['shared', 'policy', 'gogs', 'validate', 'report', 'deploy'],
  'doors/action': ['shared', 'policy', 'gogs', 'validate', 'report', 'deploy', 'pipeline'],
  'doors/task': ['shared', 'policy', 'gogs', 'validate', 'report', 'deploy', 'pipeline'],
  'doors/cli': ['shared', 'policy', 'gogs', 'validate', 'report', 'deploy', 'pipeline', 'emulator'],
};

const layerZones = Object.entries(LAYERS).map(([folder, allowed]) => ({
  target: `./src/${folder}`,
  from: Object.keys(LAYERS)
    .filter((other) => other !== folder && !allowed.includes(other))
    .map((other) => `./src/${other}`),
  message: `src/${folder} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'none of our folders'} (layers point down; see eslint.config.js).`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Import graph guards: TypeScript ESM imports name the emitted `.js`; resolve them to the `.ts` sources.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    // A unit test starts no server and no process: those belong to the bed project (test/projects.js).
    files: ['test/**/*.test.ts'],
    ignores: BED_TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'node:child_process',
              message: 'A test that starts a process is a bed test: list it in test/projects.js.',
            },
          ],
          patterns: [
            {
              regex: '(^|/)bed/|/src/emulator/index\\.js$|(^|/)support\\.js$|/github-actions-env\\.js$',
              message:
                'A test that starts Gogs, the emulator or a bundle is a bed test: list it in test/projects.js.',
            },
          ],
        },
      ],
    },
  },
);
