import { isDeepStrictEqual } from 'node:util';
import type { DictionaryFormat, DictionaryImportAudio, DictionaryImportReport, DictionaryImportRow, ItemInput, ItemStatus, RecordDraft } from '@disan/schemas';
import type { Viewer } from '../../access/index.ts';
import type { Archive } from '../../archive.ts';
import { DisanError, ValidationError } from '../../errors.ts';
import { registerOriginal, type IncomingOriginal } from '../../registration/register.ts';
import { entryItem, type ReadEntry } from './entry.ts';

/** The audio files an import can reach, by the path the entry names (`audio/x.wav`): a folder's, or a zip's. */
export type AudioSource = (file: string) => Promise<IncomingOriginal | undefined>;

export interface DictionaryImportOptions {
  /** Only say what would happen (the preview); nothing is written. */
  dryRun: boolean;
  /** The status new entries are given (default draft); a sheet's status column wins for its row. */
  status?: ItemStatus;
  /** The note of every version written. */
  note?: string;
}

/** The note every version an import writes carries, unless the import names its own. */
export const DICTIONARY_IMPORT_NOTE = 'imported from a dictionary file';

/**
 * Brings entries read from a LIFT file or a sheet into the catalog through the workspace
 * engine (versions, review, the viewer's rights): each becomes a `word` item, by the same
 * id at every import, written only when its content changed; its audio files are
 * registered as the item's media (registerOriginal: stored by content, the audio pipeline
 * queued) and attached. One entry failing does not stop the others; its row says why.
 */
export async function importDictionary(archive: Archive, viewer: Viewer, format: DictionaryFormat, read: readonly ReadEntry[], audio: AudioSource, options: DictionaryImportOptions): Promise<DictionaryImportReport> {
  const rows: DictionaryImportRow[] = [];
  let written = 0;
  for (const entry of read) {
    const row = await importEntry(archive, viewer, entry, audio, options);
    if (!options.dryRun && (row.outcome === 'new' || row.outcome === 'changed')) written++;
    rows.push(row);
  }
  return { format, dryRun: options.dryRun, entries: rows.length, invalid: rows.filter((row) => row.outcome === 'invalid').length, written, rows };
}

const draftOf = ({ status: _status, ...draft }: ItemInput): RecordDraft => draft;
/** What an exchange file carries of an item: a change elsewhere is not the file's to undo. */
const carried = (item: ItemInput) => ({ kind: item.kind, title: item.title, entry: item.entry, access: item.access });

async function importEntry(archive: Archive, viewer: Viewer, read: ReadEntry, audio: AudioSource, options: DictionaryImportOptions): Promise<DictionaryImportRow> {
  const row: DictionaryImportRow = { line: read.line, outcome: 'invalid', errors: [...read.errors], warnings: [...read.warnings], audio: [] };
  const exchanged = read.entry;
  if (!exchanged) {
    if (row.errors.length === 0) row.outcome = 'skipped';
    return row;
  }
  row.entryId = exchanged.id;
  row.headword = exchanged.entry.headwords[0]?.value;
  const head = await archive.workspace.get(viewer, exchanged.id);
  const wanted = exchanged.status ?? (head ? undefined : (options.status ?? 'draft'));
  const item = entryItem(exchanged, head?.item.status ?? 'draft', head?.item);
  row.outcome = !head ? 'new' : isDeepStrictEqual(carried(head.item), carried(item)) ? 'unchanged' : 'changed';
  const files = await Promise.all(exchanged.recordings.map(async (recording) => ({ recording, original: await audio(recording.file) })));
  for (const { recording, original } of files) {
    if (!original) row.warnings.push(`${recording.file}: the audio file is not in the upload (or the folder); the entry is imported without it`);
    row.audio.push({ file: recording.file, outcome: original ? 'to-register' : 'missing' });
  }
  if (options.dryRun) return row;
  const note = options.note ?? DICTIONARY_IMPORT_NOTE;
  try {
    let version = head?.version ?? 0;
    if (!head) version = (await archive.workspace.create(viewer, draftOf(item), { note })).version;
    else if (row.outcome === 'changed') version = (await archive.workspace.save(viewer, exchanged.id, draftOf(item), { ifMatch: head.version, note })).record.version;
    const onHead = new Set(head?.media.map((medium) => medium.id));
    for (const [index, { recording, original }] of files.entries()) {
      if (!original) continue;
      const outcome = await registerAudio(archive, viewer, exchanged.id, original, { position: index, ...(recording.caption ? { caption: recording.caption } : {}) }, onHead);
      row.audio[index] = { file: recording.file, ...outcome };
      if (outcome.version !== undefined) version = outcome.version;
    }
    const steps = stepsTo(head?.item.status ?? 'draft', wanted);
    for (const step of steps) version = (await archive.workspace[step](viewer, exchanged.id, { ifMatch: version, note })).version;
  } catch (error) {
    if (!(error instanceof DisanError) || error.status >= 500) throw error;
    row.errors.push(error.message);
    row.outcome = 'invalid';
  }
  return row;
}

async function registerAudio(archive: Archive, viewer: Viewer, itemId: string, original: IncomingOriginal, target: { position: number; caption?: string }, onHead: ReadonlySet<string>): Promise<Omit<DictionaryImportAudio, 'file'> & { version?: number }> {
  const actor = viewer.kind === 'user' && viewer.id ? `user:${viewer.id}` : 'system';
  const registration = await registerOriginal(archive, original, { itemId, ...target, attachLater: true, actor });
  if (registration.status === 'failed' || registration.mediaId === undefined) return { outcome: 'failed', reason: 'reason' in registration ? (registration.reason ?? 'not registered') : 'not registered' };
  // attach does nothing when the file is on the head already: a re-import writes no version for it.
  const record = await archive.workspace.media.attach(viewer, itemId, registration.mediaId, target.caption ? { caption: target.caption } : {});
  return { outcome: onHead.has(registration.mediaId) ? 'already' : 'registered', version: record.version };
}

/** The review steps from a state to the one asked for; none when nothing is asked or it is already so. */
function stepsTo(from: ItemStatus, to: ItemStatus | undefined): ('submit' | 'publish')[] {
  if (to === undefined || to === from) return [];
  if (to === 'in-review' && from === 'draft') return ['submit'];
  if (to === 'published') return from === 'draft' ? ['submit', 'publish'] : from === 'in-review' ? ['publish'] : [];
  throw new StatusError(`status: an import makes entries draft, in-review or published; a ${from} entry cannot become ${to} by one`);
}

class StatusError extends ValidationError {}
