/**
 * Starts the built site: `npm run build -w site` first, then `node site/bin/serve.ts`.
 * Listens on DISAN_SITE_HOST:DISAN_SITE_PORT and talks to the API at DISAN_API_URL.
 * `--dist <folder>` serves a build made elsewhere (`astro build --outDir <folder>`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { siteConfig, SiteConfigError } from '../src/config.ts';
import { buildSiteServer, type NodeHandler } from '../src/server/site-server.ts';

const distFlag = process.argv.indexOf('--dist');
const dist = distFlag === -1 ? new URL('../dist/', import.meta.url) : pathToFileURL(`${resolve(process.argv[distFlag + 1] ?? 'dist')}/`);
const entry = new URL('server/entry.mjs', dist);
const clientDir = fileURLToPath(new URL('client', dist));

async function main(): Promise<void> {
  const config = siteConfig();
  if (!existsSync(entry)) throw new Error(`${fileURLToPath(entry)} is missing: run "npm run build -w site" first`);
  const { handler } = (await import(entry.href)) as { handler: NodeHandler };
  const app = await buildSiteServer({ config, pages: handler, clientDir });
  const address = await app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port || String(config.port);
  console.log(`site: listening on http://${config.host}:${port}, API at ${config.apiUrl}`);
  const stop = (): void => {
    app.close().catch((error: unknown) => { console.error('site: closing failed', error); });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof SiteConfigError ? error.message : error);
  process.exitCode = 1;
});
