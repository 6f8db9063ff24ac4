/** Browser steps shared by the end-to-end tests: what a page shows, beyond what a locator says. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityProblems, screenshot } from '../support/browser.ts';

/** The test files run without the DOM typings: the few page objects they touch, typed by hand. */
interface FocusableNode { ownerDocument: { activeElement: unknown } }
interface ImageNode { complete: boolean; naturalWidth: number }

interface LayoutNode { tagName: string; className: unknown; textContent: string | null; children: ArrayLike<LayoutNode>; getBoundingClientRect: () => { right: number } }
interface LayoutWindow { document: { documentElement: { scrollWidth: number }; querySelectorAll: (selector: string) => ArrayLike<LayoutNode> } }

/**
 * Whether the page is wider than the screen (the reader would scroll sideways), with
 * the innermost elements sticking out, so the failure says what to fix.
 */
export function sidewaysOverflow(page: Page): Promise<string | null> {
  // The screen's width, not innerWidth: a mobile browser widens its layout viewport to fit overflowing content.
  const screenWidth = page.viewportSize()?.width ?? 0;
  return page.evaluate((width) => {
    const doc = (globalThis as unknown as LayoutWindow).document;
    if (doc.documentElement.scrollWidth <= width) return null;
    const sticksOut = (node: LayoutNode) => node.getBoundingClientRect().right > width + 1;
    const innermost = Array.from(doc.querySelectorAll('body *')).filter((node) => sticksOut(node) && !Array.from(node.children).some(sticksOut));
    const names = innermost.slice(0, 5).map((node) => {
      const classes = typeof node.className === 'string' && node.className !== '' ? `.${node.className.split(' ').join('.')}` : '';
      return `${node.tagName.toLowerCase()}${classes} "${(node.textContent ?? '').trim().slice(0, 40)}"`;
    });
    return `${doc.documentElement.scrollWidth}px wide on a ${width}px screen: ${names.join(', ')}`;
  }, screenWidth);
}

/** Saves the step's screenshot and fails with a readable list if axe-core finds serious or critical problems. */
export async function checkPage(page: Page, viewport: string, step: string): Promise<void> {
  await screenshot(page, viewport, step);
  const problems = await accessibilityProblems(page);
  expect(problems, `axe-core on ${step} (${viewport}, ${page.url()})`).toEqual([]);
}

export function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((node) => (node as unknown as FocusableNode).ownerDocument.activeElement === node);
}

/** Presses Tab until `target` has the focus; returns how many presses it took (Infinity if never within `limit`). */
export async function tabUntilFocused(page: Page, target: Locator, limit = 40): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return presses;
  }
  return Infinity;
}

/** Waits for an image to finish loading and returns its decoded width (0 = broken). */
export async function naturalWidth(image: Locator): Promise<number> {
  await image.scrollIntoViewIfNeeded();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = await image.evaluate((node) => {
      const img = node as unknown as ImageNode;
      return { complete: img.complete, width: img.naturalWidth };
    });
    if (state.complete || Date.now() > deadline) return state.width;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The fonts Chromium actually drew the element's text with (from DevTools), so a
 * test can tell real glyphs from the empty boxes of a font without the script.
 */
export async function fontsDrawing(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.filter((font) => font.glyphCount > 0).map((font) => font.familyName);
  } finally {
    await cdp.detach();
  }
}

/** Item ids of the result links on a search page, from their `/item/<id>` addresses. */
export async function resultIds(page: Page): Promise<string[]> {
  const hrefs = await page.getByTestId('result-link').evaluateAll((links) => links.map((link) => (link as unknown as { href: string }).href));
  return hrefs.map((href) => decodeURIComponent(new URL(href).pathname.split('/item/')[1] ?? ''));
}

/** Where a video or audio element stands, once the browser has read enough to seek (media fragments such as #t=90 apply then). */
export async function mediaCurrentTime(media: Locator, atLeast: number, timeoutMs = 10_000): Promise<number> {
  const read = () => media.evaluate((element) => (element as unknown as { currentTime: number }).currentTime);
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    const time = await read();
    if (time >= atLeast) return time;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return read();
}
