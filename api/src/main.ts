/**
 * Production entry: `node api/src/main.ts`. Opens the archive, serves the API and,
 * in single-process mode (the embedded PGlite catalog), runs the job worker here too;
 * with PostgreSQL, `disan worker` processes do the jobs. SIGTERM/SIGINT stop taking
 * requests and jobs, let running jobs finish, then close the archive.
 */
import { type BackgroundWorker, openArchive, startBackgroundWorker } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { buildApp } from './app.ts';

const config = loadConfig(process.env);
const archive = await openArchive(config);
const app = await buildApp({ archive, config });

let worker: BackgroundWorker | undefined;
if (archive.singleProcess) {
  worker = await startBackgroundWorker(archive, {
    onEvent: (event) => {
      if (event.type === 'failed') app.log.warn({ job: event.job.id, error: event.error }, 'job failed');
      if (event.type === 'error') app.log.error({ err: event.error }, 'job queue error');
    },
  });
}

const address = await app.listen({ host: config.http.host, port: config.http.port });
app.log.info({ url: `${address}/api`, docs: `${address}/api/docs`, worker: archive.singleProcess }, 'Disan API listening');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: no new requests or jobs; finishing running ones');
  await Promise.allSettled([app.close(), worker?.stop()]);
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
