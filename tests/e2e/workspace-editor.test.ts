/**
 * The record editor end to end in Chromium, on a phone and a desktop (each step on one of
 * them, so both layouts are checked without telling the story twice): an archivist signs
 * in, is told of mistakes beside the fields (in the editor's language, from the schema),
 * creates a record with Vietnamese and Khmer titles, edits it offline (the work is kept on
 * the device through a closed tab and saved when the connection returns), and two
 * archivists edit one record at once: the second sees both versions side by side and
 * chooses, nothing lost. Without JavaScript, "add a row" works by posting the page.
 * Every state visited goes through axe-core and the Nu checker.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, VIEWPORTS, type Viewport } from '../support/browser.ts';
import { freePort, launchArchive, removeDataDir, runDisan, temporaryDataDir, type LaunchedArchive } from '../support/launch.ts';
import { checkPage, sidewaysOverflow } from './steps.ts';
import { htmlErrors, type SavedPage } from './vnu.ts';

const STEP_TIMEOUT_MS = 120_000;
const ARCHIVISTS = [
  { email: 'luu-tru-1@example.org', name: 'Thạch Sa Rươne', password: 'mùa nước nổi ở Sóc Trăng 1' },
  { email: 'luu-tru-2@example.org', name: 'Lâm Thị Huệ', password: 'ព្រះចន្ទពេញបូណ៌មី ១៥ ខែកត្តិក' },
] as const;
const KHMER_TITLE = 'ពិធីបុណ្យអកអំបុក';
/** Records already in a collection that has no description yet (`disan import` makes it as a placeholder). */
const COLLECTION = 'le-hoi-khmer';
const IN_COLLECTION = ['chol-chnam-thmay-e2e', 'sen-dolta-e2e', 'dua-ghe-ngo-e2e'];
const collectionRecords = () =>
  IN_COLLECTION.map((id, i) => ({ id, kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: ['Chôl Chnăm Thmây', 'Sene Đôl ta', 'Đua ghe ngo'][i] }], collections: [COLLECTION], status: 'published', access: { level: 'public' } }));

let dataDir = '';
let archive: LaunchedArchive | undefined;
let browser: Browser | undefined;
const links: string[] = [];
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
  const records = join(dataDir, 'collection-records.jsonl');
  await writeFile(records, collectionRecords().map((r) => JSON.stringify(r)).join('\n') + '\n');
  await runDisan(dataDir, ['import', records]);
  for (const who of ARCHIVISTS) {
    const printed = await runDisan(dataDir, ['users', 'add', who.email, '--name', who.name, '--role', 'archivist', '--link'], { DISAN_PUBLIC_URL: publicUrl });
    links.push(/(https?:\/\/\S+\/welcome\/\S+)/.exec(printed)?.[1] ?? '');
  }
  archive = await launchArchive(dataDir, { timeoutMs: 300_000, env: { DISAN_SITE_PORT: String(sitePort), DISAN_PUBLIC_URL: publicUrl } });
  browser = await launchBrowser();
  // Each archivist sets a password through their link once.
  const context = await running().browser.newContext();
  const page = await context.newPage();
  for (const [i, who] of ARCHIVISTS.entries()) {
    await page.goto(links[i] ?? '');
    await page.getByTestId('field-password').fill(who.password);
    await page.getByTestId('field-again').fill(who.password);
    await page.getByTestId('set-password-submit').click();
    await page.waitForURL((u) => u.pathname.endsWith('/sign-in'));
  }
  await context.close();
}, 1_500_000);

afterAll(async () => {
  await browser?.close();
  await archive?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

async function signedIn(viewport: Viewport, who: (typeof ARCHIVISTS)[number], options: { javaScript?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = options.javaScript === false ? await running().browser.newContext({ javaScriptEnabled: false, viewport: viewport.name === 'phone' ? { width: 390, height: 844 } : { width: 1366, height: 900 } }) : await viewport.open(running().browser);
  const page = await context.newPage();
  await page.goto(url('/sign-in'));
  await page.getByTestId('field-email').fill(who.email);
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
  return { context, page };
}

/** The page as it stands: kept for the Nu checker, checked by axe-core, never wider than the screen. */
async function visit(page: Page, viewport: string, step: string): Promise<void> {
  savedPages.push({ name: `${viewport}-${step}.html`, html: await page.content() });
  expect(await sidewaysOverflow(page), `${step} scrolls sideways`).toBeNull();
  await checkPage(page, viewport, step);
}

/** The record's head as the API has it, asked with the page's own session. */
async function head(page: Page, id: string): Promise<{ version: number; item: Record<string, unknown> }> {
  const response = await page.request.get(url(`/api/workspace/records/${id}`));
  expect(response.status()).toBe(200);
  return (await response.json()) as { version: number; item: Record<string, unknown> };
}

const statusText = (page: Page) => page.getByTestId('save-status').textContent();

/**
 * One record's story told once, across both layouts (each step's page is checked by axe-core
 * and for sideways scrolling on the layout it runs on): the archivist starts on a phone
 * (mistakes, offline work, a closed tab, a restored draft, "add a row" without JavaScript)
 * and at a desktop (the record created, the conflict side by side); the second archivist
 * edits from a phone. The desktop's empty and mistaken editor is checked in every language below.
 */
describe('the record editor on a phone and a desktop', () => {
  const id = 'ok-om-bok-e2e';
  const [phone, desktop] = (['phone', 'desktop'] as const).map((name) => {
    const viewport = VIEWPORTS.find((v) => v.name === name);
    if (!viewport) throw new Error(`no ${name} viewport`);
    return viewport;
  }) as [Viewport, Viewport];
  let onPhone: { context: BrowserContext; page: Page };
  let atDesk: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    onPhone = await signedIn(phone, ARCHIVISTS[0]);
    atDesk = await signedIn(desktop, ARCHIVISTS[0]);
  }, STEP_TIMEOUT_MS);
  afterAll(async () => {
    await onPhone.context.close();
    await atDesk.context.close();
  });

  test('mistakes are shown beside their fields, in Vietnamese, and nothing is saved', async () => {
    const { page } = onPhone;
    await page.goto(url('/workspace/records/new'));
    await visit(page, phone.name, 'editor-new');
    await page.getByTestId('field-id').fill('Ok Om Bok');
    await page.getByTestId('field-date').fill('13/04/1930');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('field-id').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('error-id').textContent()).toContain('chữ thường');
    expect(await page.getByTestId('error-date').textContent()).toContain('EDTF');
    expect(await page.getByTestId('error-title-0-value').textContent()).toContain('Hãy điền');
    expect(await page.getByTestId('field-date').inputValue(), 'what was typed comes back').toBe('13/04/1930');
    await visit(page, phone.name, 'editor-errors');
    expect((await page.request.get(url('/api/workspace/records/ok-om-bok'))).status()).toBe(404);
  }, STEP_TIMEOUT_MS);

  test('creates a record with Vietnamese and Khmer titles', async () => {
    const { page } = atDesk;
    await page.goto(url('/workspace/records/new'));
    await page.getByTestId('field-id').fill(id);
    await page.getByTestId('field-title-0-value').fill('Lễ hội Ok Om Bok');
    await page.getByTestId('add-title').click();
    await page.getByTestId('field-title-1-lang').fill('km');
    await page.getByTestId('field-title-1-value').fill(KHMER_TITLE);
    await page.getByTestId('ethnicGroups-khmer').check();
    await page.getByTestId('add-recurrence').click();
    await page.getByTestId('field-recurrence-0-calendar').selectOption('khmer-lunisolar');
    await page.getByTestId('field-recurrence-0-month').fill('12');
    await page.getByTestId('field-recurrence-0-day').fill('15');
    await page.getByTestId('field-recurrence-0-phase').selectOption('waxing');
    await page.getByTestId('field-date').fill('2019');
    await page.getByTestId('field-rights').selectOption('https://creativecommons.org/licenses/by-sa/4.0/');
    await page.getByTestId('editor-save').click();
    // The island drops ?done=saved from the address as soon as it reads it: the page's "saved" line is what to wait for.
    await page.waitForURL((u) => u.pathname.endsWith(`/workspace/records/${id}`));
    await page.getByTestId('done').waitFor();
    expect(await page.getByTestId('field-title-1-value').getAttribute('lang')).toBe('km');
    expect(await statusText(page)).toMatch(/Đã lưu lúc \d\d:\d\d/);
    await visit(page, desktop.name, 'editor-created');
    const saved = await head(page, id);
    expect(saved.item.title).toEqual([{ lang: 'vi', value: 'Lễ hội Ok Om Bok' }, { lang: 'km', value: KHMER_TITLE }]);
    expect(saved.item.recurrence).toEqual([{ calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing' }]);
  }, STEP_TIMEOUT_MS);

  test('work typed offline is kept on the device, says so, and is saved when the connection returns', async () => {
    const { context, page } = onPhone;
    const before = await head(page, id);
    await page.goto(url(`/workspace/records/${id}`));
    await context.setOffline(true);
    await page.getByTestId('field-source').fill('Sở Văn hóa Sóc Trăng');
    expect(await statusText(page)).toBe('Mất kết nối: sẽ lưu khi có mạng trở lại');
    await page.getByTestId('editor-save').click();
    expect(await statusText(page), 'saving offline keeps the work on the device').toBe('Mất kết nối: sẽ lưu khi có mạng trở lại');
    await context.setOffline(false);
    await expect.poll(() => statusText(page), { timeout: 20_000 }).toMatch(/Đã lưu lúc/);
    const after = await head(page, id);
    expect(after.version).toBe(before.version + 1);
    expect(after.item.source).toBe('Sở Văn hóa Sóc Trăng');
  }, STEP_TIMEOUT_MS);

  test('work kept offline survives a closed tab and is saved when the editor opens again online', async () => {
    const { context } = onPhone;
    const before = await head(onPhone.page, id);
    await onPhone.page.goto(url(`/workspace/records/${id}`));
    await context.setOffline(true);
    await onPhone.page.getByTestId('field-title-0-value').fill('Lễ cúng trăng Ok Om Bok');
    await onPhone.page.close();
    await context.setOffline(false);
    onPhone.page = await context.newPage();
    const { page } = onPhone;
    await page.goto(url(`/workspace/records/${id}`));
    // Online again, the island saves the work it brought back at once, and then hides its
    // "brought back" notice: the title saved below is what shows the work survived.
    await expect.poll(() => statusText(page), { timeout: 20_000 }).toMatch(/Đã lưu lúc/);
    const after = await head(page, id);
    expect(after.version).toBe(before.version + 1);
    expect((after.item.title as { value: string }[])[0]?.value).toBe('Lễ cúng trăng Ok Om Bok');
  }, STEP_TIMEOUT_MS);

  test('unsaved work typed online is brought back after a reload, and can be discarded', async () => {
    const { page } = onPhone;
    await page.goto(url(`/workspace/records/${id}`));
    await page.getByTestId('field-provenance-notes').fill('Ghi ở chùa Dơi');
    expect(await statusText(page)).toBe('Chưa lưu: đang giữ trên thiết bị này');
    await page.reload();
    expect(await page.getByTestId('field-provenance-notes').inputValue()).toBe('Ghi ở chùa Dơi');
    expect(await page.getByTestId('restored-notice').isVisible()).toBe(true);
    await visit(page, phone.name, 'editor-restored');
    await page.getByTestId('discard-draft').click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.getByTestId('field-provenance-notes').inputValue()).toBe('');
  }, STEP_TIMEOUT_MS);

  test('two archivists edit at once: the second sees both versions side by side and chooses, nothing lost', async () => {
    const { page } = atDesk;
    const other = await signedIn(phone, ARCHIVISTS[1]);
    await page.goto(url(`/workspace/records/${id}`));
    await other.page.goto(url(`/workspace/records/${id}`));
    await other.page.getByTestId('field-source').fill('Bảo tàng Khmer Sóc Trăng');
    await other.page.getByTestId('editor-save').click();
    await other.page.getByTestId('done').waitFor();

    await page.getByTestId('field-source').fill('Nhà văn hóa ấp');
    await page.getByTestId('field-date').fill('2019-11-11');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('mine-source').textContent()).toContain('Nhà văn hóa ấp');
    expect(await page.getByTestId('theirs-source').textContent()).toContain('Bảo tàng Khmer Sóc Trăng');
    expect(await page.getByTestId('mine-date').textContent()).toContain('2019-11-11');
    await visit(page, desktop.name, 'editor-conflict');
    await page.getByTestId('pick-source-theirs').check();
    await page.getByTestId('conflict-save').click();
    await page.getByTestId('done').waitFor();
    const saved = await head(page, id);
    expect(saved.item.source).toBe('Bảo tàng Khmer Sóc Trăng');
    expect(saved.item.date).toBe('2019-11-11');
    await other.context.close();
  }, STEP_TIMEOUT_MS);

  test('a librarian writes a legal document\'s library fields: a wrong ISBN is shown at its field, then it is saved and read back', async () => {
    const { page } = atDesk;
    const decision = 'qd-45-2024-e2e';
    await page.goto(url('/workspace/records/new'));
    await page.getByTestId('field-id').fill(decision);
    await page.getByTestId('field-kind').selectOption('legal-document');
    await page.getByTestId('field-title-0-value').fill('Quyết định hỗ trợ tổ chức lễ hội Ok Om Bok');
    // Choosing the kind opened the legal document's part.
    await page.getByTestId('field-library-documentNumber').fill('45/2024/QĐ-UBND');
    await page.getByTestId('field-library-documentType').selectOption('quyet-dinh');
    await page.getByTestId('field-library-issuingBody').fill('Ủy ban nhân dân tỉnh Sóc Trăng');
    await page.getByTestId('field-library-dateIssued').fill('2024-09-20');
    await page.getByTestId('add-relations').click();
    await page.getByTestId('field-relations-0-type').selectOption('guides');
    await page.getByTestId('field-relations-0-itemId').fill(id);
    await page.getByTestId('add-identifiers').click();
    await page.getByTestId('field-identifiers-0-value').fill('978-604-0-12345-0');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('error-identifiers-0-value').waitFor();
    expect(await page.getByTestId('error-identifiers-0-value').textContent()).toContain('Chữ số kiểm tra sai');
    expect(await page.getByTestId('field-identifiers-0-value').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('field-identifiers-0-value').inputValue(), 'what was typed comes back').toBe('978-604-0-12345-0');
    expect(await page.getByTestId('field-library-issuingBody').inputValue()).toBe('Ủy ban nhân dân tỉnh Sóc Trăng');
    await visit(page, desktop.name, 'editor-library-errors');
    expect((await page.request.get(url(`/api/workspace/records/${decision}`))).status()).toBe(404);

    await page.getByTestId('field-identifiers-0-value').fill('978-604-0-12345-9');
    await page.getByTestId('editor-save').click();
    await page.waitForURL((u) => u.pathname.endsWith(`/workspace/records/${decision}`));
    await page.getByTestId('done').waitFor();
    const saved = await head(page, decision);
    expect(saved.item.library).toEqual({
      identifiers: [{ scheme: 'isbn', value: '978-604-0-12345-9' }],
      legal: { documentNumber: '45/2024/QĐ-UBND', documentType: 'quyet-dinh', issuingBody: 'Ủy ban nhân dân tỉnh Sóc Trăng', dateIssued: '2024-09-20', relations: [{ type: 'guides', itemId: id }] },
    });
    await page.reload();
    expect(await page.getByTestId('field-library-documentNumber').inputValue()).toBe('45/2024/QĐ-UBND');
    expect(await page.getByTestId('field-library-documentType').inputValue()).toBe('quyet-dinh');
    expect(await page.getByTestId('field-relations-0-itemId').inputValue()).toBe(id);
    expect(await page.getByTestId('field-relations-0-type').inputValue()).toBe('guides');
    await visit(page, desktop.name, 'editor-library-saved');
  }, STEP_TIMEOUT_MS);

  test('without JavaScript, "add a row" posts the page and it comes back with the row, what was typed kept', async () => {
    const plain = await signedIn(phone, ARCHIVISTS[0], { javaScript: false });
    await plain.page.goto(url('/workspace/records/new'));
    await plain.page.getByTestId('field-title-0-value').fill('Đua ghe ngo');
    await plain.page.getByTestId('add-title').click();
    await plain.page.getByTestId('field-title-1-lang').waitFor();
    expect(await plain.page.getByTestId('field-title-0-value').inputValue()).toBe('Đua ghe ngo');
    await plain.page.getByTestId('add-places').click();
    await plain.page.getByTestId('field-places-0-name').waitFor();
    // A folded library part opens without JavaScript too, and its rows are added the same way.
    await plain.page.getByTestId('library-part-publication').locator('summary').click();
    await plain.page.getByTestId('field-library-publisher').fill('Nxb. Văn hóa dân tộc');
    await plain.page.getByTestId('add-identifiers').click();
    await plain.page.getByTestId('field-identifiers-0-value').waitFor();
    expect(await plain.page.getByTestId('field-library-publisher').inputValue()).toBe('Nxb. Văn hóa dân tộc');
    savedPages.push({ name: `${phone.name}-editor-rows-nojs.html`, html: await plain.page.content() });
    await plain.context.close();
  }, STEP_TIMEOUT_MS);
});

describe('collections', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    const desktop = VIEWPORTS.find((v) => v.name === 'desktop');
    if (!desktop) throw new Error('no desktop viewport');
    ({ context, page } = await signedIn(desktop, ARCHIVISTS[0]));
  }, STEP_TIMEOUT_MS);
  afterAll(async () => { await context.close(); });

  const staffCollection = async (id: string) => {
    const response = await page.request.get(url('/api/workspace/collections'));
    expect(response.status()).toBe(200);
    return ((await response.json()) as { collections: { id: string; title: unknown; description?: unknown; itemOrder?: string[]; cover?: { itemId: string } }[] }).collections.find((c) => c.id === id);
  };

  test('a new collection is created with Vietnamese and Khmer titles', async () => {
    await page.goto(url('/workspace/collections/new'));
    await visit(page, 'desktop', 'collection-new');
    await page.getByTestId('field-id').fill('nghe-thu-cong-e2e');
    await page.getByTestId('field-title-0-value').fill('Nghề thủ công');
    await page.getByTestId('add-title').click();
    await page.getByTestId('field-title-1-lang').fill('km');
    await page.getByTestId('field-title-1-value').fill('សិប្បកម្ម');
    await page.getByTestId('collection-save').click();
    await page.waitForURL((u) => u.pathname.endsWith('/workspace/collections/nghe-thu-cong-e2e'));
    expect((await staffCollection('nghe-thu-cong-e2e'))?.title).toEqual([{ lang: 'vi', value: 'Nghề thủ công' }, { lang: 'km', value: 'សិប្បកម្ម' }]);
    await page.goto(url('/workspace/collection-list'));
    expect(await page.getByTestId('collection-row').count(), await page.locator('main').innerText()).toBeGreaterThanOrEqual(2);
    await visit(page, 'desktop', 'collection-list');
  }, STEP_TIMEOUT_MS);

  test('a collection is described in Chinese, its records ordered and a cover chosen', async () => {
    await page.goto(url(`/workspace/collections/${COLLECTION}`));
    await page.getByTestId('field-title-0-value').fill('Lễ hội Khmer');
    await page.getByTestId('add-description').click();
    await page.getByTestId('field-description-0-lang').fill('zh-Hans');
    await page.getByTestId('field-description-0-value').fill('高棉族的节日');
    await page.getByTestId('collection-save').click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'saved');
    expect((await staffCollection(COLLECTION))?.description).toEqual([{ lang: 'zh-Hans', value: '高棉族的节日' }]);
    await visit(page, 'desktop', 'collection-edit');
    const reversed = [...IN_COLLECTION].reverse();
    for (const [i, id] of reversed.entries()) await page.getByTestId(`order-${id}`).fill(String(i + 1));
    await page.getByTestId(`cover-${IN_COLLECTION[1] ?? ''}`).check();
    await page.getByTestId('order-save').click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'saved');
    const saved = await staffCollection(COLLECTION);
    expect(saved?.itemOrder).toEqual(reversed);
    expect(saved?.cover?.itemId).toBe(IN_COLLECTION[1]);
  }, STEP_TIMEOUT_MS);
});

describe('the editor in every language', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    const desktop = VIEWPORTS.find((v) => v.name === 'desktop');
    if (!desktop) throw new Error('no desktop viewport');
    ({ context } = await signedIn(desktop, ARCHIVISTS[0]));
  }, STEP_TIMEOUT_MS);
  afterAll(async () => { await context.close(); });

  test.each(['', '/en', '/km', '/zh'])('%s/workspace/records/new is valid HTML, axe-clean and says its words in its language', async (prefix) => {
    const page = await context.newPage();
    await page.goto(url(`${prefix}/workspace/records/new`));
    await page.getByTestId('editor-save').click();
    await page.getByTestId('error-summary').waitFor();
    await visit(page, 'desktop', `editor-errors${prefix.replace('/', '-') || '-vi'}`);
    await page.close();
  }, STEP_TIMEOUT_MS);

  test('every page visited is valid HTML (Nu checker)', async () => {
    expect(savedPages.length).toBeGreaterThan(5);
    expect(await htmlErrors(savedPages)).toEqual([]);
  }, STEP_TIMEOUT_MS);
});
