// @ts-check
import tseslint from 'typescript-eslint';

/** The engine's public entries are its only doors: other programs never reach its inner files. */
const ENGINE_ENTRIES_ONLY = {
  group: ['@disan/ingest/*/**', '@disan/ingest/*.ts', '**/ingest/src/**'],
  message: 'Use the engine through its public entries: @disan/ingest, or @disan/ingest/{access,catalog,config,database,jobs,search,storage} (see ingest/src/index.ts).',
};
const CLI_OUTSIDE = 'The CLI uses the engine like any other program, through @disan/ingest and its entries.';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.tsbuild/**', 'data/**', 'site/dist/**', 'site/.astro/**', 'site/public/**', '**/*.mjs', '**/*.js', '**/*.d.ts', 'vitest.config.ts'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['api/**/*.ts', 'site/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_ENTRIES_ONLY] }] } },
  { files: ['ingest/src/cli/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_ENTRIES_ONLY, { regex: '^\\.\\./', message: CLI_OUTSIDE }] }] } },
  { files: ['ingest/src/cli/commands/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_ENTRIES_ONLY, { regex: '^\\.\\./\\.\\./', message: CLI_OUTSIDE }] }] } },
);
