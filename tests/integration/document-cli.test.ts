import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_7_WORD } from '../support/generate-documents.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'ingest', 'bin', 'disan.js');
const SAMPLES = join(ROOT, 'media-samples');

/**
 * The "done means", as an archivist would see it: ingest a PDF whose word
 * is only on page 7 and a caption file whose word is only at 00:01:30, then
 * `disan search` points at the page and the time code.
 */
describe('disan ingest then search finds words inside documents and captions', () => {
  let dataDir: string;
  let folder: string;
  const disan = async (...args: string[]) => {
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

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'disan-doc-cli-'));
    folder = await mkdtemp(join(tmpdir(), 'disan-doc-cli-in-'));
    await mkdir(join(folder, 'khmer'));
    await copyFile(join(SAMPLES, 'khmer', 'bao-cao-bao-ton-ok-om-bok.pdf'), join(folder, 'khmer', 'bao-cao-bao-ton-ok-om-bok.pdf'));
    await copyFile(join(SAMPLES, 'khmer', 'ok-om-bok-dua-ghe.vi.vtt'), join(folder, 'khmer', 'ok-om-bok-dua-ghe.vi.vtt'));
    await writeFile(join(folder, 'bad.pdf'), (await readFile(join(SAMPLES, 'khmer', 'bao-cao-bao-ton-ok-om-bok.pdf'))).subarray(0, 20_000));
    await writeFile(
      join(folder, 'metadata.csv'),
      'file,identifier,kind,ethnic_groups,title_vi,languages,status,access\n' +
        'khmer/bao-cao-bao-ton-ok-om-bok.pdf,bao-cao,document,khmer,Báo cáo bảo tồn lễ hội Ok Om Bok,vi,published,public\n' +
        'khmer/ok-om-bok-dua-ghe.vi.vtt,dua-ghe,performance,khmer,Đua ghe ngo Sóc Trăng,vi,published,public\n',
    );
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  });

  it('ingests the PDF and the captions, and names the broken PDF with its reason in the summary', async () => {
    const run = await disan('ingest', folder);
    expect(run.stdout).toMatch(/3 files in .* 2 ingested, 0 already there, 0 stored awaiting their pipeline, 1 failed/);
    expect(run.stdout).toMatch(/bad\.pdf: the PDF is truncated or damaged/);
    expect(run.code).toBe(1);
  }, 60_000);

  it(`finds "${PAGE_7_WORD}" on page 7 of the report`, async () => {
    const run = await disan('search', PAGE_7_WORD);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('bao-cao');
    expect(run.stdout).toMatch(new RegExp(`page 7: .*${PAGE_7_WORD}`));
    expect(run.stdout).not.toMatch(/page [1-68]:/);
  });

  it('finds "Kantrum" at 00:01:30 in the captions', async () => {
    const run = await disan('search', 'Kantrum');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('dua-ghe');
    expect(run.stdout).toMatch(/00:01:30: .*Kantrum/);
  });
});
