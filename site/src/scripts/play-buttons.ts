/**
 * The dictionary's play buttons: each `[data-play]` holds an `<audio>` with the browser's
 * controls (for a page without script) and a hidden button. Here the button takes over:
 * one tap plays, another pauses, and only one word sounds at a time. `root` lets the live
 * search wire the rows it has just drawn.
 */
export function startPlayButtons(root: ParentNode): void {
  for (const holder of root.querySelectorAll<HTMLElement>('[data-play]:not([data-wired])')) {
    const audio = holder.querySelector('audio');
    const button = holder.querySelector('button');
    if (!audio || !button) continue;
    holder.dataset.wired = '';
    audio.controls = false;
    audio.hidden = true;
    button.hidden = false;
    const pressed = (on: boolean) => { button.setAttribute('aria-pressed', String(on)); };
    audio.addEventListener('play', () => { pressed(true); });
    audio.addEventListener('pause', () => { pressed(false); });
    audio.addEventListener('ended', () => { pressed(false); audio.currentTime = 0; });
    button.addEventListener('click', () => {
      if (!audio.paused) {
        audio.pause();
        return;
      }
      for (const other of document.querySelectorAll('audio')) if (other !== audio && !other.paused) other.pause();
      // A tap is the user gesture the phone's browser needs; a refusal (no playable source) leaves the button as it was.
      audio.play().catch((error: unknown) => { pressed(false); console.error(error); });
    });
  }
}
