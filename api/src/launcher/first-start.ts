import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { type Archive, importRecords, ingest } from '@disan/ingest';
import { createCoverage, loadTargets } from '@disan/ingest/coverage';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'media-samples');

/**
 * On the first start (an empty catalog) the sample archive is loaded, so a newcomer
 * sees a populated archive; later starts keep whatever the archive holds.
 */
export async function loadSamplesOnFirstStart(archive: Archive, log: (line: string) => void): Promise<boolean> {
  if ((await archive.catalog.items.count()) > 0) return false;
  log('first start: loading the sample archive from media-samples/ (photos, video, audio, documents)…');
  let done = 0;
  const report = await ingest(archive, {
    inputs: [SAMPLES],
    author: 'sample data',
    onEvent: (event) => {
      if (event.type === 'file') {
        done++;
        if (event.outcome === 'failed') log(`  ${event.file}: ${event.reason ?? 'failed'}`);
      }
    },
  });
  // The inventory before the records: records name the elements they document, and a link must find its element.
  const elements = await importRecords(archive, join(SAMPLES, 'inventory', 'elements.jsonl'), { author: 'sample data' });
  for (const failure of elements.failures) log(`  inventory/elements.jsonl line ${failure.line}: ${failure.reason}`);
  const records = await importRecords(archive, join(SAMPLES, 'records.jsonl'), { author: 'sample data' });
  for (const failure of records.failures) log(`  records.jsonl line ${failure.line}: ${failure.reason}`);
  // The word list after the records, so that its entries' links name records that exist.
  const words = await importRecords(archive, join(SAMPLES, 'dictionary', 'entries.jsonl'), { author: 'sample data' });
  for (const failure of words.failures) log(`  dictionary/entries.jsonl line ${failure.line}: ${failure.reason}`);
  // The province's target the sample inventory is counted against (Sóc Trăng's Khmer and Hoa festivals and customs).
  const targets = await loadTargets(createCoverage(archive.db).targets, JSON.parse(await readFile(join(SAMPLES, 'coverage-targets.json'), 'utf8')), 'sample data');
  log(`first start: ${done} sample files (${report.outcomes.ingested} ingested, ${report.outcomes.failed} failed), ${elements.created} inventory elements, ${records.created} imported records, ${words.created} dictionary entries, ${targets.created} coverage target`);
  return true;
}

/**
 * With no account yet nobody can sign in or invite anyone: says how to create the first
 * admin. The embedded catalog belongs to one process, so the command runs while the
 * archive is stopped; with PostgreSQL it may run beside it.
 */
export async function firstAdminAdvice(archive: Archive): Promise<string[]> {
  if ((await archive.accounts.users.count()) > 0) return [];
  const stop = archive.db.driver === 'pglite' ? 'stop the archive (Ctrl-C), then run' : 'run';
  return [
    'no accounts yet. To create the first admin, ' + stop + ':',
    '  npm run disan -- users add you@example.org --name "Your Name" --role admin',
    '(it asks for a password, or prints a one-time link with --link), then sign in at the site\'s /sign-in page.',
  ];
}
