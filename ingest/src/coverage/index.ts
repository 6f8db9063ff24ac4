/**
 * Digitisation coverage against the provinces' targets (issue 15): targets in the catalog,
 * figures computed from the catalog's history (never stored), gaps, the yearly report.
 * The API imports this file (`@disan/ingest/coverage`), never the ones beside it.
 */
import type { CoverageReport, CoverageTarget, CoverageYearReport } from '@disan/schemas';
import type { Sql } from '../database/database.ts';
import { loadCoverageHistory, titlesOf, type CoverageHistory } from './history.ts';
import { additionsIn, coverageReport, yearOf, type ReportOptions } from './report.ts';
import { createTargetRepository } from './targets.ts';

export { loadCoverageHistory, syncCoverageFacts, type CoverageHistory } from './history.ts';
export { coverageReport, withReadableGaps, gapsOf, paceOf, yearEnd, yearOf, additionsIn, type ReportOptions } from './report.ts';
export { standingsAt, figureOf, type ElementStanding } from './compute.ts';
export { GROUP_LANGUAGES, shortfall } from './rule.ts';
export { createTargetRepository, loadTargets, validateTarget, type TargetRepository } from './targets.ts';
export { coverageWorkbook } from './xlsx.ts';
export { coveragePdf, PDF_FONT_PATHS } from './pdf.ts';

/** The coverage service over the catalog database. */
export function createCoverage(sql: Sql) {
  const targets = createTargetRepository(sql);
  return {
    targets,
    /** One target's figures; the history is read once per call. */
    async report(target: CoverageTarget, options: ReportOptions = {}): Promise<CoverageReport> {
      return coverageReport(await loadCoverageHistory(sql), target, options);
    },
    /** Several targets' figures over one read of the history (the dashboard's list). */
    async reports(list: readonly CoverageTarget[], options: ReportOptions = {}): Promise<CoverageReport[]> {
      if (list.length === 0) return [];
      const history: CoverageHistory = await loadCoverageHistory(sql);
      return list.map((target) => coverageReport(history, target, options));
    },
    /** The yearly report to the province: the figures, and what was added in `year` (default: this year). */
    async yearReport(target: CoverageTarget, year: number | undefined, options: ReportOptions = {}): Promise<CoverageYearReport> {
      const history = await loadCoverageHistory(sql);
      const report = coverageReport(history, target, options);
      const wanted = year ?? yearOf((options.now ?? new Date()).getTime());
      const added = additionsIn(history, report, wanted);
      const titles = await titlesOf(sql, added.map((addition) => addition.id));
      return { ...report, year: wanted, added: added.map((addition) => ({ ...addition, title: titles.get(addition.id) ?? addition.title })) };
    },
  };
}

export type Coverage = ReturnType<typeof createCoverage>;
