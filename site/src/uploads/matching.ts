/**
 * The files a person drops (a folder on a computer, a handful of files on a phone) matched
 * to the files a sheet names. A sheet says `photos/le-hoi-01.jpg` or `le-hoi-01.jpg`; a
 * dropped folder gives `Chuyến đi/photos/le-hoi-01.jpg` (its own name first), a phone only
 * `le-hoi-01.jpg`. Names are compared in Unicode NFC (macOS hands out NFD Vietnamese),
 * with `\` read as `/`, then without case when that is still unambiguous (Windows keeps
 * `IMG_01.JPG` for `img_01.jpg`).
 */

/** What the sheet names: its `file` cell, and what the upload needs. */
export interface SheetFile {
  file: string;
  record: string;
  caption?: string | undefined;
  line: number;
}

/** A chosen file by its path inside the drop (webkitRelativePath, or the name alone). */
export interface DroppedFile<F> {
  path: string;
  file: F;
}

export interface Matching<F> {
  matched: { entry: SheetFile; dropped: DroppedFile<F> }[];
  /** Named by the sheet, not among the chosen files (yet). */
  missing: SheetFile[];
  /** Chosen but named by no row (left out), or matching several rows equally. */
  extra: DroppedFile<F>[];
}

/**
 * @example normalizePath('.\\Ảnh\\a.JPG') // 'Ảnh/a.JPG'
 */
export function normalizePath(path: string): string {
  return path
    .normalize('NFC')
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .trim();
}

const segments = (path: string) => normalizePath(path).split('/').filter((s) => s !== '' && s !== '.');

/**
 * How many trailing segments two paths share (0: not even the name).
 * @example sharedTail('Trip/photos/a.jpg', 'photos/a.jpg') // 2
 */
export function sharedTail(a: string, b: string, fold = false): number {
  const x = segments(a);
  const y = segments(b);
  let n = 0;
  while (n < x.length && n < y.length) {
    const p = x[x.length - 1 - n] ?? '';
    const q = y[y.length - 1 - n] ?? '';
    if (fold ? p.toLocaleLowerCase() !== q.toLocaleLowerCase() : p !== q) break;
    n += 1;
  }
  return n;
}

/**
 * The best sheet row for each dropped file: the row whose whole path is the end of the
 * file's path (longest first), else the one row with the same name. A row takes one file;
 * a second file for the same row, or a name two rows share with nothing to tell them
 * apart, is left out rather than guessed.
 */
export function matchFiles<F>(entries: readonly SheetFile[], dropped: readonly DroppedFile<F>[]): Matching<F> {
  const taken = new Set<SheetFile>();
  const matched: Matching<F>['matched'] = [];
  const extra: DroppedFile<F>[] = [];
  // Files with longer paths first, so `a/x.jpg` and `b/x.jpg` each find their own row.
  const order = [...dropped].sort((p, q) => segments(q.path).length - segments(p.path).length);
  for (const candidate of order) {
    const entry = bestEntry(entries, taken, candidate.path, false) ?? bestEntry(entries, taken, candidate.path, true);
    if (entry === undefined) extra.push(candidate);
    else {
      taken.add(entry);
      matched.push({ entry, dropped: candidate });
    }
  }
  matched.sort((p, q) => p.entry.line - q.entry.line);
  const missing = entries.filter((entry) => !taken.has(entry));
  return { matched, missing, extra };
}

function bestEntry(entries: readonly SheetFile[], taken: ReadonlySet<SheetFile>, path: string, fold: boolean): SheetFile | undefined {
  let best: SheetFile[] = [];
  let bestScore = 0;
  for (const entry of entries) {
    if (taken.has(entry)) continue;
    const wanted = segments(entry.file).length;
    const shared = sharedTail(entry.file, path, fold);
    // Every segment the sheet names must match (wanted); or, failing that, the name alone (1).
    const score = shared === wanted ? 2 * wanted : shared >= 1 ? 1 : 0;
    if (score === 0) continue;
    if (score > bestScore) {
      best = [entry];
      bestScore = score;
    } else if (score === bestScore) best.push(entry);
  }
  return best.length === 1 ? best[0] : undefined;
}
