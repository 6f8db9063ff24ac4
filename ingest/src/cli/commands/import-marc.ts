import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { out } from '../printable.ts';
import { type Archive, ValidationError } from '@disan/ingest';
import { SYSTEM } from '@disan/ingest/access';
import { importMarcFile } from '@disan/ingest/library';
import type { CommandArgs } from '../args.ts';

const STATUSES = ['draft', 'in-review'] as const;

/**
 * `disan import-marc records.mrc`: library records from another library system (Koha and
 * others), MARCXML or ISO 2709, as drafts (or submitted for review) through the workspace.
 * The file's name is the records' origin: importing it again updates the same records.
 */
export async function runImportMarcCommand(archive: Archive, { positionals, values }: CommandArgs): Promise<number> {
  const [path] = positionals;
  if (!path) throw new ValidationError('name the MARC file to import: disan import-marc records.mrc');
  const status = values.status ?? 'draft';
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) throw new ValidationError(`--status must be one of ${STATUSES.join(', ')}`);
  const collection = typeof values.collection === 'string' ? values.collection : undefined;
  const bytes = await readFile(path);
  const report = await importMarcFile(archive, SYSTEM, bytes, basename(path), { status: status as (typeof STATUSES)[number], ...(collection ? { collection } : {}) });
  const total = report.records.length;
  out(`read ${total} ${report.format === 'marcxml' ? 'MARCXML' : 'ISO 2709'} records: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.refused} refused\n`);
  for (const record of report.records) {
    if (record.outcome !== 'refused') continue;
    out(`  record ${record.position}${record.controlNumber ? ` (001 ${record.controlNumber})` : ''}: ${record.reason ?? 'refused'}\n`);
  }
  return report.refused > 0 ? 1 : 0;
}
