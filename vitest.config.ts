import { defineConfig } from 'vitest/config';
import SpreadBrowserSuites from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    include: ['{schemas,ingest,api,site,tests}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/bench/**'],
    // Integration suites start real servers (PostgreSQL, s3rver) and run sharp on real photos.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time, also on two cores (vitest's default there is one): most suites
    // spend their time waiting on the servers, browsers and tools they start. The browser
    // suites are spread through the run and take turns (tests/support/sequencer.ts).
    maxWorkers: 2,
    sequence: { sequencer: SpreadBrowserSuites },
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
