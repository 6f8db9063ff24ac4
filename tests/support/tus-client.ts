import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Upload, type DetailedError } from 'tus-js-client';
import { adaptChunks } from '../../site/src/uploads/chunk-size.ts';

export interface TusResult {
  /** The upload's URL as the server gave it (Location). */
  url: string;
  /** Its id: the last part of the URL. */
  id: string;
  /** Bytes the client sent again after interruptions: the sum of the drops in its progress. */
  resentBytes: number;
  /** The largest of those drops: what one cut cost. */
  worstResend: number;
}

export interface TusOptions {
  endpoint: string;
  headers: Record<string, string>;
  metadata: Record<string, string>;
  chunkSize: number;
  /** Sizes each chunk after the first to the link, as the browser's uploader does. */
  adaptive?: boolean;
  /** Resume this upload rather than create one. */
  uploadUrl?: string;
  /** Waits between attempts after a failure (default: 200 tries, 50 ms apart). */
  retryDelays?: number[];
  /** Called with the upload once started, so a test can abort it. */
  started?: (upload: Upload) => void;
  onProgress?: (sent: number, total: number) => void;
}

/**
 * Uploads a file with the real tus-js-client (Node flavour: the file is read in slices
 * from disk, never whole), retrying forever on cut connections as a browser on a weak
 * link is set to, and reports the bytes it had to send again.
 */
export async function tusUpload(path: string, options: TusOptions): Promise<TusResult> {
  const size = (await stat(path)).size;
  let highest = 0;
  let resentBytes = 0;
  let worstResend = 0;
  return new Promise<TusResult>((resolve, reject) => {
    const upload = new Upload(createReadStream(path), {
      endpoint: options.endpoint,
      ...(options.uploadUrl === undefined ? {} : { uploadUrl: options.uploadUrl }),
      chunkSize: options.chunkSize,
      uploadSize: size,
      headers: options.headers,
      metadata: { filename: basename(path), ...options.metadata },
      retryDelays: options.retryDelays ?? Array.from({ length: 200 }, () => 50),
      storeFingerprintForResuming: false,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => {
        if (sent < highest) {
          resentBytes += highest - sent;
          worstResend = Math.max(worstResend, highest - sent);
          highest = sent;
        }
        highest = Math.max(highest, sent);
        options.onProgress?.(sent, total);
      },
      onError: (error: Error | DetailedError) => { reject(error); },
      onSuccess: () => {
        const url = upload.url ?? '';
        resolve({ url, id: url.split('/').pop() ?? '', resentBytes, worstResend });
      },
    });
    if (options.adaptive === true) {
      const adapt = adaptChunks(upload.options);
      upload.options.onChunkComplete = (chunkBytes) => { adapt(chunkBytes); };
    }
    options.started?.(upload);
    upload.start();
  });
}

/** Waits until `read` returns something `done` accepts, polling every 100 ms, up to `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
