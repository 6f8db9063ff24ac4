import type { FastifyReply, FastifyRequest } from 'fastify';
import { CoverageReport, CoverageReportQuery, CoverageTarget, CoverageTargetInput, CoverageTargetList, CoverageTargetParams, PublicCoverage, type CoverageTarget as Target } from '@disan/schemas';
import { NotFoundError } from '@disan/ingest';
import { canReadRecord, PUBLIC, type Viewer } from '@disan/ingest/access';
import { coveragePdf, coverageWorkbook, createCoverage, withReadableGaps } from '@disan/ingest/coverage';
import type { CoverageReport as Report } from '@disan/schemas';
import { actorOf, ERRORS, NO_CONTENT, type RoutePlugin } from '../context.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = (type: string, description: string, binary = true): Record<string, unknown> => ({ description, content: { [type]: { schema: { type: 'string', ...(binary ? { format: 'binary' } : {}) } } } });

/**
 * Digitisation coverage (issue 15). `/api/coverage/targets…` is the staff's: the targets (an
 * admin sets them, canManageCoverageTargets), each one's figures, gaps and yearly report
 * (canReadCoverageReports). `/api/coverage/public` is everyone's: the public targets' figures.
 * Figures count everything the archive keeps, restricted records included (the plans ask what
 * is kept); gaps name only the elements the viewer may read and count the others.
 */
export const coverageRoutes: RoutePlugin = (app, { archive }, done) => {
  const coverage = createCoverage(archive.db);
  const tags = ['coverage'];
  const actor = (request: FastifyRequest): string => {
    const who = actorOf(request);
    return request.viewer.kind === 'user' ? `user:${who.id}` : who.id;
  };
  const found = async (id: string, publicOnly = false): Promise<Target> => {
    const target = await coverage.targets.get(id);
    if (!target || (publicOnly && !target.public)) throw new NotFoundError(`No coverage target ${id}`);
    return target;
  };
  /** The gaps whose element the viewer may read, asked of access with each element's state now. */
  const readable = async <R extends Report>(viewer: Viewer, report: R): Promise<R> => {
    const items = await archive.catalog.items.getMany(report.gaps.map((gap) => gap.elementId));
    const ids = new Set(items.filter((item) => canReadRecord(viewer, item)).map((item) => item.id));
    return withReadableGaps(report, (id) => ids.has(id));
  };

  app.get(
    '/coverage/targets',
    { config: { access: 'canReadCoverageReports' }, schema: { operationId: 'listCoverageTargets', summary: 'Every digitisation target with its figure today', tags, response: { 200: CoverageTargetList, ...ERRORS } } },
    async () => {
      const targets = await coverage.targets.list();
      const reports = await coverage.reports(targets);
      return { targets: reports.map((report) => ({ target: report.target, now: report.now })) };
    },
  );

  app.post(
    '/coverage/targets',
    { config: { access: 'canManageCoverageTargets' }, schema: { operationId: 'createCoverageTarget', summary: 'A province plan\'s target: scope, share, deadline and what counts as digitised', tags, body: CoverageTargetInput, response: { 201: CoverageTarget, ...ERRORS } } },
    async (request, reply) => reply.code(201).send(await coverage.targets.create(request.body, actor(request))),
  );

  app.put(
    '/coverage/targets/:id',
    { config: { access: 'canManageCoverageTargets' }, schema: { operationId: 'replaceCoverageTarget', summary: 'Change a target; every year\'s figure follows the new rule', tags, params: CoverageTargetParams, body: CoverageTargetInput, response: { 200: CoverageTarget, ...ERRORS } } },
    async (request) => coverage.targets.replace(request.params.id, request.body, actor(request)),
  );

  app.delete(
    '/coverage/targets/:id',
    { config: { access: 'canManageCoverageTargets' }, schema: { operationId: 'deleteCoverageTarget', summary: 'Remove a target (the records and elements stay)', tags, params: CoverageTargetParams, response: { ...NO_CONTENT, ...ERRORS } } },
    async (request, reply) => {
      await coverage.targets.remove(request.params.id, actor(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/coverage/targets/:id',
    { config: { access: 'canReadCoverageReports' }, schema: { operationId: 'getCoverageReport', summary: 'A target\'s coverage today and at every year end, its pace and its gaps', tags, params: CoverageTargetParams, response: { 200: CoverageReport, ...ERRORS } } },
    async (request) => readable(request.viewer, await coverage.report(await found(request.params.id))),
  );

  const yearReport = async (request: FastifyRequest<{ Params: CoverageTargetParams; Querystring: CoverageReportQuery }>) => {
    return readable(request.viewer, await coverage.yearReport(await found(request.params.id), request.query.year));
  };
  const send = (reply: FastifyReply, type: string, name: string, body: Buffer) =>
    reply.type(type).header('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '-')}"`).header('cache-control', 'private, no-store').send(body);

  app.get(
    '/coverage/targets/:id/report.xlsx',
    { config: { access: 'canReadCoverageReports' }, schema: { operationId: 'getCoverageReportXlsx', summary: 'The yearly report to the province as a spreadsheet (Vietnamese)', tags, params: CoverageTargetParams, querystring: CoverageReportQuery, response: { 200: file(XLSX, 'An XLSX workbook: summary, by year, gaps, additions'), ...ERRORS } } },
    async (request, reply) => {
      const report = await yearReport(request);
      return send(reply, XLSX, `bao-cao-${report.target.id}-${report.year}.xlsx`, await coverageWorkbook(report, 'vi'));
    },
  );

  app.get(
    '/coverage/targets/:id/report.pdf',
    { config: { access: 'canReadCoverageReports' }, schema: { operationId: 'getCoverageReportPdf', summary: 'The yearly report to the province as a PDF (Vietnamese)', tags, params: CoverageTargetParams, querystring: CoverageReportQuery, response: { 200: file('application/pdf', 'A PDF document'), ...ERRORS } } },
    async (request, reply) => {
      const report = await yearReport(request);
      return send(reply, 'application/pdf', `bao-cao-${report.target.id}-${report.year}.pdf`, await coveragePdf(report, 'vi'));
    },
  );

  app.get(
    '/coverage/public',
    { config: { access: 'anyone' }, schema: { operationId: 'getPublicCoverage', summary: 'The public targets\' figures and gaps, as anyone may read them', tags, response: { 200: PublicCoverage, ...ERRORS } } },
    async () => {
      const reports = await coverage.reports(await coverage.targets.list({ publicOnly: true }));
      return { reports: await Promise.all(reports.map((report) => readable(PUBLIC, report))) };
    },
  );
  done();
};
