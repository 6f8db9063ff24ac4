import { describe, expect, it } from 'vitest';
import { parseSheet, rowToItem } from './sheet.ts';

const HEADER = 'file,identifier,kind,ethnic_groups,title_vi,title_km,title_zh-Hant,alt_names,latitude,longitude,date,recurrence,status,access,caption';

describe('parseSheet', () => {
  it('groups rows by identifier and keeps captions per file', () => {
    const sheet = parseSheet(
      `${HEADER}\n` +
        'a.jpg,ok-om-bok,festival,khmer,Lễ hội Ok Om Bok,បុណ្យអកអំបុក,,km-Latn:Bon Ak Ambok,9.6,105.97,2023-11-27,vietnamese-lunisolar:10-15+3,published,public,first\n' +
        'b.jpg,ok-om-bok,,,,,,,,,,,,,second\n',
    );
    expect(sheet.rejected).toEqual([]);
    expect(sheet.entries.map((e) => [e.file, e.itemId, e.caption])).toEqual([
      ['a.jpg', 'ok-om-bok', 'first'],
      ['b.jpg', 'ok-om-bok', 'second'],
    ]);
    const item = sheet.items.get('ok-om-bok')!;
    expect(item.title).toEqual([
      { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
      { lang: 'km', value: 'បុណ្យអកអំបុក' },
    ]);
    expect(item.alternativeNames).toEqual([{ lang: 'km-Latn', value: 'Bon Ak Ambok', type: 'romanisation' }]);
    expect(item.places?.[0]?.geo).toEqual({ lat: 9.6, lon: 105.97 });
    expect(item.recurrence).toEqual([{ calendar: 'vietnamese-lunisolar', month: 10, day: 15, durationDays: 3 }]);
  });

  it('reads a language column written in any case (title_zh-hant) as its BCP 47 tag', () => {
    const sheet = parseSheet(`${HEADER.replace('title_zh-Hant', 'TITLE_ZH-HANT')}\nx.jpg,x,architecture,hoa,,,關帝廟,,,,,,,,\n`);
    expect(sheet.items.get('x')?.title).toEqual([{ lang: 'zh-Hant', value: '關帝廟' }]);
  });

  it.each([
    ['an unknown kind', 'x.jpg,x,party,khmer,T,,,,,,,,,,', /kind/],
    ['an unknown ethnic group', 'x.jpg,x,festival,martian,T,,,,,,,,,,', /ethnic_groups/],
    ['no title at all', 'x.jpg,x,festival,khmer,,,,,,,,,,,', /no title/],
    ['a latitude without longitude', 'x.jpg,x,festival,khmer,T,,,,9.6,,,,,,', /both or neither/],
    ['a latitude out of range', 'x.jpg,x,festival,khmer,T,,,,99,105,,,,,', /latitude/],
    ['a date that is not EDTF', 'x.jpg,x,festival,khmer,T,,,,,,27/11/2023,,,,', /date/],
    ['a recurrence in an unknown calendar', 'x.jpg,x,festival,khmer,T,,,,,,,martian:1-1,,,', /recurrence/],
    ['an alternative name without a language', 'x.jpg,x,festival,khmer,T,,,Bon Ak Ambok,,,,,,,', /alt_names/],
    ['an empty file column', ',x,festival,khmer,T,,,,,,,,,,', /file/],
    ['too many cells', 'x.jpg,x,festival,khmer,T,,,,,,,,,,,extra', /CSV/],
  ])('rejects a row with %s, with its line, and keeps the other rows', (_name, bad, reason) => {
    const sheet = parseSheet(`${HEADER}\n${bad}\ngood.jpg,good,festival,khmer,Tốt,,,,,,,,,,\n`);
    expect(sheet.rejected).toHaveLength(1);
    expect(sheet.rejected[0]!.line).toBe(2);
    expect(sheet.rejected[0]!.reason).toMatch(reason);
    expect([...sheet.items.keys()]).toEqual(['good']);
  });

  it('reports an unclosed quote with the line where it starts', () => {
    const sheet = parseSheet(`${HEADER}\ngood.jpg,good,festival,khmer,Tốt,,,,,,,,,,\nx.jpg,x,festival,khmer,"broken,,,,,,,,,,\n`);
    expect([...sheet.items.keys()]).toEqual(['good']);
    expect(sheet.rejected[0]?.reason).toMatch(/quote/i);
  });

  it('derives a stable id from the file name when identifier is empty', () => {
    const sheet = parseSheet(`${HEADER}\nkhmer/Đua ghe ngo 01.jpg,,festival,khmer,T,,,,,,,,,,\n`);
    expect([...sheet.items.keys()]).toEqual(['khmer-dua-ghe-ngo-01']);
  });
});

describe('rowToItem defaults', () => {
  it('makes a record a draft, public once published, unless the sheet says otherwise', () => {
    const built = rowToItem({ identifier: 'x', kind: 'custom', ethnic_groups: 'hoa', title_vi: 'T' });
    expect('item' in built && built.item.status).toBe('draft');
    expect('item' in built && built.item.access).toEqual({ level: 'public' });
  });
});
