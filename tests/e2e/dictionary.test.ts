/**
 * The public dictionary (issue 14) in Chromium on a phone, with the site's Content Security
 * Policy enforced: the built site in front of a real API on a temporary archive holding this
 * test's own records (JSON Lines): a boat-race record and the word ទូកង linked to it, with a
 * recording generated here by ffmpeg and run through the real audio pipeline (Opus, MP3,
 * waveform). The public finds the word by its Khmer headword, by "ghe ngo" and by "tuk ngo",
 * hears it with one tap, opens its entry (DefinedTerm JSON-LD) and reaches the boat race;
 * the search box takes Khmer from the on-screen keyboard and answers as one types; axe-core
 * and the Nu checker find nothing on the pages in four languages.
 *
 * Needs the dictionary's API routes (dict-search's search, dict-api's entries and record
 * words): until they are merged the search steps find nothing.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Archive, type BackgroundWorker, importRecords, startBackgroundWorker } from '@disan/ingest';
import type { ItemInput } from '@disan/schemas';
import { buildApp } from '../../api/src/app.ts';
import { temporaryArchive } from '../support/archive.ts';
import { launchBrowser } from '../support/browser.ts';
import { startSite, type RunningSite } from '../support/site.ts';
import { checkPage, sidewaysOverflow } from './steps.ts';
import { htmlErrors, type SavedPage } from './vnu.ts';

const AXE_SOURCE = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };
const STEP_TIMEOUT_MS = 120_000;
const LANGS = ['vi', 'en', 'km', 'zh'] as const;
const prefix = (lang: string) => (lang === 'vi' ? '' : `/${lang}`);
const WORD = 'tuk-ngo-e2e';
const RACE = 'dua-ghe-ngo-e2e';

type Line = ItemInput & { media?: { file: string; caption?: string }[] };
const RECORDS: Line[] = [
  {
    id: RACE, kind: 'festival', status: 'published', access: { level: 'public' }, ethnicGroups: ['khmer'],
    title: [{ lang: 'vi', value: 'Đua ghe ngo Sóc Trăng' }, { lang: 'en', value: 'Ngo boat race of Sóc Trăng' }, { lang: 'km', value: 'ការប្រណាំងទូកង' }],
    description: [{ lang: 'en', value: 'Khmer crews race long ngo boats on the Maspero river at Ok Om Bok.' }],
  },
  {
    id: WORD, kind: 'word', status: 'published', access: { level: 'public' }, ethnicGroups: ['khmer'],
    title: [{ lang: 'km', value: 'ទូកង' }],
    entry: {
      language: 'km',
      headwords: [{ value: 'ទូកង', script: 'Khmr' }],
      romanisations: [{ value: 'tuk ngo', system: 'other' }, { value: 'tuk ng', system: 'ungegn' }],
      ipa: ['tuːk ŋɔː'],
      partOfSpeech: 'noun',
      senses: [{ glosses: [{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'ngo racing boat' }], domains: ['boat', 'festival'] }],
      sources: ['Test fixture written for this test'],
      records: [RACE],
    },
    media: [{ file: 'audio/tuk-ngo.wav', caption: 'Generated tone standing for ទូកង (not a voice)' }],
  },
];

let archive: Archive | undefined;
let worker: BackgroundWorker | undefined;
let api: FastifyInstance | undefined;
let site: RunningSite | undefined;
let dispose: () => Promise<void> = async () => {};
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;
const policyViolations: string[] = [];
const saved: SavedPage[] = [];

/** Waits until every medium of the word is processed (its Opus, MP3 and waveform made). */
async function mediaReady(archive: Archive, itemId: string): Promise<void> {
  for (let waited = 0; waited < 120_000; waited += 250) {
    const media = await archive.catalog.media.listForItem(itemId);
    if (media.length > 0 && media.every((m) => m.status === 'ready')) return;
    if (media.some((m) => m.status === 'failed')) throw new Error(`the recording failed: ${JSON.stringify(media)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the recording was not processed within 2 minutes');
}

beforeAll(async () => {
  const temp = await temporaryArchive({ LOG_LEVEL: 'silent' });
  dispose = temp.dispose;
  archive = temp.archive;
  const input = join(temp.dataDir, 'input');
  await mkdir(join(input, 'audio'), { recursive: true });
  // A generated sound (1.5 s, two tones), never a real voice: the fixture says so in its caption.
  await promisify(execFile)('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=0.7', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.8',
    '-filter_complex', '[0][1]concat=n=2:v=0:a=1', '-ar', '48000', join(input, 'audio', 'tuk-ngo.wav')]);
  await writeFile(join(input, 'records.jsonl'), RECORDS.map((r) => JSON.stringify(r)).join('\n'));
  const report = await importRecords(archive, join(input, 'records.jsonl'));
  const failures = [...report.failures.map((f) => f.reason), ...(report.media?.failures.map((f) => f.reason) ?? [])];
  if (failures.length > 0) throw new Error(`fixture import failed: ${failures.join('; ')}`);
  worker = await startBackgroundWorker(archive, { pollMs: 100 });
  await mediaReady(archive, WORD);
  api = await buildApp({ archive, config: archive.config, logger: false });
  await api.listen({ host: '127.0.0.1', port: 0 });
  site = await startSite(`http://127.0.0.1:${(api.server.address() as AddressInfo).port}`);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) policyViolations.push(message.text()); });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.stop();
  await api?.close();
  await worker?.stop();
  await dispose();
});

function running(): { page: Page; site: RunningSite } {
  if (!page || !site) throw new Error('the site or the browser did not start (see beforeAll)');
  return { page, site };
}
const url = (path: string) => `${running().site.url}${path}`;

/** axe-core through the DevTools protocol (the page's CSP rightly refuses an added script tag), then the shared checks. */
async function checked(page: Page, step: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  await checkPage(page, 'phone', step);
  saved.push({ name: `${step}.html`, html: await page.content() });
}

test.each(['ទូកង', 'ghe ngo', 'tuk ngo'])('the public searching "%s" (a plain GET, no script needed) finds ទូកង', async (q) => {
  const { page } = running();
  await page.goto(url(`/en/dictionary?q=${encodeURIComponent(q)}`));
  const row = page.locator(`[data-testid="entry-row"][data-entry="${WORD}"]`);
  await row.waitFor();
  expect(await row.locator('.headword').getAttribute('lang')).toBe('km');
  expect(await row.textContent()).toContain('ngo racing boat');
  if (q === 'ទូកង') expect(await row.getByTestId('entry-exact').count(), 'the exact headword is marked').toBe(1);
}, STEP_TIMEOUT_MS);

test('one tap plays the word: the audio loads and its time advances', async () => {
  const { page } = running();
  await page.goto(url(`/en/dictionary?q=${encodeURIComponent('ទូកង')}`));
  const row = page.locator(`[data-testid="entry-row"][data-entry="${WORD}"]`);
  const button = row.getByTestId('play-button');
  await button.waitFor({ state: 'visible' });
  const audio = row.getByTestId('word-audio');
  expect(await audio.evaluate((node) => (node as unknown as { paused: boolean }).paused), 'nothing plays by itself').toBe(true);
  await button.tap();
  await expect.poll(() => audio.evaluate((node) => (node as unknown as { readyState: number }).readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => audio.evaluate((node) => (node as unknown as { currentTime: number }).currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await audio.evaluate((node) => (node as unknown as { currentSrc: string }).currentSrc)).toMatch(/\/api\/media\/[a-z0-9-]+\/audio-(opus|mp3)$/);
  await checked(page, 'en-dictionary-search');
}, STEP_TIMEOUT_MS);

test('the entry page carries DefinedTerm JSON-LD and leads to the boat race record, whose page lists the word', async () => {
  const { page } = running();
  await page.goto(url(`/en/dictionary?q=${encodeURIComponent('tuk ngo')}`));
  await page.locator(`[data-testid="entry-row"][data-entry="${WORD}"] [data-testid="entry-link"]`).tap();
  await page.waitForURL(url(`/en/dictionary/${WORD}`));
  expect(await page.getByTestId('entry-headword').textContent()).toBe('ទូកង');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? 'null') as Record<string, unknown>;
  expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'DefinedTerm', name: 'ទូកង', termCode: WORD, alternateName: ['tuk ngo', 'tuk ng'], inDefinedTermSet: { '@type': 'DefinedTermSet' } });
  expect(jsonLd.url).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
  expect(await page.getByTestId('waveform').count(), 'the recording has its waveform').toBe(1);
  expect(await sidewaysOverflow(page)).toBeNull();
  await checked(page, 'en-dictionary-entry');
  await page.getByTestId('entry-record').first().tap();
  await page.waitForURL(url(`/en/item/${RACE}`));
  const words = page.getByTestId('record-words');
  expect(await words.locator(`[data-entry="${WORD}"]`).count()).toBe(1);
  expect(await words.getByTestId('play-button').isVisible()).toBe(true);
}, STEP_TIMEOUT_MS);

test('the search box takes ទូកង from the on-screen keyboard and finds the word as it is typed', async () => {
  const { page } = running();
  await page.goto(url('/km/dictionary'));
  const input = page.getByTestId('dictionary-input');
  await page.getByTestId('keyboard-toggle').tap();
  await page.getByTestId('keyboard-panel').waitFor();
  await input.tap();
  const shift = page.getByTestId('keyboard-shift');
  for (const key of [shift, page.getByTestId('key-AD05'), shift, page.getByTestId('key-AD07'), page.getByTestId('key-AC08'), page.getByTestId('key-AC05')]) await key.tap();
  expect(await input.inputValue()).toBe('ទូកង');
  // Each key is a search of its own (the prefix ទូ already finds the word): the last one's answer settles the status line.
  await expect.poll(() => page.getByTestId('dictionary-status').textContent(), { timeout: 10_000 }).toContain('«ទូកង»');
  expect(await page.locator(`#dictionary-hits [data-entry="${WORD}"]`).count()).toBe(1);
  expect(new URL(page.url()).searchParams.get('q'), 'the address follows the search').toBe('ទូកង');
  expect(policyViolations).toEqual([]);
}, STEP_TIMEOUT_MS);

test('the dictionary and entry pages in four languages: nothing serious for axe-core, valid HTML for the Nu checker', async () => {
  const { page } = running();
  for (const lang of LANGS) {
    await page.goto(url(`${prefix(lang)}/dictionary?q=${encodeURIComponent('ghe ngo')}`));
    await checked(page, `${lang}-dictionary-results`);
    await page.goto(url(`${prefix(lang)}/dictionary/${WORD}`));
    await checked(page, `${lang}-dictionary-entry-page`);
  }
  await page.goto(url('/dictionary/browse/khmer'));
  await checked(page, 'vi-dictionary-browse');
  expect(await htmlErrors(saved)).toEqual([]);
}, 240_000);
