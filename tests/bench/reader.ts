import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { Browser } from 'playwright-core';
import { buildSite, siteNeedsBuild } from '../../api/src/launcher/site-process.ts';
import { launchBrowser } from '../support/browser.ts';
import { htmlPagesToPdf, longReportPages } from '../support/generate-documents.ts';

/**
 * The reader's time to first page on a generated 200-page Vietnamese report, against
 * the same reader opening a 1-page report in the same Chromium, best of three fresh
 * browser contexts each (nothing cached). Both runs pay the same fixed costs (the page,
 * the reader's code, pdf.js and its worker, the first fetch), so the ratio shows what
 * the document's length adds: pdf.js asks for byte ranges (`disableAutoFetch`) and the
 * reader draws only the pages near the screen, so it should stay near 1. Measured from
 * navigation start to page 1's text layer drawn. The built site's files and the PDFs
 * are served by one Fastify server with HTTP ranges, as the API serves media.
 */
const PAGES = 200;
const RUNS = 3;
const SITE_CLIENT = join(import.meta.dirname, '..', '..', 'site', 'dist', 'client');
const MESSAGES = join(import.meta.dirname, '..', '..', 'site', 'src', 'reader', 'messages.ts');

export async function benchReader(): Promise<{ label: string; value: string }[]> {
  if (await siteNeedsBuild()) await buildSite();
  const boot = (await readdir(join(SITE_CLIENT, '_astro'))).find((name) => name.startsWith('Documents.astro_astro_type_script'));
  if (!boot) throw new Error('the built site has no reader boot script (site/dist/client/_astro/Documents.astro…js)');
  const browser = await launchBrowser();
  const server = Fastify();
  try {
    const pdfs = {
      long: await htmlPagesToPdf(browser, 'Báo cáo dài', longReportPages(PAGES)),
      short: await htmlPagesToPdf(browser, 'Báo cáo ngắn', longReportPages(1)),
    };
    await server.register(fastifyStatic, { root: SITE_CLIENT, prefix: '/' });
    server.get<{ Params: { name: 'long' | 'short' } }>('/pdf/:name', (request, reply) => {
      const bytes = pdfs[request.params.name];
      const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
      reply.header('accept-ranges', 'bytes').type('application/pdf');
      if (!range) return reply.header('content-length', bytes.length).send(bytes);
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
      return reply.code(206).header('content-range', `bytes ${start}-${end}/${bytes.length}`).send(bytes.subarray(start, end + 1));
    });
    server.get<{ Params: { name: string } }>('/read/:name', (request, reply) => reply.type('text/html').send(readerPage(`/pdf/${request.params.name}`, boot)));
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const long = await bestOf(browser, `${base}/read/long`);
    const short = await bestOf(browser, `${base}/read/short`);
    return [
      { label: `reader, first page of ${PAGES} pages`, value: `${long.toFixed(0)} ms (${(pdfs.long.length / 1024).toFixed(0)} KB PDF)` },
      { label: 'reader, first page of 1 page (ref.)', value: `${short.toFixed(0)} ms` },
      { label: `ratio ${PAGES} pages / 1 page`, value: (long / short).toFixed(2) },
    ];
  } finally {
    await server.close();
    await browser.close();
  }
}

/** The item page's document entry, reduced to what the reader's boot script reads. */
function readerPage(src: string, boot: string): string {
  // Every string the reader shows (its names, read from messages.ts), named by its own name: the words do not matter here.
  const names = [...readFileSync(MESSAGES, 'utf8').matchAll(/^\s+(\w+): 'reader\./gm)].map((match) => match[1]!);
  const messages = JSON.stringify(Object.fromEntries(names.map((name) => [name, `${name} {page}`])));
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title></head><body>
<div data-reader data-media-id="bench" data-src="${src}" data-page="1" data-messages='${messages}'><button type="button" data-reader-open hidden>open</button></div>
<script type="module" src="/_astro/${boot}"></script></body></html>`;
}

/** Fastest of several loads, each in a fresh context: ms from navigation start to page 1's text layer. */
async function bestOf(browser: Browser, url: string): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('[data-testid="reader-page"][data-page="1"] .textLayer span', { state: 'attached', timeout: 60_000 });
      best = Math.min(best, await page.evaluate(() => performance.now()));
    } finally {
      await context.close();
    }
  }
  return best;
}
