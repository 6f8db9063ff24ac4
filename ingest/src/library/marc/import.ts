import type { ItemInput, MarcImportOutcome, MarcImportReport, RecordDraft, WorkspaceRecord } from '@disan/schemas';
import { canImportLibraryRecords, type Viewer } from '../../access/index.ts';
import type { Catalog } from '../../catalog/catalog.ts';
import { DisanError } from '../../errors.ts';
import { NotPermittedError, type Workspace } from '../../workspace/types.ts';
import { fromMarc, MarcRecordError } from './from-marc.ts';
import { readMarcFile } from './read.ts';

export interface MarcImportDeps {
  workspace: Pick<Workspace, 'get' | 'create' | 'save' | 'submit'>;
  catalog: Pick<Catalog, 'collections'>;
}

export interface MarcImportOptions {
  /** The state imported records are left in: drafts, or submitted for review. */
  status?: 'draft' | 'in-review';
  /** A collection every imported record joins (created when the archive lacks it). */
  collection?: string;
  note?: string;
}

/** The note on every version an import writes, unless the caller names one. */
export const MARC_IMPORT_NOTE = 'imported from a MARC file';

/**
 * Imports a MARC file (MARCXML or ISO 2709) through the workspace engine, so every
 * record gets its versions, review state and search index like one typed in. A record is
 * known again by its origin (the file's name and its 001), so importing the same file
 * twice changes nothing, and a corrected file writes a new version of the same items.
 * Each record is imported or refused on its own; the report gives the reason for each refusal.
 */
export async function importMarcFile(deps: MarcImportDeps, viewer: Viewer, bytes: Uint8Array, name: string, options: MarcImportOptions = {}): Promise<MarcImportReport> {
  if (!canImportLibraryRecords(viewer)) throw new NotPermittedError('Importing MARC records needs the right to create records');
  const file = await readMarcFile(bytes, name);
  const note = options.note ?? MARC_IMPORT_NOTE;
  if (options.collection) await deps.catalog.collections.ensure(options.collection);
  const report: MarcImportReport = { name, format: file.format, created: 0, updated: 0, unchanged: 0, refused: 0, records: [] };
  for (const entry of file.entries) {
    const base = { position: entry.position, ...(entry.controlNumber ? { controlNumber: entry.controlNumber } : {}) };
    if (!entry.ok) {
      report.refused++;
      report.records.push({ ...base, outcome: 'refused', reason: entry.reason });
      continue;
    }
    let item: ItemInput | undefined;
    try {
      item = fromMarc(entry.record, { source: name, ...(options.collection ? { collections: [options.collection] } : {}) });
      const outcome = await writeRecord(deps, viewer, item, options.status ?? 'draft', note);
      report[outcome]++;
      report.records.push({ ...base, itemId: item.id, title: item.title[0]!.value, outcome });
    } catch (error) {
      if (!(error instanceof MarcRecordError) && (!(error instanceof DisanError) || error.status >= 500)) throw error;
      report.refused++;
      report.records.push({ ...base, ...(item ? { itemId: item.id, title: item.title[0]!.value } : {}), outcome: 'refused', reason: error.message });
    }
  }
  return report;
}

const draftOf = ({ status: _status, ...draft }: ItemInput): RecordDraft => draft;

async function writeRecord(deps: MarcImportDeps, viewer: Viewer, item: ItemInput, status: 'draft' | 'in-review', note: string): Promise<Exclude<MarcImportOutcome, 'refused'>> {
  const head = await deps.workspace.get(viewer, item.id);
  let record: WorkspaceRecord;
  let outcome: Exclude<MarcImportOutcome, 'refused'>;
  if (!head) {
    record = await deps.workspace.create(viewer, draftOf(item), { note });
    outcome = 'created';
  } else {
    const saved = await deps.workspace.save(viewer, item.id, draftOf(keepLocalChoices(item, head)), { ifMatch: head.version, note });
    record = saved.record;
    outcome = saved.changed ? 'updated' : 'unchanged';
  }
  if (status === 'in-review' && record.item.status === 'draft') {
    await deps.workspace.submit(viewer, item.id, { ifMatch: record.version, note });
    if (outcome === 'unchanged') outcome = 'updated';
  }
  return outcome;
}

/**
 * What the archive decided about a record after an earlier import stays: who may read it,
 * the ethnic groups and collections an archivist added. The bibliographic fields are the file's.
 */
function keepLocalChoices(item: ItemInput, head: WorkspaceRecord): ItemInput {
  const collections = [...new Set([...(head.item.collections ?? []), ...(item.collections ?? [])])];
  const ethnicGroups = [...new Set([...head.item.ethnicGroups, ...item.ethnicGroups])];
  return { ...item, access: head.item.access, ethnicGroups, ...(collections.length > 0 ? { collections } : {}) };
}
