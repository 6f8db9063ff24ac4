/**
 * The record editor's library parts follow the chosen kind: choosing "legal document"
 * opens the legal document's part. Parts are only ever opened, never closed, so nothing
 * typed is hidden. Without JavaScript the page opens them itself when it comes back.
 */
export function startLibraryParts(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-editor]')) {
    const kind = form.querySelector<HTMLSelectElement>('select[name="kind"]');
    kind?.addEventListener('change', () => {
      for (const part of form.querySelectorAll<HTMLDetailsElement>('details[data-kinds]')) {
        if ((part.dataset.kinds ?? '').split(' ').includes(kind.value)) part.open = true;
      }
    });
  }
}
