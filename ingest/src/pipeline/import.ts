import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ItemInput } from '@disan/schemas';
import type { Archive } from '../archive.ts';
import { ValidationError } from '../errors.ts';
import { describe } from './ingest.ts';

export interface ImportReport {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  failures: { line: number; reason: string }[];
}

const INDEX_BATCH = 500;
const MAX_LINE_CHARS = 1_000_000;

/**
 * Loads catalog records from JSON Lines (one ItemInput per line), so metadata from
 * other systems comes in without files. A bad line is reported with its number
 * and reason; the others go through. Importing the same file twice changes nothing.
 */
export async function importRecords(archive: Archive, path: string, options: { author?: string } = {}): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, created: 0, updated: 0, unchanged: 0, failures: [] };
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let pendingIndex: string[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    report.lines++;
    try {
      const record = parseLine(line);
      for (const collection of record.collections ?? []) await archive.catalog.collections.ensure(collection, collection);
      const result = await archive.catalog.items.upsert(record, { author: options.author ?? 'import' });
      report[result.created ? 'created' : result.changed ? 'updated' : 'unchanged']++;
      pendingIndex.push(record.id);
    } catch (error) {
      report.failures.push({ line: lineNumber, reason: describe(error) });
    }
    if (pendingIndex.length >= INDEX_BATCH) {
      await archive.indexer.indexItems(pendingIndex);
      pendingIndex = [];
    }
  }
  await archive.indexer.indexItems(pendingIndex);
  return report;
}

function parseLine(line: string): ItemInput {
  if (line.length > MAX_LINE_CHARS) throw new ImportLineError(`the line is longer than ${MAX_LINE_CHARS} characters`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ImportLineError(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportLineError('each line must be one JSON object (an item)');
  // Validation against the Item schema happens in the catalog, with every problem listed.
  return value as ItemInput;
}

class ImportLineError extends ValidationError {}
