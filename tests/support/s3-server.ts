/**
 * A throwaway S3 server for integration tests: s3rver on 127.0.0.1, on a port the OS picks,
 * storing into a temp folder that close() removes. s3rver stands in for MinIO or AWS here:
 * it speaks the real S3 protocol (signed requests, multipart, ranges, ListObjectsV2 paging),
 * but ignores conditional writes, cannot abort multipart uploads and writes objects in place
 * (a reader can see a partial object), so tests must not rely on those.
 *
 * It runs in a child process because its ListObjectsV2 continuation tokens use DES, which
 * OpenSSL 3 only offers through the legacy provider; that flag stays out of the test process.
 *
 * s3rver lacks two multipart calls tus's S3 store makes: ListParts (on every write, to find
 * the offset) and AbortMultipartUpload (on removal). The child adds them in front of
 * s3rver's routes, reading s3rver's own part files (`<bucket>/._S3rver_uploads/<id>/<n>` and
 * `<n>.md5`), with the answers AWS documents. They are the one piece of this S3 server that
 * is ours, and they skip the signature check (s3rver checks it on every other call).
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
const fs = require('node:fs');
const path = require('node:path');
const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
server.middleware.unshift(async (ctx, next) => {
  const url = new URL(ctx.url, 'http://s3');
  const uploadId = url.searchParams.get('uploadId');
  const [bucket, ...keyParts] = url.pathname.slice(1).split('/').map(decodeURIComponent);
  const isUploadCall = (ctx.method === 'GET' || ctx.method === 'DELETE') && uploadId && keyParts.length > 0 && !/[\\/]|^\.\.?$/.test(uploadId);
  if (!isUploadCall) return next();
  const dir = path.join(process.env.S3RVER_DIR, bucket, '._S3rver_uploads', uploadId);
  ctx.type = 'application/xml';
  if (!fs.existsSync(dir)) {
    ctx.status = 404;
    ctx.body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified multipart upload does not exist.</Message></Error>';
    return;
  }
  if (ctx.method === 'DELETE') {
    fs.rmSync(dir, { recursive: true, force: true });
    ctx.status = 204;
    ctx.body = null;
    return;
  }
  const marker = Number(url.searchParams.get('part-number-marker') || 0);
  const max = Math.min(1000, Number(url.searchParams.get('max-parts') || 1000));
  const after = fs.readdirSync(dir).filter((name) => /^[0-9]+$/.test(name)).map(Number).filter((n) => n > marker).sort((a, b) => a - b);
  const listed = after.slice(0, max);
  const parts = listed.map((n) => {
    const file = path.join(dir, String(n));
    const stat = fs.statSync(file);
    const md5 = fs.readFileSync(file + '.md5', 'utf8');
    return '<Part><PartNumber>' + n + '</PartNumber><LastModified>' + stat.mtime.toISOString() + '</LastModified><ETag>&quot;' + md5 + '&quot;</ETag><Size>' + stat.size + '</Size></Part>';
  });
  ctx.status = 200;
  ctx.body = '<?xml version="1.0" encoding="UTF-8"?><ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    '<Bucket>' + xml(bucket) + '</Bucket><Key>' + xml(keyParts.join('/')) + '</Key><UploadId>' + xml(uploadId) + '</UploadId>' +
    '<PartNumberMarker>' + marker + '</PartNumberMarker><NextPartNumberMarker>' + (listed.at(-1) ?? marker) + '</NextPartNumberMarker>' +
    '<MaxParts>' + max + '</MaxParts><IsTruncated>' + (after.length > listed.length) + '</IsTruncated>' + parts.join('') + '</ListPartsResult>';
});
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
