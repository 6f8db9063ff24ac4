import type { UploadOutcome, UploadQuota, UPLOAD_METADATA_KEYS } from '@disan/schemas';
import { defaultOptions, Upload, type DetailedError, type PreviousUpload } from 'tus-js-client';
import { bytesPerSecond, formatBytes, formatDuration, overall, recordSample, secondsLeft, type Sample } from '../../uploads/progress.ts';
import { adaptChunks } from '../../uploads/chunk-size.ts';
import { refusalKey } from '../../uploads/refusal.ts';
import type { Messages } from './messages.ts';

/**
 * The uploads of one page: tus (resumable) through the site's /api proxy, a few files at a
 * time, each paused and resumed by itself or all together, progress per file and overall
 * with speed and time left. A cut connection is retried by tus-js-client (retryDelays);
 * longer outages pause the file until the browser is online again. Every upload's URL is
 * kept in localStorage under a fingerprint of the record and the file, so a file chosen
 * again after a sleeping phone or a closed tab carries on from the server's offset. A
 * finished upload is followed (GET /api/uploads/{id}/outcome) until the archive has
 * registered it or said why not; a refused file never stops the others.
 */

export type MetadataKey = (typeof UPLOAD_METADATA_KEYS)[number];
export type UploadMetadata = Partial<Record<MetadataKey, string>>;

export type EntryState = 'waiting' | 'uploading' | 'paused' | 'retrying' | 'registering' | 'done' | 'duplicate' | 'failed';

export interface Entry {
  key: number;
  file: File;
  metadata: UploadMetadata;
  state: EntryState;
  sent: number;
  total: number;
  reason: string;
  upload: Upload | null;
  row: HTMLLIElement;
}

/** At most this many files are sent at once: on 3G, more only splits the same link. */
export const CONCURRENT_FILES = 3;
/** tus-js-client's retries after a cut (ms): about four minutes of trying before the file pauses. */
export const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000, 60_000, 60_000];
/** The first chunk when the quota route does not say (1 MiB: tens of seconds on a weak 3G link); later ones follow the link. */
const DEFAULT_CHUNK = 1024 * 1024;
const ENDPOINT = '/api/uploads';

/** Refusals whose English detail says more than the words do (the format, the limit, the processing error). */
const WITH_DETAIL = new Set(['unsupported-format', 'unreadable', 'failed-before', 'other']);

/** Why the archive refused a file, in the page's language, with the archive's own detail where it helps. */
export function refusalText(outcome: Pick<UploadOutcome, 'reason' | 'reasonCode'>, messages: Messages): string {
  if (outcome.reasonCode === undefined) return outcome.reason ?? messages.t('uploads.refused.other');
  const words = messages.t(`uploads.reason.${outcome.reasonCode}`);
  return WITH_DETAIL.has(outcome.reasonCode) && outcome.reason !== undefined ? `${words} (${outcome.reason})` : words;
}

export const fingerprintOf = (file: File, metadata: UploadMetadata): string =>
  ['disan', metadata.record ?? '', metadata.replaces ?? '', metadata.captionsFor ?? '', file.name, file.size, file.lastModified].join(':');

/** Unfinished uploads of a record kept in this browser (tus-js-client's localStorage entries). */
export async function unfinishedUploads(record: string): Promise<PreviousUpload[]> {
  try {
    const all = await defaultOptions.urlStorage.findAllUploads();
    return all.filter((u) => u.metadata.record === record && u.uploadUrl !== null);
  } catch {
    return [];
  }
}

/** How much of an unfinished upload the server holds (tus HEAD); null when it is gone (then forgotten). */
export async function serverOffset(upload: PreviousUpload): Promise<number | null> {
  if (upload.uploadUrl === null) return null;
  try {
    const answer = await fetch(upload.uploadUrl, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' }, credentials: 'same-origin' });
    if (answer.status === 404 || answer.status === 410) {
      await defaultOptions.urlStorage.removeUpload(upload.urlStorageKey);
      return null;
    }
    const offset = Number(answer.headers.get('upload-offset'));
    return Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0;
  }
}

export interface QueueOptions {
  csrf: string;
  messages: Messages;
  locale: string;
  list: HTMLUListElement;
  overallBar: HTMLProgressElement;
  overallText: HTMLElement;
  announce: HTMLElement;
  controls: HTMLElement;
  onSettled?: (entries: readonly Entry[]) => void;
}

export class UploadQueue {
  readonly entries: Entry[] = [];
  #options: QueueOptions;
  #quota: UploadQuota | null = null;
  #samples: Sample[] = [];
  #timer: ReturnType<typeof setInterval> | null = null;
  #lastSpoken = 0;
  #next = 0;

  constructor(options: QueueOptions) {
    this.#options = options;
    window.addEventListener('online', () => {
      for (const entry of this.entries) if (entry.state === 'paused' && entry.reason === this.#options.messages.t('uploads.refused.network')) this.resume(entry);
    });
  }

  /** Asks the quota route once: the chunk size and the limits to check before sending anything. */
  async loadQuota(): Promise<UploadQuota | null> {
    try {
      const answer = await fetch(`${ENDPOINT}/quota`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (answer.ok) this.#quota = (await answer.json()) as UploadQuota;
    } catch {
      this.#quota = null;
    }
    return this.#quota;
  }

  add(file: File, metadata: UploadMetadata): Entry {
    const entry: Entry = { key: this.#next++, file, metadata: { filename: file.name, filetype: file.type || 'application/octet-stream', ...metadata }, state: 'waiting', sent: 0, total: file.size, reason: '', upload: null, row: document.createElement('li') };
    this.entries.push(entry);
    this.#buildRow(entry);
    const refusal = this.#refuseBeforeSending(file);
    if (refusal !== null) this.#fail(entry, refusal);
    this.#options.controls.hidden = false;
    this.#pump();
    this.#tick();
    this.#timer ??= setInterval(() => { this.#tick(); }, 1000);
    return entry;
  }

  pause(entry: Entry): void {
    if (entry.state !== 'uploading' && entry.state !== 'retrying' && entry.state !== 'waiting') return;
    const upload = entry.upload;
    entry.state = 'paused';
    entry.reason = '';
    if (upload) void upload.abort(false);
    this.#render(entry);
    this.#pump();
  }

  resume(entry: Entry): void {
    if (entry.state !== 'paused') return;
    entry.state = 'waiting';
    entry.reason = '';
    this.#render(entry);
    this.#pump();
  }

  pauseAll(): void {
    for (const entry of this.entries) this.pause(entry);
  }

  resumeAll(): void {
    for (const entry of this.entries) this.resume(entry);
  }

  #refuseBeforeSending(file: File): string | null {
    const quota = this.#quota;
    if (quota === null) return null;
    const { t } = this.#options.messages;
    if (file.size > quota.maxFileBytes) return t('uploads.refused.tooLarge', { max: formatBytes(quota.maxFileBytes, this.#options.locale) });
    const queued = this.entries.filter((e) => e.state !== 'failed' && e.state !== 'done' && e.state !== 'duplicate').reduce((sum, e) => sum + e.total, 0);
    if (quota.quotaBytes !== null && quota.usedBytes + queued > quota.quotaBytes) return t('uploads.refused.quota', { quota: formatBytes(quota.quotaBytes, this.#options.locale) });
    return null;
  }

  #pump(): void {
    let active = this.entries.filter((e) => e.state === 'uploading' || e.state === 'retrying').length;
    for (const entry of this.entries) {
      if (active >= CONCURRENT_FILES) break;
      if (entry.state !== 'waiting') continue;
      active += 1;
      void this.#start(entry);
    }
  }

  async #start(entry: Entry): Promise<void> {
    entry.state = 'uploading';
    this.#render(entry);
    const upload = (entry.upload ??= this.#makeUpload(entry));
    try {
      const previous = await upload.findPreviousUploads();
      const latest = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
      if (latest && upload.url === null) upload.resumeFromPreviousUpload(latest);
    } catch {
      // No storage (private mode): the upload starts from zero.
    }
    // Paused while the stored uploads were looked up: leave it paused.
    if ((entry.state as EntryState) === 'uploading') upload.start();
  }

  #makeUpload(entry: Entry): Upload {
    const metadata = Object.fromEntries(Object.entries(entry.metadata).filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== ''));
    const upload = new Upload(entry.file, {
      endpoint: ENDPOINT,
      chunkSize: this.#quota?.chunkBytes ?? DEFAULT_CHUNK,
      retryDelays: RETRY_DELAYS,
      metadata,
      headers: { 'x-csrf-token': this.#options.csrf },
      fingerprint: (file) => Promise.resolve(fingerprintOf(file, entry.metadata)),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => {
        entry.sent = sent;
        entry.total = total;
        if (entry.state === 'retrying') entry.state = 'uploading';
        this.#render(entry);
      },
      onShouldRetry: (error, attempt, options) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        const retry = status === 0 || status >= 500 || status === 409 || status === 423 || status === 429;
        if (retry && entry.state === 'uploading') {
          entry.state = 'retrying';
          this.#render(entry);
        }
        return retry && attempt < (options.retryDelays?.length ?? 0);
      },
      onSuccess: () => {
        entry.sent = entry.total;
        entry.state = 'registering';
        this.#render(entry);
        this.#pump();
        void this.#follow(entry, entry.upload?.url ?? null);
      },
      onError: (error) => {
        void this.#failed(entry, error as DetailedError);
      },
    });
    // Starts at the API's advised chunk, then sizes each PATCH to the link (see chunk-size.ts).
    const adapt = adaptChunks(upload.options);
    upload.options.onChunkComplete = (chunkBytes) => { adapt(chunkBytes); };
    return upload;
  }

  async #failed(entry: Entry, error: DetailedError): Promise<void> {
    const status = error.originalResponse?.getStatus() ?? 0;
    let code = '';
    try {
      const said = (JSON.parse(error.originalResponse?.getBody() ?? '') as { error?: { code?: unknown } }).error?.code;
      code = typeof said === 'string' ? said : '';
    } catch {
      code = '';
    }
    const key = refusalKey(status, code);
    const { t } = this.#options.messages;
    const quota = this.#quota;
    const values = { max: formatBytes(quota?.maxFileBytes ?? 0, this.#options.locale), quota: formatBytes(quota?.quotaBytes ?? 0, this.#options.locale) };
    if (key === 'uploads.refused.network' || key === 'uploads.refused.expired') {
      // The upload is kept: it carries on from its offset when resumed (or when the browser is back online).
      entry.state = 'paused';
      entry.reason = t(key, values);
      this.#render(entry);
      this.#pump();
      return;
    }
    this.#fail(entry, t(key, values));
    await entry.upload?.abort(true).catch(() => undefined);
  }

  #fail(entry: Entry, reason: string): void {
    entry.state = 'failed';
    entry.reason = reason;
    this.#render(entry);
    this.#pump();
    this.#settled();
  }

  /** After the last byte: the archive checks the file (type, bombs, hash) in a job; ask until it has. */
  async #follow(entry: Entry, url: string | null): Promise<void> {
    const id = url === null ? '' : (new URL(url, window.location.href).pathname.split('/').filter(Boolean).at(-1) ?? '');
    let wait = 1000;
    for (let attempt = 0; attempt < 400; attempt += 1) {
      try {
        const answer = await fetch(`${ENDPOINT}/${encodeURIComponent(id)}/outcome`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        if (answer.ok) {
          const outcome = (await answer.json()) as UploadOutcome;
          if (outcome.state === 'done') {
            entry.state = outcome.duplicate === true ? 'duplicate' : 'done';
            this.#render(entry);
            this.#settled();
            return;
          }
          if (outcome.state === 'failed' || outcome.state === 'expired') {
            this.#fail(entry, this.#options.messages.t('uploads.state.failed', { reason: refusalText(outcome, this.#options.messages) }));
            return;
          }
        }
      } catch {
        // Offline for a moment: ask again.
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(5000, wait * 1.5);
    }
  }

  #settled(): void {
    const open = this.entries.some((e) => e.state !== 'done' && e.state !== 'duplicate' && e.state !== 'failed');
    if (!open) {
      this.#tick();
      if (this.#timer !== null) clearInterval(this.#timer);
      this.#timer = null;
      this.#options.onSettled?.(this.entries);
    }
  }

  #tick(): void {
    const { t } = this.#options.messages;
    const counted = this.entries.filter((e) => e.state !== 'failed');
    const sum = overall(counted.map((e) => ({ sent: e.sent, total: e.total })));
    this.#samples = recordSample(this.#samples, { at: performance.now(), sent: sum.sent });
    const sending = this.entries.some((e) => e.state === 'uploading' || e.state === 'retrying');
    const speed = sending ? bytesPerSecond(this.#samples) : null;
    const left = secondsLeft(sum.total, sum.sent, speed);
    const bar = this.#options.overallBar;
    bar.max = Math.max(1, sum.total);
    bar.value = sum.sent;
    const size = (n: number) => formatBytes(n, this.#options.locale);
    const text = [t('uploads.overall', { sent: size(sum.sent), total: size(sum.total) })];
    if (sending) text.push(speed === null || left === null ? t('uploads.speedUnknown') : t('uploads.speed', { speed: size(speed), left: formatDuration(left, this.#options.locale) }));
    const line = text.join(' · ');
    // A live region read at most every 15 s (and when everything has settled), not at every chunk.
    const now = performance.now();
    if (!sending || now - this.#lastSpoken > 15_000 || this.#options.overallText.textContent === '') {
      this.#options.overallText.textContent = line;
      this.#lastSpoken = now;
    }
    bar.setAttribute('aria-valuetext', line);
  }

  #buildRow(entry: Entry): void {
    const { t } = this.#options.messages;
    const row = entry.row;
    row.className = 'upload-row';
    row.dataset.testid = 'upload-row';
    row.dataset.name = entry.file.name;
    const name = document.createElement('p');
    name.className = 'upload-name';
    name.textContent = entry.file.name;
    const bar = document.createElement('progress');
    bar.max = Math.max(1, entry.total);
    bar.value = 0;
    bar.setAttribute('aria-label', entry.file.name);
    const state = document.createElement('p');
    state.className = 'upload-state';
    state.dataset.testid = 'upload-state';
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.dataset.testid = 'upload-toggle';
    toggle.addEventListener('click', () => {
      if (entry.state === 'paused') this.resume(entry);
      else this.pause(entry);
    });
    toggle.textContent = t('uploads.pause');
    row.append(name, bar, state, toggle);
    this.#options.list.append(row);
    this.#render(entry);
  }

  #render(entry: Entry): void {
    const { t } = this.#options.messages;
    const row = entry.row;
    row.dataset.state = entry.state;
    const bar = row.querySelector('progress');
    if (bar) {
      bar.max = Math.max(1, entry.total);
      bar.value = entry.sent;
    }
    const size = (n: number) => formatBytes(n, this.#options.locale);
    const words: Record<EntryState, string> = {
      waiting: t('uploads.state.waiting'),
      uploading: `${t('uploads.state.uploading')} · ${t('uploads.fileProgress', { sent: size(entry.sent), total: size(entry.total) })}`,
      paused: entry.reason === '' ? `${t('uploads.state.paused')} · ${t('uploads.fileProgress', { sent: size(entry.sent), total: size(entry.total) })}` : entry.reason,
      retrying: t('uploads.state.retrying'),
      registering: t('uploads.state.registering'),
      done: t('uploads.state.done'),
      duplicate: t('uploads.state.duplicate'),
      failed: entry.reason,
    };
    const state = row.querySelector<HTMLElement>('.upload-state');
    const before = state?.dataset.shown;
    if (state) {
      state.textContent = words[entry.state];
      state.dataset.shown = entry.state;
      state.classList.toggle('upload-failed', entry.state === 'failed');
    }
    // A change of state (not of bytes) is said once by the page's live region.
    if (before !== undefined && before !== entry.state && entry.state !== 'uploading') this.#options.announce.textContent = `${entry.file.name}: ${words[entry.state]}`;
    const toggle = row.querySelector('button');
    if (toggle) {
      const open = entry.state === 'waiting' || entry.state === 'uploading' || entry.state === 'retrying' || entry.state === 'paused';
      toggle.hidden = !open;
      toggle.textContent = entry.state === 'paused' ? t('uploads.resume') : t('uploads.pause');
      toggle.setAttribute('aria-label', `${toggle.textContent}: ${entry.file.name}`);
    }
  }
}
