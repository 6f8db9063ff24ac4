import { startPlayButtons } from './play-buttons.ts';

const DEBOUNCE_MS = 250;

/**
 * The dictionary's search as you type, over the plain GET form. Each pause in typing asks
 * the site for the same results page the form would open and takes its rows and status
 * line: one template draws the rows with or without script (headword fonts, labels in the
 * reader's language, play buttons), so the two cannot drift apart. A newer search aborts
 * the older one; the status line (a polite live region) says what was found.
 */
export function startDictionarySearch(): void {
  const form = document.getElementById('dictionary-form');
  const input = document.getElementById('dictionary-q');
  const results = document.getElementById('dictionary-results');
  const status = document.getElementById('dictionary-status');
  const messages = document.getElementById('dictionary-live')?.dataset;
  if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement) || !results || !status || !messages) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;

  const show = (list: Element | null, text: string): void => {
    document.getElementById('dictionary-hits')?.remove();
    if (list) {
      results.append(document.adoptNode(list));
      startPlayButtons(results);
    }
    status.textContent = text;
  };

  const run = async (): Promise<void> => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
    const pageUrl = `${form.action}${params.size > 0 ? `?${params}` : ''}`;
    history.replaceState(null, '', pageUrl);
    if (!params.has('q')) {
      show(null, '');
      return;
    }
    status.textContent = messages.msgSearching ?? '';
    try {
      const response = await fetch(pageUrl, { signal: controller.signal, headers: { accept: 'text/html' } });
      if (!response.ok) throw new Error(`the dictionary page answered ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (current !== controller) return; // a newer search is on its way: this answer is stale
      show(page.getElementById('dictionary-hits'), page.getElementById('dictionary-status')?.textContent.trim() ?? '');
    } catch (error) {
      if (controller.signal.aborted) return;
      status.textContent = messages.msgError ?? '';
      console.error(error);
    }
  };

  const soon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  input.addEventListener('input', soon);
  form.querySelector('select')?.addEventListener('change', soon);
}
