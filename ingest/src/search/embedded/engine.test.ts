import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../errors.ts';
import { createSearchEngine } from '../create.ts';
import { FORMAT } from './schema.ts';
import { EmbeddedSearchEngine } from './engine.ts';
import { describeSearchEngineContract } from '../../../../tests/contract/search-engine.contract.ts';
import { FIXTURES, fixture } from '../../../../tests/contract/search-fixtures.ts';

describeSearchEngineContract('embedded', () => Promise.resolve(createSearchEngine({ driver: 'embedded', file: ':memory:' })));

describe('embedded ranking by attribute', () => {
  it('puts the record with more of the query words in its names above one with fewer', async () => {
    const engine = createSearchEngine({ driver: 'embedded', file: ':memory:' });
    const race = fixture('ok-om-bok');
    // The report's title has two of the words, the race's three; both have all five somewhere.
    await engine.upsert([
      { ...race, id: 'bao-cao', kind: 'document', title: [{ lang: 'vi', value: 'Báo cáo bảo tồn lễ hội năm 2023' }], alternativeNames: [], description: [{ lang: 'vi', value: 'Khảo sát đua ghe ngo, đua ghe ngo và đua ghe ngo.' }] },
      { ...race, id: 'dua-ghe', kind: 'performance', title: [{ lang: 'vi', value: 'Đua ghe ngo trên sông Maspero' }], alternativeNames: [], description: [{ lang: 'vi', value: 'Phần hội của lễ hội.' }] },
      { ...race, id: 'ca-hai', kind: 'festival', title: [{ lang: 'vi', value: 'Lễ hội đua ghe ngo' }], alternativeNames: [], description: [] },
    ]);
    expect((await engine.search({ q: 'le hoi dua ghe ngo' })).hits.map((hit) => hit.id)).toEqual(['ca-hai', 'dua-ghe', 'bao-cao']);
    await engine.close();
  });
});

describe('embedded engine on a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'disan-search-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the index in config.search.file and sees writes of another connection', async () => {
    const file = join(dir, 'nested', 'search.sqlite');
    const reader = new EmbeddedSearchEngine(file);
    expect((await reader.search({ q: 'thot not' })).total).toBe(0);
    const writer = new EmbeddedSearchEngine(file);
    await writer.upsert([fixture('palm-sugar')]);
    await writer.close();
    expect((await reader.search({ q: 'thot not' })).hits.map((hit) => hit.id)).toEqual(['palm-sugar']);
    await reader.close();
  });

  it('empties an index file of another format, which the archive then rebuilds', async () => {
    const file = join(dir, 'old-format.sqlite');
    const engine = new EmbeddedSearchEngine(file);
    await engine.upsert(FIXTURES);
    await engine.close();
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${FORMAT - 1}`);
    db.close();
    const reopened = new EmbeddedSearchEngine(file);
    expect(await reopened.count()).toBe(0);
    await reopened.upsert(FIXTURES);
    expect((await reopened.search({ q: 'thot not' })).hits.map((hit) => hit.id)).toEqual(['palm-sugar']);
    await reopened.close();
    const again = new EmbeddedSearchEngine(file);
    expect(await again.count()).toBe(FIXTURES.length);
    await again.close();
  });

  it('waits for another process holding the index file locked instead of failing to open it', async () => {
    const file = join(dir, 'shared.sqlite');
    await new EmbeddedSearchEngine(file).close();
    // Another thread (as another process would) holds the write lock for half a second.
    const holder = new Worker(
      `const { DatabaseSync } = require('node:sqlite');
       const { parentPort, workerData } = require('node:worker_threads');
       const db = new DatabaseSync(workerData);
       db.exec('BEGIN EXCLUSIVE');
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
       db.exec('COMMIT');
       db.close();`,
      { eval: true, workerData: file },
    );
    await new Promise((resolve) => holder.once('message', resolve));
    const started = performance.now();
    const engine = new EmbeddedSearchEngine(file);
    expect(performance.now() - started, 'ms waited for the lock').toBeGreaterThan(100);
    await engine.upsert([fixture('ok-om-bok')]);
    expect(await engine.count()).toBe(1);
    await engine.close();
    await holder.terminate();
  });

  it('reports a backend failure as UpstreamError with the cause', async () => {
    const engine = new EmbeddedSearchEngine(':memory:');
    await engine.close();
    const failure = await engine.count().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamError);
    expect((failure as UpstreamError).cause).toBeInstanceOf(Error);
  });
});
