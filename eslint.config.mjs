// Lint: type-aware rules that catch money- and safety-relevant mistakes (floating promises,
// non-exhaustive switches, loose equality), plus a purity rule that keeps src/x12 a plain library.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/x12/**/*.ts'],
    ignores: ['src/x12/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'ssh2', 'ssh2-sftp-client'], message: 'src/x12 is a pure library: no framework, database or network.' },
            { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'child_process', 'node:child_process'], message: 'src/x12 does no I/O: the caller reads and writes.' },
            { group: ['../modules/*', '../../modules/*', '../../../modules/*', '**/modules/**'], message: 'src/x12 must not depend on feature modules.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'src/x12 has no clock: dates are passed in.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Control numbers come from the caller, never from randomness.' }],
    },
  },
);
