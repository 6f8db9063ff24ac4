/**
 * Digitisation coverage end to end in Chromium (issue 15), on a desktop: an admin creates
 * Sóc Trăng's target (Khmer and Hoa festivals and customs, 70 % by 2025-12-31) through the
 * form, told first what was wrong, over a fixture inventory of five elements of which one is
 * digitised, one described and three not documented (one a draft); reads the figure and the gaps on the
 * target's page, downloads the XLSX, and finds the same figure on the public /coverage page.
 * The pages are checked by axe-core and the Nu checker in all four languages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, VIEWPORTS } from '../support/browser.ts';
import { freePort, launchArchive, removeDataDir, runDisan, temporaryDataDir, type LaunchedArchive } from '../support/launch.ts';
import { checkPage, sidewaysOverflow } from './steps.ts';
import { COVERAGE_PAGE_TYPES, htmlErrors, type SavedPage } from './vnu.ts';

const STEP_TIMEOUT_MS = 240_000;
const ADMIN = { email: 'chi-tieu@example.org', name: 'Lâm Thị Sô Phia', password: 'kế hoạch số hoá của tỉnh Sóc Trăng' };
const LANGS = [['vi', ''], ['en', '/en'], ['km', '/km'], ['zh', '/zh']] as const;
const TARGET = 'soc-trang-2025';

const element = (id: string, title: string, groups: string[], category: string) => ({
  id, kind: 'element', ethnicGroups: groups, title: [{ lang: 'vi', value: title }],
  places: [{ name: 'Sóc Trăng', province: 'Sóc Trăng' }], status: 'published', access: { level: 'public' }, element: { category, viability: 'vulnerable' },
});
const record = (id: string, title: string, elements: string[], description: { lang: string; value: string }[]) => ({
  id, kind: 'festival', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: title }], description,
  places: [{ name: 'Sóc Trăng', province: 'Sóc Trăng' }], status: 'published', access: { level: 'public' }, elements,
});
/**
 * Five elements in scope: Ok Om Bok documented with a Vietnamese description (digitised under the
 * form's default rule), Chôl Chnăm Thmây documented in Khmer only (described), Sene Dolta, the
 * Hoa's Nguyên tiêu and a draft not documented: 1 of 5, 20 % (the draft counts, as the archive
 * keeps it, but the public page only counts it among the gaps, never names it). A Cham element in
 * Ninh Thuận is out of scope.
 */
const RECORDS = [
  element('ok-om-bok', 'Lễ hội Ok Om Bok', ['khmer'], 'festival'),
  element('chol-chnam-thmay', 'Tết Chôl Chnăm Thmây', ['khmer'], 'festival'),
  element('sene-dolta', 'Lễ Sene Dolta', ['khmer'], 'festival'),
  element('nguyen-tieu-hoa', 'Tết Nguyên tiêu của người Hoa', ['hoa'], 'custom'),
  { ...element('kate', 'Lễ hội Katê', ['cham'], 'festival'), places: [{ name: 'Ninh Thuận', province: 'Ninh Thuận' }] },
  { ...element('cung-trang-nhap', 'Lễ cúng trăng (bản nháp)', ['khmer'], 'custom'), status: 'draft' },
  record('ok-om-bok-2024', 'Ok Om Bok ở chùa Kh\'leang, 2024', ['ok-om-bok'], [{ lang: 'vi', value: 'Lễ cúng trăng và đua ghe ngo.' }]),
  record('chol-chnam-thmay-2024', 'Chôl Chnăm Thmây ở Vĩnh Châu', ['chol-chnam-thmay'], [{ lang: 'km', value: 'ពិធីបុណ្យចូលឆ្នាំថ្មី' }]),
];

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
  const records = join(dataDir, 'coverage-inventory.jsonl');
  await writeFile(records, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
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

describe('coverage: an admin sets Sóc Trăng\'s target and reads how far the archive is', () => {
  let context: BrowserContext;
  let page: Page;

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

  test('creates the target after the form says what was wrong, reads its figure and gaps, downloads the XLSX', async () => {
    expect((await fetch(url('/admin/coverage'), { redirect: 'manual' })).status, 'the signed-out are sent to sign in').toBe(303);
    await page.goto(url('/admin/coverage'));
    expect(await page.getByTestId('no-targets').isVisible()).toBe(true);
    expect(await page.locator('.section-nav a[aria-current=page]').textContent()).toBe('Chỉ tiêu số hoá');

    await page.getByTestId('field-id').fill('Sóc Trăng 2025');
    await page.getByTestId('field-nameVi').fill('Sóc Trăng: lễ hội và phong tục Khmer, Hoa');
    await page.getByTestId('field-provinces').fill('Sóc Trăng');
    for (const box of ['ethnicGroups-khmer', 'ethnicGroups-hoa', 'categories-festival', 'categories-custom', 'field-public']) await page.getByTestId(box).check();
    await page.getByTestId('field-percentage').fill('170');
    await page.getByTestId('field-deadline').fill('2025-12-31');
    await page.getByTestId('coverage-target-create').click();
    await page.getByTestId('error-summary').waitFor();
    for (const field of ['id', 'percentage']) expect(await page.getByTestId(`field-${field}`).getAttribute('aria-invalid'), field).toBe('true');
    expect(await page.getByTestId('ethnicGroups-hoa').isChecked(), 'what was ticked stays').toBe(true);
    await visit(page, 'coverage-errors');

    await page.getByTestId('field-id').fill(TARGET);
    await page.getByTestId('field-percentage').fill('70');
    await page.getByTestId('coverage-target-create').click();
    await page.waitForURL((u) => u.pathname === `/admin/coverage/${TARGET}`);
    expect(await page.getByTestId('done').isVisible()).toBe(true);
    expect(await page.getByTestId('coverage-figure').getAttribute('data-percentage')).toBe('20');
    expect(await page.getByTestId('coverage-figure').textContent()).toContain('20% trong 5 yếu tố');
    const gaps = page.getByTestId('coverage-gap');
    expect((await Promise.all((await gaps.all()).map((gap) => gap.getAttribute('data-element')))).sort()).toEqual(['chol-chnam-thmay', 'cung-trang-nhap', 'nguyen-tieu-hoa', 'sene-dolta']);
    expect(await page.getByTestId('coverage-hidden-gaps').count(), 'an admin reads the draft').toBe(0);
    expect(await page.locator('[data-element=chol-chnam-thmay]').textContent()).toContain('đã mô tả, còn thiếu: mô tả bằng tiếng Việt');
    expect(await page.locator('[data-element=sene-dolta]').textContent()).toContain('chưa có tư liệu nào');
    expect(await page.locator('[data-element=sene-dolta] a').getAttribute('href')).toBe('/item/sene-dolta');
    expect(await page.getByTestId('coverage-pace').getAttribute('data-status')).toMatch(/^(missed|behind|on-track)$/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('coverage-download-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-soc-trang-2025-\d{4}\.xlsx$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString(), 'an XLSX is a ZIP').toBe('PK');

    await page.goto(url('/en/coverage'));
    const section = page.locator(`[data-target=${TARGET}]`);
    expect(await section.getByTestId('coverage-figure').getAttribute('data-percentage'), 'the public page says the same').toBe('20');
    expect(await section.getByTestId('coverage-gap').count()).toBe(3);
    expect(await section.getByTestId('coverage-hidden-gaps').textContent(), 'the draft is counted, not named').toBe('and 1 restricted element');
    expect(await page.content()).not.toContain('cung-trang-nhap');
    expect(await page.locator('header nav a[aria-current=page]').textContent()).toBe('Coverage');
  }, STEP_TIMEOUT_MS);

  test('the coverage pages are axe-clean and valid HTML in all four languages, the public one also on a phone', async () => {
    for (const [lang, prefix] of LANGS) {
      for (const [name, path] of COVERAGE_PAGE_TYPES) {
        await page.goto(url(`${prefix}${path.replace('{target}', TARGET)}`));
        expect(await page.locator('html').getAttribute('lang'), `${lang} ${name}`).toMatch(new RegExp(`^${lang}`));
        await visit(page, `${lang}-${name}`);
      }
    }
    // The public page on a phone, signed out: the charts scale down, nothing scrolls sideways.
    const phone = VIEWPORTS.find((v) => v.name === 'phone');
    if (!phone) throw new Error('no phone viewport');
    const phoneContext = await phone.open(running().browser);
    const phonePage = await phoneContext.newPage();
    for (const [lang, prefix] of LANGS) {
      await phonePage.goto(url(`${prefix}/coverage`));
      expect(await sidewaysOverflow(phonePage), `${lang} /coverage on a phone scrolls sideways`).toBeNull();
      await checkPage(phonePage, 'phone', `${lang}-coverage`);
    }
    await phoneContext.close();
    console.log(`Nu checker: ${savedPages.length} coverage pages`);
    expect(await htmlErrors(savedPages)).toEqual([]);
  }, STEP_TIMEOUT_MS);
});
