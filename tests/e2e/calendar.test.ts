/**
 * The festival calendar in Chromium (issue 15), on a phone, with the sample archive: the public
 * opens the calendar, keeps the Khmer festivals with the filter form (a plain GET, no script),
 * goes month by month to the next Ok Om Bok (the full moon of Kadeuk, the sample record's Khmer
 * recurrence) and finds it on its day, described in the Khmer calendar; the subscribe link's
 * feed, fetched through the site's /api proxy, parses with ical.js and holds that day; the
 * festival's record page says when it falls next. axe-core checks the calendar page.
 */
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { nextOccurrence } from '@disan/ingest/calendar';
import { launchBrowser, VIEWPORTS } from '../support/browser.ts';
import { FIRST_START_TIMEOUT_MS, launchArchive, removeDataDir, temporaryDataDir, type LaunchedArchive } from '../support/launch.ts';
import { checkPage, sidewaysOverflow } from './steps.ts';

const OK_OM_BOK = 'ok-om-bok-soc-trang';
const STEP_TIMEOUT_MS = 120_000;
// Today in Vietnam, as the site counts it; the next full moon of Kadeuk from there, by the engine the API uses.
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const expected = nextOccurrence({ calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing' }, today);

let dataDir = '';
let archive: LaunchedArchive | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;

function running(): { archive: LaunchedArchive; page: Page } {
  if (!archive || !page) throw new Error('the archive or the browser did not start (see beforeAll)');
  return { archive, page };
}
const url = (path: string) => new URL(path, running().archive.siteUrl).href;

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  // The records are in once the launcher says it is ready; the media jobs the calendar does not need run on.
  archive = await launchArchive(dataDir);
  browser = await launchBrowser();
  const phone = VIEWPORTS.find((v) => v.name === 'phone');
  if (!phone) throw new Error('no phone viewport in tests/support/browser.ts');
  context = await phone.open(browser);
  page = await context.newPage();
}, FIRST_START_TIMEOUT_MS);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await archive?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

test('the public finds Ok Om Bok in its month, on its Khmer day, and subscribes to the feed that holds it', async () => {
  const { page } = running();
  if (!expected) throw new Error(`no Ok Om Bok after ${today} in the engine's range`);
  await page.goto(url('/en/calendar'));
  await page.getByTestId('calendar-group').selectOption('khmer');
  await page.getByTestId('calendar-filter').click();
  await page.waitForURL(/group=khmer/);

  // Month by month from this one, as a reader would, until the month of the next Ok Om Bok.
  const month = page.getByTestId('calendar-month');
  const target = expected.start.slice(0, 7);
  for (let step = 0; step < 13 && (await month.locator(`time[datetime^="${target}-"]`).count()) === 0; step++) {
    const next = page.getByTestId('calendar-next');
    const href = (await next.getAttribute('href')) ?? '';
    await next.click();
    await page.waitForURL(url(href));
  }
  const day = month.locator('td', { has: page.locator(`time[datetime="${expected.start}"]`) });
  await expect.poll(() => day.getByTestId('calendar-day-festival').allTextContents()).toContain('Ok Om Bok moon festival');
  expect(await day.textContent()).toContain('15 waxing Kadeuk');
  expect(await page.getByTestId('calendar-month-festival').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Ok Om Bok moon festival')]));
  expect(await sidewaysOverflow(page)).toBeNull();
  await checkPage(page, 'phone', 'calendar-ok-om-bok');

  // The filtered feed, as a calendar app would fetch it: webcal:// is the same address over http(s).
  const webcal = await page.getByTestId('feed-filtered-webcal').getAttribute('href');
  const https = await page.getByTestId('feed-filtered-https').getAttribute('href');
  expect(webcal?.replace(/^webcal:/, new URL(https ?? '').protocol)).toBe(https);
  const response = await page.request.get(https ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const events = new ICAL.Component(ICAL.parse(await response.text()) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const okOmBok = events.find((e) => e.uid.startsWith(`${OK_OM_BOK}-${expected.start}@`));
  expect(okOmBok?.startDate.toString()).toBe(expected.start);
  expect(okOmBok?.summary).toContain('Ok Om Bok');
}, STEP_TIMEOUT_MS);

test('the month grid on a wide screen is a table axe-core finds nothing serious in', async () => {
  const desktop = VIEWPORTS.find((v) => v.name === 'desktop');
  if (!desktop || !browser) throw new Error('no desktop viewport or browser');
  const wide = await desktop.open(browser);
  try {
    const page = await wide.newPage();
    await page.goto(url('/km/calendar?group=khmer'));
    expect(await page.getByTestId('calendar-month').locator('thead th').count()).toBe(7);
    await checkPage(page, 'desktop', 'calendar-km');
  } finally {
    await wide.close();
  }
}, STEP_TIMEOUT_MS);

test('the record\'s page says when Ok Om Bok falls next, and links to that month', async () => {
  const { page } = running();
  await page.goto(url(`/en/item/${OK_OM_BOK}`));
  const next = page.getByTestId('item-next-occurrence');
  expect(await next.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // Its Vietnamese lunar date (15th of the 10th month) may come a day before the Khmer full moon: the earlier wins.
  expect((await next.locator('time').getAttribute('datetime'))! <= expected!.start).toBe(true);
  expect(await next.textContent()).toMatch(/BE \d{4}/);
  await next.getByRole('link').click();
  await page.waitForURL(/\/en\/calendar\?month=\d{4}-\d{2}/);
  expect(await page.getByTestId('calendar-month-festival').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Ok Om Bok')]));
}, STEP_TIMEOUT_MS);
