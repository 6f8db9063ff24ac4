/**
 * The harvest admin pages end to end in Chromium (issue 13), on a desktop: an admin adds a
 * source pointing at the archive's own OAI-PMH door (`/oai`), is told beside each field
 * what was wrong first, clicks "harvest now" and sees the run with its counts; then pauses
 * the source and deletes it after the confirmation. The pages are checked by axe-core and
 * the Nu checker in all four languages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, VIEWPORTS } from '../support/browser.ts';
import { freePort, launchArchive, removeDataDir, runDisan, temporaryDataDir, type LaunchedArchive } from '../support/launch.ts';
import { checkPage, sidewaysOverflow } from './steps.ts';
import { HARVEST_PAGE_TYPES, htmlErrors, type SavedPage } from './vnu.ts';

const STEP_TIMEOUT_MS = 240_000;
const ADMIN = { email: 'thu-thap@example.org', name: 'Kim Thị Sa Rươne', password: 'thư viện ở Sóc Trăng mở cửa' };
const LANGS = [['vi', ''], ['en', '/en'], ['km', '/km'], ['zh', '/zh']] as const;
const book = (id: string, title: string, status: string) => ({
  id, kind: 'book', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: title }, { lang: 'km', value: 'សៀវភៅ' }],
  agents: [{ name: 'Nguyễn Văn A', role: 'author' }], date: '2024', status, access: { level: 'public' },
});
/** Two public books reach the OAI-PMH door; the draft does not, so a harvest brings in exactly two. */
const BOOKS = [book('sach-thu-thap-mot', 'Sách về nghề dệt Khmer', 'published'), book('sach-thu-thap-hai', 'Sách về lễ hội Ok Om Bok', 'published'), book('sach-nhap-thu-thap', 'Bản nháp chưa công bố', 'draft')];

let dataDir = '';
let archive: LaunchedArchive | undefined;
let browser: Browser | undefined;
let welcomeLink = '';
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
  const records = join(dataDir, 'harvest-books.jsonl');
  await writeFile(records, BOOKS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await runDisan(dataDir, ['import', records]);
  const printed = await runDisan(dataDir, ['users', 'add', ADMIN.email, '--name', ADMIN.name, '--role', 'admin'], { DISAN_PUBLIC_URL: publicUrl });
  welcomeLink = /(https?:\/\/\S+\/welcome\/\S+)/.exec(printed)?.[1] ?? '';
  archive = await launchArchive(dataDir, { timeoutMs: 300_000, env: { DISAN_SITE_PORT: String(sitePort), DISAN_PUBLIC_URL: publicUrl } });
  browser = await launchBrowser();
}, 1_500_000);

afterAll(async () => {
  await browser?.close();
  await archive?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

/** The page as it stands: kept for the Nu checker, never wider than the screen, axe-core clean. */
async function visit(page: Page, step: string): Promise<void> {
  savedPages.push({ name: `${step}.html`, html: await page.content() });
  expect(await sidewaysOverflow(page), `${step} scrolls sideways`).toBeNull();
  await checkPage(page, 'desktop', step);
}

/** Reloads the source's page until its newest run has ended; returns that run's row. */
async function finishedRun(page: Page): Promise<{ status: string; counts: Record<string, string> }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const row = page.getByTestId('harvest-run').first();
    const status = (await row.count()) > 0 ? await row.getAttribute('data-status') : null;
    if (status === 'done' || status === 'failed') {
      const counts: Record<string, string> = {};
      for (const cell of await row.locator('[data-count]').all()) counts[(await cell.getAttribute('data-count')) ?? ''] = ((await cell.textContent()) ?? '').replace(/^.*:\s*/, '').trim();
      return { status, counts };
    }
    if (Date.now() > deadline) throw new Error(`the harvest run did not end within 120 s (status ${status ?? 'none yet'})`);
    await page.waitForTimeout(1_000);
    await page.reload();
  }
}

describe('harvest sources: an admin schedules the archive\'s own OAI-PMH door', () => {
  let context: BrowserContext;
  let page: Page;
  let sourcePath = '';

  beforeAll(async () => {
    const desktop = VIEWPORTS.find((v) => v.name === 'desktop');
    if (!desktop) throw new Error('no desktop viewport');
    context = await desktop.open(running().browser);
    page = await context.newPage();
    await page.goto(welcomeLink);
    await page.getByTestId('field-password').fill(ADMIN.password);
    await page.getByTestId('field-again').fill(ADMIN.password);
    await page.getByTestId('set-password-submit').click();
    await page.waitForURL((u) => u.pathname.endsWith('/sign-in'));
    await page.getByTestId('field-email').fill(ADMIN.email);
    await page.getByTestId('field-password').fill(ADMIN.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
  }, STEP_TIMEOUT_MS);
  afterAll(async () => { await context.close(); });

  test('adds the source after the form says what was wrong, harvests it now, and sees the run with its counts', async () => {
    const anonymous = await fetch(url('/admin/harvest'), { redirect: 'manual' });
    expect(anonymous.status, 'the signed-out are sent to sign in').toBe(303);

    await page.goto(url('/admin/harvest'));
    expect(await page.getByTestId('no-sources').isVisible()).toBe(true);
    expect(await page.locator('.section-nav a[aria-current=page]').textContent(), 'the admin navigation names the page').toBe('Nguồn thu thập OAI-PMH');
    await visit(page, 'harvest-empty');

    // Two mistakes at once, both said beside their fields (and in the summary), in the page's language.
    await page.getByTestId('field-baseUrl').fill('ftp://thuvien.example.vn/oai');
    await page.getByTestId('field-intervalHours').fill('0');
    await page.getByTestId('harvest-source-create').click();
    await page.getByTestId('error-summary').waitFor();
    for (const field of ['baseUrl', 'intervalHours']) expect(await page.getByTestId(`field-${field}`).getAttribute('aria-invalid'), field).toBe('true');
    expect(await page.locator('#f-baseUrl-error').textContent()).toContain('http://');
    expect(await page.getByTestId('field-baseUrl').inputValue(), 'what was typed stays').toBe('ftp://thuvien.example.vn/oai');
    await visit(page, 'harvest-errors');

    await page.getByTestId('field-baseUrl').fill(url('/oai'));
    await page.getByTestId('field-intervalHours').fill('12');
    await page.getByTestId('field-set').fill('kind:book');
    await page.getByTestId('harvest-source-create').click();
    await page.waitForURL((u) => /\/admin\/harvest\/[0-9a-f-]{36}$/.test(u.pathname));
    sourcePath = new URL(page.url()).pathname;
    expect(await page.getByTestId('done').isVisible()).toBe(true);
    expect(await page.getByTestId('harvest-base-url').textContent()).toBe(url('/oai'));
    expect(await page.getByTestId('no-runs').isVisible()).toBe(true);

    await page.getByTestId('harvest-run-now').click();
    await page.getByTestId('done').waitFor();
    const run = await finishedRun(page);
    expect(run.status).toBe('done');
    // The two published books, and not the draft; nothing else to do on a first run.
    expect(run.counts).toEqual({ created: '2', updated: '0', unchanged: '0', deleted: '0', refused: '0' });
    expect(await page.getByTestId('harvest-records').textContent()).toBe('2');
    await visit(page, 'harvest-source-run');

    await page.goto(url('/en/admin/harvest'));
    const row = page.getByTestId('harvest-source');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Every 12 h');
    expect(await row.textContent()).toContain('2 added, 0 updated, 0 deleted, 0 refused');
  }, STEP_TIMEOUT_MS);

  test('pauses the source, changes it, and deletes it only after saying what deleting does', async () => {
    await page.goto(url(sourcePath));
    await page.getByTestId('harvest-toggle').click();
    await page.getByTestId('done').waitFor();
    expect(await page.getByTestId('harvest-schedule').textContent()).toBe('Đang tạm dừng');

    await page.getByTestId('field-intervalHours').fill('48');
    await page.getByTestId('harvest-save').click();
    await page.getByTestId('done').waitFor();
    expect(await page.getByTestId('field-intervalHours').inputValue()).toBe('48');
    expect(await page.getByTestId('harvest-records').textContent(), 'an unchanged address is not sent, so the source keeps its place').toBe('2');

    await page.getByTestId('harvest-delete-ask').click();
    await page.getByTestId('harvest-delete-confirm').waitFor();
    await visit(page, 'harvest-delete-confirm');
    await page.getByTestId('harvest-delete').click();
    await page.waitForURL((u) => u.pathname === '/admin/harvest');
    expect(await page.getByTestId('done').textContent()).toContain('Đã xoá nguồn');
    expect(await page.getByTestId('no-sources').isVisible()).toBe(true);
    // The records it brought in stay.
    expect((await fetch(url('/search?q=ngh%E1%BB%81+d%E1%BB%87t'))).status).toBe(200);
  }, STEP_TIMEOUT_MS);

  test('the harvest pages are axe-clean and valid HTML in all four languages', async () => {
    // A source again, with its run, so the list and the source's page show everything they can.
    await page.goto(url('/admin/harvest'));
    await page.getByTestId('field-baseUrl').fill(url('/oai'));
    await page.getByTestId('harvest-source-create').click();
    await page.waitForURL((u) => /\/admin\/harvest\/[0-9a-f-]{36}$/.test(u.pathname));
    const source = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('harvest-run-now').click();
    await page.getByTestId('done').waitFor();
    await finishedRun(page);
    for (const [lang, prefix] of LANGS) {
      for (const [name, path] of HARVEST_PAGE_TYPES) {
        await page.goto(url(`${prefix}${path.replace('{source}', source)}`));
        expect(await page.locator('html').getAttribute('lang'), `${lang} ${name}`).toMatch(new RegExp(`^${lang}`));
        await visit(page, `${lang}-${name}`);
      }
    }
    console.log(`Nu checker: ${savedPages.length} harvest pages`);
    expect(await htmlErrors(savedPages)).toEqual([]);
  }, STEP_TIMEOUT_MS);
});
