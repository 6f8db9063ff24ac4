import { Readable } from 'node:stream';
import { AuditPage, AuditQuery } from '@disan/schemas';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** The day after a `YYYY-MM-DD`: the engine's `to` is exclusive, the API's last day inclusive. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The query as the engine's filter: dates as UTC days, `to` inclusive. */
function filterOf(query: AuditQuery) {
  return {
    actor: query.actor,
    target: query.target,
    action: query.action,
    from: query.from === undefined ? undefined : `${query.from}T00:00:00Z`,
    to: query.to === undefined ? undefined : `${dayAfter(query.to)}T00:00:00Z`,
  };
}

/** Documents the CSV answer in OpenAPI; the stream itself is sent as it is. */
const CSV: Record<string, unknown> = { description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } };

/**
 * `/api/audit` and `/api/audit.csv`: the audit trail for admins, filtered by person,
 * target, action and dates; the CSV streams every matching entry, oldest first, with
 * cells a spreadsheet would run as formulas neutralised by the engine.
 */
export const auditRoutes: RoutePlugin = (app, { archive }, done) => {
  const { audit } = archive.catalog;

  app.get(
    '/audit',
    { config: { access: 'canReadAudit' }, schema: { operationId: 'listAudit', summary: 'Audit entries, newest first', tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage, ...ERRORS } } },
    async (request) => {
      const { limit = 100, offset = 0 } = request.query;
      return audit.list({ ...filterOf(request.query), limit, offset });
    },
  );

  app.get(
    '/audit.csv',
    {
      config: { access: 'canReadAudit' },
      schema: {
        operationId: 'exportAudit',
        summary: 'Every matching audit entry as CSV, oldest first (limit and offset are ignored)',
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: CSV, ...ERRORS },
      },
    },
    async (request, reply) => {
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="disan-audit-${stamp}.csv"`)
        .header('cache-control', 'private, no-store');
      return reply.send(Readable.from(audit.csv(filterOf(request.query))));
    },
  );
  done();
};
