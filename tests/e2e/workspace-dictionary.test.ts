/**
 * Writing a dictionary word in the workspace (issue 14), end to end in Chromium: an
 * archivist on a phone creates the word ទូកង (ghe ngo) with its romanisation and Vietnamese
 * and English glosses, adds a pronunciation (a tone made with ffmpeg, chosen as a phone's
 * recorder would give it) with its speaker and consent, and sends it for review; a reviewer
 * at a desktop publishes it, and the public API then shows the entry. Without JavaScript the
 * entry form adds a sense and saves. Every state visited goes through axe-core and the Nu checker.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ItemView } from '@disan/schemas';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, VIEWPORTS, type Viewport } from '../support/browser.ts';
import { generateAudio } from '../support/generate-av.ts';
import { freePort, launchArchive, removeDataDir, runDisan, temporaryDataDir, type LaunchedArchive } from '../support/launch.ts';
import { checkPage, sidewaysOverflow } from './steps.ts';
import { htmlErrors, type SavedPage } from './vnu.ts';

const STEP_TIMEOUT_MS = 240_000;
const ARCHIVIST = { email: 'tu-dien@example.org', name: 'Thạch Thị Sóc', password: 'ghe ngo rẽ sóng sông Maspero 2026', role: 'archivist' };
const REVIEWER = { email: 'duyet-tu@example.org', name: 'Lâm Văn Duyệt', password: 'trăng rằm tháng mười ở Vĩnh Châu', role: 'reviewer' };
type Person = typeof ARCHIVIST;
const WORD = 'ទូកង';
const ID = 'tuk-ngo-e2e';

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
  await checkPage(page, viewport, `dictionary-${step}`);
}

async function signIn(page: Page, who: Person): Promise<void> {
  await page.goto(url('/sign-in'));
  await page.getByTestId('field-email').fill(who.email);
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

async function reviewStep(page: Page, button: string, done: string): Promise<void> {
  await page.goto(url(`/workspace/records/${ID}/review`));
  await page.getByTestId(button).click();
  await page.waitForURL((u) => u.searchParams.get('done') === done);
}

/** Reloads the media page until its one file's processing has ended. */
async function processed(page: Page): Promise<string> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    await page.reload();
    const status = (await page.getByTestId('media-row').first().getAttribute('data-status')) ?? '';
    if (status === 'ready' || status === 'failed') return status;
    if (Date.now() > deadline) throw new Error(`the pronunciation is still processing: ${status}`);
    await page.waitForTimeout(1000);
  }
}

function viewportNamed(name: Viewport['name']): Viewport {
  const viewport = VIEWPORTS.find((v) => v.name === name);
  if (!viewport) throw new Error(`no ${name} viewport`);
  return viewport;
}

describe('a dictionary word written on a phone, with its pronunciation, reviewed and published', () => {
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

  test('New dictionary entry opens the entry section; the word is saved and named after its headword', async () => {
    await a.goto(url('/workspace/records/new?kind=word'));
    expect(await a.getByTestId('entry-section').getAttribute('open')).not.toBeNull();
    expect(await a.getByTestId('field-kind').inputValue()).toBe('word');
    await visit(a, phone.name, '01-new-word');
    await a.getByTestId('field-id').fill(ID);
    await a.getByTestId('ethnicGroups-khmer').check();
    await a.getByTestId('field-entry-language').selectOption('km');
    await a.getByTestId('field-headwords-0-value').fill(WORD);
    await a.getByTestId('field-romanisations-0-value').fill('tuk ngo');
    await a.getByTestId('field-senses-0-glossVi').fill('ghe ngo');
    await a.getByTestId('field-senses-0-glossEn').fill('ngo racing boat');
    await a.locator('input[name="senses[0][domains]"][value="boat"]').check();
    await a.getByTestId('editor-save').click();
    await a.waitForURL((u) => u.pathname.endsWith(`/workspace/records/${ID}`));
    expect(await a.getByTestId('field-headwords-0-value').inputValue()).toBe(WORD);
    expect(await a.getByTestId('field-title-0-value').inputValue()).toBe(WORD);
    expect(await a.locator('input[name="senses[0][domains]"][value="boat"]').isChecked()).toBe(true);
    await a.getByTestId('word-links').waitFor();
    await visit(a, phone.name, '02-saved-word');
  }, STEP_TIMEOUT_MS);

  test('the archivist adds a pronunciation from the phone, with the speaker and their consent', async () => {
    const file = await generateAudio(join(dataDir, 'tuk-ngo.opus'), { seconds: 1 });
    await a.goto(url(`/workspace/records/${ID}/media`));
    const chooser = a.getByTestId('pronunciation-input');
    expect(await chooser.getAttribute('accept')).toBe('audio/*');
    expect(await chooser.getAttribute('capture')).toBe('user');
    await visit(a, phone.name, '03-media-invites');
    await chooser.setInputFiles({ name: 'tuk-ngo.opus', mimeType: 'audio/ogg', buffer: await readFile(file) });
    await a.getByTestId('upload-all-done').waitFor({ timeout: 120_000 });
    expect(await processed(a)).toBe('ready');
    await a.getByTestId('recording-speaker').fill('Thạch Sok');
    await a.getByTestId('recording-locality').fill('Vĩnh Châu, Sóc Trăng');
    await a.getByTestId('recording-dialect').fill('Sóc Trăng');
    await a.getByTestId('recording-consent').check();
    // Consent given is consent recorded on a day: the speaker agreed yesterday.
    await a.getByTestId('recording-consent-date').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
    await a.getByTestId('recording-consent-method').selectOption('oral-recorded');
    await a.getByTestId('recording-save').click();
    await a.waitForURL((u) => u.searchParams.get('done') === 'recording');
    expect(await a.getByTestId('recording-speaker').inputValue()).toBe('Thạch Sok');
    expect(await a.getByTestId('recording-consent').isChecked()).toBe(true);
    await visit(a, phone.name, '04-pronunciation-saved');
  }, STEP_TIMEOUT_MS);

  test('sent for review, published by the reviewer, and the public API shows the word', async () => {
    await reviewStep(a, 'review-submit', 'submitted');
    await reviewStep(r, 'review-publish', 'published');
    await visit(r, desktop.name, '05-published');
    const response = await r.context().request.get(url(`/api/items/${ID}`));
    expect(response.status()).toBe(200);
    // The item view names the word by its headword and carries its pronunciation; the entry's own view is the dictionary API's.
    const item = (await response.json()) as ItemView;
    expect(item.kind).toBe('word');
    expect(item.status).toBe('published');
    expect(item.title[0]).toEqual({ lang: 'km', value: WORD });
    expect(item.media.map((m) => m.kind)).toEqual(['audio']);
  }, STEP_TIMEOUT_MS);

  test('without JavaScript, the entry form adds a sense by posting the page, and saves', async () => {
    const context = await running().browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, ARCHIVIST);
    await page.goto(url('/workspace/records/new?kind=word'));
    await page.getByTestId('field-id').fill('ngo-e2e');
    await page.getByTestId('ethnicGroups-khmer').check();
    await page.getByTestId('field-entry-language').selectOption('km');
    await page.getByTestId('field-headwords-0-value').fill('ង');
    await page.getByTestId('field-senses-0-glossVi').fill('rắn thần');
    await page.getByTestId('add-senses').click();
    await page.getByTestId('field-senses-1-glossEn').waitFor();
    expect(await page.getByTestId('field-headwords-0-value').inputValue()).toBe('ង');
    await page.getByTestId('field-senses-1-glossEn').fill('naga');
    await page.getByTestId('editor-save').click();
    await page.waitForURL((u) => u.pathname.endsWith('/workspace/records/ngo-e2e'));
    expect(await page.getByTestId('field-senses-1-glossEn').inputValue()).toBe('naga');
    savedPages.push({ name: 'no-js-word.html', html: await page.content() });
    await context.close();
  }, STEP_TIMEOUT_MS);

  test('the word\'s pages are Nu-valid in every language', async () => {
    for (const lang of ['', '/en', '/km', '/zh']) {
      for (const [name, path] of [['editor', `/workspace/records/${ID}`], ['media', `/workspace/records/${ID}/media`], ['new-word', '/workspace/records/new?kind=word']] as const) {
        await a.goto(url(`${lang}${path}`));
        savedPages.push({ name: `lang${lang.replace('/', '-') || '-vi'}-${name}.html`, html: await a.content() });
      }
    }
    expect(await htmlErrors(savedPages)).toEqual([]);
  }, STEP_TIMEOUT_MS);
});
