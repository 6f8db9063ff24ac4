import { join } from 'node:path';
import { type Archive, importRecords, ingest } from '@disan/ingest';

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
  const records = await importRecords(archive, join(SAMPLES, 'records.jsonl'), { author: 'sample data' });
  log(`first start: ${done} sample files (${report.outcomes.ingested} ingested, ${report.outcomes.failed} failed), ${records.created} imported records`);
  return true;
}
