/**
 * The whole journey of issue 12 in real Chromium, as two people live it: an archivist (on a
 * desktop) and a reviewer (on a phone) are added from the command line before the archive
 * starts. The archivist creates a record with Vietnamese and Khmer titles in the editor, and
 * on its media page uploads two photos and a video of more than 100 MB through a link that
 * is cut several times mid-upload; the archive holds the video with the source's SHA-256.
 * The archivist submits it; the reviewer sends it back with a comment; the archivist reads
 * the comment in "my work", fixes the Vietnamese title and submits again; the reviewer
 * publishes, and the public finds it by search and opens its page. Then the reviewer
 * withdraws it with a reason: the public page answers 410 with the reason and search no
 * longer finds it; the files, kept, finish processing in the background. Screenshots: tests/e2e/screenshots/journey-*.png.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCuttingProxy } from '../support/cutting-proxy.ts';
import { launchBrowser, screenshot, VIEWPORTS, type Viewport } from '../support/browser.ts';
import { freePort, launchArchive, removeDataDir, runDisan, temporaryDataDir, type LaunchedArchive } from '../support/launch.ts';
import { SAMPLE_PHOTOS } from '../support/samples.ts';

const STEP_TIMEOUT_MS = 600_000;
const ARCHIVIST = { email: 'luu-tru-hanh-trinh@example.org', name: 'Thạch Thị Sa Rết', password: 'ghe ngo về bến Vĩnh Châu 2026', role: 'archivist' };
const REVIEWER = { email: 'duyet-hanh-trinh@example.org', name: 'Lâm Văn Kiểm', password: 'rằm tháng mười cúng trăng ở Trà Cú', role: 'reviewer' };
type Person = typeof ARCHIVIST;

const ID = 'dua-ghe-ngo-hanh-trinh';
const VI_FIRST = 'Đua ghe ngo trên sông';
const VI_FIXED = 'Đua ghe ngo trên sông Maspero';
/** A word only the fixed title has: the public searches for it. */
const SEARCH_WORD = 'Maspero';
const KM_TITLE = 'ប្រណាំងទូកង';
const SEND_BACK = 'Tên tiếng Việt cần ghi rõ con sông: sông Maspero.\nXin sửa lại rồi gửi duyệt.';
const REASON = 'Đội ghe xin rút đoạn phim khỏi kho (thư ngày 2/12/2026).';
const VIDEO_NAME = 'dua-ghe-ngo-maspero.mp4';
const MIN_VIDEO_BYTES = 100 * 1024 * 1024;
const photos = SAMPLE_PHOTOS.slice(0, 2);
const fileName = (path: string) => path.split('/').at(-1) ?? path;

let dataDir = '';
let videoPath = '';
let videoSha256 = '';
let archive: LaunchedArchive | undefined;
let browser: Browser | undefined;
const links: Record<string, string> = {};

function running(): { archive: LaunchedArchive; browser: Browser } {
  if (!archive || !browser) throw new Error('the archive or the browser did not start (see beforeAll)');
  return { archive, browser };
}
const url = (path: string) => new URL(path, running().archive.siteUrl).href;

/** Runs ffmpeg to its end; fails with what it printed. */
function ffmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', ['-y', '-loglevel', 'error', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let printed = '';
    child.stderr.on('data', (chunk: Buffer) => { printed += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => { if (code === 0) resolve(); else reject(new Error(`ffmpeg exited with ${String(code)}: ${printed}`)); });
  });
}

/** The file's SHA-256, read as a stream (the video does not fit in a comfortable buffer). */
function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => { resolve(hash.digest('hex')); });
  });
}

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  // A video of more than 100 MB that is cheap to make and to process: 400 small frames of
  // noise, stored losslessly (x264 cannot squeeze noise), about 125 MB; its one rendition
  // (mp4-360) takes seconds, where a 720p film of that size took minutes on two cores.
  videoPath = join(dataDir, VIDEO_NAME);
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=10', '-t', '40', '-vf', 'noise=alls=40:allf=t+u', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p', videoPath]);
  const { size } = await stat(videoPath);
  expect(size, 'the video is at least 100 MB').toBeGreaterThanOrEqual(MIN_VIDEO_BYTES);
  videoSha256 = await sha256Of(videoPath);

  const sitePort = await freePort();
  const publicUrl = `http://127.0.0.1:${sitePort}`;
  for (const person of [ARCHIVIST, REVIEWER]) {
    const printed = await runDisan(dataDir, ['users', 'add', person.email, '--name', person.name, '--role', person.role], { DISAN_PUBLIC_URL: publicUrl });
    links[person.email] = /(https?:\/\/\S+\/welcome\/\S+)/.exec(printed)?.[1] ?? '';
  }
  // The default chunk size (1 MiB); files up to 300 MB.
  archive = await launchArchive(dataDir, { timeoutMs: 600_000, env: { DISAN_SAMPLES: 'off', DISAN_SITE_PORT: String(sitePort), DISAN_PUBLIC_URL: publicUrl, DISAN_MAX_FILE_BYTES: String(300_000_000) } });
  browser = await launchBrowser();
}, 1_500_000);

afterAll(async () => {
  await browser?.close();
  await archive?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

/** `tests/e2e/screenshots/journey-<step>.png`. */
const shot = (page: Page, step: string) => screenshot(page, 'journey', step);

/** Sets the password through the printed welcome link, then signs in. */
async function welcomeAndSignIn(page: Page, who: Person): Promise<void> {
  await page.goto(links[who.email] ?? '');
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('field-again').fill(who.password);
  await page.getByTestId('set-password-submit').click();
  await page.waitForURL((u) => u.pathname.endsWith('/sign-in'));
  await page.goto(url('/sign-in'));
  await page.getByTestId('field-email').fill(who.email);
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

/** The test files run without the DOM typings: an element's attribute, typed by hand. */
interface AttributeNode { getAttribute: (name: string) => string | null }
const attributes = (rows: Locator, name: string): Promise<string[]> => rows.evaluateAll((nodes, attr) => nodes.map((node) => (node as unknown as AttributeNode).getAttribute(attr) ?? ''), name);

/** Waits until every row of the uploader has a final state; returns them by file name. */
async function settledUploads(page: Page, count: number, timeoutMs: number): Promise<Record<string, { state: string; text: string }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await attributes(page.getByTestId('upload-row'), 'data-state');
    if (states.length >= count && states.every((s) => s === 'done' || s === 'duplicate' || s === 'failed')) break;
    if (Date.now() > deadline) throw new Error(`uploads not settled: ${states.join(', ')}`);
    await page.waitForTimeout(500);
  }
  const states: Record<string, { state: string; text: string }> = {};
  for (const row of await page.getByTestId('upload-row').all()) states[(await row.getAttribute('data-name')) ?? ''] = { state: (await row.getAttribute('data-state')) ?? '', text: (await row.getByTestId('upload-state').textContent()) ?? '' };
  return states;
}

async function reviewStep(page: Page, button: string, done: string): Promise<void> {
  await page.goto(url(`/workspace/records/${ID}/review`));
  await page.getByTestId(button).click();
  await page.waitForURL((u) => u.searchParams.get('done') === done);
}

/** Whether the public search for the word lists the record (a visitor's page, reloaded each time). */
async function searchFinds(page: Page): Promise<boolean> {
  const response = await page.goto(url(`/search?q=${encodeURIComponent(SEARCH_WORD)}`));
  expect(response?.status()).toBe(200);
  const hrefs = await attributes(page.getByTestId('result-link'), 'href');
  return hrefs.some((href) => href.endsWith(`/item/${ID}`));
}

const viewport = (name: Viewport['name']): Viewport => {
  const found = VIEWPORTS.find((v) => v.name === name);
  if (!found) throw new Error(`no ${name} viewport`);
  return found;
};

describe('a record from an empty form to published, found, and withdrawn', () => {
  let archivist: BrowserContext;
  let reviewer: BrowserContext;
  let visitor: BrowserContext;
  let a: Page;
  let r: Page;
  let v: Page;

  beforeAll(async () => {
    archivist = await viewport('desktop').open(running().browser);
    reviewer = await viewport('phone').open(running().browser);
    visitor = await viewport('phone').open(running().browser);
    a = await archivist.newPage();
    r = await reviewer.newPage();
    v = await visitor.newPage();
    await welcomeAndSignIn(a, ARCHIVIST);
    await welcomeAndSignIn(r, REVIEWER);
  }, STEP_TIMEOUT_MS);
  afterAll(async () => {
    await archivist.close();
    await reviewer.close();
    await visitor.close();
  });

  test('the archivist creates a record with Vietnamese and Khmer titles in the editor', async () => {
    await a.goto(url('/workspace/records/new'));
    await a.getByTestId('field-id').fill(ID);
    await a.getByTestId('field-title-0-value').fill(VI_FIRST);
    await a.getByTestId('add-title').click();
    await a.getByTestId('field-title-1-lang').fill('km');
    await a.getByTestId('field-title-1-value').fill(KM_TITLE);
    await a.getByTestId('ethnicGroups-khmer').check();
    await a.getByTestId('editor-save').click();
    await a.waitForURL((u) => u.pathname.endsWith(`/workspace/records/${ID}`));
    await a.getByTestId('done').waitFor();
    await shot(a, '01-created');
    const head = (await (await a.request.get(url(`/api/workspace/records/${ID}`))).json()) as { item: { title: unknown } };
    expect(head.item.title).toEqual([{ lang: 'vi', value: VI_FIRST }, { lang: 'km', value: KM_TITLE }]);
  }, STEP_TIMEOUT_MS);

  test('two photos and a video of more than 100 MB go up over a link cut several times; the archive holds the video\'s very bytes', async () => {
    const site = new URL(running().archive.siteUrl);
    // The archivist's browser reaches the site through a link that drops every 20 MB (cookies do not care about the port).
    const proxy = await startCuttingProxy({ host: site.hostname, port: Number(site.port) }, { cutEveryBytes: 20_000_000, maxCuts: 5 });
    const media = await archivist.newPage();
    try {
      await media.goto(new URL(`/workspace/records/${ID}/media`, proxy.url).href);
      await media.getByTestId('upload-quota').filter({ hasText: /\S/ }).waitFor();
      // Paths, not buffers: the browser reads the video from disk, as it would a person's file.
      await media.getByTestId('upload-input').setInputFiles([...photos, videoPath]);
      await media.getByTestId('upload-overall-text').filter({ hasText: /\S/ }).waitFor();
      const states = await settledUploads(media, 3, 540_000);
      for (const photo of photos) expect(states[fileName(photo)]?.state, photo).toMatch(/^(done|duplicate)$/);
      expect(states[VIDEO_NAME]?.state, states[VIDEO_NAME]?.text).toBe('done');
      expect(proxy.cuts(), 'the link was cut several times').toBeGreaterThanOrEqual(3);
      proxy.stopCutting();
      await shot(media, '02-uploaded');
    } finally {
      await media.close();
      await proxy.close();
    }
    const held = (await (await a.request.get(url(`/api/workspace/records/${ID}`))).json()) as { media: { originalName: string; sha256: string }[] };
    expect(held.media.filter((m) => m.originalName === VIDEO_NAME).map((m) => m.sha256), 'the video, once, with the source\'s SHA-256').toEqual([videoSha256]);
    for (const photo of photos) expect(held.media.filter((m) => m.originalName === fileName(photo)).map((m) => m.sha256)).toEqual([await sha256Of(photo)]);
  }, STEP_TIMEOUT_MS);

  test('the archivist submits; the reviewer sends it back with a comment', async () => {
    await reviewStep(a, 'review-submit', 'submitted');
    expect(await a.getByTestId('record-state').getAttribute('data-state')).toBe('in-review');

    await r.goto(url('/workspace'));
    await r.getByTestId('section-to-review').locator(`[data-testid=work-row][data-id="${ID}"]`).waitFor();
    await shot(r, '03-reviewer-to-review');
    await r.goto(url(`/workspace/records/${ID}/review`));
    await r.getByTestId('field-comment').fill(SEND_BACK);
    await r.getByTestId('review-send-back').click();
    await r.waitForURL((u) => u.searchParams.get('done') === 'sentBack');
    expect(await r.getByTestId('record-state').getAttribute('data-state')).toBe('draft');
  }, STEP_TIMEOUT_MS);

  test('the archivist reads the comment, fixes the Vietnamese title and submits again; the reviewer publishes', async () => {
    await a.goto(url('/workspace'));
    const row = a.getByTestId('section-sent-back').locator(`[data-testid=work-row][data-id="${ID}"]`);
    await row.waitFor();
    expect((await row.getByTestId('work-comment').textContent())?.trim()).toBe(SEND_BACK);
    await shot(a, '04-archivist-sent-back');

    await a.goto(url(`/workspace/records/${ID}`));
    await a.getByTestId('field-title-0-value').fill(VI_FIXED);
    await a.getByTestId('editor-save').click();
    await a.getByTestId('done').waitFor();
    const head = (await (await a.request.get(url(`/api/workspace/records/${ID}`))).json()) as { item: { title: unknown } };
    expect(head.item.title).toEqual([{ lang: 'vi', value: VI_FIXED }, { lang: 'km', value: KM_TITLE }]);
    await shot(a, '05-fixed');

    await reviewStep(a, 'review-submit', 'submitted');
    await reviewStep(r, 'review-publish', 'published');
    expect(await r.getByTestId('record-state').getAttribute('data-state')).toBe('published');
    await shot(r, '06-published');
  }, STEP_TIMEOUT_MS);

  test('the public finds it by a word of the fixed title and opens its page', async () => {
    await expect.poll(() => searchFinds(v), { timeout: 120_000, interval: 2_000 }).toBe(true);
    await shot(v, '07-public-search');
    const response = await v.goto(url(`/item/${ID}`));
    expect(response?.status()).toBe(200);
    expect(await v.getByTestId('item-title').textContent()).toContain(VI_FIXED);
    await shot(v, '08-public-item');
  }, STEP_TIMEOUT_MS);

  test('withdrawn with a reason: the public page answers 410 with it, and search no longer finds it', async () => {
    await r.goto(url(`/workspace/records/${ID}/review`));
    await r.getByTestId('field-reason').fill(REASON);
    await r.getByTestId('review-withdraw').click();
    await r.waitForURL((u) => u.searchParams.get('done') === 'withdrawn');
    expect(await r.getByTestId('record-state').getAttribute('data-state')).toBe('withdrawn');

    const response = await v.goto(url(`/item/${ID}`));
    expect(response?.status()).toBe(410);
    expect(await v.getByTestId('tombstone-reason').textContent()).toBe(REASON);
    await shot(v, '09-public-tombstone');
    await expect.poll(() => searchFinds(v), { timeout: 120_000, interval: 2_000 }).toBe(false);
    await shot(v, '10-public-search-gone');
  }, STEP_TIMEOUT_MS);

  // The archive finishes running jobs before it stops (a clean SIGTERM): the video's transcode ends here, not in the teardown.
  test('the photos and the video are processed in the background (the record withdrawn, its files kept)', async () => {
    const statuses = async () => {
      const held = (await (await a.request.get(url(`/api/workspace/records/${ID}`))).json()) as { media: { originalName: string; status: string }[] };
      return held.media.map((m) => `${m.originalName}: ${m.status}`).sort();
    };
    await expect.poll(async () => (await statuses()).every((s) => s.endsWith(': ready') || s.endsWith(': failed')), { timeout: 540_000, interval: 3_000 }).toBe(true);
    expect(await statuses()).toEqual([...photos.map(fileName), VIDEO_NAME].sort().map((name) => `${name}: ready`));
  }, STEP_TIMEOUT_MS);
});
