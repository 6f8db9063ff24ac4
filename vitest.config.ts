import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{schemas,ingest,api,site,tests}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/bench/**'],
    // Integration suites start real servers (PostgreSQL, s3rver) and run sharp on real photos.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
