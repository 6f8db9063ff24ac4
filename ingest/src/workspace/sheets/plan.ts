import { Value } from 'typebox/value';
import { ITEM_STATUSES, ItemInput, type ItemStatus, type SheetPreview, type SheetPreviewRow, type SheetRow } from '@disan/schemas';
import { canEditRecord, canPublish, canSendBack, canSubmitForReview, type Viewer } from '../../access/index.ts';
import { columnOf, rowToItem } from '../../registration/sheet.ts';
import { slugify } from '../../registration/slug.ts';
import { mergeRow } from './cells.ts';
import type { SheetHead } from './heads.ts';
import type { SheetTable, TableRow } from './table.ts';

/** A workflow step a sheet's status column may ask for, in the order they run. */
export type SheetStep = 'submit' | 'publish' | 'send-back';

/** What importing a sheet will do to one record: described by its first row, with files on every row. */
export interface RecordPlan {
  id: string;
  /** The row that describes the record, and every row that names one of its files. */
  lines: number[];
  outcome: SheetPreviewRow['outcome'];
  errors: string[];
  /** The record as it will be saved (new or changed). */
  item?: ItemInput;
  /** The head version the change is made from (If-Match), for a record that exists. */
  headVersion?: number;
  steps: SheetStep[];
  files: { file: string; caption?: string; line: number }[];
}

export interface SheetPlan {
  preview: SheetPreview;
  records: RecordPlan[];
}

/**
 * What a sheet would do, row by row, before anything is written: every row's errors, and
 * whether each record is new, changed or unchanged against its head. `heads` holds the
 * heads of the records the sheet names (readHeads). The same plan is what import carries out.
 */
export function planSheet(table: SheetTable, heads: ReadonlyMap<string, SheetHead>, viewer: Viewer): SheetPlan {
  const records = new Map<string, RecordPlan>();
  const rows: SheetPreviewRow[] = table.unreadable.map(({ line, reason }) => ({ line, outcome: 'invalid', errors: [reason] }));
  const rowRecord = new Map<SheetPreviewRow, RecordPlan>();

  for (const row of table.rows) {
    const file = row.cells.file ?? '';
    const id = sheetIdOf(row.cells);
    const previewRow: SheetPreviewRow = { line: row.line, ...(file ? { file } : {}), ...(id ? { itemId: id } : {}), outcome: 'invalid', errors: [] };
    rows.push(previewRow);
    if (!id) {
      previewRow.errors.push('identifier: fill the identifier column (or the file column, which the identifier is made from)');
      continue;
    }
    let plan = records.get(id);
    if (!plan) {
      plan = planRecord(id, row, heads.get(id), table.columns, viewer);
      records.set(id, plan);
    } else {
      plan.lines.push(row.line);
    }
    rowRecord.set(previewRow, plan);
    if (file && plan.outcome !== 'invalid' && !heads.get(id)?.files.some((known) => sameFile(known.name, file)) && !plan.files.some((f) => f.file === file)) {
      plan.files.push({ file, line: row.line, ...(row.cells.caption ? { caption: row.cells.caption } : {}) });
    }
  }

  for (const [row, plan] of rowRecord) {
    row.outcome = plan.outcome;
    if (plan.outcome !== 'invalid') continue;
    const first = plan.lines[0]!;
    row.errors = row.line === first ? plan.errors : [`the record ${plan.id} cannot be imported: see row ${first}`];
  }
  rows.sort((a, b) => a.line - b.line);
  const plans = [...records.values()];
  return {
    records: plans,
    preview: {
      rows,
      records: plans.length,
      invalid: rows.filter((row) => row.outcome === 'invalid').length,
      files: plans.flatMap((plan) => (plan.outcome === 'invalid' ? [] : plan.files.map((f) => ({ ...f, record: plan.id })))),
    },
  };
}

/** The record a row describes: its identifier, or one made from its file's name as `disan ingest --sheet` makes it. */
export function sheetIdOf(cells: SheetRow): string {
  if (cells.identifier) return cells.identifier;
  const file = cells.file ?? '';
  return file ? slugify(file.replace(/\.[^./]+$/, '')) : '';
}

/** A file the record has is named by its path in the sheet or by its name alone. */
const sameFile = (known: string, named: string) => known === named || known.split('/').pop() === named.split('/').pop();

function planRecord(id: string, row: TableRow, head: SheetHead | undefined, columns: readonly string[], viewer: Viewer): RecordPlan {
  const plan: RecordPlan = { id, lines: [row.line], outcome: 'invalid', errors: [], steps: [], files: [] };
  const wanted = row.cells.status || undefined;
  if (wanted !== undefined && !(ITEM_STATUSES as readonly string[]).includes(wanted)) {
    plan.errors.push(`status: "${wanted}" must be one of ${ITEM_STATUSES.join(', ')}`);
  }

  if (!head) {
    const built = rowToItem({ ...row.cells, identifier: id });
    if ('problems' in built) plan.errors.push(...built.problems);
    else plan.item = built.item;
    plan.outcome = 'new';
    stepsTo(plan, 'draft', (wanted as ItemStatus | undefined) ?? 'draft', viewer);
  } else {
    const merge = mergeRow(head.item, { ...row.cells, identifier: id }, columns);
    const fieldsChanged = merge.changed.some((family) => family !== 'status');
    plan.headVersion = head.version;
    plan.errors.push(...merge.problems);
    for (const error of Value.Errors(ItemInput, merge.item)) plan.errors.push(`${columnOf(error.instancePath)}: ${error.message}`);
    plan.item = merge.item as ItemInput;
    plan.outcome = merge.changed.length === 0 ? 'unchanged' : 'changed';
    if (fieldsChanged && !canEditRecord(viewer, { status: head.state })) {
      plan.errors.push(`the record is ${head.state}: you may not change it now`);
    }
    // A published record edited is a revision in draft; the status column asks for steps only when it changed.
    const state: ItemStatus = fieldsChanged && head.state === 'published' ? 'draft' : head.state;
    if (merge.changed.includes('status') && wanted !== undefined) stepsTo(plan, state, wanted as ItemStatus, viewer);
  }
  plan.errors = [...new Set(plan.errors)];
  if (plan.errors.length > 0) plan.outcome = 'invalid';
  return plan;
}

/**
 * The review steps from one workflow state to the one the status column asks for, each
 * allowed by the viewer's rights, or the row's error. Withdrawal takes a reason the
 * public reads: it is done on the record's page, never by a sheet.
 */
function stepsTo(plan: RecordPlan, from: ItemStatus, to: ItemStatus, viewer: Viewer): void {
  if (!(ITEM_STATUSES as readonly string[]).includes(to) || from === to) return;
  const path: Partial<Record<ItemStatus, Partial<Record<ItemStatus, SheetStep[]>>>> = {
    draft: { 'in-review': ['submit'], published: ['submit', 'publish'] },
    'in-review': { draft: ['send-back'], published: ['publish'] },
    withdrawn: { draft: ['send-back'], 'in-review': ['send-back', 'submit'], published: ['publish'] },
  };
  const steps = path[from]?.[to];
  if (to === 'withdrawn') {
    plan.errors.push('status: a record is withdrawn from its page in the workspace, with a reason for the public, not by a sheet');
    return;
  }
  if (!steps) {
    plan.errors.push(`status: a ${from} record cannot become ${to} by a sheet`);
    return;
  }
  const rules: Record<SheetStep, (viewer: Viewer, record: { status: ItemStatus }) => boolean> = { submit: canSubmitForReview, publish: canPublish, 'send-back': canSendBack };
  const after: Record<SheetStep, ItemStatus> = { submit: 'in-review', publish: 'published', 'send-back': 'draft' };
  let state = from;
  for (const step of steps) {
    if (!rules[step](viewer, { status: state })) {
      plan.errors.push(`status: your role may not ${step === 'send-back' ? 'send back' : step} a ${state} record, so this row cannot make it ${to}`);
      return;
    }
    state = after[step];
  }
  plan.steps = steps;
}
