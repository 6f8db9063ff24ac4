import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../errors.ts';
import { createSearchEngine } from '../create.ts';
import { describeSearchEngineContract } from '../../../../tests/contract/search-engine.contract.ts';

// Integration tests need a real server: MEILI_URL=http://localhost:7700 [MEILI_API_KEY=...].
// Tests are the one place besides config.ts that read the environment: they choose a server.
const url = process.env.MEILI_URL;
const apiKey = process.env.MEILI_API_KEY;

if (url) {
  const index = `disan-test-${randomUUID()}`;
  describeSearchEngineContract('meilisearch', () => Promise.resolve(createSearchEngine({ driver: 'meilisearch', url, apiKey, index })));
} else {
  describe.skip('meilisearch contract: skipped because MEILI_URL is not set (start a server and set MEILI_URL to run it)', () => {
    it('runs the shared contract suite against a real Meilisearch server', () => {
      expect(url).toBeDefined();
    });
  });
}

describe('meilisearch engine without a server', () => {
  it('reports an unreachable server as UpstreamError with the SDK error as cause', async () => {
    const engine = createSearchEngine({ driver: 'meilisearch', url: 'http://127.0.0.1:9', apiKey: undefined, index: 'disan-none' });
    const failure = await engine.ping().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamError);
    expect((failure as UpstreamError).cause).toBeInstanceOf(Error);
  });
});
