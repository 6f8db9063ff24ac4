/**
 * The whole archive as a newcomer meets it: `npm start`'s launcher on a fresh data
 * folder (it builds the site and loads the samples), then a real Chromium on a phone
 * and a laptop. The archive is started twice: a record is imported with the archive
 * stopped (as an archivist would), and the second start must keep everything.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGE_BUDGET_BYTES, pageWeight, WEIGHED_ITEMS } from '../bench/site.ts';
import { launchBrowser, screenshot, VIEWPORTS } from '../support/browser.ts';
import { FIRST_START_TIMEOUT_MS, launchArchive, removeDataDir, runDisan, temporaryDataDir, waitForJobs, type LaunchedArchive } from '../support/launch.ts';
import { HOSTILE_ID, writeHostileRecord } from './hostile-record.ts';
import { htmlErrors, PAGE_TYPES, type SavedPage } from './vnu.ts';
import { PAGE_7_WORD } from '../support/generate-documents.ts';
import { checkPage, fontsDrawing, htmlLang, isFocused, mediaCurrentTime, naturalWidth, resultIds, sidewaysOverflow, tabUntilFocused } from './steps.ts';

const PHOTO_ITEM = 'ok-om-bok-soc-trang';
/** Said only at 00:01:30 in the sample film's captions (media-samples/khmer/ok-om-bok-dua-ghe.vi.vtt). */
const CAPTION_WORD = 'Kantrum';
/** The item holding the sample chant recording (media-samples/khmer/tung-kinh-chua-doi.opus). */
const AUDIO_ITEM = 'chua-doi-mahatup';
const STEP_TIMEOUT_MS = 120_000;

let dataDir = '';
let archive: LaunchedArchive | undefined;
let browser: Browser | undefined;
let itemsBeforeRestart = 0;
let firstStartLog = '';

async function publicItemCount(apiUrl: string): Promise<number> {
  const response = await fetch(`${apiUrl}/api/items?pageSize=1`);
  return ((await response.json()) as { total: number }).total;
}

async function ethnicGroupsOf(apiUrl: string, id: string): Promise<string[]> {
  const response = await fetch(`${apiUrl}/api/items/${encodeURIComponent(id)}`);
  return ((await response.json()) as { ethnicGroups: string[] }).ethnicGroups;
}

function running(): { archive: LaunchedArchive; browser: Browser } {
  if (!archive || !browser) throw new Error('the archive or the browser did not start (see beforeAll)');
  return { archive, browser };
}

const url = (path: string) => new URL(path, running().archive.siteUrl).href;

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  const first = await launchArchive(dataDir);
  try {
    await waitForJobs(first.apiUrl);
    itemsBeforeRestart = await publicItemCount(first.apiUrl);
    firstStartLog = first.log();
  } finally {
    await first.stop();
  }
  await runDisan(dataDir, ['import', await writeHostileRecord(dataDir)]);
  archive = await launchArchive(dataDir, { timeoutMs: 240_000 });
  await waitForJobs(archive.apiUrl);
  browser = await launchBrowser();
}, 2 * FIRST_START_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await archive?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

test('stopping and starting again keeps the data, with a record imported while the archive was stopped', async () => {
  const { archive } = running();
  expect(firstStartLog).toMatch(/first start: loading the sample archive/);
  expect(archive.log()).not.toMatch(/first start: loading/);
  expect(await publicItemCount(archive.apiUrl)).toBe(itemsBeforeRestart + 1);
  const item = (await (await fetch(`${archive.apiUrl}/api/items/${PHOTO_ITEM}`)).json()) as { media: { renditions: { url: string }[] }[] };
  const rendition = item.media[0]?.renditions[0]?.url;
  expect(rendition, 'a sample photo keeps its renditions').toBeDefined();
  expect((await fetch(new URL(rendition ?? '', archive.apiUrl))).status).toBe(200);
});

for (const viewport of VIEWPORTS) {
  describe(`a newcomer on a ${viewport.name}`, () => {
    let context: BrowserContext;
    let page: Page;
    const v = viewport.name;
    /** Steps whose page was wider than the screen, checked once at the end (one clear failure, the journey still runs). */
    const overflowing: string[] = [];
    const visit = async (step: string) => {
      const overflow = await sidewaysOverflow(page);
      if (overflow !== null) overflowing.push(`${step} (${new URL(page.url()).pathname}): ${overflow}`);
      await checkPage(page, v, step);
    };

    beforeAll(async () => {
      context = await viewport.open(running().browser);
      page = await context.newPage();
    });
    afterAll(async () => { await context.close(); });

    test('reads the home page in Vietnamese, switches to Khmer drawn in a Khmer font, and back', async () => {
      await page.goto(url('/'));
      expect(await htmlLang(page)).toBe('vi');
      await visit('01-home-vi');

      await page.getByTestId('lang-km').click();
      await page.waitForURL((u) => u.pathname === '/km/');
      expect(await htmlLang(page)).toBe('km');
      const heading = page.locator('h1');
      expect(await heading.isVisible()).toBe(true);
      expect(await heading.textContent()).toMatch(/[\u1780-\u17FF]/);
      const fonts = await fontsDrawing(page, 'h1');
      expect(fonts.some((family) => /khmer/i.test(family)), `fonts drawing the Khmer heading: ${fonts.join(', ')}`).toBe(true);
      await visit('02-home-km');

      await page.getByTestId('lang-vi').click();
      await page.waitForURL((u) => u.pathname === '/');
      expect(await htmlLang(page)).toBe('vi');
    }, STEP_TIMEOUT_MS);

    test('searches "le hoi" without tones, finds festivals, and narrows them to the Khmer with a facet', async () => {
      const { archive } = running();
      await page.goto(url('/search?q=le%20hoi'));
      const titles = await page.getByTestId('result-link').allTextContents();
      expect(titles.some((title) => title.includes('Lễ hội')), `titles found: ${titles.join(' | ')}`).toBe(true);
      // Results come before the filters: the first one starts on the first screen, a phone's too.
      const firstTop = (await page.getByTestId('result-link').first().boundingBox())?.y ?? Infinity;
      console.log(`${v}: the first search result starts ${Math.round(firstTop)} px down`);
      expect(firstTop, 'top of the first result, in px').toBeLessThan(page.viewportSize()?.height ?? 0);
      if (v === 'phone') {
        await page.getByTestId('to-filters').click();
        expect(await page.getByTestId('facet-ethnicGroups-khmer').isVisible(), 'the filters, one tap away').toBe(true);
      }
      const allIds = await resultIds(page);
      const groupsBefore = await Promise.all(allIds.map((id) => ethnicGroupsOf(archive.apiUrl, id)));
      expect(groupsBefore.some((groups) => !groups.includes('khmer')), 'the unfiltered results hold other peoples too').toBe(true);
      await visit('03-search-le-hoi');

      await page.getByTestId('facet-ethnicGroups-khmer').check();
      await page.getByTestId('facets-apply').click();
      await page.waitForURL((u) => u.searchParams.getAll('ethnicGroups').includes('khmer'));
      expect(await page.getByTestId('facet-ethnicGroups-khmer').isChecked()).toBe(true);
      const ids = await resultIds(page);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.length).toBeLessThan(allIds.length);
      for (const id of ids) expect(await ethnicGroupsOf(archive.apiUrl, id), id).toContain('khmer');
      await visit('04-search-khmer');
    }, STEP_TIMEOUT_MS);

    test('sees results appear while typing, without leaving the page, and the address follows', async () => {
      await page.goto(url('/search?q=zzqqxxnothing'));
      expect(await page.getByTestId('result-link').count()).toBe(0);
      await page.evaluate(() => { (globalThis as unknown as { __samePage: boolean }).__samePage = true; });
      const input = page.getByTestId('search-input');
      await input.fill('');
      await input.pressSequentially('le hoi', { delay: 60 });
      // The state the step claims: the address holds the whole query and the results are its own
      // (results for the prefix "le h" can show first; the island writes the status, list and address together).
      await page.waitForURL((u) => u.searchParams.get('q') === 'le hoi', { timeout: 10_000 });
      await page.getByTestId('search-status').filter({ hasText: 'le hoi' }).waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('result-link').count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => (globalThis as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
      await visit('05-search-as-you-type');
    }, STEP_TIMEOUT_MS);

    test('sees the facet counts follow the words as they are typed', async () => {
      await page.goto(url('/search'));
      const hoa = page.getByTestId('count-ethnicGroups-hoa');
      expect(await hoa.textContent()).not.toBe('(0)');
      await page.getByTestId('search-input').pressSequentially('ok om bok', { delay: 60 });
      await page.waitForURL((u) => u.searchParams.get('q') === 'ok om bok');
      // Ok Om Bok is a Khmer festival: no Hoa record is left among the results.
      for (let waited = 0; (await hoa.textContent()) !== '(0)' && waited < 10_000; waited += 100) await page.waitForTimeout(100);
      expect(await hoa.textContent()).toBe('(0)');
      expect(await page.getByTestId('count-ethnicGroups-khmer').textContent()).not.toBe('(0)');
    }, STEP_TIMEOUT_MS);

    test('opens an item whose photos load, sized and responsive, then follows a related item', async () => {
      await page.goto(url(`/item/${PHOTO_ITEM}`));
      const images = page.getByTestId('gallery-image');
      const count = await images.count();
      expect(count).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < count; i++) {
        const image = images.nth(i);
        expect(await image.getAttribute('width')).toMatch(/^\d+$/);
        expect(await image.getAttribute('height')).toMatch(/^\d+$/);
        expect(await image.getAttribute('srcset')).toMatch(/ \d+w/);
        if (i > 0) expect(await image.getAttribute('loading')).toBe('lazy');
        expect(await naturalWidth(image), `photo ${i + 1} decoded`).toBeGreaterThan(0);
      }
      await visit('06-item');
      const thumbnails = page.locator('[data-testid="related-link"] img');
      for (let i = 0; i < (await thumbnails.count()); i++) {
        expect(await naturalWidth(thumbnails.nth(i)), `related item picture ${i + 1} decoded`).toBeGreaterThan(0);
      }

      const related = page.getByTestId('related-link').first();
      const href = await related.getAttribute('href');
      expect(href).toMatch(/\/item\//);
      await related.click();
      await page.waitForURL((u) => u.pathname === href);
      expect(await page.getByTestId('item-title').isVisible()).toBe(true);
      await visit('07-related-item');
    }, STEP_TIMEOUT_MS);

    test('finds a word only on page 7 of a report and a line spoken at 00:01:30, and opens each right there', async () => {
      await page.goto(url(`/search?q=${PAGE_7_WORD}`));
      const pageLink = page.getByTestId('passage-link').filter({ hasText: 'trang 7' }).first();
      expect(await pageLink.count(), 'a passage on page 7').toBe(1);
      await pageLink.click();
      await page.waitForURL((u) => u.searchParams.get('page') === '7');
      const focused = page.getByTestId('focused-page');
      expect(await focused.textContent()).toContain('Trang 7');
      expect(await naturalWidth(focused.locator('img')), 'the picture of page 7 decoded').toBeGreaterThan(0);
      expect(await page.getByTestId('focused-page-text').textContent(), 'the words of page 7, for a screen reader').toContain(PAGE_7_WORD);
      await visit('15-found-on-page-7');

      await page.goto(url('/search'));
      await page.getByTestId('search-input').pressSequentially(CAPTION_WORD, { delay: 40 });
      const cue = page.getByTestId('passage-link').filter({ hasText: '00:01:30' }).first();
      await cue.waitFor({ timeout: 10_000 });
      await cue.click();
      await page.waitForURL((u) => u.searchParams.get('t') === '90');
      expect(await page.getByTestId('plays-from').textContent()).toContain('00:01:30');
      const video = page.getByTestId('item-video');
      expect(await mediaCurrentTime(video, 90), 'the film is cued at the line').toBeGreaterThanOrEqual(90);
      expect(await video.locator('track[srclang="vi"]').count(), 'its Vietnamese captions, marked as such').toBe(1);
      const line = page.getByTestId('transcript').locator('li[aria-current="true"]');
      expect(await line.textContent(), 'the transcript, open at the line').toContain(CAPTION_WORD);
      expect(await line.isVisible()).toBe(true);
      await visit('16-found-at-time-code');
    }, STEP_TIMEOUT_MS);

    test('hears the pagoda chant: a player with Opus and MP3 sources under the recording’s drawn waveform', async () => {
      await page.goto(url(`/item/${AUDIO_ITEM}`));
      const audio = page.getByTestId('item-audio');
      const sources = audio.locator('source');
      const types = await Promise.all(Array.from({ length: await sources.count() }, (_, i) => sources.nth(i).getAttribute('type')));
      expect(types).toEqual(['audio/ogg; codecs=opus', 'audio/mpeg']);
      expect(await audio.evaluate((element) => (element as unknown as { canPlayType: (t: string) => string }).canPlayType('audio/ogg; codecs=opus'))).not.toBe('');
      const bars = (await page.getByTestId('waveform').locator('path').getAttribute('d'))?.match(/M/g)?.length ?? 0;
      expect(bars, 'bars drawn from the waveform peaks').toBeGreaterThan(50);
      await visit('17-recording');
    }, STEP_TIMEOUT_MS);

    test('reaches the skip link first and then the search box with Tab, and Enter searches', async () => {
      await page.goto(url('/'));
      await page.keyboard.press('Tab');
      expect(await isFocused(page.locator('a.skip-link')), 'the first Tab lands on the skip link').toBe(true);
      expect(await page.locator('a.skip-link').isVisible(), 'the focused skip link is visible').toBe(true);
      await screenshot(page, v, '08-skip-link');
      const presses = await tabUntilFocused(page, page.getByTestId('home-search'));
      expect(presses, 'Tab presses from the skip link to the search box').toBeLessThan(25);
      await page.keyboard.type('le hoi');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'le hoi');
      expect(await page.getByTestId('result-link').count()).toBeGreaterThan(0);
      await screenshot(page, v, '09-keyboard-search');
    }, STEP_TIMEOUT_MS);

    test('opens a collection and the about page', async () => {
      await page.goto(url('/'));
      const collection = page.getByTestId('collection-link').first();
      const href = await collection.getAttribute('href');
      await collection.click();
      await page.waitForURL((u) => u.pathname === href);
      expect(await page.getByTestId('item-link').count()).toBeGreaterThan(0);
      await visit('10-collection');
      await page.goto(url('/about'));
      expect(await page.locator('h1').textContent()).toContain('Disan');
      await visit('11-about');
    }, STEP_TIMEOUT_MS);

    test('never makes the reader scroll sideways on the pages visited', () => {
      expect(overflowing).toEqual([]);
    });
  });
}

test.each(WEIGHED_ITEMS)('the item page %s weighs under 100 KB as served (HTML, CSS and JS, compressed; images aside)', async (id) => {
  const weight = await pageWeight(running().archive.siteUrl, `/item/${id}`);
  const files = weight.files.map((f) => `${f.url} ${f.bytes} B ${f.encoding}`).join('\n');
  expect(weight.total, files).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  expect(weight.files.some((f) => f.encoding.includes('by the bench')), `files the site sent uncompressed:\n${files}`).toBe(false);
});

test('every kind of page is valid HTML to the Nu checker, in all four languages', async () => {
  const pages: SavedPage[] = [];
  for (const [lang, prefix] of [['vi', ''], ['en', '/en'], ['km', '/km'], ['zh', '/zh']] as const) {
    for (const [name, path] of PAGE_TYPES) {
      const response = await fetch(url(`${prefix}${path === '/' && prefix ? '/' : path}`));
      expect(response.status, `${lang} ${path}`).toBe(name === 'not-found' ? 404 : 200);
      pages.push({ name: `${lang}-${name}.html`, html: await response.text() });
    }
  }
  expect(await htmlErrors(pages)).toEqual([]);
}, STEP_TIMEOUT_MS);

describe('bad input in the browser', () => {
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const desktop = VIEWPORTS.find((viewport) => viewport.name === 'desktop');
    if (!desktop) throw new Error('no desktop viewport');
    context = await desktop.open(running().browser);
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(async () => { await context.close(); });

  async function expectNothingRan(): Promise<void> {
    await page.waitForTimeout(500);
    expect(await page.locator('[data-injected]').count(), 'elements injected from metadata').toBe(0);
    const scripts = await page.locator('script:not([type="application/ld+json"])').allTextContents();
    expect(scripts.filter((text) => text.includes('__disanXss')), 'scripts from metadata').toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { __disanXss?: string }).__disanXss), 'a payload ran').toBeUndefined();
    expect(dialogs, 'dialogs opened by metadata').toEqual([]);
  }

  test('metadata holding <script> and <img onerror> shows as text on the item page and runs nothing', async () => {
    await page.goto(url(`/item/${HOSTILE_ID}`), { waitUntil: 'load' });
    expect(await page.getByTestId('item-title').textContent()).toContain('<script>');
    expect(await page.getByTestId('item-description').textContent()).toContain('onerror=');
    await page.getByTestId('gallery-image').first().waitFor();
    await screenshot(page, 'desktop', '12-hostile-item');
    await expectNothingRan();
  }, STEP_TIMEOUT_MS);

  test('the same metadata shows as text in server-rendered and as-you-type search results', async () => {
    await page.goto(url('/search?q=thu%20nghiem'), { waitUntil: 'load' });
    expect(await page.getByTestId('result-link').filter({ hasText: '<script>' }).count()).toBeGreaterThan(0);
    await expectNothingRan();
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-input').pressSequentially('nghiem', { delay: 40 });
    await page.waitForURL((u) => u.searchParams.get('q') === 'nghiem');
    await page.getByTestId('result-link').filter({ hasText: '<script>' }).first().waitFor({ timeout: 10_000 });
    await screenshot(page, 'desktop', '13-hostile-search');
    await expectNothingRan();
  }, STEP_TIMEOUT_MS);

  test('an unknown item shows the not-found page with status 404', async () => {
    const response = await page.goto(url('/item/khong-co-muc-nay'));
    expect(response?.status()).toBe(404);
    expect(await page.getByTestId('not-found').isVisible()).toBe(true);
    await checkPage(page, 'desktop', '14-not-found');
  }, STEP_TIMEOUT_MS);

  test('an unknown address under /km/ shows the not-found page in Khmer with status 404', async () => {
    const response = await page.goto(url('/km/khong-co-trang-nay'));
    expect(response?.status()).toBe(404);
    expect(await page.getByTestId('not-found').isVisible()).toBe(true);
    expect(await htmlLang(page)).toBe('km');
  }, STEP_TIMEOUT_MS);
});
