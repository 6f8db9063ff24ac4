/**
 * Production entry: `node api/src/main.ts`. Opens the archive, serves the API and,
 * with the embedded PGlite catalog (one process only), runs the job worker here too;
 * with PostgreSQL, `disan worker` processes do the jobs. SIGTERM/SIGINT stop taking
 * requests and jobs, let running jobs finish, then close the archive.
 */
import { openArchive } from '@disan/ingest/archive.ts';
import { loadConfig } from '@disan/ingest/config.ts';
import { runWorker } from '@disan/ingest/jobs/worker.ts';
import { createJobHandlers } from '@disan/ingest/pipeline/handlers.ts';
import { buildApp } from './app.ts';

const config = loadConfig(process.env);
const archive = await openArchive(config);
const app = await buildApp({ archive, config });

const stopWorker = new AbortController();
let worker: Promise<unknown> = Promise.resolve();
if (archive.db.driver === 'pglite') {
  // Embedded PGlite belongs to this one process: a job still "running" was cut off by a crash.
  await archive.jobs.expireLeases();
  worker = runWorker({
    queue: archive.jobs,
    handlers: createJobHandlers(archive),
    concurrency: config.ingest.concurrency,
    signal: stopWorker.signal,
    onEvent: (event) => {
      if (event.type === 'failed') app.log.warn({ job: event.job.id, error: event.error }, 'job failed');
      if (event.type === 'error') app.log.error({ err: event.error }, 'job queue error');
    },
  });
}

const address = await app.listen({ host: config.http.host, port: config.http.port });
app.log.info({ url: `${address}/api`, docs: `${address}/api/docs`, worker: archive.db.driver === 'pglite' }, 'Disan API listening');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: no new requests or jobs; finishing running ones');
  stopWorker.abort();
  await Promise.allSettled([app.close(), worker]);
  await archive.close();
  process.exitCode = 0;
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutdown(signal).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  });
}
