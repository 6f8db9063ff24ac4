/**
 * The API process SIGKILLed in the middle of a resumable upload and started again on the
 * same data folder: the real tus client resumes from what reached the disk, and the
 * archive ends up holding the file once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import type { UploadOutcome } from '@disan/schemas';
import { openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { addAccount } from '../support/accounts.ts';
import { exited, killApiProcesses, signInOverHttp, startApiProcess } from '../support/api-process.ts';
import { freePort } from '../support/launch.ts';
import { tusUpload, waitFor } from '../support/tus-client.ts';

const CHUNK = 1024 * 1024;
let dataDir = '';

afterAll(async () => {
  killApiProcesses();
  if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
});

it('resumes an upload after the API process is SIGKILLed mid-upload and started again, and stores the file once', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'disan-upload-crash-'));
  const archive = await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  await addAccount(archive, { email: 'archivist@example.org', roles: ['archivist'] });
  await archive.catalog.items.upsert({ id: 'le-hoi', kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: 'Lễ hội' }], status: 'draft', access: { level: 'public' } }, { author: 'import' });
  await archive.close();

  const path = join(dataDir, 'scan.jpg');
  await sharp(randomBytes(2600 * 2600 * 3), { raw: { width: 2600, height: 2600, channels: 3 } }).jpeg({ quality: 95 }).toFile(path);
  const bytes = await readFile(path);
  const sha = createHash('sha256').update(bytes).digest('hex');

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let api = await startApiProcess(dataDir, port);
  const { cookie, headers } = await signInOverHttp(base, 'archivist@example.org');

  let killed: Promise<void> | undefined;
  let sentAtKill = 0;
  const result = await tusUpload(path, {
    endpoint: `${base}/api/uploads`,
    headers,
    metadata: { record: 'le-hoi' },
    chunkSize: CHUNK,
    retryDelays: Array.from({ length: 600 }, () => 100),
    onProgress: (sent, total) => {
      if (killed === undefined && sent > total * 0.4) {
        sentAtKill = sent;
        const dying = api;
        killed = exited(dying).then(async () => { api = await startApiProcess(dataDir, port); });
        dying.kill('SIGKILL');
      }
    },
  });
  await killed;
  expect(sentAtKill).toBeGreaterThan(0);
  expect(sentAtKill).toBeLessThan(bytes.length);
  expect(result.worstResend).toBeLessThanOrEqual(CHUNK);

  const outcome = await waitFor(
    async () => (await fetch(`${base}/api/uploads/${result.id}/outcome`, { headers: { cookie } })).json() as Promise<UploadOutcome>,
    (o) => o.state === 'done' || o.state === 'failed',
  );
  expect(outcome).toMatchObject({ state: 'done', size: bytes.length });
  api.kill('SIGTERM');
  await exited(api);

  const reopened = await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const media = await reopened.catalog.media.listForItem('le-hoi');
    expect(media.map((m) => m.sha256)).toEqual([sha]);
    const stored: Buffer[] = [];
    for await (const chunk of (await reopened.storage.get(media[0]!.originalKey)).body) stored.push(chunk as Buffer);
    expect(createHash('sha256').update(Buffer.concat(stored)).digest('hex')).toBe(sha);
  } finally {
    await reopened.close();
  }
}, 240_000);
