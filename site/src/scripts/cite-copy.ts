/**
 * The Cite section's copy buttons: shown only where the clipboard can be written; a click
 * copies the reference's plain text and says so in the section's status line.
 */
export function startCopyButtons(): void {
  if (!('clipboard' in navigator)) return;
  const status = document.getElementById('cite-status');
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const reference = document.getElementById(button.dataset.copy ?? '');
    if (!reference) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const done = button.closest<HTMLElement>('[data-copied]')?.dataset.copied ?? '';
      navigator.clipboard.writeText(reference.dataset.text ?? reference.textContent).then(
        () => { if (status) status.textContent = done; },
        () => { if (status) status.textContent = ''; },
      );
    });
  }
}
