import { describe, expect, it } from 'vitest';
import { SOC_TRANG } from './report.fixture.ts';
import { formatMonthDay, gapSentence, hiddenGapsSentence, missingPhrases, paceSentence, ruleSentence, signedPoints } from './sentences.ts';

const [seneDolta, nguyenTieu] = SOC_TRANG.gaps as [NonNullable<(typeof SOC_TRANG.gaps)[0]>, NonNullable<(typeof SOC_TRANG.gaps)[1]>];

describe('a gap\'s sentence', () => {
  it('says when the element is next celebrated and that nothing documents it', () => {
    expect(gapSentence(seneDolta, 'en')).toBe('in 19 days, nothing documented yet');
    expect(gapSentence(seneDolta, 'vi')).toBe('còn 19 ngày, chưa có tư liệu nào');
    expect(gapSentence({ ...seneDolta, daysUntil: 1 }, 'en')).toBe('in 1 day, nothing documented yet');
    expect(gapSentence({ ...seneDolta, daysUntil: 0 }, 'en')).toBe('today, nothing documented yet');
  });

  it('lists what a described element still lacks, description languages named in the reader\'s language', () => {
    expect(gapSentence(nguyenTieu, 'en')).toBe('described, still missing: 2 photographs, a film or recording, and a description in Chinese');
    expect(gapSentence({ ...nguyenTieu, missing: { ...nguyenTieu.missing, descriptionIn: ['km'] } }, 'vi')).toBe('đã mô tả, còn thiếu: 2 bức ảnh, một phim hoặc bản ghi âm và mô tả bằng tiếng Khmer');
    expect(gapSentence({ ...nguyenTieu, daysUntil: 3 }, 'zh')).toMatch(/^3 天后，已描述，尚缺：2 张照片、一部影片或录音和中文描述$/);
    expect(gapSentence(nguyenTieu, 'km')).toContain('រូបថត 2');
  });

  it('counts records and documents with the plural rule, and Cham by the dictionaries', () => {
    expect(missingPhrases({ records: 1, images: 1, audioVisual: 3, documents: 2, descriptionIn: ['cjm'] }, 'en')).toEqual(['1 more record', 'a photograph', '3 films or recordings', '2 documents', 'a description in Cham']);
    expect(missingPhrases({ records: 0, images: 0, audioVisual: 0, documents: 0, descriptionIn: [] }, 'en')).toEqual([]);
  });

  it('counts the gaps the reader may not see', () => {
    expect(hiddenGapsSentence(2, 'en')).toBe('and 2 restricted elements');
    expect(hiddenGapsSentence(1, 'en')).toBe('and 1 restricted element');
    expect(hiddenGapsSentence(2, 'zh')).toBe('另有 2 个受限项目');
  });
});

describe('the pace\'s sentence', () => {
  const pace = { monthsLeft: 13.5, neededPerMonth: 1.84, lastYearPerMonth: 0.6, status: 'behind' as const };

  it('says the points a month needed against the last twelve months\' and whether that is behind', () => {
    expect(paceSentence(pace, 70, '2025-12-31', 'en')).toBe('Needs +1.8 points a month until December 31, 2025; the last 12 months gained +0.6 a month: behind.');
    expect(paceSentence({ ...pace, lastYearPerMonth: 2, status: 'on-track' }, 70, '2025-12-31', 'vi')).toBe('Cần thêm +1,8 điểm phần trăm mỗi tháng đến 31 tháng 12, 2025; 12 tháng qua tăng +2,0 mỗi tháng: đúng tiến độ.');
  });

  it('says a target met, and a deadline passed unmet', () => {
    expect(paceSentence({ ...pace, neededPerMonth: 0, status: 'met' }, 70, '2025-12-31', 'en')).toBe('The 70% target is met.');
    expect(paceSentence({ ...pace, neededPerMonth: null, lastYearPerMonth: -0.25, status: 'missed' }, 70, '2024-12-31', 'en')).toBe('The deadline December 31, 2024 has passed with the target unmet; the last 12 months gained -0.3 a month.');
    expect(signedPoints(0, 'en')).toBe('0.0');
    expect(formatMonthDay('12-05', 'en')).toBe('December 5');
  });
});

describe('the rule\'s sentence', () => {
  it('names what counts as digitised, counted as the language counts', () => {
    expect(ruleSentence({ minRecords: 1, descriptionIn: ['vi', 'group'], minImages: 2, minAudioVisual: 1 }, 'en')).toBe('at least 1 record, a description in Vietnamese and the people\'s own language, 2 photographs, and a film or recording');
    expect(ruleSentence({}, 'vi')).toBe('ít nhất 1 biểu ghi');
    expect(ruleSentence({ minRecords: 3, minDocuments: 1 }, 'zh')).toBe('至少 3 条记录和一份文献');
  });
});
