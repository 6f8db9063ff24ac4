import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * The reader's only door to pdf.js. Safety: the worker is a file of this site (bundled
 * by Vite, so `script-src 'self'` covers it); pdfjs 6 has no eval path left (no
 * `isEvalSupported` to turn off, no `new Function` in its build); XFA forms are off; the
 * scripting sandbox (`pdf.sandbox.mjs`) and the viewer that would load it are never
 * imported, so a PDF's JavaScript cannot run. Only the pages read are fetched, by
 * range (`disableAutoFetch`), so a 200-page report shows page 1 without downloading it all.
 */
GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy, PDFPageProxy };

/** Opens a PDF by URL; `close` ends its worker and downloads. */
export async function openPdf(url: string): Promise<{ doc: PDFDocumentProxy; close: () => Promise<void> }> {
  const task = getDocument({ url, enableXfa: false, disableAutoFetch: true, disableStream: true });
  try {
    return { doc: await task.promise, close: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    throw error;
  }
}

/** The largest canvas side drawn, so a zoomed page on a phone does not exhaust its memory. */
const MAX_CANVAS_SIDE = 4096;

/**
 * Draws a page at a scale into a canvas and its text layer into a div (spans placed
 * over the words, transparent, selectable, read by screen readers). Resolves with
 * whether the page has any text (a scan has none).
 */
export async function renderPage(page: PDFPageProxy, scale: number, canvas: HTMLCanvasElement, textLayer: HTMLElement): Promise<boolean> {
  const viewport = page.getViewport({ scale });
  const ratio = Math.min(window.devicePixelRatio || 1, 2, MAX_CANVAS_SIDE / Math.max(viewport.width, viewport.height));
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  const transform = ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0];
  await page.render({ canvas, viewport, ...(transform ? { transform } : {}) }).promise;
  const text = await page.getTextContent();
  textLayer.replaceChildren();
  await new TextLayer({ textContentSource: text, container: textLayer, viewport }).render();
  return text.items.some((item) => 'str' in item && item.str.trim() !== '');
}
