import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Value } from 'typebox/value';
import { SearchResult } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '@disan/ingest';
import { SAMPLE_FILES, SAMPLE_PHOTOS, SAMPLES } from '../support/samples.ts';

const SHEET_ITEMS = (await readSheet(join(SAMPLES, 'metadata.csv'))).items.size;
const SAMPLE_ELEMENTS = (await readFile(join(SAMPLES, 'inventory', 'elements.jsonl'), 'utf8')).split('\n').filter((line) => line.trim() !== '').length;

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'ingest', 'bin', 'disan.js');

interface Run { code: number; stdout: string; stderr: string }

/** Commands refused before they do anything: the first three open the archive, the last two stop at their arguments. */
const REFUSALS: [string[], number, RegExp][] = [
  [['search', 'x', '--filter', 'colour=red'], 1, /--filter "colour=red" must be field=value/],
  [['search', 'x', '--near', '9.6,abc,10'], 1, /invalid search/],
  [['ingest'], 1, /name the files or folders/],
  [['dance'], 2, /unknown command "dance"/],
  [['search', '--bogus'], 2, /Unknown option '--bogus'/],
];
const opensNoArchive = (args: string[]) => args[0] === 'dance' || args.includes('--bogus');

/**
 * The disan command as an archivist runs it: a real process, real exit codes, the sample archive.
 * The catalog belongs to one process at a time, so the runs take turns; the two refusals that stop
 * at their arguments open no archive, and run at once, beside the sample ingest (each run costs
 * seconds of loading on two busy cores).
 */
describe('the disan command', () => {
  let dataDir: string;
  const disan = async (...args: string[]): Promise<Run> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--no-warnings', BIN, ...args], {
        cwd: ROOT,
        env: { ...process.env, DISAN_DATA_DIR: dataDir },
        maxBuffer: 16 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const refusedAtOnce = new Map<string, Promise<Run>>();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'disan-cli-'));
    for (const [args] of REFUSALS) if (opensNoArchive(args)) refusedAtOnce.set(JSON.stringify(args), disan(...args));
  });
  afterAll(async () => {
    await Promise.allSettled(refusedAtOnce.values());
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ingests the sample folder with its sheet and exits 0 with a summary', async () => {
    const run = await disan('ingest', 'media-samples');
    expect(run.stderr).not.toMatch(/failed/);
    const files = SAMPLE_FILES.length;
    expect(run.stdout).toMatch(new RegExp(`${files} files in .* ${files} ingested, 0 already there, 0 stored awaiting their pipeline, 0 failed`));
    expect(run.stdout).toMatch(new RegExp(`items: ${SHEET_ITEMS} new`));
    expect(run.code).toBe(0);
  });

  it('imports JSON Lines records and reports bad lines by number, exiting 1', async () => {
    // The inventory first, as npm run samples does: the records name the elements they document.
    expect((await disan('import', 'media-samples/inventory/elements.jsonl')).stdout).toMatch(new RegExp(`imported ${SAMPLE_ELEMENTS} records: ${SAMPLE_ELEMENTS} new`));
    expect((await disan('import', 'media-samples/records.jsonl')).stdout).toMatch(/imported 5 records: 5 new/);
    const bad = join(dataDir, 'bad.jsonl');
    await writeFile(bad, '{"id":"ok-1","kind":"custom","ethnicGroups":["cham"],"title":[{"lang":"vi","value":"Tốt"}],"status":"published","access":{"level":"public"}}\n{not json\n{"id":"Bad Id","kind":"custom","ethnicGroups":[],"title":[],"status":"published","access":{"level":"public"}}\n');
    const run = await disan('import', bad);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1 new.*2 failed/);
    expect(run.stdout).toMatch(/line 2: not valid JSON/);
    expect(run.stdout).toMatch(/line 3: .*id/);
  });

  it('searches as the public would, and prints the API shape with --json', async () => {
    const run = await disan('search', 'le hoi', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as unknown;
    expect(Value.Check(SearchResult, result)).toBe(true);
    const ids = (result as SearchResult).hits.map((h) => h.id);
    expect(ids).toContain('ok-om-bok-soc-trang');
    expect(ids).not.toContain('ban-nhap-le-hoi');
    const all = JSON.parse((await disan('search', 'le hoi', '--all', '--json', '--page-size', '50')).stdout) as SearchResult;
    expect(all.hits.map((h) => h.id)).toContain('ban-nhap-le-hoi');
  });

  it('narrows by facet and prints readable text by default', async () => {
    const run = await disan('search', 'le hoi', '--filter', 'ethnicGroups=hoa');
    expect(run.stdout).toMatch(/Nguyên Tiêu/);
    expect(run.stdout).not.toMatch(/Ok Om Bok/);
    expect(run.stdout).toMatch(/«/);
  });

  it.each(REFUSALS)('refuses %j with exit %i and a reason', async (args, code, reason) => {
    const run = await (refusedAtOnce.get(JSON.stringify(args)) ?? disan(...args));
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(reason);
  });

  it('rebuilds the index from the catalog and shows the job queue', async () => {
    // The sheet's items, the 5 sample records and the 1 good line of bad.jsonl.
    expect((await disan('reindex')).stdout).toMatch(new RegExp(`reindexed ${SHEET_ITEMS + SAMPLE_ELEMENTS + 6} items into the embedded engine`));
    const jobs = (await disan('jobs')).stdout;
    expect(jobs).toMatch(new RegExp(`image\\.derivatives: 0 queued, 0 running, 0 failed, ${SAMPLE_PHOTOS.length} done`));
    expect(jobs).toMatch(/video\.derivatives: 0 queued, 0 running, 0 failed, 1 done/);
    expect(jobs).toMatch(/document\.derivatives: 0 queued, 0 running, 0 failed, \d+ done/);
    const after = JSON.parse((await disan('search', 'បុណ្យ', '--json')).stdout) as SearchResult;
    expect(after.hits.map((h) => h.id)).toContain('chol-chnam-thmay');
  });

  it('prints file names with control characters escaped: a name cannot clear or rewrite the terminal', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'disan-cli-names-'));
    try {
      await writeFile(join(folder, 'ghi chép\u001b[2J\u001b[31m.jpg'), 'just notes, not a photo\n'.repeat(10));
      const run = await disan('ingest', folder);
      expect(run.code).toBe(1);
      const shown = run.stdout + run.stderr;
      expect(shown).toContain('ghi chép\\u001b[2J\\u001b[31m.jpg: not a media file: the content is plain text');
      expect(shown).not.toContain('\u001b');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
