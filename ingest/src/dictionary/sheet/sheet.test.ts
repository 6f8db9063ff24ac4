import { describe, expect, it } from 'vitest';
import { entriesCsv, entriesXlsx, entryTable, readEntrySheet } from './files.ts';
import type { SheetEntry } from './rows.ts';

const BOAT: SheetEntry = {
  id: 'ghe-ngo',
  status: 'published',
  access: { level: 'community', communities: ['khmer-soc-trang'] },
  entry: {
    language: 'km',
    dialect: 'Sóc Trăng',
    headwords: [{ value: 'ទូកង', script: 'Khmr' }, { value: 'tuk ngo', script: 'Latn' }],
    romanisations: [{ value: 'tuk ngâ', system: 'ungegn' }, { value: 'tūk ṅ', system: 'ala-lc' }],
    ipa: ['tuːk ŋɔː'],
    partOfSpeech: 'noun',
    senses: [
      {
        glosses: [{ lang: 'vi', value: 'ghe ngo' }, { lang: 'en', value: 'ngo boat' }, { lang: 'en', value: 'racing boat' }],
        definition: [{ lang: 'en', value: 'A long racing boat, "carved"\nfrom one trunk.' }],
        examples: [{ text: 'ទូកងវត្តនេះឈ្នះ។', romanisation: 'tuk ngâ voat nih chneah', translations: [{ lang: 'vi', value: 'Ghe ngo của chùa này thắng.' }], source: 'fieldwork 2025' }],
        domains: ['boat', 'festival'],
      },
      { glosses: [{ lang: 'vi', value: 'đua ghe' }] },
    ],
    // In the order a sheet keeps: its relation columns go synonym, variant, compound-of, see-also.
    relations: [{ type: 'compound-of', entryId: 'tuk', headword: 'ទូក' }, { type: 'see-also', entryId: 'tuk' }, { type: 'see-also', headword: 'ghe' }],
    etymology: [{ lang: 'en', value: '=ទូក boat + ង' }],
    usageNotes: [{ lang: 'vi', value: 'Dùng cho ghe đua.' }],
    sources: ['Headley 1977', 'Interview, 2025'],
    records: ['ok-om-bok-soc-trang'],
  },
  recordings: [
    { file: 'audio/ghe-ngo-1.opus', caption: 'Said by an oarsman', recording: { speaker: 'Thạch Sóc', consent: { given: true, date: '2025-10-01', method: 'written' }, locality: 'Sóc Trăng', generated: false }, access: { level: 'community', communities: ['khmer-soc-trang'] } },
  ],
};
const DRAGON: SheetEntry = {
  id: 'long-zhou',
  entry: { language: 'yue', headwords: [{ value: '龍舟', script: 'Hant' }, { value: '龙舟', script: 'Hans' }], romanisations: [{ value: 'lung4 zau1', system: 'jyutping' }], senses: [{ glosses: [{ lang: 'vi', value: 'thuyền rồng' }] }] },
  recordings: [],
};

describe('dictionary sheets', () => {
  it('writes one row per entry, in columns a person reads', () => {
    const [header, boat] = entryTable([BOAT, DRAGON]);
    expect(header!.slice(0, 8)).toEqual(['id', 'status', 'language', 'dialect', 'headword_khmr', 'headword_hant', 'headword_hans', 'headword_latn']);
    const cell = (column: string) => boat![header!.indexOf(column)];
    expect(cell('sense1_gloss_en')).toBe('ngo boat; racing boat');
    expect(cell('relations_see-also')).toBe('tuk; (ghe)');
    expect(cell('relations_compound-of')).toBe('tuk (ទូក)');
    expect(cell('recording1_speaker')).toBe('Thạch Sóc');
    expect(cell('etymology_en')).toBe("'=ទូក boat + ង");
  });

  it.each(['csv', 'xlsx'] as const)('reads back what it wrote as %s, entry for entry', async (format) => {
    const bytes = format === 'csv' ? Buffer.from(entriesCsv([BOAT, DRAGON])) : await entriesXlsx([BOAT, DRAGON]);
    const read = await readEntrySheet(bytes, format);
    expect(read.map((row) => row.errors)).toEqual([[], []]);
    expect(read.map((row) => row.entry)).toEqual([BOAT, DRAGON]);
  });

  it('refuses a bad row with reasons naming its columns, and reads the rest', async () => {
    const lines = ['id,language,headword_khmr,headword_hant,sense1_gloss_vi', 'long-zhou,yue,,龍舟,thuyền rồng', 'no-sense,km,ទូក,,', 'long-zhou,yue,,龍舟,x', ',km,ទូក,,thuyền', 'bad-lang,khmer!,ទូក,,thuyền'];
    const read = await readEntrySheet(Buffer.from(lines.join('\n')), 'csv');
    expect(read.map((row) => [row.line, row.entry?.id ?? null, row.errors])).toEqual([
      [2, 'long-zhou', []],
      [3, null, ['sense1_gloss_vi: every entry needs a sense with a gloss (sense1_gloss_<language>)']],
      [4, null, ['id: "long-zhou" is already the entry of row 2']],
      [5, null, ['id: every entry needs an id (lower-case letters, digits and dashes)']],
      [6, null, [expect.stringMatching(/^language: /)]],
    ]);
  });
});
