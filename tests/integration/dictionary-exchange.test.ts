import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '@disan/ingest';
import { PUBLIC, SYSTEM } from '@disan/ingest/access';
import { collectEntries, dictionaryDownload, importDictionary, readDictionaryPath, readUploadedDictionary, type IncomingDictionary } from '@disan/ingest/dictionary';
import { temporaryArchive } from '../support/archive.ts';
import { generateAudio } from '../support/generate-av.ts';

const FIXTURE = join(import.meta.dirname, '../../ingest/src/dictionary/lift/fixtures/fieldworks.lift');
const LIFT_RNG = join(import.meta.dirname, '../../../shared/validators/lift/lift.rng');
const BOAT = 'lift-6f1c2a8e-5b3d-4e0f-9a71-2c4d5e6f7a8b';

/**
 * A FieldWorks LIFT file with its audio folder brought into a real archive: entries become
 * `word` items through the workspace, their recordings the items' audio media; a re-import
 * writes nothing; the export (a zip of the .lift and audio/) validates, and comes back in unchanged.
 */
describe('dictionary exchange with the catalog', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let incoming: IncomingDictionary;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-lift-'));
    await copyFile(FIXTURE, join(folder, 'fieldworks.lift'));
    await mkdir(join(folder, 'audio'));
    await generateAudio(join(folder, 'audio', '638471220_ទូកង.wav'), { seconds: 1, format: 'wav' });
    await generateAudio(join(folder, 'audio', '638471299_tuk-ngo-soc-trang.wav'), { seconds: 2, format: 'wav' });
    incoming = await readDictionaryPath(join(folder, 'fieldworks.lift'));
  }, 120_000);

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('previews entry by entry and writes nothing', async () => {
    const preview = await importDictionary(archive, SYSTEM, incoming.format, incoming.entries, incoming.audio, { dryRun: true });
    expect(preview.rows.map((row) => row.outcome)).toEqual(['new', 'new', 'new', 'new', 'invalid', 'skipped']);
    expect(preview.rows[0]!.audio.map((audio) => audio.outcome)).toEqual(['to-register', 'to-register']);
    expect(preview.written).toBe(0);
    expect(await archive.workspace.get(SYSTEM, BOAT)).toBeNull();
  });

  it('imports the entries as word items with their audio, and the bad one is refused alone', async () => {
    const report = await importDictionary(archive, SYSTEM, incoming.format, incoming.entries, incoming.audio, { dryRun: false });
    expect(report.written).toBe(4);
    expect(report.invalid).toBe(1);
    expect(report.rows[0]!.audio.map((audio) => audio.outcome)).toEqual(['registered', 'registered']);
    const boat = await archive.workspace.get(SYSTEM, BOAT);
    expect(boat?.item).toMatchObject({ kind: 'word', status: 'draft', title: [{ lang: 'km', value: 'ទូកង' }], ethnicGroups: ['khmer'] });
    expect(boat?.media.map((medium) => medium.kind)).toEqual(['audio', 'audio']);
  });

  it('changes nothing when the same file comes in again', async () => {
    const before = (await archive.workspace.get(SYSTEM, BOAT))!.version;
    const report = await importDictionary(archive, SYSTEM, incoming.format, incoming.entries, incoming.audio, { dryRun: false });
    expect(report.rows.slice(0, 4).map((row) => row.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(report.rows[0]!.audio.map((audio) => audio.outcome)).toEqual(['already', 'already']);
    expect((await archive.workspace.get(SYSTEM, BOAT))!.version).toBe(before);
  });

  it('exports a LIFT zip that validates, carries the audio, and comes back in unchanged', async () => {
    const first = await dictionaryDownload(archive, await collectEntries(archive, SYSTEM), 'lift');
    const files = unzipSync(first.bytes);
    expect(Object.keys(files).filter((name) => name.startsWith('audio/'))).toHaveLength(2);
    const lift = join(folder, 'exported.lift');
    await writeFile(lift, files['dictionary.lift']!);
    execFileSync('xmllint', ['--noout', '--relaxng', LIFT_RNG, lift], { stdio: 'pipe' });

    const back = await readUploadedDictionary('dictionary.zip', first.bytes);
    const report = await importDictionary(archive, SYSTEM, back.format, back.entries, back.audio, { dryRun: false });
    expect(report.rows.map((row) => row.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const again = await dictionaryDownload(archive, await collectEntries(archive, SYSTEM), 'lift');
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it.each(['csv', 'xlsx'] as const)('exports %s that comes back in with the same content', async (format) => {
    const first = await dictionaryDownload(archive, await collectEntries(archive, SYSTEM), format);
    const back = await readUploadedDictionary(`dictionary.${format}`, first.bytes);
    const report = await importDictionary(archive, SYSTEM, back.format, back.entries, back.audio, { dryRun: false });
    expect(report.rows.map((row) => row.errors)).toEqual([[], [], [], []]);
    // A sheet puts each entry's languages in its column order (vi, en, then the rest): the content is what must not move.
    const again = await dictionaryDownload(archive, await collectEntries(archive, SYSTEM), format);
    const content = async (bytes: Uint8Array) => (await readUploadedDictionary(`dictionary.${format}`, bytes)).entries.map((read) => read.entry);
    expect(await content(again.bytes)).toEqual(await content(first.bytes));
    if (format === 'csv') expect(Buffer.from(again.bytes).toString()).toBe(Buffer.from(first.bytes).toString());
  });

  it('gives the public none of the draft entries', async () => {
    expect(await collectEntries(archive, PUBLIC)).toEqual([]);
  });
});
