// Each top-level folder is a runtime; imports across runtimes are errors.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'net', 'http', 'os', 'crypto', 'stream', 'url', 'util'];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/bench/results/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['electron', 'electron/*'], 'shared/ is pure TypeScript: no electron.'),
            pattern(nodeBuiltins, 'shared/ is pure TypeScript: no Node built-ins.'),
            pattern(
              ['react', 'react-dom', '**/renderer/**', '**/electron/**'],
              'shared/ imports nothing from the runtimes.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['electron', 'electron/*'], 'electron/core runs under plain Node: never import electron.'),
            pattern(['**/renderer/**', '**/main/**', '**/preload/**'], 'core depends on nothing above it.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(nodeBuiltins, 'a sandboxed preload has no Node built-ins.'),
            pattern(['**/core/**', '**/main/**', '**/renderer/**'], 'preload only bridges the contract.'),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['electron', 'electron/*'], 'the renderer talks to the core through the contract only.'),
            pattern(nodeBuiltins, 'the renderer runs in a browser: no Node built-ins.'),
            pattern(['**/electron/**'], 'the renderer imports shared/, never the core.'),
          ],
        },
      ],
    },
  },
  {
    // Functions passed to page.evaluate run in the page and cannot import types.
    files: ['tests/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'waitForTimeout', message: 'Wait on a condition, not on time.' },
      ],
    },
  },
);
