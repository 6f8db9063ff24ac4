import { out } from '../printable.ts';
import { type Archive, ingest, ValidationError } from '@disan/ingest';
import type { CommandArgs } from '../args.ts';
import { createProgress } from '../progress.ts';

/** `disan ingest`: files and folders (with their metadata sheet) into the archive. */
export async function runIngestCommand(archive: Archive, { positionals, values }: CommandArgs): Promise<number> {
  if (positionals.length === 0) throw new ValidationError('name the files or folders to ingest: disan ingest media-samples');
  const concurrency = typeof values.concurrency === 'string' ? Number(values.concurrency) : undefined;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) {
    throw new ValidationError('--concurrency must be a whole number from 1 to 64');
  }
  const progress = createProgress(process.stderr, 'ingest');
  const report = await ingest(archive, {
    inputs: positionals,
    ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
    ...(typeof values.collection === 'string' ? { collection: values.collection } : {}),
    ...(concurrency ? { concurrency } : {}),
    onEvent: (event) => {
      if (event.type === 'found') progress.setTotal(event.total);
      else progress.tick(`${event.outcome.padEnd(8)} ${event.file}${event.reason ? `: ${event.reason}` : ''}`, event.outcome !== 'failed');
    },
  });
  const { seconds } = progress.finish();
  const { ingested, skipped, stored, failed } = report.outcomes;
  out(
    `${report.files} files in ${seconds.toFixed(1)} s: ${ingested} ingested, ${skipped} already there, ${stored} stored awaiting their pipeline, ${failed} failed` +
      `\nitems: ${report.items.created} new, ${report.items.updated} updated, ${report.items.unchanged} unchanged\n`,
  );
  // Warnings leave the exit code alone: the files went in, a person should just look.
  if (report.warnings.length > 0) {
    out(`\nWarnings:\n${report.warnings.map((w) => `  ${w.file}: ${w.warning}`).join('\n')}\n`);
  }
  if (report.failures.length > 0) {
    out(`\nWhat failed and why:\n${report.failures.map((f) => `  ${f.file}: ${f.reason}`).join('\n')}\n`);
  }
  return report.failures.length > 0 ? 1 : 0;
}
