import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Value } from 'typebox/value';
import { Collection, type ItemInput } from '@disan/schemas';
import type { Archive } from '../archive.ts';
import { DisanError } from '../errors.ts';
import { forEachLimited } from './concurrency.ts';
import { registerOriginal, type RegistrationOutcome } from './register.ts';
import { readSheet, type ParsedSheet, type SheetEntry } from './sheet.ts';
import { slugify } from './slug.ts';
import { resolveInside, walk, type FoundFile } from './walk.ts';

export interface IngestOptions {
  inputs: string[];
  /** Metadata sheet; a folder's own metadata.csv is used when this is not given. */
  sheet?: string;
  /** Collection for files the sheet does not describe. */
  collection?: string;
  author?: string;
  concurrency?: number;
  onEvent?: (event: IngestEvent) => void;
  /** Files already assigned to items (a JSON Lines import), used instead of a sheet; paths relative to `root`. */
  entries?: SheetEntry[];
  root?: string;
  /** How reports name where an entry came from: "metadata sheet" (default) or the import file's name. */
  entrySource?: string;
}

export type FileOutcome = RegistrationOutcome;

export type IngestEvent =
  | { type: 'found'; total: number }
  | { type: 'file'; file: string; outcome: FileOutcome; reason?: string };

export interface IngestReport {
  files: number;
  outcomes: Record<FileOutcome, number>;
  failures: { file: string; reason: string }[];
  /** Files that went in but that a person should look at (captions longer than their recording...). */
  warnings: { file: string; warning: string }[];
  items: { created: number; updated: number; unchanged: number };
}

export type Recorder = (file: string, outcome: FileOutcome, reason?: string) => void;

export function emptyReport(): IngestReport {
  return { files: 0, outcomes: { ingested: 0, skipped: 0, stored: 0, failed: 0 }, failures: [], warnings: [], items: { created: 0, updated: 0, unchanged: 0 } };
}

/**
 * Turns files and a metadata sheet into catalog items, stored originals and
 * queued derivative jobs. Every file's failure is its own (a reason a person can
 * act on); everything else goes through. Running it again skips what is done and
 * finishes what was interrupted: ids and keys are derived from content.
 */
export async function registerFiles(
  archive: Archive,
  options: IngestOptions,
  report: IngestReport,
  record: Recorder,
  /** Media ids whose derivative job was queued, to the file they came from. */
  waiting: Map<string, string>,
): Promise<void> {
  const emit = options.onEvent ?? (() => undefined);

  const root = options.root ?? (await ingestRoot(options.inputs));
  const sheet: ParsedSheet = options.entries ? { items: new Map(), entries: options.entries, rejected: [] } : await loadSheet(options, root);
  const source = options.entrySource ?? 'metadata sheet';
  await loadCollections(archive, options.inputs, options.collection);
  const author = options.author ?? 'ingest';

  for (const rejected of sheet.rejected) {
    record(`${source} line ${rejected.line}${rejected.file ? ` (${rejected.file})` : ''}`, 'failed', rejected.reason);
  }
  const touchedItems = new Set<string>();
  for (const [id, item] of sheet.items) {
    const result = await archive.catalog.items.upsert(item, { author });
    report.items[result.created ? 'created' : result.changed ? 'updated' : 'unchanged']++;
    touchedItems.add(id);
  }

  // Sheet entries by the real path of their file, after refusing paths that escape the root.
  const described = new Map<string, SheetEntry>();
  for (const entry of sheet.entries) {
    const resolved = await resolveInside(root, entry.file);
    if ('reason' in resolved) record(`${source} line ${entry.line} (${entry.file})`, 'failed', resolved.reason);
    else described.set(resolved.path, entry);
  }
  const seen = new Set<string>();

  const found: (FoundFile | { relativePath: string; reason: string })[] = [];
  for await (const file of walk(options.inputs, root)) found.push(file);
  const candidates = found.filter((f) => !('path' in f) || !isSidecar(f, options.sheet));
  const files = candidates.filter((f): f is FoundFile => 'path' in f);
  report.files = candidates.length;
  emit({ type: 'found', total: report.files });
  for (const bad of candidates) if (!('path' in bad)) record(bad.relativePath, 'failed', bad.reason);

  const positions = new Map<string, number>();
  await forEachLimited(files, options.concurrency ?? archive.config.ingest.concurrency, async (file) => {
    const absolute = file.path.toString('utf8');
    seen.add(absolute);
    const entry = described.get(absolute);
    try {
      const itemId = entry?.itemId ?? (await ensureFileItem(archive, file, options.collection, author));
      touchedItems.add(itemId);
      const position = positions.get(itemId) ?? 0;
      positions.set(itemId, position + 1);
      const original = { path: file.path, size: file.size, name: file.relativePath };
      const described = { ...(entry?.caption ? { caption: entry.caption } : {}), ...(entry?.recording ? { recording: entry.recording } : {}), ...(entry?.access ? { access: entry.access } : {}) };
      const registered = await registerOriginal(archive, original, { itemId, position, ...described }, (mediaId) => {
        waiting.set(mediaId, file.relativePath);
      });
      if (registered.status !== 'queued') {
        if (registered.mediaId) waiting.delete(registered.mediaId);
        record(file.relativePath, registered.status, registered.reason);
      }
    } catch (error) {
      record(file.relativePath, 'failed', describe(error));
    }
  });
  for (const [path, entry] of described) {
    if (!seen.has(path)) record(`${source} line ${entry.line} (${entry.file})`, 'failed', 'listed but not among the files being ingested');
  }
  await archive.indexer.indexItems(touchedItems);
}

/** A file the sheet does not describe becomes a draft item named after the file, for an archivist to complete. */
async function ensureFileItem(archive: Archive, file: FoundFile, collection: string | undefined, author: string): Promise<string> {
  const id = slugify(file.relativePath.replace(/\.[^./]+$/, ''));
  if (await archive.catalog.items.get(id)) return id;
  const title = file.relativePath.split('/').pop()!.replace(/\.[^.]+$/, '') || file.relativePath;
  const item: ItemInput = {
    id,
    kind: 'other',
    ethnicGroups: [],
    title: [{ lang: 'vi', value: title }],
    status: 'draft',
    access: { level: 'public' },
    provenance: { method: 'digitisation', source: file.relativePath },
    ...(collection ? { collections: [collection] } : {}),
  };
  await archive.catalog.items.upsert(item, { author });
  return id;
}

/** Sheet paths are relative to the folder being ingested (or to the folder of the first file given). */
async function ingestRoot(inputs: readonly string[]): Promise<string> {
  const first = resolve(inputs[0] ?? '.');
  const isFolder = await stat(first).then((info) => info.isDirectory(), () => false);
  return isFolder ? first : dirname(first);
}

async function loadSheet(options: IngestOptions, root: string): Promise<ParsedSheet> {
  const candidate = options.sheet ?? join(root, 'metadata.csv');
  const exists = await stat(candidate).then((s) => s.isFile(), () => false);
  if (!exists) {
    if (options.sheet) throw new DisanError(`the metadata sheet ${options.sheet} does not exist`);
    return { items: new Map(), entries: [], rejected: [] };
  }
  return readSheet(candidate);
}

/** A folder may carry a collections.json describing its collections in several languages. */
async function loadCollections(archive: Archive, inputs: readonly string[], fallback: string | undefined): Promise<void> {
  for (const input of inputs) {
    const text = await readFile(join(input, 'collections.json'), 'utf8').catch(() => null);
    if (text === null) continue;
    const list = JSON.parse(text) as unknown[];
    for (const value of list) {
      if (!Value.Check(Collection, value)) throw new DisanError(`${join(input, 'collections.json')}: ${[...Value.Errors(Collection, value)].map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
      await archive.catalog.collections.upsert(value);
    }
  }
  if (fallback) await archive.catalog.collections.ensure(fallback, fallback);
}

/** Files at the top of an ingested folder that describe it (sheets, notes, JSON) rather than being media. */
const SIDECAR = /\.(csv|json|jsonl|md|txt)$/i;

function isSidecar(file: FoundFile, sheet: string | undefined): boolean {
  const absolute = file.path.toString('utf8');
  if (sheet && resolve(sheet) === absolute) return true;
  // A file the archivist names explicitly is never skipped: it gets ingested or a reason.
  if (file.given) return false;
  const rel = relative(file.root, absolute);
  return !rel.includes(sep) && SIDECAR.test(rel);
}

export function describe(error: unknown): string {
  // A full disk or an unreachable service is said as it is; only unknown errors are "internal".
  if (error instanceof DisanError && error.status !== 500) return error.message;
  if (error instanceof Error) return `internal error: ${error.message}`;
  return 'internal error';
}
