import { describe, expect, it } from 'vitest';
import { parseSeason } from './season.ts';

describe('parseSeason', () => {
  it.each([
    ['15/10 âm lịch', [{ calendar: 'vietnamese-lunisolar', month: 10, day: 15 }]],
    ['Rằm tháng 10 âm lịch', [{ calendar: 'vietnamese-lunisolar', month: 10, day: 15 }]],
    ['mùng 5 tháng 5 âm lịch', [{ calendar: 'vietnamese-lunisolar', month: 5, day: 5 }]],
    ['14-15/10 âm lịch', [{ calendar: 'vietnamese-lunisolar', month: 10, day: 14, durationDays: 2 }]],
    ['15/8 nhuận âm lịch', [{ calendar: 'vietnamese-lunisolar', month: 8, day: 15, leapMonth: true }]],
    ['15/1 AL (3 ngày)', [{ calendar: 'vietnamese-lunisolar', month: 1, day: 15, durationDays: 3 }]],
    ['30/4 dương lịch', [{ calendar: 'gregorian', month: 4, day: 30 }]],
    ['Khmer 15 Kadeuk', [{ calendar: 'khmer-lunisolar', month: 12, day: 15 }]],
    ['Khmer 14 waning Photrobot (3 days)', [{ calendar: 'khmer-lunisolar', month: 10, day: 14, phase: 'waning', durationDays: 3 }]],
    ['khmer 1 kơt Pisak; 15/7 âm lịch', [{ calendar: 'khmer-lunisolar', month: 6, day: 1, phase: 'waxing' }, { calendar: 'vietnamese-lunisolar', month: 7, day: 15 }]],
  ])('reads "%s"', (text, recurrence) => {
    expect(parseSeason(text)).toEqual({ recurrence });
  });

  it.each([
    ['tháng 10', /not a season this import understands/],
    ['Khmer 15 Octobre', /not a season this import understands/],
    ['Khmer 20 waxing Kadeuk', /day 1–15/],
    ['32/1 âm lịch', /not a day of that calendar/],
    ['15/13 âm lịch', /not a day of that calendar/],
    ['', /empty/],
  ])('refuses "%s" with a clear reason', (text, reason) => {
    const result = parseSeason(text);
    expect('error' in result && result.error).toMatch(reason);
  });
});
