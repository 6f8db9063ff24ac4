import { out } from '../printable.ts';
import { type Archive, importRecords, ValidationError } from '@disan/ingest';
import type { CommandArgs } from '../args.ts';

/** `disan import records.jsonl`: catalog records without files, from other systems. */
export async function runImportCommand(archive: Archive, { positionals }: CommandArgs): Promise<number> {
  const [path] = positionals;
  if (!path) throw new ValidationError('name the JSON Lines file to import: disan import records.jsonl');
  const report = await importRecords(archive, path);
  out(`imported ${report.lines} records: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failures.length} failed\n`);
  for (const failure of report.failures) out(`  line ${failure.line}: ${failure.reason}\n`);
  const media = report.media;
  if (media) {
    const { ingested, skipped, stored, failed } = media.outcomes;
    out(`files named by the records: ${ingested} ingested, ${skipped} already there, ${stored} stored awaiting their pipeline, ${failed} failed\n`);
    for (const failure of media.failures) out(`  ${failure.file}: ${failure.reason}\n`);
    for (const { file, warning } of media.warnings) out(`  ${file} (warning): ${warning}\n`);
  }
  return report.failures.length > 0 || (media?.failures.length ?? 0) > 0 ? 1 : 0;
}
