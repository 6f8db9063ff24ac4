import type { CoverageFigure, CoverageReport } from '@disan/schemas';

/** A figure at a year end, its percentage computed as the engine computes it. */
export function figure(year: number, total: number, notDocumented: number, described: number, digitised: number, published: number): CoverageFigure {
  const percentage = total === 0 ? 0 : Math.round(((digitised + published) / total) * 1000) / 10;
  return { at: `${year}-12-31T16:59:59.999Z`, year, total, notDocumented, described, digitised, published, percentage };
}

/** Today's figure, which the engine also gives as the current year's, last. */
const NOW: CoverageFigure = { ...figure(2025, 10, 3, 2, 3, 2), at: '2025-11-12T03:00:00.000Z' };

/** Sóc Trăng's plan: Khmer and Hoa festivals and customs, 70 % by the end of 2025, seen on 12 November 2025. */
export const SOC_TRANG: CoverageReport = {
  target: {
    id: 'soc-trang-2025',
    name: [{ lang: 'vi', value: 'Sóc Trăng: lễ hội và phong tục Khmer, Hoa' }, { lang: 'en', value: 'Sóc Trăng: Khmer and Hoa festivals and customs' }],
    scope: { provinces: ['Sóc Trăng'], ethnicGroups: ['khmer', 'hoa'], categories: ['festival', 'custom'] },
    percentage: 70,
    deadline: '2025-12-31',
    rule: { minRecords: 1, descriptionIn: ['vi', 'group'], minImages: 2, minAudioVisual: 1 },
    public: true,
    basis: 'Kế hoạch 123/KH-UBND',
    reportDue: '12-05',
    createdAt: '2024-03-01T02:00:00.000Z',
    updatedAt: '2024-03-01T02:00:00.000Z',
  },
  now: NOW,
  years: [figure(2023, 8, 6, 1, 1, 0), figure(2024, 10, 4, 2, 3, 1), NOW],
  pace: { monthsLeft: 1.6, neededPerMonth: 12.5, lastYearPerMonth: 0.8, status: 'behind' },
  gaps: [
    {
      elementId: 'sene-dolta', title: [{ lang: 'vi', value: 'Lễ Sene Dolta' }, { lang: 'km', value: 'សែនដូនតា' }], category: 'festival', state: 'not-documented',
      viability: 'vulnerable', nextDate: '2025-12-01', daysUntil: 19, records: 0,
      missing: { records: 1, images: 2, audioVisual: 1, documents: 0, descriptionIn: ['vi', 'km'] },
    },
    {
      elementId: 'tet-nguyen-tieu', title: [{ lang: 'vi', value: 'Tết Nguyên tiêu của người Hoa' }], category: 'custom', state: 'described',
      viability: null, nextDate: null, daysUntil: null, records: 1,
      missing: { records: 0, images: 2, audioVisual: 1, documents: 0, descriptionIn: ['zh'] },
    },
  ],
  hiddenGaps: 2,
};
