/** The share box's copy button: shown only where the clipboard can be written; says in the status line that it worked. */
export function startShareCopy(): void {
  const button = document.getElementById('share-copy');
  const field = document.getElementById('share-url');
  const status = document.getElementById('share-status');
  if (!('clipboard' in navigator) || !(button instanceof HTMLButtonElement) || !(field instanceof HTMLInputElement) || !status) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(field.value).then(
      () => { status.textContent = button.dataset.copied ?? ''; },
      () => { field.select(); status.textContent = ''; },
    );
  });
}
