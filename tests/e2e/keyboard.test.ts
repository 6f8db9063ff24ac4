/**
 * The on-screen Khmer and Cham keyboard (issue 14) in Chromium on a 360 px phone, with the
 * site's Content Security Policy enforced: the built site in front of a real API on an
 * empty temporary archive (the search page needs nothing more). Keys are tapped, and the
 * search box's value is read back code point by code point.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig } from '@disan/ingest/config';
import { temporaryArchive } from '../support/archive.ts';
import { launchBrowser } from '../support/browser.ts';
import { startSite, type RunningSite } from '../support/site.ts';
import { checkPage, isFocused, sidewaysOverflow } from './steps.ts';

const AXE_SOURCE = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const PHONE = { width: 360, height: 740 };

let api: FastifyInstance | undefined;
let site: RunningSite | undefined;
let dispose: () => Promise<void> = async () => {};
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;
const scripts: string[] = [];
const policyViolations: string[] = [];

beforeAll(async () => {
  const temp = await temporaryArchive({ LOG_LEVEL: 'silent' });
  dispose = temp.dispose;
  api = await buildApp({ archive: temp.archive, config: loadConfig({ DISAN_DATA_DIR: temp.dataDir, LOG_LEVEL: 'silent' }), logger: false });
  await api.listen({ host: '127.0.0.1', port: 0 });
  site = await startSite(`http://127.0.0.1:${(api.server.address() as AddressInfo).port}`);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'km-KH' });
  page = await context.newPage();
  page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname); });
  page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) policyViolations.push(message.text()); });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.stop();
  await api?.close();
  await dispose();
});

function running(): { page: Page; site: RunningSite } {
  if (!page || !site) throw new Error('the site or the browser did not start (see beforeAll)');
  return { page, site };
}

const input = () => running().page.getByTestId('search-input');
const key = (position: string) => running().page.getByTestId(`key-${position}`);
const shift = () => running().page.getByTestId('keyboard-shift');
const codePoints = (value: string) => Array.from(value, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`);

async function tapAll(locators: Locator[]): Promise<void> {
  for (const locator of locators) await locator.tap();
}

async function openSearch(): Promise<void> {
  const { page, site } = running();
  await page.goto(`${site.url}/km/search`);
  await input().fill('');
}

test('the search page loads only the button; the keyboard comes when it is first pressed', async () => {
  const { page } = running();
  await openSearch();
  const toggle = page.getByTestId('keyboard-toggle');
  await toggle.waitFor();
  expect(scripts.filter((s) => s.includes('keyboard-panel')), 'the panel is not fetched before it is asked for').toEqual([]);
  await toggle.tap();
  await page.getByTestId('keyboard-panel').waitFor();
  expect(scripts.some((s) => s.includes('keyboard-panel')), `scripts fetched: ${scripts.join(', ')}`).toBe(true);
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  expect(await page.getByTestId('keyboard-layout-khmer-nida').getAttribute('aria-pressed')).toBe('true');
  const field = await input().boundingBox();
  const panel = await page.getByTestId('keyboard-panel').boundingBox();
  expect(field && panel && field.y >= 0 && field.y + field.height <= panel.y, 'the search box is scrolled above the docked keyboard').toBe(true);
});

test('tapping x, coeng, m, Shift+e, r types ខ្មែរ with the subscript ម, and the keys show the subscript after a coeng', async () => {
  const { page } = running();
  await input().tap();
  await tapAll([key('AB02'), key('AC07')]);
  expect(await key('AB07').textContent(), 'after a coeng a consonant key shows its subscript form').toBe('◌្ម');
  expect(await page.locator('[data-kb-status]').textContent()).not.toBe('');
  await key('AB07').tap();
  await shift().tap();
  expect(await shift().getAttribute('aria-pressed')).toBe('true');
  await key('AD03').tap();
  expect(await shift().getAttribute('aria-pressed'), 'shift holds for one key').toBe('false');
  await key('AD04').tap();
  expect(codePoints(await input().inputValue())).toEqual(['U+1781', 'U+17D2', 'U+1798', 'U+17C2', 'U+179A']);
  expect(await input().inputValue()).toBe('ខ្មែរ');
  expect(await isFocused(input()), 'tapping keys leaves the focus in the search box').toBe(true);
});

test('space, ទូកង, and backspace removing a subscript as one letter', async () => {
  const { page } = running();
  await page.getByTestId('keyboard-space').tap();
  await tapAll([shift(), key('AD05'), shift(), key('AD07'), key('AC08'), key('AC05')]);
  expect(await input().inputValue()).toBe('ខ្មែរ ទូកង');
  await input().fill('ខ្ម');
  await page.getByTestId('keyboard-backspace').tap();
  expect(codePoints(await input().inputValue())).toEqual(['U+1781']);
});

test('a key replaces the selection and leaves the caret after what it typed', async () => {
  await input().fill('កខ');
  await input().evaluate((node) => { (node as unknown as { setSelectionRange: (a: number, b: number) => void }).setSelectionRange(1, 2); });
  await key('AC05').tap();
  await key('AC01').tap();
  expect(await input().inputValue()).toBe('កងា');
});

test('the Cham layout types ꨌꩌ "Cam" with the final consonant sign M (q, Shift+m)', async () => {
  const { page } = running();
  await input().fill('');
  await page.getByTestId('keyboard-layout-cham').tap();
  expect(await page.getByTestId('keyboard-layout-cham').getAttribute('aria-pressed')).toBe('true');
  expect(await page.getByTestId('keyboard-altgr').isVisible(), 'Cham has no AltGr level').toBe(false);
  await tapAll([key('AD01'), shift(), key('AB07')]);
  expect(codePoints(await input().inputValue())).toEqual(['U+AA0C', 'U+AA4C']);
  expect(await key('AD01').getAttribute('lang')).toBe('cjm');
});

test('on a 360 px phone the keyboard fits the screen and every key is at least 44 px square', async () => {
  const { page } = running();
  for (const layout of ['khmer-nida', 'cham']) {
    await page.getByTestId(`keyboard-layout-${layout}`).tap();
    expect(await sidewaysOverflow(page)).toBeNull();
    const boxes = await page.locator('.kb-panel button:not([disabled]):not([hidden])').evaluateAll((nodes) =>
      nodes.map((n) => { const r = (n as unknown as { getBoundingClientRect: () => { width: number; height: number; right: number } }).getBoundingClientRect(); return { w: r.width, h: r.height, right: r.right }; }));
    expect(boxes.length).toBeGreaterThan(40);
    const small = boxes.filter((b) => b.w < 44 || b.h < 44 || b.right > PHONE.width);
    expect(small, `${layout}: keys under 44 px or off the screen`).toEqual([]);
  }
});

test('keyboard only: the button opens the panel, Enter on a focused key types into the field, Escape closes and returns to the button', async () => {
  const { page } = running();
  await openSearch();
  const toggle = page.getByTestId('keyboard-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('keyboard-panel').waitFor();
  await page.getByTestId('keyboard-layout-khmer-nida').focus();
  await page.keyboard.press('Enter');
  await key('AC08').focus();
  await page.keyboard.press('Enter');
  expect(await input().inputValue()).toBe('ក');
  expect(await isFocused(key('AC08')), 'the key keeps the focus').toBe(true);
  expect(await key('AC08').getAttribute('aria-label')).toBe('ក U+1780');
  await page.keyboard.press('Escape');
  expect(await page.getByTestId('keyboard-panel').isVisible()).toBe(false);
  expect(await isFocused(toggle)).toBe(true);
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
});

test('fields added later inside a data-keyboard-fields container get their button (the editor\'s new rows)', async () => {
  const { page } = running();
  await openSearch();
  await page.getByTestId('keyboard-toggle').waitFor();
  await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { createElement: (tag: string) => { innerHTML: string }; querySelector: (s: string) => { append: (n: unknown) => void } } }).document;
    const form = doc.createElement('div');
    form.innerHTML = '<div data-keyboard-fields="[name$=\'[value]\']"><label for="t-value">Title</label><input id="t-value" name="title[0][value]" type="text" data-testid="added-value"><label for="t-lang">Language</label><input id="t-lang" name="title[0][lang]" type="text"></div>';
    doc.querySelector('main').append(form);
  });
  const added = page.getByTestId('added-value');
  const button = added.locator('xpath=following-sibling::button[1]');
  await button.waitFor();
  expect(await page.locator('#t-lang + button').count(), 'a field the selector does not name gets no button').toBe(0);
  await added.tap();
  await button.tap();
  await page.getByTestId('keyboard-layout-cham').tap();
  await key('AC08').tap();
  expect(codePoints(await added.inputValue())).toEqual(['U+AA06']);
  expect(await input().inputValue(), 'the search box is left alone').toBe('');
  await page.getByTestId('keyboard-close').tap();
});

test('axe-core finds nothing serious with the keyboard open, and the page breaks no policy', async () => {
  const { page } = running();
  await openSearch();
  await page.getByTestId('keyboard-toggle').tap();
  await page.getByTestId('keyboard-panel').waitFor();
  await page.evaluate(AXE_SOURCE);
  await checkPage(page, 'phone', 'keyboard-open');
  expect(policyViolations).toEqual([]);
});
