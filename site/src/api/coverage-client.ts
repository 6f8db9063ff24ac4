import { CoverageReport, CoverageTarget, CoverageTargetList, PublicCoverage, type CoverageTargetInput } from '@disan/schemas';
import type { Transport } from './transport.ts';

/**
 * Digitisation coverage (issue 15), called as the visitor: the public figures for everyone;
 * the targets' list and reports for staff (anyone else gets the API's 404 or 403); the
 * changes for admins. The yearly XLSX and PDF are not fetched here: the page links them
 * through the site's /api proxy (`reportFileHref`), so the browser downloads them directly.
 */
export interface CoverageClient {
  publicReports(): Promise<CoverageReport[]>;
  targets(): Promise<CoverageTargetList['targets']>;
  report(id: string): Promise<CoverageReport>;
  create(input: CoverageTargetInput): Promise<CoverageTarget>;
  replace(id: string, input: CoverageTargetInput): Promise<CoverageTarget>;
  remove(id: string): Promise<void>;
}

const segment = (value: string): string => encodeURIComponent(value);

export function coverageClient({ get, send }: Transport): CoverageClient {
  return {
    publicReports: async () => (await get(PublicCoverage, '/api/coverage/public')).reports,
    targets: async () => (await get(CoverageTargetList, '/api/coverage/targets')).targets,
    report: (id) => get(CoverageReport, `/api/coverage/targets/${segment(id)}`),
    create: (input) => send('POST', '/api/coverage/targets', input, CoverageTarget),
    replace: (id, input) => send('PUT', `/api/coverage/targets/${segment(id)}`, input, CoverageTarget),
    remove: (id) => send('DELETE', `/api/coverage/targets/${segment(id)}`, undefined, null),
  };
}

/**
 * The yearly report's file, through the site's /api proxy (same origin, the session cookie goes with it).
 * @example reportFileHref('soc-trang', 'xlsx', 2025) // '/api/coverage/targets/soc-trang/report.xlsx?year=2025'
 */
export function reportFileHref(id: string, format: 'xlsx' | 'pdf', year?: number): string {
  return `/api/coverage/targets/${segment(id)}/report.${format}${year === undefined ? '' : `?year=${year}`}`;
}
