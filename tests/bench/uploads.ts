import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { randomFillSync } from 'node:crypto';
import type { UploadOutcome } from '@disan/schemas';
import { openArchive } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { addAccount } from '../support/accounts.ts';
import { exited, killApiProcesses, rssOf, signInOverHttp, startApiProcess } from '../support/api-process.ts';
import { startCuttingProxy } from '../support/cutting-proxy.ts';
import { freePort } from '../support/launch.ts';
import { tusUpload, waitFor } from '../support/tus-client.ts';

const SIZE = Number(process.env.BENCH_UPLOAD_BYTES ?? 1_000_000_000);
const MIB = 1024 * 1024;
/** The chunk the API tells browsers to use (GET /api/uploads/quota, DISAN_UPLOAD_CHUNK_BYTES's default). */
const CHUNK_3G = MIB;
/** The browser's setting: starts at the advised chunk and sizes each next one to the link (site/src/uploads/chunk-size.ts). */
const ADAPTIVE = { chunkSize: CHUNK_3G, adaptive: true };
const FIXED_3G = { chunkSize: CHUNK_3G, adaptive: false };
const ROUNDS = Number(process.env.BENCH_UPLOAD_ROUNDS ?? 2);

/** A file of random bytes (incompressible, like media), written in 16 MiB slices. */
async function randomFile(path: string, size: number): Promise<void> {
  const handle = await open(path, 'w');
  const slice = Buffer.alloc(16 * MIB);
  try {
    for (let written = 0; written < size; written += slice.length) {
      randomFillSync(slice);
      await handle.write(slice, 0, Math.min(slice.length, size - written));
    }
  } finally {
    await handle.close();
  }
}

/** `curl -T file` to a bare Node server that writes the body to disk: the floor an upload is held to. */
async function curlReference(file: string, dir: string): Promise<number> {
  const server = createServer((req, res) => {
    pipeline(req, createWriteStream(join(dir, 'curl-copy'))).then(
      () => { res.writeHead(201).end(); },
      () => { res.writeHead(500).end(); },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  try {
    const started = performance.now();
    await promisify(execFile)('curl', ['-sS', '-f', '-T', file, `http://127.0.0.1:${port}/upload`]);
    const seconds = (performance.now() - started) / 1000;
    if ((await stat(join(dir, 'curl-copy'))).size !== SIZE) throw new Error('curl’s copy is not whole');
    return seconds;
  } finally {
    server.close();
    await rm(join(dir, 'curl-copy'), { force: true });
  }
}

const mbps = (seconds: number) => `${(SIZE / seconds / 1e6).toFixed(0)} MB/s`;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;

/**
 * A 1 GB upload on loopback: the real tus client (Node, reading the file in slices) to
 * the real API process (file store, the worker inside), against `curl -T` of the same
 * file to a bare Node server writing it to disk, in the same run (target: at least 0.8x).
 * The API's resident memory is sampled every 100 ms during the upload: flat means it
 * does not grow with the file. Then the same file through a proxy that cuts the
 * connection every 100 MB: what each cut made the client send again (target: at most
 * one chunk).
 */
export async function benchUploads(): Promise<{ label: string; value: string }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'disan-bench-uploads-'));
  const dataDir = join(dir, 'data');
  const file = join(dir, 'upload.bin');
  try {
    await randomFile(file, SIZE);
    const archive = await openArchive(loadConfig({ DISAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    await addAccount(archive, { email: 'archivist@example.org', roles: ['archivist'] });
    await archive.catalog.items.upsert({ id: 'bench', kind: 'other', ethnicGroups: [], title: [{ lang: 'vi', value: 'Bench' }], status: 'draft', access: { level: 'public' } }, { author: 'import' });
    await archive.close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const api = await startApiProcess(dataDir, port);
    try {
      const { headers } = await signInOverHttp(base, 'archivist@example.org');
      // Each upload is registered by the worker in the API process (1 GB hashed, then refused:
      // random bytes are no media format); the next measurement waits for that to end.
      const upload = async (chunks: { chunkSize: number; adaptive: boolean }, endpoint = `${base}/api/uploads`) => {
        const result = await tusUpload(file, { endpoint, headers, metadata: { record: 'bench' }, ...chunks });
        const seconds = (performance.now() - started) / 1000;
        await waitFor(() => fetch(`${base}/api/uploads/${result.id}/outcome`, { headers }).then((r) => r.json() as Promise<UploadOutcome>), (o) => o.state === 'done' || o.state === 'failed', 300_000);
        return { ...result, seconds };
      };
      let started = 0;

      // Rounds alternate curl and tus, each keeping its best, so a busy moment of the machine hits neither alone.
      let curl = Infinity;
      let tus3g = Infinity;
      let tusAdaptive = Infinity;
      const idle = await rssOf(api.pid!);
      const samples: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        curl = Math.min(curl, await curlReference(file, dir));
        const sampler = setInterval(() => { void rssOf(api.pid!).then((rss) => samples.push(rss), () => undefined); }, 100);
        started = performance.now();
        tusAdaptive = Math.min(tusAdaptive, (await upload(ADAPTIVE).finally(() => { clearInterval(sampler); })).seconds);
        started = performance.now();
        tus3g = Math.min(tus3g, (await upload(FIXED_3G)).seconds);
      }

      // What the client sent beyond the file, measured on the wire: the same upload whole, then cut.
      const whole = await startCuttingProxy({ host: '127.0.0.1', port }, { cutEveryBytes: Number.MAX_SAFE_INTEGER });
      await upload(FIXED_3G, `${whole.url}/api/uploads`).finally(() => whole.close());
      const proxy = await startCuttingProxy({ host: '127.0.0.1', port }, { cutEveryBytes: 100_000_000 });
      await upload(FIXED_3G, `${proxy.url}/api/uploads`).finally(() => proxy.close());
      const cuts = proxy.cuts();
      const perCut = (proxy.bytesIn() - whole.bytesIn()) / Math.max(cuts, 1);

      const peak = Math.max(...samples);
      const third = Math.max(1, Math.floor(samples.length / 3));
      const early = Math.max(...samples.slice(0, third));
      const late = Math.max(...samples.slice(-third));
      return [
        { label: `curl -T ${(SIZE / 1e9).toFixed(1)} GB to a bare Node server (best of ${ROUNDS})`, value: `${curl.toFixed(2)} s (${mbps(curl)})` },
        { label: `tus upload as the browser does it (chunks from ${mib(CHUNK_3G)}, sized to the link)`, value: `${tusAdaptive.toFixed(2)} s (${mbps(tusAdaptive)}), ${(curl / tusAdaptive).toFixed(2)}x curl (target >= 0.8)` },
        { label: `tus upload, every chunk ${mib(CHUNK_3G)} (the floor on a weak link)`, value: `${tus3g.toFixed(2)} s (${mbps(tus3g)}), ${(curl / tus3g).toFixed(2)}x curl` },
        { label: 'API RSS, upload + registration', value: `idle ${mib(idle)}, peak ${mib(peak)}; first third ${mib(early)}, last third ${mib(late)} (${samples.length} samples, ${ROUNDS} uploads)` },
        { label: 'bytes sent again, cut every 100 MB', value: `${cuts} cuts, ${(perCut / MIB).toFixed(2)} MiB per cut (${Math.round(perCut)} B, HEAD requests included); chunk ${mib(CHUNK_3G)} (target <= one chunk)` },
      ];
    } finally {
      api.kill('SIGTERM');
      await exited(api);
    }
  } finally {
    killApiProcesses();
    await rm(dir, { recursive: true, force: true });
  }
}
