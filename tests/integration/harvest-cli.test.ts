import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'ingest', 'bin', 'disan.js');
const FIXTURES = '/work/shared/fixtures/oai';
const IDENTIFY = readFileSync(`${FIXTURES}/dspace-erasmus_Identify.xml`, 'utf8');
const LIST = readFileSync(`${FIXTURES}/dspace-erasmus_ListRecords-oai_dc.xml`, 'utf8');

/** DSpace's recorded list cut into two pages joined by a resumption token, as large lists come. */
function twoPages(): [string, string] {
  const start = LIST.indexOf('<record>');
  const end = LIST.lastIndexOf('</record>') + '</record>'.length;
  const records = LIST.slice(start, end).split(/(?=<record>)/);
  const page = (list: string[], token: string) => `${LIST.slice(0, start)}${list.join('')}${token}${LIST.slice(end)}`;
  return [
    page(records.slice(0, 8), '<resumptionToken completeListSize="16" cursor="0">page-2</resumptionToken>'),
    page(records.slice(8), '<resumptionToken completeListSize="16" cursor="8"/>'),
  ];
}

/** `disan harvest` as an operator runs it: a real process against a loopback repository. */
describe('disan harvest', () => {
  let dataDir: string;
  let server: Server;
  let baseUrl: string;
  const [first, second] = twoPages();
  const seen: string[] = [];

  const disan = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--no-warnings', BIN, ...args], { cwd: ROOT, env: { ...process.env, DISAN_DATA_DIR: dataDir } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'disan-harvest-cli-'));
    server = createServer((request, response) => {
      const params = new URL(request.url ?? '/', 'http://localhost').searchParams;
      seen.push(params.toString());
      response.writeHead(200, { 'content-type': 'text/xml' });
      if (params.get('verb') === 'Identify') response.end(IDENTIFY);
      else if (params.get('resumptionToken') === 'page-2') response.end(second);
      else if (params.get('set') === 'no-such-set') response.end(readFileSync(`${FIXTURES}/arxiv_error-badArgument.xml`));
      else response.end(first);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oai`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('harvests every page, printing progress and a summary, and exits 0', async () => {
    const run = await disan('harvest', baseUrl);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('page 1: 8 of 16 records');
    expect(run.stdout).toContain('page 2: 16 of 16 records');
    expect(run.stdout).toContain('16 created, 0 updated, 0 unchanged, 0 deleted, 0 refused, in 2 pages');
    expect(run.code).toBe(0);
  });

  it('run again, fetches from where it stopped and changes nothing', async () => {
    seen.length = 0;
    const run = await disan('harvest', baseUrl);
    expect(run.stdout).toContain('from 2003-04-29T15:57:01Z');
    expect(seen[1]).toContain('from=2003-04-29T15%3A57%3A01Z');
    expect(run.stdout).toContain('0 created, 0 updated, 16 unchanged');
    expect(run.code).toBe(0);
  });

  it('exits 1 naming the OAI-PMH error when the repository refuses the request', async () => {
    const run = await disan('harvest', baseUrl, '--set', 'no-such-set', '--from', '2003-01-01');
    expect(run.stdout).toMatch(/stopped: the OAI-PMH server answered badArgument/);
    expect(run.code).toBe(1);
  });
});
