/**
 * The document reader in Chromium, on a phone, with the site's Content Security Policy
 * enforced (the other journeys bypass it for axe-core): a search for a word found only
 * on page 7 of the sample report opens the reader at page 7 with the word marked; the
 * scanned decision, searched without Vietnamese tones, shows the OCR word boxes; axe-core
 * finds nothing serious in the open reader; and no policy violation is reported.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseCitations } from '@disan/ingest/library';
import { launchBrowser } from '../support/browser.ts';
import { PAGE_7_WORD } from '../support/generate-documents.ts';
import { FIRST_START_TIMEOUT_MS, launchArchive, removeDataDir, temporaryDataDir, waitForJobs, type LaunchedArchive } from '../support/launch.ts';
import { checkPage, sidewaysOverflow } from './steps.ts';

const REPORT = 'bao-cao-bao-ton-ok-om-bok';
const REPORT_TITLE = 'Báo cáo bảo tồn lễ hội Ok Om Bok năm 2023';
const SCAN = 'quyet-dinh-ho-tro-ok-om-bok-2023';
const STEP_TIMEOUT_MS = 120_000;
const AXE_SOURCE = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let dataDir = '';
let archive: LaunchedArchive | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;
const policyViolations: string[] = [];

function running(): { archive: LaunchedArchive; page: Page } {
  if (!archive || !page) throw new Error('the archive or the browser did not start (see beforeAll)');
  return { archive, page };
}
const url = (path: string) => new URL(path, running().archive.siteUrl).href;

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  archive = await launchArchive(dataDir);
  await waitForJobs(archive.apiUrl);
  // The API's first formatted references load citeproc's styles and locales (seconds on a
  // busy machine) and an item page waits for them only briefly (REFERENCES_WAIT_MS): format
  // once, as any earlier visitor would have, so the Cite step sees its references.
  expect((await fetch(`${archive.apiUrl}/api/items/${REPORT}/citations?lang=vi`)).status).toBe(200);
  browser = await launchBrowser();
  // A phone, and unlike VIEWPORTS the CSP is enforced: pdf.js and its worker must live with it.
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) policyViolations.push(message.text()); });
}, FIRST_START_TIMEOUT_MS);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await archive?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

/** axe-core, added through the DevTools protocol: the page's CSP refuses an added script tag, rightly. */
async function checkReader(page: Page, step: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  await checkPage(page, 'phone', step);
}

test('a search hit on page 7 opens the reader at page 7 with the word marked there', async () => {
  const { page } = running();
  await page.goto(url(`/search?q=${PAGE_7_WORD}`));
  const hit = page.locator(`a[data-testid="passage-link"][href*="/item/${REPORT}"]`).filter({ hasText: '7' }).first();
  await hit.click();
  await page.waitForURL((u) => u.searchParams.get('page') === '7' && u.searchParams.get('q') === PAGE_7_WORD);
  const mark = page.locator('[data-testid="reader-page"][data-page="7"] mark.reader-hit').first();
  await mark.waitFor({ state: 'visible', timeout: 30_000 });
  expect(await mark.textContent()).toBe(PAGE_7_WORD);
  expect(await mark.getAttribute('class'), 'the first hit is the current one').toContain('reader-hit-current');
  // Visible means inside the reader's frame, not only laid out somewhere below it.
  const frame = await page.getByTestId('reader-pages').boundingBox();
  const box = await mark.boundingBox();
  expect(frame && box && box.y >= frame.y && box.y + box.height <= frame.y + frame.height, 'the mark is inside the frame').toBe(true);
  expect(await page.getByTestId('reader-status').textContent()).toMatch(/7/);
  expect(await page.getByTestId('reader-hit-status').textContent()).toMatch(/7/);
  // Keyboard: PageUp turns back a page and says so.
  await page.getByTestId('reader-next-hit').focus();
  await page.keyboard.press('PageUp');
  await expect.poll(() => page.getByTestId('reader-status').textContent()).toMatch(/6/);
  expect(await sidewaysOverflow(page), 'the open reader fits the phone').toBeNull();
  await checkReader(page, 'reader-page-7');

  // ── Cite it and download the RIS ──
  // Zotero and Google Scholar read the page's Highwire Press tags; the public PDF is named.
  expect(await page.locator('meta[name="citation_title"]').getAttribute('content')).toBe(REPORT_TITLE);
  expect(await page.locator('meta[name="citation_pdf_url"]').count()).toBe(1);
  const cite = page.getByTestId('cite');
  await cite.scrollIntoViewIfNeeded();
  // The first style is open without a click, and the page's language gives its terms.
  expect(await cite.getByTestId('cite-style-apa').locator('.reference').textContent()).toContain(REPORT_TITLE);
  await cite.getByTestId('cite-style-chicago').locator('summary').click();
  expect(await cite.getByTestId('cite-style-chicago').locator('.reference').isVisible()).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), cite.getByTestId('cite-download-ris').click()]);
  expect(download.suggestedFilename()).toBe(`${REPORT}.ris`);
  const ris = await readFile(await download.path(), 'utf8');
  expect(ris).toMatch(/^TY {2}- RPRT/mu);
  expect(ris).toContain(REPORT_TITLE);
  // citation-js, as a reference manager would, reads it back with the title intact.
  const [parsed] = parseCitations(ris);
  expect(parsed).toMatchObject({ type: 'report', title: REPORT_TITLE });
  await checkReader(page, 'item-cite');
}, STEP_TIMEOUT_MS);

test('searching the scanned decision without tones marks the OCR words on the scan', async () => {
  const { page } = running();
  await page.goto(url(`/item/${SCAN}`));
  await page.getByTestId('reader-open').click();
  await page.locator('[data-testid="reader-page"][data-page="1"] .reader-ocr-word').first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.getByTestId('reader-find-input').fill('ho tro kinh phi');
  await page.getByTestId('reader-find').click();
  const box = page.locator('[data-testid="reader-page"][data-page="1"] .reader-box.reader-hit').first();
  await box.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await page.locator('.reader-box.reader-hit').count()).toBeGreaterThanOrEqual(4);
  // The scan's words are in its text layer, for a screen reader.
  expect(await page.getByTestId('reader-pages').textContent()).toContain('QUYẾT');
  await checkReader(page, 'reader-scan-found');
  expect(policyViolations, 'Content Security Policy violations').toEqual([]);
}, STEP_TIMEOUT_MS);
