/**
 * Review, history and "my work", end to end in Chromium on a phone and a desktop: the
 * archivist works from a phone and the reviewer at a desktop, so every step's page is checked
 * on the layout its person uses, and both layouts are checked, with the story told once. An
 * archivist's record (made through the API, with Vietnamese and Khmer titles) is sent for
 * review from a page that went stale (the conflict says so and offers a reload), a
 * reviewer sends it back with a comment, the archivist reads it in "my work" and sends it
 * again, the reviewer publishes; the history lists every version, the comparison shows the
 * Khmer title's change word by word, an old version is restored (a revision the public does
 * not see until it is published), and the record withdrawn: its public page answers 410
 * with the reason as written. Every page visited goes through axe-core, and the Nu checker
 * reads them all, in the four languages, at the end.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, VIEWPORTS, type Viewport } from '../support/browser.ts';
import { freePort, launchArchive, removeDataDir, runDisan, temporaryDataDir, type LaunchedArchive } from '../support/launch.ts';
import { checkPage, sidewaysOverflow } from './steps.ts';
import { htmlErrors, type SavedPage } from './vnu.ts';

const STEP_TIMEOUT_MS = 180_000;
const ARCHIVIST = { email: 'luu-tru@example.org', name: 'Sơn Thị Lưu Trữ', password: 'gạo nếp cẩm ở Trà Cú 2026', role: 'archivist' };
const REVIEWER = { email: 'duyet@example.org', name: 'Lâm Văn Duyệt', password: 'ghe ngo về bến Sóc Trăng', role: 'reviewer' };
type Person = typeof ARCHIVIST;

const KM_FIRST = 'ពិធីបុណ្យអកអំបុក';
const KM_FIXED = 'ពិធីបុណ្យសំពះព្រះខែ';
const SEND_BACK = 'Tên tiếng Khmer cần ghi rõ "Sampeah Preah Khe".\nXin sửa lại rồi gửi duyệt.';
const REASON = 'Gia đình nghệ nhân xin rút ảnh khỏi kho (thư ngày 2/12/2026).';

let dataDir = '';
let archive: LaunchedArchive | undefined;
let browser: Browser | undefined;
const links: Record<string, string> = {};
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
  for (const person of [ARCHIVIST, REVIEWER]) {
    const printed = await runDisan(dataDir, ['users', 'add', person.email, '--name', person.name, '--role', person.role], { DISAN_PUBLIC_URL: publicUrl });
    links[person.email] = /(https?:\/\/\S+\/welcome\/\S+)/.exec(printed)?.[1] ?? '';
  }
  archive = await launchArchive(dataDir, { timeoutMs: 300_000, env: { DISAN_SAMPLES: 'off', DISAN_SITE_PORT: String(sitePort), DISAN_PUBLIC_URL: publicUrl } });
  browser = await launchBrowser();
}, 1_500_000);

afterAll(async () => {
  await browser?.close();
  await archive?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

/** The page as it stands: never wider than the screen, axe-core clean, kept for the Nu checker. */
async function visit(page: Page, viewport: Viewport['name'], step: string): Promise<void> {
  savedPages.push({ name: `${viewport}-${step}.html`, html: await page.content() });
  expect(await sidewaysOverflow(page), `${step} scrolls sideways`).toBeNull();
  await checkPage(page, viewport, `review-${step}`);
}

async function signIn(page: Page, who: Person): Promise<void> {
  await page.goto(url('/sign-in'));
  await page.getByTestId('field-email').fill(who.email);
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

/** The API as the signed-in person, through the site's /api proxy with their cookie (as a script of the page would). */
async function api(context: BrowserContext): Promise<{ request: APIRequestContext; writes: Record<string, string> }> {
  const session = await context.request.get(url('/api/auth/session'));
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return { request: context.request, writes: { 'x-csrf-token': csrfToken, origin: new URL(running().archive.siteUrl).origin } };
}

const draft = (id: string, km: string) => ({
  id,
  kind: 'festival',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'vi', value: `Lễ cúng trăng ${id.slice(-5)}` }, { lang: 'km', value: km }],
  description: [{ lang: 'vi', value: 'Người Khmer ở Sóc Trăng cúng trăng vào rằm tháng mười âm lịch, rồi thả đèn nước trên sông.' }],
  access: { level: 'public' },
});

async function reviewStep(page: Page, id: string, button: string, done: string): Promise<void> {
  await page.goto(url(`/workspace/records/${id}/review`));
  await page.getByTestId(button).click();
  await page.waitForURL((u) => u.searchParams.get('done') === done);
}

function viewportNamed(name: Viewport['name']): Viewport {
  const viewport = VIEWPORTS.find((v) => v.name === name);
  if (!viewport) throw new Error(`no ${name} viewport`);
  return viewport;
}

describe('review and history, the archivist on a phone and the reviewer at a desktop', () => {
  const id = 'le-cung-trang-e2e';
  const phone = viewportNamed('phone');
  const desktop = viewportNamed('desktop');
  let archivist: BrowserContext;
  let reviewer: BrowserContext;
  let a: Page;
  let r: Page;

  beforeAll(async () => {
    archivist = await phone.open(running().browser);
    reviewer = await desktop.open(running().browser);
    a = await archivist.newPage();
    r = await reviewer.newPage();
    for (const [page, person] of [[a, ARCHIVIST], [r, REVIEWER]] as const) {
      await page.goto(links[person.email] ?? '');
      await page.getByTestId('field-password').fill(person.password);
      await page.getByTestId('field-again').fill(person.password);
      await page.getByTestId('set-password-submit').click();
      await page.waitForURL((u) => u.pathname.endsWith('/sign-in'));
      await signIn(page, person);
    }
  }, STEP_TIMEOUT_MS);
  afterAll(async () => {
    await archivist.close();
    await reviewer.close();
  });

  test('staff see a Workspace link; the archivist\'s page that went stale says so and reloads, then the record goes to review', async () => {
    expect(await a.getByTestId('workspace-link').isVisible()).toBe(true);
    const { request, writes } = await api(archivist);
    const created = await request.post(url('/api/workspace/records'), { headers: writes, data: { item: draft(id, KM_FIRST) } });
    expect(created.status(), await created.text()).toBe(201);
    expect(created.headers().etag).toBe('"v1"');

    // The archivist opens the review page at version 1; meanwhile the Khmer title is corrected (version 2).
    await a.goto(url(`/workspace/records/${id}/review`));
    expect(await a.getByTestId('record-state').getAttribute('data-state')).toBe('draft');
    await visit(a, phone.name, '01-draft');
    const edited = await request.put(url(`/api/workspace/records/${id}`), { headers: { ...writes, 'if-match': '"v1"' }, data: { item: draft(id, KM_FIXED), note: 'Sửa tên tiếng Khmer' } });
    expect(edited.status(), await edited.text()).toBe(200);

    await a.getByTestId('review-submit').click();
    await a.getByTestId('version-conflict').waitFor();
    expect(await a.getByTestId('version-conflict').textContent()).toContain(ARCHIVIST.name);
    await visit(a, phone.name, '02-conflict');
    await a.getByTestId('reload-record').click();
    expect(await a.getByTestId('version-shown').getAttribute('data-version')).toBe('2');
    await a.getByTestId('review-submit').click();
    await a.waitForURL((u) => u.searchParams.get('done') === 'submitted');
    expect(await a.getByTestId('record-state').getAttribute('data-state')).toBe('in-review');
    expect(await a.getByTestId('review-submit').count(), 'an archivist cannot submit twice').toBe(0);
  }, STEP_TIMEOUT_MS);

  test('the reviewer finds it waiting, and sends it back with a comment (required)', async () => {
    await r.goto(url('/workspace'));
    await r.getByTestId('section-to-review').locator(`[data-testid=work-row][data-id="${id}"]`).waitFor();
    await visit(r, desktop.name, '03-reviewer-my-work');
    await r.goto(url(`/workspace/records/${id}/review`));
    await r.getByTestId('review-send-back').click();
    await r.getByTestId('error-summary').waitFor();
    expect(await r.getByTestId('field-comment').getAttribute('aria-invalid')).toBe('true');
    await visit(r, desktop.name, '04-send-back-refused');
    await r.getByTestId('field-comment').fill(SEND_BACK);
    await r.getByTestId('review-send-back').click();
    await r.waitForURL((u) => u.searchParams.get('done') === 'sentBack');
    expect(await r.getByTestId('record-state').getAttribute('data-state')).toBe('draft');
  }, STEP_TIMEOUT_MS);

  test('the archivist reads the comment in "my work" and on the record, and sends it again; the reviewer publishes', async () => {
    await a.goto(url('/workspace'));
    const row = a.getByTestId('section-sent-back').locator(`[data-testid=work-row][data-id="${id}"]`);
    await row.waitFor();
    expect((await row.getByTestId('work-comment').textContent())?.trim()).toBe(SEND_BACK);
    await visit(a, phone.name, '05-archivist-my-work');
    await a.goto(url(`/km/workspace/records/${id}/review`));
    const comment = a.getByTestId('comment').filter({ hasText: 'Sampeah Preah Khe' });
    expect(await comment.getAttribute('data-kind')).toBe('send-back');
    expect(await comment.textContent()).toContain(REVIEWER.name);
    await visit(a, phone.name, '06-comment-km');
    await reviewStep(a, id, 'review-submit', 'submitted');
    await reviewStep(r, id, 'review-publish', 'published');
    expect(await r.getByTestId('record-state').getAttribute('data-state')).toBe('published');
    await visit(r, desktop.name, '07-published');

    const visitor = await phone.open(running().browser);
    const page = await visitor.newPage();
    const response = await page.goto(url(`/km/item/${id}`));
    expect(response?.status()).toBe(200);
    expect(await page.getByTestId('item-title').textContent()).toContain(KM_FIXED);
    await visitor.close();
  }, STEP_TIMEOUT_MS);

  test('the history lists every version and which one the public sees; two are compared field by field, the Khmer title word by word', async () => {
    await r.goto(url(`/workspace/records/${id}/history`));
    const rows = r.getByTestId('version-row');
    const actions = await rows.evaluateAll((trs) => trs.map((tr) => (tr as unknown as { dataset: { action: string } }).dataset.action));
    expect(actions).toEqual(['publish', 'submit', 'send-back', 'submit', 'edit', 'create']);
    expect(await r.locator('[data-testid=version-row][data-action=publish] [data-testid=public-version]').count()).toBe(1);
    await visit(r, desktop.name, '08-history');

    await r.getByTestId('from-1').check();
    await r.getByTestId('to-2').check();
    await r.getByTestId('compare-submit').click();
    await r.waitForURL((u) => u.pathname.endsWith('/compare') && u.searchParams.get('from') === '1' && u.searchParams.get('to') === '2');
    const khmer = r.locator('[data-testid=change-row][data-field=title][data-lang=km]');
    expect(await khmer.getAttribute('data-change')).toBe('changed');
    const removed = (await khmer.getByTestId('change-before').locator('del').allTextContents()).join('');
    const added = (await khmer.getByTestId('change-after').locator('ins').allTextContents()).join('');
    expect(removed, 'the removed words, not the whole title').toContain('អកអំបុក');
    expect(removed).not.toContain('ពិធីបុណ្យ');
    expect(added).toContain('សំពះព្រះខែ');
    expect(await r.locator('[data-testid=change-row][data-field=title][data-lang=vi]').count(), 'the Vietnamese title did not change').toBe(0);
    await visit(r, desktop.name, '09-compare');
  }, STEP_TIMEOUT_MS);

  test('restoring version 1 makes a new version the public does not see until it is published', async () => {
    await a.goto(url(`/workspace/records/${id}/history`));
    await a.getByTestId('restore-1').locator('summary').click();
    await visit(a, phone.name, '10-restore-confirm');
    await a.getByTestId('restore-confirm-1').check();
    await a.getByTestId('restore-submit-1').click();
    await a.waitForURL((u) => u.searchParams.get('done') === 'restored');
    expect(await a.getByTestId('version-row').first().getAttribute('data-action')).toBe('restore');
    expect(await a.getByTestId('record-state').getAttribute('data-state')).toBe('revision-draft');
    await visit(a, phone.name, '11-restored');

    const visitor = await desktop.open(running().browser);
    const page = await visitor.newPage();
    await page.goto(url(`/km/item/${id}`));
    expect(await page.getByTestId('item-title').textContent(), 'the public keeps the approved version').toContain(KM_FIXED);
    await reviewStep(a, id, 'review-submit', 'submitted');
    await reviewStep(r, id, 'review-publish', 'published');
    await page.goto(url(`/km/item/${id}`));
    expect(await page.getByTestId('item-title').textContent(), 'the restored title, once published').toContain(KM_FIRST);
    await visitor.close();
  }, STEP_TIMEOUT_MS);

  test('withdrawn with a reason (required), the public page answers 410 with a tombstone', async () => {
    await r.goto(url(`/workspace/records/${id}/review`));
    await r.getByTestId('review-withdraw').click();
    await r.getByTestId('error-summary').waitFor();
    await r.getByTestId('field-reason').fill(REASON);
    await r.getByTestId('review-withdraw').click();
    await r.waitForURL((u) => u.searchParams.get('done') === 'withdrawn');
    expect(await r.getByTestId('record-state').getAttribute('data-state')).toBe('withdrawn');
    expect(await r.getByTestId('withdrawal').textContent()).toContain(REASON);
    await visit(r, desktop.name, '12-withdrawn');

    // Two languages read on each layout: the tombstone in all four, on both sizes.
    for (const [viewport, langs] of [[phone, ['', '/km']], [desktop, ['/en', '/zh']]] as const) {
      const visitor = await viewport.open(running().browser);
      const page = await visitor.newPage();
      for (const lang of langs) {
        const response = await page.goto(url(`${lang}/item/${id}`));
        expect(response?.status(), `${lang || '/vi'}/item/${id}`).toBe(410);
        expect(await page.getByTestId('tombstone-reason').textContent()).toBe(REASON);
        expect(await page.getByTestId('tombstone-date').locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
        await visit(page, viewport.name, `13-tombstone${lang.replace('/', '-')}`);
      }
      await visitor.close();
    }
  }, STEP_TIMEOUT_MS);

  test('the review pages in every language are Nu-valid (with the states the forms led to)', async () => {
    for (const lang of ['', '/en', '/km', '/zh']) {
      for (const [name, path] of [['my-work', '/workspace'], ['review', `/workspace/records/${id}/review`], ['history', `/workspace/records/${id}/history`], ['compare', `/workspace/records/${id}/compare?from=2&to=1`]] as const) {
        await r.goto(url(`${lang}${path}`));
        savedPages.push({ name: `lang${lang.replace('/', '-') || '-vi'}-${name}.html`, html: await r.content() });
      }
    }
    expect(await htmlErrors(savedPages)).toEqual([]);
  }, STEP_TIMEOUT_MS);
});
