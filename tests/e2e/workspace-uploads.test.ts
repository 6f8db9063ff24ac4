/**
 * The workspace's uploads end to end in Chromium (issue 12), on a phone and a desktop: an
 * archivist uploads photos from a phone (the desktop's media page is checked in every
 * language below, and the sheet import runs on both sizes) to a record through the tus uploader (64 KiB chunks, so every
 * photo takes several requests), with a decompression bomb among them that gets its own
 * message while the others finish; sees them processed; reorders them, chooses the cover,
 * captions one and removes one, each with the page's forms. Then a sheet with a broken row
 * is previewed (every error shown, nothing written), fixed, imported, and the files it
 * names are chosen as a folder (desktop) or picked (phone), matched by name and uploaded.
 * Without JavaScript the media page says uploads need it and its forms still work. Every
 * state is checked by axe-core, and the pages in all four languages by the Nu checker.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { decompressionBombPng } from '../support/bad-files.ts';
import { startCuttingProxy } from '../support/cutting-proxy.ts';
import { launchBrowser, VIEWPORTS, type Viewport } from '../support/browser.ts';
import { freePort, launchArchive, removeDataDir, runDisan, temporaryDataDir, type LaunchedArchive } from '../support/launch.ts';
import { SAMPLE_PHOTOS } from '../support/samples.ts';
import { checkPage, sidewaysOverflow } from './steps.ts';
import { htmlErrors, WORKSPACE_IMPORT_PAGE_TYPES, type SavedPage } from './vnu.ts';

const STEP_TIMEOUT_MS = 240_000;
const ARCHIVIST = { email: 'luu-tru@example.org', name: 'Thạch Sô Phal', password: 'ghe ngo trên sông Maspero' };
const LANGS = ['', '/en', '/km', '/zh'] as const;
const record = (id: string, title: string) => ({ id, kind: 'ritual', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: title }, { lang: 'km', value: 'ពិធីបុណ្យ' }], status: 'draft', access: { level: 'public' } });
const RECORDS = { phone: 'tai-len-dien-thoai-e2e', desktop: 'tai-len-may-tinh-e2e' } as const;

let dataDir = '';
let archive: LaunchedArchive | undefined;
let browser: Browser | undefined;
let welcomeLink = '';
let passwordSet = false;
const savedPages: SavedPage[] = [];

function running(): { archive: LaunchedArchive; browser: Browser } {
  if (!archive || !browser) throw new Error('the archive or the browser did not start (see beforeAll)');
  return { archive, browser };
}
const url = (path: string) => new URL(path, running().archive.siteUrl).href;

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  const sitePort = await freePort();
  const publicUrl = `http://127.0.0.1:${sitePort}`;
  const records = join(dataDir, 'uploads-records.jsonl');
  await writeFile(records, [record(RECORDS.phone, 'Lễ hội tải lên từ điện thoại'), record(RECORDS.desktop, 'Lễ hội tải lên từ máy tính')].map((r) => JSON.stringify(r)).join('\n') + '\n');
  await runDisan(dataDir, ['import', records]);
  const printed = await runDisan(dataDir, ['users', 'add', ARCHIVIST.email, '--name', ARCHIVIST.name, '--role', 'archivist'], { DISAN_PUBLIC_URL: publicUrl });
  welcomeLink = /(https?:\/\/\S+\/welcome\/\S+)/.exec(printed)?.[1] ?? '';
  archive = await launchArchive(dataDir, {
    timeoutMs: 300_000,
    // Small chunks: every photo goes up in several PATCH requests, as over 3G.
    env: { DISAN_SITE_PORT: String(sitePort), DISAN_PUBLIC_URL: publicUrl, DISAN_UPLOAD_CHUNK_BYTES: String(64 * 1024), DISAN_MAX_FILE_BYTES: String(5_000_000) },
  });
  browser = await launchBrowser();
}, 1_500_000);

afterAll(async () => {
  await browser?.close();
  await archive?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

/** A signed-in archivist's context at this size (the first one sets the password through the printed link). */
async function signedIn(viewport: Viewport, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const base = await viewport.open(running().browser);
  const context = options.javaScriptEnabled === false ? await running().browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'vi-VN' }) : base;
  if (context !== base) await base.close();
  const page = await context.newPage();
  if (!passwordSet) {
    await page.goto(welcomeLink);
    await page.getByTestId('field-password').fill(ARCHIVIST.password);
    await page.getByTestId('field-again').fill(ARCHIVIST.password);
    await page.getByTestId('set-password-submit').click();
    await page.waitForURL((u) => u.pathname.endsWith('/sign-in'));
    passwordSet = true;
  }
  await page.goto(url('/sign-in'));
  await page.getByTestId('field-email').fill(ARCHIVIST.email);
  await page.getByTestId('field-password').fill(ARCHIVIST.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
  return { context, page };
}

async function visit(page: Page, viewport: string, step: string): Promise<void> {
  // The page as it stands, without axe-core (injected inline by an earlier check of the same page)
  // and the folder picker's webkitdirectory, which the island sets as a property (it is not HTML).
  const html = (await page.content()).replace(/<script(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/g, '').replace(/ webkitdirectory=""/g, '');
  savedPages.push({ name: `${viewport}-${step}.html`, html });
  expect(await sidewaysOverflow(page), `${step} scrolls sideways`).toBeNull();
  await checkPage(page, viewport, step);
}

/** The test files run without the DOM typings: an element's attribute, typed by hand. */
interface AttributeNode { getAttribute: (name: string) => string | null }
const attributes = (rows: Locator, name: string): Promise<string[]> => rows.evaluateAll((nodes, attr) => nodes.map((node) => (node as unknown as AttributeNode).getAttribute(attr) ?? ''), name);

/** Waits until every row of the uploader has one of the final states; returns them by file name. */
async function settledUploads(page: Page, count: number): Promise<Record<string, { state: string; text: string }>> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const states = await attributes(page.getByTestId('upload-row'), 'data-state');
    if (states.length >= count && states.every((s) => s === 'done' || s === 'duplicate' || s === 'failed')) break;
    if (Date.now() > deadline) throw new Error(`uploads not settled: ${states.join(', ')}`);
    await page.waitForTimeout(250);
  }
  const rows = await page.getByTestId('upload-row').all();
  const states: Record<string, { state: string; text: string }> = {};
  for (const row of rows) states[(await row.getAttribute('data-name')) ?? ''] = { state: (await row.getAttribute('data-state')) ?? '', text: (await row.getByTestId('upload-state').textContent()) ?? '' };
  return states;
}

/** Reloads the media page until every file's processing has ended (ready or failed). */
async function processed(page: Page, count: number): Promise<string[]> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    await page.reload();
    const statuses = await attributes(page.getByTestId('media-row'), 'data-status');
    if (statuses.length === count && statuses.every((s) => s === 'ready' || s === 'failed')) return statuses;
    if (Date.now() > deadline) throw new Error(`media still processing: ${statuses.join(', ')}`);
    await page.waitForTimeout(1000);
  }
}

const names = (page: Page) => page.getByTestId('media-name').allTextContents().then((all) => all.map((n) => n.trim()));

const photos = SAMPLE_PHOTOS.slice(0, 3);
const bomb = { name: 'bom-giai-nen.png', mimeType: 'image/png', buffer: decompressionBombPng() };

function viewportNamed(name: Viewport['name']): Viewport {
  const viewport = VIEWPORTS.find((v) => v.name === name);
  if (!viewport) throw new Error(`no ${name} viewport`);
  return viewport;
}

describe('uploads on a phone', () => {
  const viewport = viewportNamed('phone');
  const mediaPath = `/workspace/records/${RECORDS.phone}/media`;

  test('photos go up resumably, a hostile file gets its own message, the others finish and are processed', async () => {
    const { context, page } = await signedIn(viewport);
    try {
      await page.goto(url(mediaPath));
      expect(await page.getByTestId('needs-script').count(), 'the island replaced the "needs JavaScript" note').toBe(0);
      expect(await page.getByTestId('media-empty').isVisible()).toBe(true);
      await page.getByTestId('upload-quota').filter({ hasText: /\S/ }).waitFor();
      await visit(page, viewport.name, 'media-empty');
      const chunks: string[] = [];
      page.on('request', (request) => { if (request.method() === 'PATCH' && request.url().includes('/api/uploads/')) chunks.push(request.url()); });
      await page.getByTestId('upload-input').setInputFiles([...photos.map((path) => ({ name: path.split('/').at(-1) ?? path, mimeType: 'image/jpeg', buffer: readFileSync(path) })), bomb]);
      await page.getByTestId('upload-overall-text').filter({ hasText: /\S/ }).waitFor();
      const states = await settledUploads(page, 4);
      await visit(page, viewport.name, 'media-uploaded');
      for (const photo of photos) expect(states[photo.split('/').at(-1) ?? '']?.state, photo).toMatch(/^(done|duplicate)$/);
      expect(states[bomb.name]?.state, 'the bomb is refused').toBe('failed');
      expect(states[bomb.name]?.text, 'and says why in the page’s language, with the archive’s detail').toMatch(/Không đọc được tệp.*DISAN_MAX_IMAGE_PIXELS/s);
      expect(chunks.length, 'the photos went up in several chunks').toBeGreaterThan(photos.length);
      expect(await page.getByTestId('upload-all-done').isVisible()).toBe(true);
      const statuses = await processed(page, 3);
      expect(statuses).toEqual(['ready', 'ready', 'ready']);
      await visit(page, viewport.name, 'media-processed');
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);

  test('files are reordered, given a cover and a caption, and one removed (kept in history)', async () => {
    const { context, page } = await signedIn(viewport);
    try {
      await page.goto(url(mediaPath));
      const before = await names(page);
      expect(before).toHaveLength(3);
      await page.getByTestId('media-row').nth(0).getByTestId('media-down').click();
      await page.getByTestId('done').waitFor();
      expect(await names(page)).toEqual([before[1], before[0], before[2]]);

      await page.getByTestId('media-row').nth(2).getByTestId('media-make-cover').click();
      await page.getByTestId('done').waitFor();
      expect(await page.getByTestId('media-row').nth(2).getAttribute('data-cover')).toBe('true');
      expect(await page.getByTestId('media-cover').count(), 'one cover').toBe(1);

      const first = page.getByTestId('media-row').nth(0);
      await first.getByTestId('media-caption').fill('Ghe ngo trên sông');
      await first.getByTestId('media-caption-lang').selectOption('vi');
      await first.getByTestId('media-save').click();
      await page.getByTestId('done').waitFor();
      expect(await page.getByTestId('media-row').nth(0).getByTestId('media-caption').inputValue()).toBe('Ghe ngo trên sông');
      expect(await page.getByTestId('media-row').nth(0).getByTestId('media-caption-lang').inputValue()).toBe('vi');
      await visit(page, viewport.name, 'media-captioned');

      await page.getByTestId('media-row').nth(1).getByTestId('media-remove').click();
      await page.getByTestId('done').waitFor();
      expect(await names(page)).toEqual([before[1], before[2]]);
      await visit(page, viewport.name, 'media-removed');
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);

  test('a change made on a stale page is refused with a clear message and a way to reload', async () => {
    const { context, page } = await signedIn(viewport);
    try {
      await page.goto(url(mediaPath));
      const other = await context.newPage();
      await other.goto(url(mediaPath));
      await other.getByTestId('media-row').nth(0).getByTestId('media-down').click();
      await other.getByTestId('done').waitFor();
      await page.getByTestId('media-row').nth(0).getByTestId('media-down').click();
      await page.getByTestId('error-summary').waitFor();
      expect(await page.getByTestId('conflict').isVisible()).toBe(true);
      await visit(page, viewport.name, 'media-conflict');
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);
});

describe.each(VIEWPORTS)('a sheet import on a $name', (viewport) => {
  test('a sheet with a broken row shows every error and writes nothing; fixed, it is imported and its files are matched and uploaded', async () => {
    const { context, page } = await signedIn(viewport);
    const sheetId = `bang-tinh-${viewport.name}-e2e`;
    const [a, b] = [photos[0] ?? '', photos[1] ?? ''];
    const nameOf = (p: string) => p.split('/').at(-1) ?? '';
    const header = 'file,identifier,kind,ethnic_groups,title_vi,title_km,caption';
    const broken = [header, `anh/${nameOf(a)},${sheetId},festival,khmer,Lễ hội từ bảng tính,បុណ្យ,Ảnh một`, `anh/${nameOf(b)},${sheetId}-2,khong-co-loai-nay,khmer,,,Ảnh hai`].join('\n');
    const fixed = [header, `anh/${nameOf(a)},${sheetId},festival,khmer,Lễ hội từ bảng tính,បុណ្យ,Ảnh một`, `anh/${nameOf(b)},${sheetId}-2,festival,khmer,Lễ hội thứ hai,បុណ្យទីពីរ,Ảnh hai`].join('\n');
    try {
      await page.goto(url('/workspace/import'));
      await visit(page, viewport.name, 'import');
      await page.getByTestId('field-sheet').setInputFiles({ name: 'bang-tinh.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
      await page.getByTestId('sheet-preview').click();
      await page.getByTestId('sheet-rows').waitFor();
      const outcomes = await attributes(page.getByTestId('sheet-row'), 'data-outcome');
      expect(outcomes).toEqual(['new', 'invalid']);
      expect(await page.getByTestId('sheet-row').nth(1).getByTestId('sheet-row-errors').locator('li').count(), 'every error of the row').toBeGreaterThanOrEqual(2);
      expect(await page.getByTestId('sheet-fix-first').isVisible()).toBe(true);
      expect(await page.getByTestId('sheet-import').count(), 'no import while there are errors').toBe(0);
      expect((await page.request.get(url(`/api/workspace/records/${sheetId}`))).status(), 'nothing written').toBe(404);
      await visit(page, viewport.name, 'import-errors');

      await page.getByTestId('field-sheet').setInputFiles({ name: 'bang-tinh.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
      await page.getByTestId('sheet-preview').click();
      await page.getByTestId('sheet-import').click();
      await page.getByTestId('sheet-imported').waitFor();
      expect((await page.request.get(url(`/api/workspace/records/${sheetId}`))).status(), 'written').toBe(200);
      await page.getByTestId('sheet-files').waitFor();

      if (viewport.name === 'desktop') {
        // A folder as the archivist keeps it: its own name, then the sheet's paths.
        const folder = join(dataDir, `Chuyến đi ${viewport.name}`);
        await mkdir(join(folder, 'anh'), { recursive: true });
        for (const photo of [a, b]) await writeFile(join(folder, 'anh', nameOf(photo)), await readFile(photo));
        await writeFile(join(folder, 'ghi-chu.txt'), 'not in the sheet');
        await page.getByTestId('sheet-folder').setInputFiles(folder);
        await page.getByTestId('sheet-extra').filter({ hasText: 'ghi-chu.txt' }).waitFor();
      } else {
        await page.getByTestId('sheet-pick').setInputFiles([a, b]);
      }
      const states = await settledUploads(page, 2);
      expect(Object.values(states).map((s) => s.state)).toEqual(['done', 'done']);
      expect(await page.getByTestId('sheet-matched').textContent()).toContain('2');
      await visit(page, viewport.name, 'import-files');
      const imported = (await (await page.request.get(url(`/api/workspace/records/${sheetId}`))).json()) as { media: { originalName: string; caption?: string }[] };
      expect(imported.media.map((m) => [m.originalName, m.caption])).toEqual([[nameOf(a), 'Ảnh một']]);
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);
});

/** A WAV file of silence: a real recording the archive takes, as large as wanted. */
function silenceWav(seconds: number): Buffer {
  const rate = 22_050;
  const data = Buffer.alloc(rate * 2 * seconds);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

describe('a closed tab', () => {
  test('an upload cut by closing the tab is offered again and carries on from where it stopped', async () => {
    const { context, page } = await signedIn(viewportNamed('phone'));
    // 4.9 MB: chunks double while the link is fast (64 KiB, 128 KiB...), so three of them are well short of the end.
    const recording = { name: 'tieng-chuong-chua.wav', buffer: silenceWav(110) };
    // A file on disk: chosen twice, it is the same file (name, size and time), as a person's photo is.
    const onDisk = join(dataDir, recording.name);
    await writeFile(onDisk, recording.buffer);
    const mediaPath = `/workspace/records/${RECORDS.phone}/media`;
    try {
      // A slow link: every chunk waits 300 ms, so the tab is closed part way.
      await context.route('**/api/uploads/*', async (route) => {
        if (route.request().method() === 'PATCH') await new Promise((resolve) => setTimeout(resolve, 300));
        await route.continue();
      });
      await page.goto(url(mediaPath));
      let patches = 0;
      page.on('requestfinished', (request) => { if (request.method() === 'PATCH') patches += 1; });
      await page.getByTestId('upload-input').setInputFiles(onDisk);
      while (patches < 3) await page.waitForTimeout(100);
      await page.close();

      const again = await context.newPage();
      await again.goto(url(mediaPath));
      const offered = again.getByTestId('unfinished-file');
      await offered.waitFor();
      expect(await offered.textContent()).toContain(recording.name);
      await visit(again, 'phone', 'media-unfinished');
      const offsets: number[] = [];
      again.on('request', (request) => { if (request.method() === 'PATCH') offsets.push(Number(request.headers()['upload-offset'])); });
      await again.getByTestId('upload-input').setInputFiles(onDisk);
      const states = await settledUploads(again, 1);
      expect(states[recording.name]?.state).toBe('done');
      expect(offsets[0], 'the first chunk after reopening starts where the closed tab stopped').toBeGreaterThanOrEqual(2 * 64 * 1024);
      expect(offsets.length, 'the rest only').toBeLessThan(Math.ceil(recording.buffer.length / (64 * 1024)));
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);
});

describe('a weak link', () => {
  test('an upload whose connection is cut several times completes, and the archive holds the same bytes', async () => {
    const desktop = viewportNamed('desktop');
    const site = new URL(running().archive.siteUrl);
    // The browser reaches the site through a link that drops every 300 kB (cookies do not care about the port).
    const proxy = await startCuttingProxy({ host: site.hostname, port: Number(site.port) }, { cutEveryBytes: 300_000, maxCuts: 4 });
    const { context, page } = await signedIn(desktop);
    const recording = { name: 'mua-tren-song.wav', mimeType: 'audio/wav', buffer: silenceWav(40) };
    try {
      await page.goto(new URL(`/workspace/records/${RECORDS.desktop}/media`, proxy.url).href);
      await page.getByTestId('upload-input').setInputFiles(recording);
      const states = await settledUploads(page, 1);
      expect(states[recording.name]?.state).toBe('done');
      expect(proxy.cuts(), 'the link was cut').toBeGreaterThanOrEqual(2);
      proxy.stopCutting();
      const held = (await (await page.request.get(url(`/api/workspace/records/${RECORDS.desktop}`))).json()) as { media: { originalName: string; sha256: string }[] };
      const sha256 = createHash('sha256').update(recording.buffer).digest('hex');
      expect(held.media.filter((m) => m.originalName === recording.name).map((m) => m.sha256)).toEqual([sha256]);
    } finally {
      await context.close();
      await proxy.close();
    }
  }, STEP_TIMEOUT_MS);
});

describe('without JavaScript, and in every language', () => {
  test('the media page says uploads need JavaScript and its forms still work', async () => {
    const { context, page } = await signedIn(viewportNamed('desktop'), { javaScriptEnabled: false });
    try {
      // The phone's record: its photos were uploaded, reordered and captioned above.
      await page.goto(url(`/workspace/records/${RECORDS.phone}/media`));
      expect(await page.getByTestId('needs-script').isVisible()).toBe(true);
      const before = await names(page);
      await page.getByTestId('media-row').nth(1).getByTestId('media-up').click();
      await page.getByTestId('done').waitFor();
      expect(await names(page)).toEqual([before[1], before[0], ...before.slice(2)]);
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);

  test('the workspace pages of uploads and imports are valid HTML and axe-clean in all four languages', async () => {
    const { context, page } = await signedIn(viewportNamed('desktop'));
    try {
      // The media page with the phone's photos in it: the desktop's layout of a full page.
      for (const prefix of LANGS) {
        for (const [name, path] of [['media', `/workspace/records/${RECORDS.phone}/media`], ...WORKSPACE_IMPORT_PAGE_TYPES] as const) {
          const answer = await page.request.get(url(`${prefix}${path}`));
          expect(answer.status(), `${prefix}${path}`).toBe(200);
          savedPages.push({ name: `${prefix.replace('/', '') || 'vi'}-${name}.html`, html: await answer.text() });
          await page.goto(url(`${prefix}${path}`));
          await checkPage(page, 'desktop', `${prefix.replace('/', '') || 'vi'}-${name}`);
        }
      }
      expect(await htmlErrors(savedPages)).toEqual([]);
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);
});
