/**
 * `npm start`: the whole archive in one command on embedded defaults: the API with
 * its job worker in this process (PGlite belongs to one process), the public site as
 * a child process talking to the API over HTTP, and the sample archive loaded on the
 * first start. Data stays in DISAN_DATA_DIR (./data) between starts.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@disan/ingest/config';
import { ConfigError, openArchive, startBackgroundWorker } from '@disan/ingest';
import { buildApp } from '../app.ts';
import { firstAdminAdvice, loadSamplesOnFirstStart } from './first-start.ts';
import { buildSite, siteNeedsBuild, startSite, waitUntilServing } from './site-process.ts';

const log = (line: string) => process.stdout.write(`disan: ${line}\n`);

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    // A person at a terminal: request logs (one JSON line per request) only when asked for with LOG_LEVEL.
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }

  if (await siteNeedsBuild()) {
    log('building the public site (once; again only when site/ changes)…');
    await buildSite();
  }

  log(`opening the archive in ${config.dataDir} (${config.database.driver}, ${config.storage.driver} storage, ${config.search.driver} search)`);
  const archive = await openArchive(config);
  const stops: (() => Promise<unknown>)[] = [() => archive.close()];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => { process.stderr.write(`disan: while stopping: ${String(error)}\n`); });
  };
  try {
    if (config.samplesOnFirstStart) await loadSamplesOnFirstStart(archive, log);
    const worker = await startBackgroundWorker(archive, {
      onEvent: (event) => {
        if (event.type === 'failed') log(`job ${event.job.id} failed: ${event.error}`);
      },
    });
    stops.push(() => worker.stop());

    const app = await buildApp({ archive, config });
    stops.push(() => app.close());
    await app.listen({ host: config.http.host, port: config.http.port });
    const api = app.server.address() as AddressInfo;
    const apiUrl = `http://${api.family === 'IPv6' ? `[${api.address}]` : api.address}:${api.port}`;

    const { child: site, listening } = startSite({ ...process.env, DISAN_API_URL: apiUrl });
    stops.push(async () => {
      if (site.exitCode === null) {
        site.kill('SIGTERM');
        await new Promise((resolve) => site.once('close', resolve));
      }
    });
    const siteUrl = `${await listening}/`;
    await waitUntilServing(siteUrl);

    log(`the API answers at ${apiUrl}/api (documentation: ${apiUrl}/api/docs)`);
    if (process.env.LOG_LEVEL === undefined) log('request logs are off here; LOG_LEVEL=info npm start shows them');
    log(`the archive is ready: open ${siteUrl}  (Ctrl-C to stop; data is kept in ${config.dataDir})`);
    for (const line of await firstAdminAdvice(archive)) log(line);

    const stopped = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => { resolve('SIGINT'); });
      process.once('SIGTERM', () => { resolve('SIGTERM'); });
      site.once('exit', (code) => { resolve(`the site stopped (exit code ${code ?? 'none'})`); });
    });
    log(`stopping (${stopped})…`);
    await stopAll();
    return stopped.startsWith('SIG') ? 0 : 1;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`disan: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
