import type { ReaderMessages } from './messages.ts';

/**
 * The reader's doorbell, the only part loaded with the item page: it shows each PDF's
 * "open in the reader" button and, when pressed (or when a search passage asked for
 * a page, `?media=…&page=7&q=…`), loads the reader and pdf.js with a dynamic import.
 * Without JavaScript the button stays hidden and the page pictures remain.
 */
export function startReaders(): void {
  for (const holder of document.querySelectorAll<HTMLElement>('[data-reader]')) {
    const open = holder.querySelector<HTMLButtonElement>('[data-reader-open]');
    const { mediaId, src, page, q, messages } = holder.dataset;
    if (!open || !mediaId || !src || !messages) continue;
    const launch = async (at: number, words: string) => {
      open.hidden = true;
      const { openReader } = await import('./reader.ts');
      await openReader(holder, {
        mediaId, src, page: at, q: words, messages: JSON.parse(messages) as ReaderMessages,
        onClose: () => { open.hidden = false; open.focus(); },
      });
    };
    open.hidden = false;
    open.addEventListener('click', () => { void launch(1, ''); });
    if (page) void launch(Number(page), q ?? '');
  }
}
