/**
 * A throwaway S3 server for integration tests: s3rver on 127.0.0.1, on a port the OS picks,
 * storing into a temp folder that close() removes. s3rver stands in for MinIO or AWS here:
 * it speaks the real S3 protocol (signed requests, multipart, ranges, ListObjectsV2 paging),
 * but ignores conditional writes, cannot abort multipart uploads and writes objects in place
 * (a reader can see a partial object), so tests must not rely on those.
 *
 * It runs in a child process because its ListObjectsV2 continuation tokens use DES, which
 * OpenSSL 3 only offers through the legacy provider; that flag stays out of the test process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TestS3Server {
  endpoint: string;
  /** A bucket that already exists. */
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Requests served so far, as 'METHOD /bucket/key?query', to check which S3 calls were made. */
  requests(): string[];
  close(): Promise<void>;
}

/** Child script: start s3rver, print its port then one line per request, exit when the parent closes stdin. */
const CHILD_SCRIPT = `
const S3rver = require(process.env.S3RVER_PATH);
const server = new S3rver({ address: '127.0.0.1', port: 0, directory: process.env.S3RVER_DIR, silent: true,
  configureBuckets: [{ name: process.env.S3RVER_BUCKET }] });
server.middleware.unshift((ctx, next) => { console.log(JSON.stringify({ request: ctx.method + ' ' + ctx.url })); return next(); });
server.run().then(({ port }) => console.log(JSON.stringify({ port })), (error) => { console.error(error); process.exit(1); });
process.stdin.on('end', () => process.exit(0)).resume();
`;

export async function startS3Server(bucket = 'disan-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'disan-s3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD_SCRIPT], {
    env: { ...process.env, S3RVER_PATH: createRequire(import.meta.url).resolve('s3rver'), S3RVER_DIR: directory, S3RVER_BUCKET: bucket },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    }
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const { port, requests } = await readOutput(child);
    return {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      // s3rver checks signatures against this fixed key pair.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      requests: () => [...requests],
      close: stop,
    };
  } catch (error) {
    child.kill();
    await stop();
    throw error;
  }
}

/** Waits for the port line, then keeps collecting request lines until the child exits. */
async function readOutput(child: ChildProcess): Promise<{ port: number; requests: string[] }> {
  if (!child.stdout) throw new Error('s3rver child has no stdout');
  const requests: string[] = [];
  const lines = createInterface({ input: child.stdout });
  const port = new Promise<number>((resolve, reject) => {
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { port?: number; request?: string };
      if (message.port !== undefined) resolve(message.port);
      if (message.request !== undefined) requests.push(message.request);
    });
    child.once('exit', (code) => {
      reject(new Error(`s3rver exited with code ${String(code)} before listening`));
    });
  });
  return { port: await port, requests };
}
