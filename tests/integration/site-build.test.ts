/**
 * The public site end to end over HTTP: the site is built once (into
 * node_modules/.cache, so a running `npm start` keeps its own site/dist), the real
 * API (buildApp) runs on a temporary archive with sample photos and records, and the
 * built site server runs as its own process, talking to the API over HTTP.
 */
import { spawn } from 'node:child_process';
import { get, type IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/src/app.ts';
import { importRecords } from '@disan/ingest';
import { loadConfig } from '@disan/ingest/config';
import { nextOccurrence, occurrences } from '@disan/ingest/calendar';
import { temporaryArchive } from '../support/archive.ts';
import { freePort } from '../support/launch.ts';
import { addAccount, PASSWORD } from '../support/accounts.ts';
import { buildSiteOnce, SITE_DIST, startSite, type RunningSite } from '../support/site.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SITE = join(ROOT, 'site');
const PUBLIC_URL = 'https://heritage.example.org';
const LANG_PREFIXES = [['vi', ''], ['en', '/en'], ['km', '/km'], ['zh', '/zh']] as const;
const HTML_LANG = { vi: 'vi', en: 'en', km: 'km', zh: 'zh-Hans' } as const;

const XSS_TITLE = '<script>alert(1)</script> Lễ hội thử';
const records = [
  {
    id: 'ok-om-bok',
    kind: 'festival',
    ethnicGroups: ['khmer'],
    title: [{ lang: 'vi', value: 'Lễ hội Ok Om Bok' }, { lang: 'en', value: 'Ok Om Bok moon festival' }, { lang: 'km', value: 'បុណ្យអកអំបុក' }],
    description: [{ lang: 'vi', value: 'Lễ cúng trăng của người Khmer Nam Bộ vào rằm tháng 10 âm lịch.' }],
    alternativeNames: [{ lang: 'km-Latn', value: 'Bon Ak Ambok', type: 'romanisation' }],
    places: [{ name: 'Hồ Nước Ngọt', province: 'Sóc Trăng', geo: { lat: 9.6003, lon: 105.9725 } }],
    recurrence: [{ calendar: 'vietnamese-lunisolar', month: 10, day: 15, durationDays: 3 }],
    date: '2023-11-26',
    collections: ['khmer-festivals'],
    status: 'published',
    access: { level: 'public' },
    media: [{ file: 'ok-om-bok-cung-trang.jpg', caption: 'Offerings to the Moon' }, { file: 'ok-om-bok-den-nuoc.jpg' }],
  },
  {
    id: 'quan-de-mieu',
    kind: 'place',
    ethnicGroups: ['hoa'],
    title: [{ lang: 'vi', value: 'Chùa Ông Cần Thơ' }, { lang: 'zh-Hant', value: '廣肇會館' }],
    places: [{ name: 'Cần Thơ', province: 'Cần Thơ', geo: { lat: 10.0341, lon: 105.7878 } }],
    collections: ['hoa-heritage'],
    status: 'published',
    access: { level: 'public' },
    media: [{ file: 'chua-ong-can-tho.jpg' }],
  },
  {
    id: 'xss-probe',
    kind: 'festival',
    ethnicGroups: ['khmer'],
    title: [{ lang: 'vi', value: XSS_TITLE }],
    description: [{ lang: 'vi', value: '<img src=x onerror=alert(2)> mô tả' }],
    collections: ['khmer-festivals'],
    status: 'published',
    access: { level: 'public' },
  },
];

let api: FastifyInstance | undefined;
let site: RunningSite | undefined;
let siteUrl = '';
let siteLog = () => '';
let dispose: () => Promise<void> = async () => {};
let workDir = '';

beforeAll(async () => {
  const building = buildSiteOnce();
  workDir = await mkdtemp(join(tmpdir(), 'disan-site-'));
  for (const file of ['ok-om-bok-cung-trang.jpg', 'ok-om-bok-den-nuoc.jpg']) await copyFile(join(ROOT, 'media-samples', 'khmer', file), join(workDir, file));
  await copyFile(join(ROOT, 'media-samples', 'hoa', 'chua-ong-can-tho.jpg'), join(workDir, 'chua-ong-can-tho.jpg'));
  await writeFile(join(workDir, 'records.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));

  const temp = await temporaryArchive({ LOG_LEVEL: 'silent' });
  dispose = temp.dispose;
  const collections = JSON.parse(await readFile(join(ROOT, 'media-samples', 'collections.json'), 'utf8')) as Parameters<typeof temp.archive.catalog.collections.upsert>[0][];
  for (const collection of collections) await temp.archive.catalog.collections.upsert(collection);
  const report = await importRecords(temp.archive, join(workDir, 'records.jsonl'));
  expect(report.failures).toEqual([]);

  api = await buildApp({ archive: temp.archive, config: loadConfig({ DISAN_DATA_DIR: temp.dataDir, LOG_LEVEL: 'silent', DISAN_PUBLIC_URL: PUBLIC_URL }), logger: false });
  await addAccount(temp.archive, { email: 'researcher@heritage.example.org', roles: ['researcher'] });
  await api.listen({ host: '127.0.0.1', port: 0 });
  const apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;

  await building;
  site = await startSite(apiUrl, { DISAN_PUBLIC_URL: PUBLIC_URL });
  siteUrl = site.url;
  siteLog = site.log;
}, 300_000);

afterAll(async () => {
  await site?.stop();
  await api?.close();
  await dispose();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const page = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${siteUrl}${path}`, { headers });
  return { response, html: await response.text() };
};

const PAGES = ['/', '/browse', '/search', '/search?q=ok+om+bok', '/collections', '/collection/khmer-festivals', '/people/khmer', '/kind/festival', '/item/ok-om-bok', '/calendar?month=2025-12', '/about'];

describe('site pages', () => {
  it.each(LANG_PREFIXES.flatMap(([lang, prefix]) => PAGES.map((path) => [lang, prefix, path] as const)))(
    '%s %s%s answers 200 with lang, canonical, hreflang and Open Graph',
    async (lang, prefix, path) => {
      const url = `${prefix}${path === '/' && prefix ? '/' : path}`;
      const { response, html } = await page(url);
      expect(response.status, siteLog()).toBe(200);
      expect(html).toContain(`<html lang="${HTML_LANG[lang]}"`);
      const pathOnly = path.split('?')[0]!;
      const own = `${PUBLIC_URL}${prefix}${pathOnly === '/' && prefix ? '/' : pathOnly}`;
      expect(html).toContain(`<link rel="canonical" href="${own}">`);
      for (const [l, p] of LANG_PREFIXES) expect(html).toContain(`<link rel="alternate" hreflang="${HTML_LANG[l]}" href="${PUBLIC_URL}${p}${pathOnly === '/' && p ? '/' : pathOnly}">`);
      expect(html).toContain('hreflang="x-default"');
      expect(html).toContain('<meta property="og:title"');
      expect(html).toContain(`<meta property="og:url" content="${own}">`);
    },
  );

  it('item page has JSON-LD with names in every language, geo and an Open Graph image', async () => {
    const { html } = await page('/en/item/ok-om-bok');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    expect(json).toBeDefined();
    const doc = JSON.parse(json!) as Record<string, unknown>;
    expect(doc['@type']).toBe('Event');
    expect(doc.name).toEqual(expect.arrayContaining([{ '@value': 'បុណ្យអកអំបុក', '@language': 'km' }]));
    expect(doc.location).toMatchObject({ geo: { latitude: 9.6003, longitude: 105.9725 } });
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/heritage\.example\.org\/api\/media\/[^"]+\/webp-1024">/);
  });

  it('item page shows names in every script, a gallery with srcset and lazy images after the first', async () => {
    const { html } = await page('/zh/item/ok-om-bok');
    expect(html).toContain('<span class="name" lang="km">បុណ្យអកអំបុក</span>');
    expect(html).toContain('<span class="name" lang="km-Latn">Bon Ak Ambok</span>');
    const images = [...html.matchAll(/<img [^>]*data-testid="gallery-image"[^>]*>/g)].map((m) => m[0]);
    expect(images).toHaveLength(2);
    for (const img of images) expect(img).toMatch(/srcset="[^"]*480w[^"]*" sizes="[^"]+" width="\d+" height="\d+"/);
    expect(images[0]).not.toContain('loading="lazy"');
    expect(images[1]).toContain('loading="lazy"');
    // The Chinese reader has no Chinese title: Vietnamese is shown and the fallback is stated.
    expect(html).toMatch(/<h1 data-testid="item-title"><span lang="vi">Lễ hội Ok Om Bok<\/span><small class="fallback"[^>]*> \(越南语\)<\/small>/);
    expect(html).toContain('https://www.openstreetmap.org/?mlat=9.6003&amp;mlon=105.9725');
  });

  it.each([['/item/ok-om-bok'], ['/zh/item/ok-om-bok']])('%s marks an English caption as English, in its figcaption and its alt text', async (path) => {
    const { html } = await page(path);
    expect(html).toContain('<figcaption lang="en">Offerings to the Moon</figcaption>');
    const captioned = /<img [^>]*alt="Offerings to the Moon"[^>]*>/.exec(html)?.[0];
    expect(captioned).toContain('lang="en"');
  });

  it('renders HTML in metadata as inert text', async () => {
    const { response, html } = await page('/item/xss-probe');
    expect(response.status).toBe(200);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Lễ hội thử');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    // In a quoted attribute (title, og:title) "<" is plain text; outside attributes it must never appear raw.
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<script>alert(1)');
    expect(outsideAttributes).not.toContain('<img src=x');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(json).not.toContain('<');
  });

  it.each([['/item/no-such-item'], ['/en/item/no-such-item'], ['/km/nowhere/at/all'], ['/vi/about'], ['/people/martians'], ['/en/collection/%00']])('%s answers the 404 page', async (path) => {
    const { response, html } = await page(path);
    expect(response.status).toBe(404);
    expect(html).toContain('data-testid="not-found"');
  });

  it('the 404 page speaks the language of the address', async () => {
    const { html } = await page('/km/item/no-such-item');
    expect(html).toContain('<html lang="km"');
    expect(html).toContain('រកមិនឃើញទំព័រ');
  });

  it('search facets are plain form controls that narrow results without JavaScript', async () => {
    const { html } = await page('/en/search?ethnicGroups=hoa');
    expect(html).toMatch(/<input type="checkbox" name="ethnicGroups" value="hoa" checked/);
    expect(html).toContain('data-testid="result-link"');
    expect(html).toContain('href="/en/item/quan-de-mieu"');
    expect(html).not.toContain('href="/en/item/ok-om-bok"');
  });

  it('keeps TypeBox (the API answer checks) out of the browser: the live-search island stays small', async () => {
    const { html } = await page('/en/search?q=chua');
    const scripts = [...html.matchAll(/src="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = await (await fetch(`${siteUrl}${script}`)).text();
      expect(code.length, script).toBeLessThan(12_000);
      expect(code, script).not.toMatch(/additionalProperties|typebox/i);
    }
  });

  it.each(LANG_PREFIXES)('%s sign-in: autocomplete tokens, nothing against paste, a "show password" toggle hidden until its island (no inline script) wires it', async (_lang, prefix) => {
    const { html } = await page(`${prefix}/sign-in`);
    expect(html).toMatch(/<input[^>]*name="email"[^>]*autocomplete="username"/);
    expect(html).toMatch(/<input[^>]*name="password"[^>]*type="password"[^>]*autocomplete="current-password"[^>]*spellcheck="false"/);
    expect(html).toMatch(/<button type="button" class="secondary password-toggle" aria-controls="f-password" aria-pressed="false" data-password-toggle hidden/);
    expect(html).not.toMatch(/onpaste|oncopy|oncut|ondrop|autocomplete="off"/i);
    // The CSP allows scripts from 'self' only: every script is a file.
    expect([...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/g)]).toEqual([]);
    const scripts = [...html.matchAll(/src="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(await (await fetch(`${siteUrl}${script}`)).text(), script).not.toMatch(/additionalProperties|typebox/i);
  });

  it('the calendar lays Ok Om Bok on its day in three calendars, filters with a GET form and offers its feeds', async () => {
    // The record's 15th of the 10th Vietnamese lunar month, three days: by the engine the API uses.
    const [okOmBok] = occurrences({ calendar: 'vietnamese-lunisolar', month: 10, day: 15, durationDays: 3 }, 2025);
    const { response, html } = await page(`/en/calendar?month=${okOmBok!.start.slice(0, 7)}&group=khmer`);
    expect(response.status, siteLog()).toBe(200);
    expect(html).toMatch(/<table class="month[^"]*"[^>]*><caption[^>]*>Calendar of December 2025<\/caption>/);
    const cell = new RegExp(`<td[^>]*><time[^>]*datetime="${okOmBok!.start}"[^]*?</td>`).exec(html)?.[0] ?? '';
    expect(cell).toContain('lunar 15/10');
    expect(cell).toMatch(/\d+ (waxing|waning) (Kadeuk|Migasir)/);
    expect(cell).toContain('href="/en/item/ok-om-bok"');
    expect(html).toMatch(/<form[^>]*action="\/en\/calendar" method="get"/);
    expect(html).toMatch(/<option value="khmer" selected/);
    expect(html).toContain('href="/en/calendar?month=2025-11&amp;group=khmer"');
    expect(html).toContain('href="webcal://heritage.example.org/api/calendar.ics?group=khmer"');
    expect(html).toContain('href="https://heritage.example.org/api/calendar.ics"');
    expect(html).not.toContain('<script');
    expect((await page('/en/calendar?month=2025-13')).response.status).toBe(404);
  });

  it('the item page says when the festival falls next, in the reader\'s language', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const next = nextOccurrence({ calendar: 'vietnamese-lunisolar', month: 10, day: 15, durationDays: 3 }, today)!;
    const { html } = await page('/zh/item/ok-om-bok');
    const fact = /data-testid="item-next-occurrence"[^]*?<\/dd>/.exec(html)?.[0] ?? '';
    expect(fact).toContain(`datetime="${next.start}"`);
    expect(fact).toContain('农历10月15日');
    expect(fact).toMatch(/佛历\d{4}年/);
    expect(fact).toContain(`href="/zh/calendar?month=${next.start.slice(0, 7)}"`);
  });

  it('the language switcher keeps the page and its query', async () => {
    const { html } = await page('/en/search?q=chua');
    expect(html).toContain('href="/km/search?q=chua"');
    expect(html).toContain('href="/search?q=chua"');
  });
});

describe('site server', () => {
  it('signs in through its /api proxy behind https: the API sets the __Host- cookie, Secure, for the scheme of the public address', async () => {
    const response = await fetch(`${siteUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
      body: JSON.stringify({ email: 'researcher@heritage.example.org', password: PASSWORD }),
    });
    expect(response.status, siteLog()).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-disan_session='));
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Path=\//i);
  });

  it('sends security headers and compresses pages', async () => {
    const { response } = await page('/en/', { 'accept-encoding': 'br' });
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('proxies /api with Range passed through (206) and ETag revalidation (304)', async () => {
    const item = (await (await fetch(`${siteUrl}/api/items/ok-om-bok`)).json()) as { media: { renditions: { name: string; url: string; size: number }[] }[] };
    const rendition = item.media[0]!.renditions.find((r) => r.name === 'webp-480')!;
    const ranged = await fetch(`${siteUrl}${rendition.url}`, { headers: { range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 0-99/${rendition.size}`);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    const full = await fetch(`${siteUrl}${rendition.url}`);
    const etag = full.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await full.arrayBuffer()).byteLength).toBe(rendition.size);
    const again = await fetch(`${siteUrl}${rendition.url}`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('answers the API being down with its friendly 5xx page, and keeps serving', async () => {
    // Measured with a second site process pointed at a closed port.
    const port = await freePort();
    const child = spawn(process.execPath, ['--no-warnings', join(SITE, 'bin', 'serve.ts'), '--dist', SITE_DIST], {
      cwd: ROOT,
      env: { ...process.env, DISAN_API_URL: 'http://127.0.0.1:9', DISAN_SITE_PORT: String(port), DISAN_SITE_HOST: '127.0.0.1' },
      stdio: 'ignore',
    });
    try {
      let response: Response | undefined;
      for (let i = 0; i < 100 && !response; i++) {
        response = await fetch(`http://127.0.0.1:${port}/en/item/ok-om-bok`).catch(() => undefined);
        if (!response) await sleep(100);
      }
      expect(response?.status).toBe(503);
      expect(await response?.text()).toContain('data-testid="server-error"');
      // No DISAN_PUBLIC_URL here: links are built from the listening address, never from a Host header.
      const about = await rawGet(`http://127.0.0.1:${port}/en/about`, { host: 'evil.example' });
      const html = about.body.toString('utf8');
      expect(html).not.toContain('evil.example');
      expect(html).toContain(`<link rel="canonical" href="http://127.0.0.1:${port}/en/about">`);
      expect(html).toContain(`<meta property="og:url" content="http://127.0.0.1:${port}/en/about">`);
      const proxied = await fetch(`http://127.0.0.1:${port}/api/items`);
      expect(proxied.status).toBe(502);
      expect(((await proxied.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('keeps no state per missing build file: thousands of unique missing /_astro names do not grow the process', async () => {
    const pid = site?.pid;
    if (pid === undefined) throw new Error('the site is not running');
    const missing = async (from: number, count: number) => {
      for (let i = from; i < from + count; i += 25) {
        const statuses = await Promise.all(Array.from({ length: 25 }, (_, j) => rawGet(`${siteUrl}/_astro/missing-${i + j}-${'x'.repeat(200)}.js`, {}).then((r) => r.status)));
        expect(new Set(statuses)).toEqual(new Set([404]));
      }
    };
    await missing(0, 1500); // warms the server up: JIT, buffers, the heap's first growth
    const before = residentMegabytes(pid);
    await missing(1500, 4500);
    const after = residentMegabytes(pid);
    console.log(`site memory around 4500 unique missing assets: ${before.toFixed(1)} MB → ${after.toFixed(1)} MB`);
    // The old server remembered every missing path (and rendered a page for each): +35 to +73 MB per 4500.
    expect(after - before).toBeLessThan(15);
  }, 120_000);

  it.each([
    ['item', '/item/ok-om-bok'],
    ['calendar', '/calendar?month=2025-12'],
  ])("keeps the %s page's compressed HTML + CSS + JS within 100 KB", async (name, path) => {
    const headers = { 'accept-encoding': 'br' };
    const document = await rawGet(`${siteUrl}${path}`, headers);
    expect(document.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(document.body).toString('utf8');
    const assets = [...new Set([...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!))];
    let total = document.body.length;
    for (const asset of assets) {
      const answer = await rawGet(`${siteUrl}${asset}`, headers);
      expect(answer.status).toBe(200);
      total += answer.body.length;
    }
    console.log(`${name} page: ${(total / 1024).toFixed(1)} KB compressed (HTML ${(document.body.length / 1024).toFixed(1)} KB + ${assets.length} CSS/JS files)`);
    expect(assets.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });
});

/** The resident memory of a process (Linux), in MB. */
function residentMegabytes(pid: number): number {
  const kilobytes = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kilobytes === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kilobytes) / 1024;
}

/** GET without fetch's automatic decompression, to measure bytes on the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }); });
      res.on('error', reject);
    }).on('error', reject);
  });
}
