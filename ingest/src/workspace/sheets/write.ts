import type { ItemInput, RecordDraft, SheetPreview } from '@disan/schemas';
import type { Viewer } from '../../access/index.ts';
import type { Catalog } from '../../catalog/catalog.ts';
import { DisanError } from '../../errors.ts';
import type { Workspace } from '../types.ts';
import type { RecordPlan, SheetPlan } from './plan.ts';

export interface SheetWriteDeps {
  workspace: Pick<Workspace, 'create' | 'save' | 'submit' | 'publish' | 'sendBack'>;
  catalog: Pick<Catalog, 'collections'>;
}

/** The note every version a sheet writes carries, unless the import names its own. */
export const SHEET_NOTE = 'imported from a sheet';

/**
 * Carries out a sheet's plan through the workspace engine, record by record: new records
 * are created as drafts, changed ones get a new version from the head the preview read
 * (a head that moved since is a conflict, reported on the row), unchanged ones are not
 * touched, and the status column's review steps follow. One record failing does not stop
 * the others; its rows carry the reason. Answers the preview with `written` set.
 */
export async function writeSheet(deps: SheetWriteDeps, viewer: Viewer, plan: SheetPlan, options: { note?: string | undefined } = {}): Promise<SheetPreview> {
  const note = options.note ?? SHEET_NOTE;
  let written = 0;
  const failed = new Map<string, string>();
  for (const record of plan.records) {
    if (record.outcome !== 'new' && record.outcome !== 'changed') continue;
    try {
      if (await writeRecord(deps, viewer, record, note)) written++;
    } catch (error) {
      if (!(error instanceof DisanError) || error.status >= 500) throw error;
      failed.set(record.id, error.message);
    }
  }
  const preview = plan.preview;
  const rows = preview.rows.map((row) => {
    const reason = row.itemId === undefined ? undefined : failed.get(row.itemId);
    return reason === undefined ? row : { ...row, outcome: 'invalid' as const, errors: [reason] };
  });
  return {
    ...preview,
    rows,
    invalid: rows.filter((row) => row.outcome === 'invalid').length,
    written,
    files: preview.files.filter((file) => !failed.has(file.record)),
  };
}

const draftOf = ({ status: _status, ...draft }: ItemInput): RecordDraft => draft;

async function writeRecord(deps: SheetWriteDeps, viewer: Viewer, record: RecordPlan, note: string): Promise<boolean> {
  const item = record.item!;
  // As `disan ingest --sheet` does: a collection the sheet names and the archive lacks is created, for an editor to describe.
  for (const collection of item.collections ?? []) await deps.catalog.collections.ensure(collection);
  let version: number;
  let changed = true;
  if (record.outcome === 'new') {
    version = (await deps.workspace.create(viewer, draftOf(item), { note })).version;
  } else {
    const saved = await deps.workspace.save(viewer, record.id, draftOf(item), { ifMatch: record.headVersion!, note });
    version = saved.record.version;
    changed = saved.changed;
  }
  for (const step of record.steps) {
    const options = { ifMatch: version, note };
    const after =
      step === 'submit'
        ? await deps.workspace.submit(viewer, record.id, options)
        : step === 'publish'
          ? await deps.workspace.publish(viewer, record.id, options)
          : await deps.workspace.sendBack(viewer, record.id, { ifMatch: version, comment: note });
    version = after.version;
    changed = true;
  }
  return changed;
}
