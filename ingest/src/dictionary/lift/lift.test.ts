import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.ts';
import { guidOf, idFromLift, type ExchangeEntry } from '../exchange/entry.ts';
import { readLift } from './read.ts';
import { formRole } from './writing-systems.ts';
import { writeLift } from './write.ts';

const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures/fieldworks.lift'), 'utf8');
const LIFT_RNG = join(import.meta.dirname, '../../../../../shared/validators/lift/lift.rng');
const scratch = mkdtempSync(join(tmpdir(), 'disan-lift-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** xmllint's verdict on a LIFT document against the LIFT 0.15 RELAX NG schema: '' when valid. */
function schemaErrors(xml: string): string {
  const file = join(scratch, `check-${Math.random().toString(36).slice(2)}.lift`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--relaxng', LIFT_RNG, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

const entries = (xml: string): ExchangeEntry[] => readLift(xml).flatMap((read) => (read.entry ? [read.entry] : []));

/** An entry with every field the entry block, the item's access and a recording have. */
const FULL: ExchangeEntry = {
  id: 'ghe-ngo',
  created: '2026-01-02T03:04:05.000Z',
  modified: '2026-02-03T04:05:06.000Z',
  access: { level: 'community', communities: ['khmer-soc-trang', 'khmer-tra-vinh'] },
  entry: {
    language: 'km',
    dialect: 'Sóc Trăng',
    headwords: [{ value: 'ទូកង', script: 'Khmr' }, { value: 'tuk ngo', script: 'Latn' }],
    romanisations: [{ value: 'tuk ngâ', system: 'ungegn' }, { value: 'tūk ṅ', system: 'ala-lc' }],
    ipa: ['tuːk ŋɔː', 'tuk ŋɔ'],
    partOfSpeech: 'noun',
    senses: [
      {
        glosses: [{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'ngo boat' }, { lang: 'en', value: 'racing boat' }],
        definition: [{ lang: 'en', value: 'A long racing boat <of> the "pagodas" & their crews,\nline two.' }],
        examples: [{ text: 'ទូកងវត្តនេះឈ្នះ។', romanisation: 'tuk ngâ voat nih chneah', translations: [{ lang: 'vi', value: 'Ghe ngo của chùa này thắng.' }], source: 'fieldwork 2025' }],
        domains: ['boat', 'festival'],
      },
      { glosses: [{ lang: 'vi', value: 'đua ghe' }] },
    ],
    relations: [
      { type: 'see-also', entryId: 'tuk' },
      { type: 'variant', headword: 'ទូកងា' },
      { type: 'compound-of', entryId: 'tuk', headword: 'ទូក' },
      { type: 'synonym', headword: 'ghe' },
    ],
    etymology: [{ lang: 'en', value: 'ទូក boat + ង (a carved dragon head)' }],
    usageNotes: [{ lang: 'vi', value: 'Dùng cho ghe đua.' }],
    sources: ['Headley 1977', 'Interview, 2025'],
    records: ['ok-om-bok-soc-trang', 'boat-race-2024'],
  },
  recordings: [
    {
      file: 'audio/ghe-ngo-1.opus',
      caption: 'Said by an oarsman',
      recording: { speaker: 'Thạch Sóc', consent: { given: true, date: '2025-10-01', method: 'written', note: 'may be published' }, locality: 'Sóc Trăng', dialect: 'Khmer Sóc Trăng', recordedOn: '2025-10-02', generated: false },
      access: { level: 'community', communities: ['khmer-soc-trang'] },
    },
    { file: 'audio/ghe-ngo-2.opus' },
  ],
};

describe('LIFT writing systems', () => {
  it.each([
    ['km', { role: 'headword', script: 'Khmr' }],
    ['zh-Hant', { role: 'headword', script: 'Hant' }],
    ['zh-Hans', { role: 'headword', script: 'Hans' }],
    ['zh-TW', { role: 'headword', script: 'Hant' }],
    ['cjm', { role: 'headword', script: 'Cham' }],
    ['cjm-Latn', { role: 'headword', script: 'Latn' }],
    ['km-fonipa', { role: 'ipa' }],
    ['zh-Latn-pinyin', { role: 'romanisation', system: 'pinyin' }],
    ['yue-Latn-jyutping', { role: 'romanisation', system: 'jyutping' }],
    ['km-Latn-alalc97', { role: 'romanisation', system: 'ala-lc' }],
    ['km-Latn-x-ungegn', { role: 'romanisation', system: 'ungegn' }],
    ['nan-Latn-x-pengim', { role: 'romanisation', system: 'pengim' }],
    ['cjm-Latn-x-rumi', { role: 'romanisation', system: 'rumi' }],
    ['th', { role: 'unknown' }],
  ])('reads %s as what it writes', (system, role) => {
    expect(formRole(system)).toEqual(role);
  });
});

describe('LIFT ids', () => {
  it('gives a LIFT guid the same item id at every import, and gives it back on export', () => {
    const id = idFromLift({ guid: '3E4F5A6B-7C8D-4E9F-A0B1-C2D3E4F5A6B7', id: '龍舟_x' });
    expect(id).toBe('lift-3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7');
    expect(guidOf(id!)).toBe('3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7');
  });

  it('makes a stable version-5 layout guid for an entry born in Disan', () => {
    expect(guidOf('ghe-ngo')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guidOf('ghe-ngo')).toBe(guidOf('ghe-ngo'));
    expect(guidOf('ghe-ngo')).not.toBe(guidOf('ghe-ngo-2'));
  });
});

describe('LIFT export', () => {
  it('writes a file valid against the LIFT 0.15 schema', () => {
    const xml = writeLift([FULL, ...entries(FIXTURE)]);
    expect(schemaErrors(xml)).toBe('');
  });

  it('loses nothing: an entry read back is the entry written, and writing it again gives the same bytes', () => {
    const first = writeLift([FULL]);
    const back = entries(first);
    expect(back).toEqual([FULL]);
    expect(writeLift(back)).toBe(first);
  });

  it('keeps a FieldWorks file unchanged after its first export (export, import, export)', () => {
    const first = writeLift(entries(FIXTURE));
    expect(writeLift(entries(first))).toBe(first);
  });
});

describe('LIFT import of a FieldWorks file', () => {
  const read = readLift(FIXTURE);

  it('reads the entries, refuses the bad one with its reason and skips the deleted one', () => {
    expect(read.map((entry) => [entry.line, entry.entry?.id ?? null, entry.errors])).toEqual([
      [1, 'lift-6f1c2a8e-5b3d-4e0f-9a71-2c4d5e6f7a8b', []],
      [2, 'lift-0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f', []],
      [3, 'lift-3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7', []],
      [4, 'lift-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', []],
      [5, null, ['sense: the entry has no sense (a gloss or a definition)']],
      [6, null, []],
    ]);
    expect(read[5]!.warnings).toEqual(['the entry is marked deleted in the file (dateDeleted): not imported']);
  });

  it('maps writing systems to headwords, romanisations and IPA, and finds the audio of both kinds', () => {
    const boat = read[0]!.entry!;
    expect(boat.entry.language).toBe('km');
    expect(boat.entry.headwords).toEqual([{ value: 'ទូកង', script: 'Khmr' }]);
    expect(boat.entry.romanisations).toEqual([{ value: 'tuk ngâ', system: 'ungegn' }]);
    expect(boat.entry.ipa).toEqual(['tuːk ŋɔː']);
    expect(boat.recordings).toEqual([{ file: 'audio/638471220_ទូកង.wav' }, { file: 'audio/638471299_tuk-ngo-soc-trang.wav', caption: 'Said by a boat-race oarsman, Sóc Trăng' }]);
    const dragon = read[2]!.entry!;
    expect(dragon.entry.headwords).toEqual([{ value: '龍舟', script: 'Hant' }, { value: '龙舟', script: 'Hans' }]);
    expect(dragon.entry.romanisations).toEqual([{ value: 'lóngzhōu', system: 'pinyin' }]);
    expect(read[3]!.entry!.entry.headwords).toEqual([{ value: 'Katé', script: 'Latn' }]);
  });

  it('maps senses: part of speech, glosses, definitions with spans read as text, examples, semantic domains', () => {
    const boat = read[0]!.entry!.entry;
    expect(boat.partOfSpeech).toBe('noun');
    expect(read[1]!.entry!.entry.partOfSpeech).toBe('noun');
    expect(read[3]!.entry!.entry.partOfSpeech).toBe('proper-noun');
    const sense = boat.senses[0]!;
    expect(sense.glosses).toEqual([{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'ngo boat' }]);
    expect(sense.definition?.[0]?.value).toBe('Long racing boat of the Khmer pagodas, ទូក carved from one trunk, raced at Ok Om Bok.');
    expect(sense.domains).toEqual(['boat', 'festival']);
    expect(sense.examples).toEqual([{ text: 'ទូកងវត្តនេះឈ្នះ។', translations: [{ lang: 'vi', value: 'Ghe ngo của chùa này thắng.' }, { lang: 'en', value: "This pagoda's ngo boat wins." }] }]);
  });

  it('resolves relations by LIFT id within the file, keeps a headword for those outside, and notes what it leaves', () => {
    expect(read[0]!.entry!.entry.relations).toEqual([{ type: 'see-also', entryId: 'lift-0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f' }]);
    expect(read[2]!.entry!.entry.relations).toEqual([{ type: 'compound-of', headword: '舟' }]);
    expect(read[1]!.entry!.entry.sources).toEqual(['Headley, R. K. et al., Cambodian-English Dictionary, 1977']);
    expect(read[1]!.warnings).toEqual(['relation "Antonym": Disan relates entries as synonym, variant, compound-of or see-also; not imported']);
    expect(read[0]!.warnings).toEqual(['field "literal-meaning": not a part of Disan\'s entries, not imported']);
    expect(read[3]!.entry!.entry.usageNotes).toEqual([{ lang: 'en', value: 'Held in the seventh month of the Cham calendar.' }]);
  });

  it.each([
    ['<lift version="0.15"><entry', 'not well-formed XML'],
    ['<dictionary version="0.15"/>', 'root element must be <lift>'],
    ['<lift version="0.9"/>', 'LIFT version "0.9" is not read'],
  ])('refuses %s with a clear message', (xml, message) => {
    expect(() => readLift(xml)).toThrow(ValidationError);
    expect(() => readLift(xml)).toThrow(message);
  });

  it('refuses an entry whose recording has bad recording info, naming the field', () => {
    const xml = writeLift([FULL]).replace('value="2025-10-01"', 'value="yesterday"');
    expect(readLift(xml)[0]!.errors.join()).toMatch(/pronunciation: recording \/consent\/date/);
  });
});
