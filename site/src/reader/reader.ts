import type { FoundPage, WordBox } from '@disan/schemas';
import { findInMedia, ocrWords } from './api.ts';
import type { ReaderMessages } from './messages.ts';
import { openPdf, renderPage, type PDFDocumentProxy } from './pdf.ts';
import { button, element, fill, markPage, ocrTextLayer } from './view.ts';
import './reader.css';

export interface ReaderOptions {
  mediaId: string;
  src: string;
  /** The page to open at (1-based). */
  page: number;
  /** Words to find and highlight as soon as the document is open. */
  q: string;
  messages: ReaderMessages;
  /** Called after the reader is closed and removed. */
  onClose: () => void;
}

interface PageView {
  number: number;
  section: HTMLElement;
  canvas: HTMLCanvasElement;
  text: HTMLElement;
  boxes: HTMLElement;
  /** Size at scale 1, known once the page was read (page 1's size until then). */
  size: { width: number; height: number };
  renderedAt: number | null;
  rendering: Promise<void> | null;
}

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
/** Pages this far (in screen heights) above or below the visible ones are drawn ahead of time. */
const RENDER_AHEAD = '150% 0px';

/**
 * The document reader: pages drawn by pdf.js with their text layer, zoom and fit to
 * width, thumbnails, go to page, and search inside the document with every hit
 * marked on its page (in the text layer, or as boxes over a scan's OCR words) and a
 * list of hits to step through. Controls are buttons and inputs with labels; page
 * changes and hit counts are announced (aria-live); PageUp/PageDown turn pages.
 */
export async function openReader(holder: HTMLElement, options: ReaderOptions): Promise<void> {
  const m = options.messages;
  const root = element('div', { class: 'reader-ui', role: 'region', 'aria-label': m.region, tabindex: '-1', 'data-testid': 'reader' });
  const status = element('p', { class: 'reader-status', 'aria-live': 'polite', 'data-testid': 'reader-status' }, m.loading);
  const cleanups: (() => void)[] = [];
  holder.append(root);
  root.append(status);
  root.focus();
  let doc: PDFDocumentProxy;
  try {
    const opened = await openPdf(options.src);
    doc = opened.doc;
    cleanups.push(() => void opened.close());
  } catch {
    status.textContent = m.error;
    root.append(closeButton());
    return;
  }
  const total = doc.numPages;
  const first = await doc.getPage(1);
  const base = first.getViewport({ scale: 1 });

  // Controls.
  const prev = button(m.previous, '‹', { 'data-testid': 'reader-previous' });
  const next = button(m.next, '›', { 'data-testid': 'reader-next' });
  const pageInput = element('input', { type: 'number', min: '1', max: String(total), inputmode: 'numeric', id: `reader-page-${options.mediaId}`, 'data-testid': 'reader-page-input' });
  const goto = element('form', { class: 'reader-goto' },
    element('label', { for: pageInput.id }, m.pageInput), pageInput, element('button', { type: 'submit' }, m.go));
  const zoomOut = button(m.zoomOut, '−');
  const zoomIn = button(m.zoomIn, '+');
  const fitWidth = button(m.fitWidth, '↔', { 'aria-pressed': 'true' });
  const thumbsToggle = button(m.thumbnails, '▦', { 'aria-expanded': 'false', 'aria-controls': `reader-thumbs-${options.mediaId}` });
  const findInput = element('input', { type: 'search', id: `reader-find-${options.mediaId}`, maxlength: '200', 'data-testid': 'reader-find-input' });
  const findForm = element('form', { class: 'reader-find', role: 'search' },
    element('label', { for: findInput.id }, m.search), findInput, element('button', { type: 'submit', 'data-testid': 'reader-find' }, m.searchButton));
  const prevHit = button(m.previousHit, '↑', { disabled: '' });
  const nextHit = button(m.nextHit, '↓', { disabled: '', 'data-testid': 'reader-next-hit' });
  const hitStatus = element('p', { class: 'reader-hit-status', 'aria-live': 'polite', 'data-testid': 'reader-hit-status' });
  const hitList = element('ol', { class: 'reader-hitlist', 'data-testid': 'reader-hits' });
  const thumbList = element('ol');
  const thumbs = element('nav', { class: 'reader-thumbs', id: `reader-thumbs-${options.mediaId}`, 'aria-label': m.thumbnails, hidden: '' }, thumbList);
  // Focusable, so the keyboard can scroll it (arrow keys) like any scrolled region.
  const pagesBox = element('div', { class: 'reader-pages', role: 'group', tabindex: '0', 'aria-label': m.thumbnails, 'data-testid': 'reader-pages' });
  root.append(
    element('div', { class: 'reader-bar' }, prev, goto, next, zoomOut, zoomIn, fitWidth, thumbsToggle, closeButton()),
    element('div', { class: 'reader-bar' }, findForm, prevHit, nextHit),
    hitStatus, hitList,
    element('div', { class: 'reader-body' }, thumbs, pagesBox),
  );

  // Pages: empty frames sized like page 1, drawn when they come near the screen.
  const pages: PageView[] = Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    const canvas = element('canvas', { 'aria-hidden': 'true' });
    const text = element('div', { class: 'textLayer' });
    const boxes = element('div', { class: 'reader-boxes', 'aria-hidden': 'true' });
    const section = element('section', { class: 'reader-page', 'data-page': String(number), 'aria-label': fill(m.page, { page: number }), 'data-testid': 'reader-page' }, canvas, text, boxes);
    pagesBox.append(section);
    return { number, section, canvas, text, boxes, size: { width: base.width, height: base.height }, renderedAt: null, rendering: null };
  });

  let scale = 1;
  let fit = true;
  let current = 1;
  let found: FoundPage[] = [];
  let cursor: { index: number; n: number } | null = null;
  let words: Promise<Map<number, WordBox[][]>> | null = null;

  const fitScale = () => Math.max(0.25, (pagesBox.clientWidth - 16) / base.width);
  const sizePage = (view: PageView) => {
    view.section.style.width = `${Math.floor(view.size.width * scale)}px`;
    view.section.style.height = `${Math.floor(view.size.height * scale)}px`;
    view.section.style.setProperty('--total-scale-factor', String(scale));
  };

  const draw = (view: PageView): Promise<void> => {
    if (view.renderedAt === scale && view.rendering) return view.rendering;
    const at = scale;
    view.renderedAt = at;
    view.rendering = (async () => {
      const page = await doc.getPage(view.number);
      const size = page.getViewport({ scale: 1 });
      view.size = { width: size.width, height: size.height };
      sizePage(view);
      const hasText = await renderPage(page, at, view.canvas, view.text);
      if (!hasText) await addOcrText(view);
      markPage(view.text, view.boxes, found.find((f) => f.page === view.number));
    })();
    return view.rendering;
  };

  const addOcrText = async (view: PageView) => {
    words ??= ocrWords(options.mediaId).catch(() => new Map<number, WordBox[][]>());
    const lines = (await words).get(view.number);
    if (lines) ocrTextLayer(view.text, lines, view.size.height * scale);
  };

  const nearby = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const view = pages[Number((entry.target as HTMLElement).dataset.page) - 1];
      if (view) void draw(view);
    }
  }, { root: pagesBox, rootMargin: RENDER_AHEAD });
  cleanups.push(() => { nearby.disconnect(); });

  const setScale = (next: number, fitting: boolean) => {
    const anchor = current;
    fit = fitting;
    scale = fitting ? fitScale() : next;
    fitWidth.setAttribute('aria-pressed', String(fitting));
    pages.forEach(sizePage);
    nearby.disconnect();
    pages.forEach((view) => { nearby.observe(view.section); });
    scrollToPage(anchor);
  };

  const announcePage = () => {
    status.textContent = fill(m.status, { page: current, total });
    pageInput.value = String(current);
    prev.disabled = current <= 1;
    next.disabled = current >= total;
    for (const thumb of thumbList.querySelectorAll('button')) thumb.toggleAttribute('aria-current', Number(thumb.dataset.page) === current);
  };

  const scrollToPage = (number: number) => {
    const view = pages[Math.min(Math.max(number, 1), total) - 1]!;
    // The frame is positioned (reader.css), so a page's offsetTop is measured from the frame.
    pagesBox.scrollTop = view.section.offsetTop - 8;
    current = view.number;
    announcePage();
    void draw(view);
  };

  // The current page is the one holding the middle of the frame (where a hit is scrolled to).
  let scrollQueued = false;
  pagesBox.addEventListener('scroll', () => {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(() => {
      scrollQueued = false;
      const line = pagesBox.scrollTop + pagesBox.clientHeight / 2;
      const view = pages.find((p) => p.section.offsetTop + p.section.offsetHeight > line) ?? pages.at(-1)!;
      if (view.number !== current) {
        current = view.number;
        announcePage();
      }
    });
  }, { passive: true });

  // Thumbnails: drawn small, only once the list is open and they scroll into it.
  const thumbObserver = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      thumbObserver.unobserve(entry.target);
      const canvas = entry.target.querySelector('canvas');
      const number = Number((entry.target as HTMLElement).dataset.page);
      if (canvas) void doc.getPage(number).then((page) => renderPage(page, 96 / page.getViewport({ scale: 1 }).width, canvas, element('div')));
    }
  }, { root: thumbs, rootMargin: '200px 0px' });
  cleanups.push(() => { thumbObserver.disconnect(); });
  for (const view of pages) {
    const thumb = button(fill(m.thumbnail, { page: view.number }), '', { 'data-page': String(view.number) });
    thumb.append(element('canvas', { 'aria-hidden': 'true' }), element('span', {}, String(view.number)));
    thumb.addEventListener('click', () => { scrollToPage(view.number); });
    thumbList.append(element('li', {}, thumb));
  }
  thumbsToggle.addEventListener('click', () => {
    const open = thumbs.hidden;
    thumbs.hidden = !open;
    thumbsToggle.setAttribute('aria-expanded', String(open));
    if (open) for (const thumb of thumbList.querySelectorAll('button')) thumbObserver.observe(thumb);
    else thumbObserver.disconnect();
    setScale(scale, fit);
  });

  // Search inside the document.
  const hitsBefore = (index: number) => found.slice(0, index).reduce((sum, page) => sum + page.hits, 0);
  const totalHits = () => hitsBefore(found.length);
  const showHit = async (index: number, n: number) => {
    const page = found[index];
    if (!page) return;
    const view = pages[page.page - 1]!;
    scrollToPage(page.page);
    await draw(view);
    const marks = [...view.section.querySelectorAll<HTMLElement>('.reader-hit')];
    const target = marks[Math.min(n, marks.length - 1)];
    cursor = { index, n: Math.min(n, Math.max(marks.length - 1, 0)) };
    for (const mark of pagesBox.querySelectorAll('.reader-hit-current')) mark.classList.remove('reader-hit-current');
    target?.classList.add('reader-hit-current');
    target?.scrollIntoView({ block: 'center', inline: 'nearest' });
    hitStatus.textContent = fill(m.hitOf, { hit: Math.min(hitsBefore(index) + cursor.n + 1, totalHits()), total: totalHits(), page: page.page });
  };
  const step = async (direction: 1 | -1) => {
    if (found.length === 0) return;
    if (!cursor) return showHit(direction === 1 ? 0 : found.length - 1, 0);
    const view = pages[found[cursor.index]!.page - 1]!;
    const marks = view.section.querySelectorAll('.reader-hit').length;
    const n = cursor.n + direction;
    if (n >= 0 && n < marks) return showHit(cursor.index, n);
    const index = (cursor.index + direction + found.length) % found.length;
    return showHit(index, direction === 1 ? 0 : Number.MAX_SAFE_INTEGER);
  };
  let searching: AbortController | null = null;
  const search = async (q: string, atPage?: number) => {
    searching?.abort();
    const controller = new AbortController();
    searching = controller;
    try {
      found = q.trim() === '' ? [] : await findInMedia(options.mediaId, q.trim(), controller.signal);
    } catch {
      if (!controller.signal.aborted) hitStatus.textContent = m.searchError;
      return;
    }
    cursor = null;
    for (const view of pages) if (view.renderedAt !== null) markPage(view.text, view.boxes, found.find((f) => f.page === view.number));
    hitList.replaceChildren(...found.map((page, index) => {
      const item = button(fill(m.hitsOnPage, { page: page.page, count: page.hits }), fill(m.hitsOnPage, { page: page.page, count: page.hits }));
      item.addEventListener('click', () => { void showHit(index, 0); });
      return element('li', {}, item);
    }));
    prevHit.disabled = nextHit.disabled = found.length === 0;
    hitStatus.textContent = q.trim() === '' ? '' : found.length === 0 ? m.noHits : fill(m.hits, { count: totalHits() });
    const start = atPage === undefined ? 0 : found.findIndex((page) => page.page === atPage);
    if (found.length > 0 && start !== -1) await showHit(start, 0);
  };

  // Wiring.
  prev.addEventListener('click', () => { scrollToPage(current - 1); });
  next.addEventListener('click', () => { scrollToPage(current + 1); });
  goto.addEventListener('submit', (event) => {
    event.preventDefault();
    const number = Number(pageInput.value);
    if (Number.isInteger(number) && number >= 1 && number <= total) scrollToPage(number);
  });
  const zoomBy = (direction: 1 | -1) => {
    const steps = direction === 1 ? ZOOM_STEPS.filter((z) => z > scale + 0.01) : ZOOM_STEPS.filter((z) => z < scale - 0.01).reverse();
    setScale(steps[0] ?? scale, false);
  };
  zoomIn.addEventListener('click', () => { zoomBy(1); });
  zoomOut.addEventListener('click', () => { zoomBy(-1); });
  fitWidth.addEventListener('click', () => { setScale(scale, true); });
  findForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(findInput.value);
  });
  prevHit.addEventListener('click', () => { void step(-1); });
  nextHit.addEventListener('click', () => { void step(1); });
  root.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement;
    if (event.key === 'PageDown' || (!typing && event.key === 'ArrowRight')) scrollToPage(current + 1);
    else if (event.key === 'PageUp' || (!typing && event.key === 'ArrowLeft')) scrollToPage(current - 1);
    else if (!typing && (event.key === '+' || event.key === '=')) zoomBy(1);
    else if (!typing && event.key === '-') zoomBy(-1);
    else return;
    event.preventDefault();
  });
  let width = pagesBox.clientWidth;
  const resized = new ResizeObserver(() => {
    if (fit && Math.abs(pagesBox.clientWidth - width) > 4) setScale(scale, true);
    width = pagesBox.clientWidth;
  });
  resized.observe(pagesBox);
  cleanups.push(() => { resized.disconnect(); });

  function closeButton(): HTMLButtonElement {
    const close = button(m.close, '✕', { class: 'reader-close', 'data-testid': 'reader-close' });
    close.addEventListener('click', () => {
      cleanups.forEach((cleanup) => { cleanup(); });
      root.remove();
      options.onClose();
    });
    return close;
  }

  setScale(1, true);
  scrollToPage(options.page);
  if (options.q !== '') {
    findInput.value = options.q;
    await search(options.q, options.page);
  }
}
