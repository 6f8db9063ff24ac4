import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Collection, ImportLine, type ItemInput } from '@disan/schemas';
import { type Archive, importRecords, type ImportReport, readSheet } from '@disan/ingest';
import { temporaryArchive } from '../support/archive.ts';
import { SAMPLES } from '../support/samples.ts';

const ENTRIES = join(SAMPLES, 'dictionary', 'entries.jsonl');
const lines = (await readFile(ENTRIES, 'utf8')).split('\n').filter((line) => line.trim() !== '');
const entries = lines.map((line) => JSON.parse(line) as ImportLine);
const blockOf = (entry: ImportLine) => entry.entry!;

/** Every sample record, from the sheet and from records.jsonl: what an entry's `records` may name. */
async function sampleRecords(): Promise<Map<string, ItemInput>> {
  const records = new Map((await readSheet(join(SAMPLES, 'metadata.csv'))).items);
  for (const line of (await readFile(join(SAMPLES, 'records.jsonl'), 'utf8')).split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as ItemInput;
    records.set(record.id, record);
  }
  return records;
}

describe('the sample word list (media-samples/dictionary)', () => {
  it('is 30 or more valid word entries across Khmer, Hoa Chinese and Cham', () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
    for (const entry of entries) {
      expect([...Value.Errors(ImportLine, entry)].map((e) => `${entry.id}${e.instancePath} ${e.message}`)).toEqual([]);
      expect(entry.kind).toBe('word');
      expect(entry.title[0]?.value).toBe(blockOf(entry).headwords[0]?.value);
    }
    const languages = new Set(entries.map((entry) => blockOf(entry).language));
    expect(languages.has('km') && languages.has('cjm')).toBe(true);
    expect(['yue', 'nan', 'cmn'].every((chinese) => languages.has(chinese))).toBe(true);
    for (const group of ['khmer', 'hoa', 'cham'] as const) expect(entries.filter((entry) => entry.ethnicGroups.includes(group)).length).toBeGreaterThanOrEqual(5);
  });

  it('gives sources for every entry and Vietnamese and English glosses for every sense', () => {
    for (const entry of entries) {
      expect(blockOf(entry).sources?.length ?? 0, entry.id).toBeGreaterThan(0);
      for (const sense of blockOf(entry).senses) expect(sense.glosses.map((g) => g.lang), entry.id).toEqual(expect.arrayContaining(['vi', 'en']));
    }
  });

  it('writes each script where its language needs it: Khmer script, Han in both forms with pinyin, Cham in Rumi', () => {
    for (const entry of entries) {
      const { language, headwords, romanisations = [] } = blockOf(entry);
      const scripts = headwords.map((h) => h.script);
      const systems = romanisations.map((r) => r.system);
      if (language === 'km') expect([scripts[0], systems.includes('ungegn') && systems.includes('ala-lc')], entry.id).toEqual(['Khmr', true]);
      if (['yue', 'nan', 'cmn'].includes(language)) expect([scripts.includes('Hant'), scripts.includes('Hans'), systems.includes('pinyin')], entry.id).toEqual([true, true, true]);
      if (language === 'yue') expect(systems, entry.id).toContain('jyutping');
      if (language === 'nan') expect(systems, entry.id).toContain('pengim');
      if (language === 'cjm') expect(systems, entry.id).toContain('rumi');
    }
    expect(entries.filter((entry) => blockOf(entry).headwords.some((h) => h.script === 'Cham')).length).toBeGreaterThan(0);
  });

  it('links only records that exist among the samples, and public entries only to published records', async () => {
    const records = await sampleRecords();
    for (const entry of entries) {
      for (const id of blockOf(entry).records ?? []) {
        const record = records.get(id);
        expect(record, `${entry.id} -> ${id}`).toBeDefined();
        expect(record?.status, `${entry.id} -> ${id}`).toBe('published');
        if (entry.access.level === 'public') expect(record?.access.level, `${entry.id} -> ${id}`).toBe('public');
      }
    }
  });

  it('has ទូកង, found as "tuk ngo", compound of ទូក, linked to the boat race record', () => {
    const ngo = entries.find((entry) => blockOf(entry).headwords[0]?.value === 'ទូកង');
    expect(ngo).toBeDefined();
    const block = blockOf(ngo!);
    expect(block.romanisations?.map((r) => r.value)).toEqual(expect.arrayContaining(['tuk ngo', 'touk ngor']));
    expect(block.senses[0]?.glosses).toContainEqual({ lang: 'vi', value: 'ghe ngo' });
    expect(block.records).toContain('dua-ghe-ngo-soc-trang');
    expect(block.relations).toContainEqual({ type: 'compound-of', entryId: 'km-tuk', headword: 'ទូក' });
    expect(ngo!.media?.length).toBe(1);
  });

  it('points every relation by id at an entry of the list', () => {
    const ids = new Set(entries.map((entry) => entry.id));
    for (const entry of entries) for (const relation of blockOf(entry).relations ?? []) if (relation.entryId) expect(ids.has(relation.entryId), `${entry.id} -> ${relation.entryId}`).toBe(true);
  });

  it('keeps exactly one entry to its community, to exercise the access rules', () => {
    const restricted = entries.filter((entry) => entry.access.level !== 'public');
    expect(restricted.map((entry) => entry.access)).toEqual([{ level: 'community', communities: ['khmer-soc-trang'] }]);
  });

  it('says of every recording that it is generated, in Vietnamese and English, and keeps the files small', async () => {
    const refs = entries.flatMap((entry) => entry.media ?? []);
    expect(refs.length).toBeGreaterThan(0);
    let bytes = 0;
    for (const ref of refs) {
      bytes += (await stat(join(dirname(ENTRIES), ref.file))).size;
      expect(ref.recording).toMatchObject({ speaker: 'espeak-ng (synthetic)', generated: true, consent: { given: true } });
      expect(ref.caption).toMatch(/Bản ghi tạo tự động bằng espeak-ng, không phải giọng người bản ngữ\./);
      expect(ref.caption).toMatch(/Generated by espeak-ng, not a native speaker's voice\./);
    }
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('orders two word lists in collections.json, each naming entries that belong to it', async () => {
    const collections = (JSON.parse(await readFile(join(SAMPLES, 'collections.json'), 'utf8')) as unknown[]).filter((c): c is Collection => Value.Check(Collection, c));
    const lists = collections.filter((collection) => collection.type === 'word-list');
    expect(lists.length).toBeGreaterThanOrEqual(2);
    for (const list of lists) {
      const members = entries.filter((entry) => entry.collections?.includes(list.id)).map((entry) => entry.id);
      expect([...(list.itemOrder ?? [])].sort(), list.id).toEqual(members.sort());
    }
  });
});

/**
 * The whole list as `disan import` reads it. Only ទូកង keeps its recording here: running all of
 * them through ffmpeg would take minutes on a busy machine and proves nothing more (the audio
 * pipeline has its own tests); the other recordings are checked above, as files and captions.
 */
describe('disan import of the sample word list', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let copy: string;
  let report: ImportReport;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-words-'));
    await mkdir(join(folder, 'audio'));
    await copyFile(join(SAMPLES, 'dictionary', 'audio', 'km-tuk-ngo.opus'), join(folder, 'audio', 'km-tuk-ngo.opus'));
    copy = join(folder, 'entries.jsonl');
    const kept = entries.map(({ media, ...entry }) => (entry.id === 'km-tuk-ngo' ? { ...entry, media } : entry));
    await writeFile(copy, kept.map((entry) => JSON.stringify(entry)).join('\n'));
    report = await importRecords(archive, copy);
  }, 300_000);

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('imports every entry, and the recording of ទូកង through the audio pipeline', async () => {
    expect(report.failures).toEqual([]);
    expect(report.created).toBe(entries.length);
    expect(report.media?.outcomes).toMatchObject({ ingested: 1, failed: 0 });
    const ngo = await archive.catalog.items.get('km-tuk-ngo');
    expect(ngo?.entry?.records).toContain('dua-ghe-ngo-soc-trang');
    const media = await archive.catalog.media.listForItem('km-tuk-ngo');
    expect(media.map((m) => [m.kind, m.status])).toEqual([['audio', 'ready']]);
    expect(media[0]?.caption).toMatch(/not a native speaker's voice/);
  });

  it('imports a second time without changing anything', async () => {
    const again = await importRecords(archive, copy);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: entries.length, failures: [] });
  });
});
