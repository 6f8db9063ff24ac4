import { matchFiles, type DroppedFile, type SheetFile } from '../uploads/matching.ts';
import { uploaderOf } from './uploader.ts';

/**
 * The files a just-imported sheet names: a folder chosen or dropped (desktop), or files
 * picked, perhaps in several goes (a phone), matched by name to the sheet's rows
 * (uploads/matching.ts) and sent with the uploader's queue to each row's record.
 */
export function startSheetFiles(): void {
  const box = document.querySelector<HTMLElement>('[data-sheet-files]');
  const root = box?.closest<HTMLElement>('[data-uploader]');
  if (!box || !root) return;
  const uploader = uploaderOf(root);
  if (!uploader) return;
  let entries: SheetFile[];
  try {
    entries = JSON.parse(box.dataset.sheetFiles ?? '[]') as SheetFile[];
  } catch {
    return;
  }
  const { queue, messages } = uploader;
  const remaining = new Set(entries);
  const total = entries.length;
  const role = (name: string) => box.querySelector<HTMLElement>(`[data-role="${name}"]`);
  const show = (extra: readonly DroppedFile<File>[]) => {
    const matched = role('matched');
    const missing = role('missing');
    const left = role('extra');
    if (matched) matched.textContent = messages.t('import.matched', { matched: total - remaining.size, total });
    if (missing) missing.textContent = remaining.size === 0 ? '' : messages.t('import.missing', { names: [...remaining].map((e) => e.file).join(', ') });
    if (left) left.textContent = extra.length === 0 ? '' : messages.t('import.notInSheet', { names: extra.map((d) => d.path).join(', ') });
  };
  const take = (dropped: DroppedFile<File>[]) => {
    const matching = matchFiles([...remaining], dropped);
    for (const { entry, dropped: chosen } of matching.matched) {
      remaining.delete(entry);
      queue.add(chosen.file, { record: entry.record, ...(entry.caption ? { caption: entry.caption } : {}) });
    }
    show(matching.extra);
  };
  const fromInput = (input: HTMLInputElement) => {
    take([...(input.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file })));
    input.value = '';
  };
  const folder = box.querySelector<HTMLInputElement>('input[data-folder]');
  if (folder) {
    // Not in HTML (the validator refuses it), but every desktop browser reads it: a folder picker.
    folder.webkitdirectory = true;
    folder.addEventListener('change', () => { fromInput(folder); });
  }
  const pick = box.querySelector<HTMLInputElement>('#sheet-pick');
  pick?.addEventListener('change', () => { fromInput(pick); });
  const zone = role('drop');
  if (zone) {
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => { zone.classList.remove('over'); });
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      const items = [...(event.dataTransfer?.items ?? [])].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
      void Promise.all(items.map((e) => walk(e))).then((lists) => { take(lists.flat()); });
    });
  }
  show([]);
}

/** Every file under a dropped entry, with its path inside the drop (the folder's own name first). */
async function walk(entry: FileSystemEntry): Promise<DroppedFile<File>[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => { (entry as FileSystemFileEntry).file(resolve, reject); });
    return [{ path: entry.fullPath.replace(/^\//, ''), file }];
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers at most 100 entries a call: read until it answers none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => { reader.readEntries(resolve, reject); });
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const lists = await Promise.all(children.map((child) => walk(child)));
  return lists.flat();
}
