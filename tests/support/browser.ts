/**
 * A real Chromium (Debian's) driven by playwright-core for end-to-end tests: one
 * browser per test file, a phone-sized and a desktop-sized context, axe-core checks
 * and screenshots named by step.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
}

export interface Viewport {
  name: 'phone' | 'desktop';
  open: (browser: Browser) => Promise<BrowserContext>;
}

/** The two sizes every journey runs on: a common phone and a laptop. */
export const VIEWPORTS: Viewport[] = [
  {
    name: 'phone',
    open: (browser) => browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN', bypassCSP: true }),
  },
  {
    name: 'desktop',
    open: (browser) => browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', bypassCSP: true }),
  },
];

interface ScrollingWindow { scrollTo: (x: number, y: number) => void; document: { documentElement: { scrollHeight: number } } }

/**
 * Scrolls through the whole page so lazy images load, then back to the top: a
 * full-page screenshot does not scroll, and would show empty boxes below the fold.
 */
export async function scrollThrough(page: Page): Promise<void> {
  const step = page.viewportSize()?.height ?? 800;
  const height = await page.evaluate(() => (globalThis as unknown as ScrollingWindow).document.documentElement.scrollHeight);
  for (let y = step; y < height + step; y += step) {
    await page.evaluate((top) => { (globalThis as unknown as ScrollingWindow).scrollTo(0, top); }, y);
    await page.waitForTimeout(60);
  }
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => { (globalThis as unknown as ScrollingWindow).scrollTo(0, 0); });
}

/** Saves `tests/e2e/screenshots/<viewport>-<step>.png` (gitignored), lazy images loaded, and returns its path. */
export async function screenshot(page: Page, viewport: string, step: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await scrollThrough(page);
  const path = join(SCREENSHOTS, `${viewport}-${step}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

interface AxeNode { target: unknown[] }
interface AxeViolation { id: string; impact?: string | null; help: string; nodes: AxeNode[] }

/** The serious and critical axe-core violations of the page, one readable line each (empty = none). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${String(v.impact)}): ${v.help} — ${v.nodes.map((n) => n.target.map(String).join(' ')).join(', ')}`);
}
