/**
 * Site page weight: an item page's HTML plus every stylesheet and script it loads,
 * in bytes as they travel (compressed as the site serves them), against a 100 KB
 * budget. Images are left out: they load lazily and are sized per screen. Measured
 * twice: by fetching the files the HTML names (and the modules they import), and by
 * Chromium's own count of transferred bytes for a real page load.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { launchArchive, removeDataDir, temporaryDataDir, waitForJobs } from '../support/launch.ts';

export const PAGE_BUDGET_BYTES = 100 * 1024;
/** Sample items with photos, with related items, without media, with a captioned film and a recording's waveform: the pages a visitor meets. */
export const WEIGHED_ITEMS = ['ok-om-bok-soc-trang', 'chol-chnam-thmay', 'kathina-dang-y', 'dua-ghe-ngo-soc-trang', 'chua-doi-mahatup'];

export interface FileWeight {
  url: string;
  /** Bytes on the wire. */
  bytes: number;
  /** `br` or `gzip` as served, or `gzip (by the bench)` when the site sent it uncompressed. */
  encoding: string;
}

export interface PageWeight {
  path: string;
  files: FileWeight[];
  total: number;
}

interface RawResponse { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A GET whose body stays as served: fetch() would decompress it and hide the size on the wire. */
function rawGet(url: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }); });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Bytes on the wire, compressing with gzip ourselves (and saying so) when the site did not. */
function wireWeight(url: string, response: RawResponse): FileWeight {
  const encoding = response.headers['content-encoding'];
  if (typeof encoding === 'string' && encoding !== 'identity') return { url, bytes: response.body.length, encoding };
  return { url, bytes: gzipSync(response.body).length, encoding: 'gzip (by the bench)' };
}

function decoded(response: RawResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(response.body).toString('utf8');
  return response.body.toString('utf8');
}

/** Stylesheets and scripts an HTML page loads (preloaded modules included). */
export function htmlAssets(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(?:link|script)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const rel = /\brel=["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    const url = (isScript ? /\bsrc=["']?([^"'\s>]+)/i : /\bhref=["']?([^"'\s>]+)/i).exec(tag)?.[1];
    if (url === undefined) continue;
    if (isScript || rel === 'stylesheet' || rel === 'modulepreload') found.add(url);
  }
  return [...found];
}

/** Modules a script imports statically, and stylesheets a stylesheet imports. */
export function importedAssets(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.(?:js|mjs|css))["']|@import\s+(?:url\()?["']?([^"')\s;]+)/g)) {
    const url = match[1] ?? match[2];
    if (url !== undefined) found.add(url);
  }
  return [...found];
}

/** The item page and every CSS/JS file it reaches, each counted once, as served. */
export async function pageWeight(siteUrl: string, path: string): Promise<PageWeight> {
  const pageUrl = new URL(path, siteUrl).href;
  const page = await rawGet(pageUrl);
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
  const files = [wireWeight(path, page)];
  const queue = htmlAssets(decoded(page)).map((url) => new URL(url, pageUrl).href);
  const seen = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (new URL(url).origin !== new URL(siteUrl).origin) throw new Error(`${path} loads ${url} from another origin`);
    const response = await rawGet(url);
    if (response.status !== 200) throw new Error(`${url} (loaded by ${path}) answered ${response.status}`);
    files.push(wireWeight(new URL(url).pathname, response));
    for (const next of importedAssets(decoded(response)).map((u) => new URL(u, url).href)) {
      if (!seen.has(next)) { seen.add(next); queue.push(next); }
    }
  }
  return { path, files, total: files.reduce((sum, f) => sum + f.bytes, 0) };
}

/** Bytes Chromium transferred (headers and compressed bodies) for everything but images and media. */
export async function browserTransfer(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    const responses: Promise<number>[] = [];
    page.on('requestfinished', (req) => {
      if (req.resourceType() === 'image' || req.resourceType() === 'media') return;
      responses.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    return (await Promise.all(responses)).reduce((sum, n) => sum + n, 0);
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchSite(): Promise<{ label: string; value: string }[]> {
  const dataDir = await temporaryDataDir();
  const lines: { label: string; value: string }[] = [];
  try {
    const archive = await launchArchive(dataDir);
    const browser = await launchBrowser();
    try {
      await waitForJobs(archive.apiUrl);
      for (const id of WEIGHED_ITEMS) {
        const weight = await pageWeight(archive.siteUrl, `/item/${id}`);
        const encodings = [...new Set(weight.files.map((f) => f.encoding))].join(', ');
        lines.push({ label: `item ${id}: HTML+CSS+JS`, value: `${kb(weight.total)} of ${kb(PAGE_BUDGET_BYTES)} budget (${weight.files.length} files, ${encodings})` });
        const transferred = await browserTransfer(browser, new URL(`/item/${id}`, archive.siteUrl).href);
        lines.push({ label: `item ${id}: Chromium, no images`, value: `${kb(transferred)} transferred (headers included)` });
      }
    } finally {
      await browser.close();
      await archive.stop();
    }
  } finally {
    await removeDataDir(dataDir);
  }
  return lines;
}
