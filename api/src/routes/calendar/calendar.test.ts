import ICAL from 'ical.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarAnswer, ItemInput } from '@disan/schemas';
import type { Archive } from '@disan/ingest';
import { buildApp } from '../../app.ts';
import { temporaryArchive } from '../../../../tests/support/archive.ts';

const OPERATOR_TOKEN = 'calendar-operator-token-0123456789abcdef';
const okOmBok = { calendar: 'khmer-lunisolar', month: 12, day: 15, phase: 'waxing', durationDays: 2 } as const;
const record = (id: string, extra: Partial<ItemInput>): ItemInput => ({
  id,
  kind: 'festival',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'vi', value: `Lễ hội ${id}` }],
  places: [{ name: 'Sóc Trăng', province: 'Sóc Trăng' }],
  recurrence: [okOmBok],
  status: 'published',
  access: { level: 'public' },
  ...extra,
});
const RECORDS: ItemInput[] = [
  record('ok-om-bok', {}),
  record('tet-nguyen-tieu', { ethnicGroups: ['hoa'], places: [{ name: 'Cần Thơ', province: 'Cần Thơ' }], recurrence: [{ calendar: 'vietnamese-lunisolar', month: 1, day: 15 }] }),
  record('mo-ta', { access: { level: 'metadata-only' } }),
  record('no-date', { recurrence: [] }),
  // Never on the public calendar, whoever asks:
  record('nhap', { status: 'draft' }),
  record('duyet', { status: 'in-review' }),
  record('nghien-cuu', { access: { level: 'researchers' } }),
  record('cong-dong', { access: { level: 'community', communities: ['khmer-soc-trang'] } }),
  record('cam', { access: { level: 'embargo', embargoUntil: '2999-01-01' } }),
];
const SHOWN = ['mo-ta', 'ok-om-bok'];

let archive: Archive;
let app: FastifyInstance;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN, DISAN_PUBLIC_URL: 'https://heritage.example', DISAN_API_CACHE_SECONDS: '0' }));
  for (const item of RECORDS) await archive.catalog.items.upsert(item, { author: 'test' });
  app = await buildApp({ archive, config: archive.config, logger: false });
}, 120_000);
afterAll(async () => {
  await app.close();
  await dispose();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

describe('GET /api/calendar', () => {
  it('lays the public\'s festivals on their days, with the month\'s days in three calendars', async () => {
    const response = await get('/api/calendar?year=2025&month=11');
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<CalendarAnswer>();
    expect(answer.festivals.map((f) => [f.id, f.start, f.end])).toEqual([['mo-ta', '2025-11-05', '2025-11-06'], ['ok-om-bok', '2025-11-05', '2025-11-06']]);
    expect(answer.festivals[1]).toMatchObject({ ethnicGroups: ['khmer'], provinces: ['Sóc Trăng'], title: [{ lang: 'vi', value: 'Lễ hội ok-om-bok' }] });
    expect(answer.days).toHaveLength(30);
    expect(answer.days![4]).toMatchObject({ gregorian: '2025-11-05', vietnamese: { month: 9, day: 16 }, khmer: { label: '15 waxing Kadeuk, BE 2569' } });
  });

  it('filters by ethnic group and province, and answers a whole year without days', async () => {
    const hoa = (await get('/api/calendar?year=2026&group=hoa')).json<CalendarAnswer>();
    expect(hoa.festivals.map((f) => [f.id, f.start])).toEqual([['tet-nguyen-tieu', '2026-03-03']]);
    expect(hoa.days).toBeUndefined();
    const canTho = (await get('/api/calendar?year=2026&province=C%E1%BA%A7n%20Th%C6%A1')).json<CalendarAnswer>();
    expect(canTho.festivals.map((f) => f.id)).toEqual(['tet-nguyen-tieu']);
  });

  it('never shows a draft\'s or a restricted record\'s festival, even to the operator', async () => {
    for (const headers of [{}, { authorization: `Bearer ${OPERATOR_TOKEN}` }] as Record<string, string>[]) {
      const ids = new Set((await get('/api/calendar?year=2025', headers)).json<CalendarAnswer>().festivals.map((f) => f.id));
      expect([...ids].sort()).toEqual([...SHOWN, 'tet-nguyen-tieu'].sort());
    }
  });

  it('refuses a year the calendars do not cover, saying so', async () => {
    const response = await get('/api/calendar?year=1700');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('year');
  });
});

describe('GET /api/calendar.ics', () => {
  it('is an iCalendar feed of this year and the next that ical.js reads: all-day events, stable UIDs, record pages', async () => {
    const response = await get('/api/calendar.ics?year=2025&group=khmer');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = new ICAL.Component(ICAL.parse(response.body) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const okOmBoks = events.filter((e) => e.uid.startsWith('ok-om-bok-'));
    expect(okOmBoks.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString()])).toEqual([
      ['ok-om-bok-2025-11-05@heritage.example', '2025-11-05', '2025-11-07'],
      ['ok-om-bok-2026-11-24@heritage.example', '2026-11-24', '2026-11-26'],
    ]);
    expect(okOmBoks[0]!.component.getFirstPropertyValue('url')).toBe('https://heritage.example/item/ok-om-bok');
    expect(events.map((e) => e.uid.replace(/-\d{4}-\d{2}-\d{2}@.*$/, '')).sort()).toEqual([...SHOWN, ...SHOWN].sort());
    expect(response.body).not.toMatch(/DTSTART:\d{8}T\d{6}\r\n/);
  });
});
