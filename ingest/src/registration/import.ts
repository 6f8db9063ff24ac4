import { createReadStream } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Value } from 'typebox/value';
import { ImportMediaRef, type ItemInput } from '@disan/schemas';
import type { Archive } from '../archive.ts';
import { ValidationError } from '../errors.ts';
import { describe, type IngestReport } from './files.ts';
import { elementLinkProblems } from '../inventory/links.ts';
import { ingest } from '../pipeline/run-ingest.ts';
import type { SheetEntry } from './sheet.ts';
import { resolveInside } from './walk.ts';

export interface ImportReport {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  failures: { line: number; reason: string }[];
  /** What happened to the files the records named, when any did. */
  media: IngestReport | null;
}

const INDEX_BATCH = 500;
const MAX_LINE_CHARS = 1_000_000;

/**
 * Loads catalog records from JSON Lines (one ItemInput per line), so metadata from
 * other systems comes in without files; a line may name files to attach in `media`
 * ([{ "file": "photos/a.jpg", "caption": "…" }], relative to the JSON Lines file),
 * which then go through the same pipeline as `disan ingest`. A bad line is reported
 * with its number and reason; the others go through. Importing twice changes nothing.
 */
export async function importRecords(archive: Archive, path: string, options: { author?: string } = {}): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, created: 0, updated: 0, unchanged: 0, failures: [], media: null };
  const root = dirname(resolve(path));
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const entries: SheetEntry[] = [];
  const files: string[] = [];
  let pendingIndex: string[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    report.lines++;
    try {
      const { record, media } = parseLine(line);
      const attach: string[] = [];
      for (const ref of media) {
        const resolved = await resolveInside(root, ref.file);
        if ('reason' in resolved) throw new ImportLineError(`media "${ref.file}": ${resolved.reason}`);
        attach.push(resolved.path);
      }
      for (const collection of record.collections ?? []) await archive.catalog.collections.ensure(collection, collection);
      // A link to a missing element, or to a record that is not one, would count wrongly in coverage: refused like the workspace refuses it.
      const linkProblems = await elementLinkProblems(archive.db, record);
      if (linkProblems.length > 0) throw new ImportLineError(linkProblems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
      const result = await archive.catalog.items.upsert(record, { author: options.author ?? 'import' });
      report[result.created ? 'created' : result.changed ? 'updated' : 'unchanged']++;
      pendingIndex.push(record.id);
      media.forEach((ref, index) => {
        entries.push({
          line: lineNumber,
          file: ref.file,
          itemId: record.id,
          ...(ref.caption ? { caption: ref.caption } : {}),
          ...(ref.recording ? { recording: ref.recording } : {}),
          ...(ref.access ? { access: ref.access } : {}),
        });
        files.push(attach[index]!);
      });
    } catch (error) {
      report.failures.push({ line: lineNumber, reason: describe(error) });
    }
    if (pendingIndex.length >= INDEX_BATCH) {
      await archive.indexer.indexItems(pendingIndex);
      pendingIndex = [];
    }
  }
  await archive.indexer.indexItems(pendingIndex);
  if (files.length > 0) {
    report.media = await ingest(archive, { inputs: [...new Set(files)], entries, root, entrySource: basename(path), author: options.author ?? 'import' });
  }
  return report;
}

function parseLine(line: string): { record: ItemInput; media: ImportMediaRef[] } {
  if (line.length > MAX_LINE_CHARS) throw new ImportLineError(`the line is longer than ${MAX_LINE_CHARS} characters`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ImportLineError(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportLineError('each line must be one JSON object (an item)');
  const { media = [], ...record } = value as { media?: unknown };
  const shape = 'media must be a list of { "file": "relative/path", "caption": "…", "recording": {…}, "access": {…} }';
  if (!Array.isArray(media)) throw new ImportLineError(shape);
  const problems = media.flatMap((ref: unknown, index) => [...Value.Errors(ImportMediaRef, ref)].map((e) => `media[${index}]${e.instancePath} ${e.message}`));
  if (problems.length > 0) throw new ImportLineError(`${shape}: ${problems.join('; ')}`);
  // The item itself is validated against the Item schema by the catalog, every problem listed.
  return { record: record as ItemInput, media: media as ImportMediaRef[] };
}

class ImportLineError extends ValidationError {}
