import type { CoverageYearReport } from '@disan/schemas';
import { reportWords, type ReportLanguage } from './labels.ts';

export type Cell = string | number | null;

/** The yearly report as tables, so the spreadsheet and the PDF say the same numbers. */
export interface ReportTables {
  title: string;
  summary: [string, Cell][];
  years: { header: string[]; rows: Cell[][] };
  gaps: { header: string[]; rows: Cell[][] };
  added: { header: string[]; rows: Cell[][] };
  sheetNames: { summary: string; years: string; gaps: string; added: string };
}

export function reportTables(report: CoverageYearReport, lang: ReportLanguage, now: Date): ReportTables {
  const w = reportWords(lang);
  const { target, now: figure, pace } = report;
  const list = (values: readonly string[]): string => (values.length === 0 ? w.word('all') : values.join(', '));
  const summary: [string, Cell][] = [
    [w.word('target'), w.title(target.name)],
    ...(target.basis ? [[w.word('basis'), target.basis] as [string, Cell]] : []),
    [w.word('year'), report.year],
    [w.word('made'), now.toISOString().slice(0, 10)],
    [w.word('provinces'), list(target.scope.provinces)],
    [w.word('groups'), list(target.scope.ethnicGroups.map((g) => w.group(g)))],
    [w.word('categories'), list(target.scope.categories.map((c) => w.category(c)))],
    [w.word('rule'), w.rule(target.rule)],
    [w.word('goal'), target.percentage],
    [w.word('deadline'), target.deadline],
    [w.word('total'), figure.total],
    [w.word('notDocumented'), figure.notDocumented],
    [w.word('described'), figure.described],
    [w.word('digitised'), figure.digitised],
    [w.word('published'), figure.published],
    [w.word('percentage'), figure.percentage],
    [w.word('neededPerMonth'), pace.neededPerMonth],
    [w.word('lastYearPerMonth'), pace.lastYearPerMonth],
    [w.word('status'), w.word(pace.status)],
  ];
  return {
    title: `${w.word('title')} ${report.year}`,
    summary,
    years: {
      header: [w.word('yearColumn'), w.word('total'), w.word('notDocumented'), w.word('described'), w.word('digitised'), w.word('published'), w.word('percentage')],
      rows: report.years.map((y) => [y.year, y.total, y.notDocumented, y.described, y.digitised, y.published, y.percentage]),
    },
    gaps: {
      header: [w.word('id'), w.word('name'), w.word('category'), w.word('state'), w.word('viability'), w.word('nextDate'), w.word('daysUntil'), w.word('missing')],
      rows: [
        ...report.gaps.map((g) => [g.elementId, w.title(g.title), w.category(g.category), w.state(g.state), w.viability(g.viability), g.nextDate, g.daysUntil, w.shortfall(g.missing)]),
        ...(report.hiddenGaps > 0 ? [[null, w.word('hiddenGaps'), null, null, null, null, null, String(report.hiddenGaps)]] : []),
      ],
    },
    added: {
      header: [w.word('id'), w.word('name'), w.word('kind'), w.word('addedAt')],
      rows: report.added.map((a) => [a.id, w.title(a.title), a.kind, a.addedAt.slice(0, 10)]),
    },
    sheetNames: { summary: w.word('summary'), years: w.word('byYear'), gaps: w.word('gaps'), added: w.word('added') },
  };
}
