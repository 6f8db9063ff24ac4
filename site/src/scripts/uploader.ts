import { formatBytes } from '../uploads/progress.ts';
import { readMessages, type Messages } from './uploader/messages.ts';
import { serverOffset, UploadQueue, unfinishedUploads, type Entry, type UploadMetadata } from './uploader/queue.ts';

/**
 * Wires every uploader island on the page (components/workspace/Uploader.astro): the page
 * says uploads need JavaScript until this runs. Files chosen go to the record at once; the
 * replace and caption-file buttons of the media list send one file with `replaces` or
 * `captionsFor`; files left unfinished in this browser are listed, and choosing them again
 * carries on from where they stopped (the queue finds them by fingerprint).
 */
export function startUploaders(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-uploader]')) uploaderOf(root);
}

const wiredUploaders = new WeakMap<HTMLElement, WiredUploader>();

/** The island's uploader, wired on first use (both the page's scripts may ask first). */
export function uploaderOf(root: HTMLElement): WiredUploader | null {
  const known = wiredUploaders.get(root);
  if (known) return known;
  const wired = wireUploader(root);
  if (wired) wiredUploaders.set(root, wired);
  return wired;
}

/** What another island (the sheet import) uses of an uploader. */
export interface WiredUploader {
  queue: UploadQueue;
  messages: Messages;
  locale: string;
  root: HTMLElement;
}

function part(root: HTMLElement, role: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-role="${role}"]`);
}

function wireUploader(root: HTMLElement): WiredUploader | null {
  const list = part(root, 'queue');
  const overallBar = part(root, 'overall-bar');
  const overallText = part(root, 'overall-text');
  const announce = part(root, 'announce');
  const controls = part(root, 'controls');
  const allDone = part(root, 'all-done');
  const body = root.querySelector<HTMLElement>('.needs-script');
  if (!(list instanceof HTMLUListElement) || !(overallBar instanceof HTMLProgressElement) || !overallText || !announce || !controls || !allDone || !body) return null;
  const messages = readMessages(root);
  const locale = root.dataset.locale ?? 'vi';
  const record = root.dataset.record ?? '';
  const queue = new UploadQueue({
    csrf: root.dataset.csrf ?? '',
    messages,
    locale,
    list,
    overallBar,
    overallText,
    announce,
    controls,
    onSettled: (entries) => {
      allDone.hidden = !entries.some((e) => e.state === 'done' || e.state === 'duplicate');
      root.dispatchEvent(new CustomEvent('uploads-settled', { detail: entries }));
    },
  });
  root.querySelector('.no-script')?.remove();
  body.hidden = false;
  const reload = part(root, 'reload');
  if (reload instanceof HTMLAnchorElement) reload.href = window.location.pathname;
  part(root, 'pause-all')?.addEventListener('click', () => { queue.pauseAll(); });
  part(root, 'resume-all')?.addEventListener('click', () => { queue.resumeAll(); });
  void showQuota(root, queue, messages, locale);
  if (record !== '') {
    void showUnfinished(root, record, messages, locale);
    wireChooser(root, queue, record);
  }
  return { queue, messages, locale, root };
}

async function showQuota(root: HTMLElement, queue: UploadQueue, messages: Messages, locale: string): Promise<void> {
  const quota = await queue.loadQuota();
  const line = part(root, 'quota');
  if (!quota || !line) return;
  const size = (n: number) => formatBytes(n, locale);
  line.textContent = quota.quotaBytes === null ? messages.t('uploads.quotaNone', { max: size(quota.maxFileBytes) }) : messages.t('uploads.quota', { used: size(quota.usedBytes), quota: size(quota.quotaBytes), max: size(quota.maxFileBytes) });
}

async function showUnfinished(root: HTMLElement, record: string, messages: Messages, locale: string): Promise<void> {
  const box = part(root, 'unfinished');
  const items = box?.querySelector('ul');
  if (!box || !items) return;
  const unfinished = await unfinishedUploads(record);
  for (const upload of unfinished) {
    const offset = await serverOffset(upload);
    if (offset === null) continue;
    const item = document.createElement('li');
    item.dataset.testid = 'unfinished-file';
    item.textContent = messages.t('uploads.unfinishedItem', { name: upload.metadata.filename ?? '', sent: formatBytes(offset, locale), total: formatBytes(upload.size ?? 0, locale) });
    items.append(item);
    box.hidden = false;
  }
}

function wireChooser(root: HTMLElement, queue: UploadQueue, record: string): void {
  // The files chooser, and a word's "Add a pronunciation" (audio, recorded on a phone).
  for (const input of root.querySelectorAll<HTMLInputElement>('#upload-files, #upload-pronunciation')) {
    input.addEventListener('change', () => {
      for (const file of input.files ?? []) queue.add(file, { record });
      input.value = '';
      part(root, 'unfinished')?.setAttribute('hidden', '');
    });
  }
  // One file for a file of the list: its replacement, or a recording's caption file.
  const found = part(root, 'single');
  const single = found instanceof HTMLInputElement ? found : null;
  let pending: UploadMetadata = {};
  single?.addEventListener('change', () => {
    const file = single.files?.[0];
    if (file) queue.add(file, { record, ...pending });
    single.value = '';
    root.scrollIntoView({ block: 'start' });
  });
  for (const holder of document.querySelectorAll<HTMLElement>('.media-upload-buttons')) holder.hidden = false;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-replace], button[data-captions-for]')) {
    button.addEventListener('click', () => {
      if (!single) return;
      const replaces = button.dataset.replace;
      const captionsFor = button.dataset.captionsFor;
      pending = replaces !== undefined ? { replaces } : captionsFor !== undefined ? { captionsFor } : {};
      single.accept = captionsFor !== undefined ? '.vtt,text/vtt' : '';
      single.click();
    });
  }
}

export type { Entry };
